import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { fieldError } from '../ipc/errors';
import { NO_CONSENT } from '../../../shared/internarte/rules';
import { mustGetArtwork, storeConsentDocument, storePhotos } from './access';
import * as repo from './repository';

/**
 * An artwork's ledgers, appended and never rewritten: its consents (what the artist allows,
 * per use), its condition reports and its custody (where it is).
 */

type RecordChannel =
  | 'artworks.consents'
  | 'artworks.recordConsent'
  | 'artworks.revokeConsent'
  | 'artworks.conditionReports'
  | 'artworks.addConditionReport'
  | 'artworks.custody'
  | 'artworks.moveCustody';

/**
 * An artwork's consent ledger. The signed document (its file name and reference) and the
 * notes name the artist and what happened: they are for the roles that see artists' real
 * names (repo.canSeeArtists); every other role reads what was allowed, when and by whom
 * recorded, and only whether a signed document is on file.
 */
const consentsOf = (ctx: HandlerContext, artworkId: number) => repo.consentLedger(ctx.db, artworkId, repo.canSeeArtists(ctx.session));

export const artworkRecordHandlers: DomainHandlers<RecordChannel> = {
  'artworks.consents': async ({ id }, ctx) => {
    await mustGetArtwork(ctx, id);
    return consentsOf(ctx, id);
  },

  'artworks.recordConsent': async (input, ctx) => {
    await mustGetArtwork(ctx, input.artworkId);
    const documentHash = await storeConsentDocument(ctx, input.document);
    const row = await repo.insertConsent(
      ctx.db,
      input.artworkId,
      {
        date: input.date,
        revocation: false,
        naming: input.naming,
        pseudonym: input.naming === 'seudonimo' ? input.pseudonym : null,
        mayExhibit: input.mayExhibit,
        mayCatalog: input.mayCatalog,
        mayPhotograph: input.mayPhotograph,
        maySell: input.maySell,
        notes: input.notes,
        documentHash,
      },
      ctx.session.actor,
      ctx.now,
    );
    await ctx.audit({ entity: 'artwork', entityId: input.artworkId, action: 'consent:record', after: { ...row, artwork_id: undefined } });
    return consentsOf(ctx, input.artworkId);
  },

  'artworks.revokeConsent': async (input, ctx) => {
    await mustGetArtwork(ctx, input.artworkId);
    const documentHash = await storeConsentDocument(ctx, input.document);
    // A revocation is a new entry that allows nothing: every output made after it leaves the work out.
    await repo.insertConsent(
      ctx.db,
      input.artworkId,
      {
        date: input.date,
        revocation: true,
        ...NO_CONSENT,
        notes: input.notes,
        documentHash,
      },
      ctx.session.actor,
      ctx.now,
    );
    await ctx.audit({
      entity: 'artwork',
      entityId: input.artworkId,
      action: 'consent:revoke',
      after: { date: input.date, notes: input.notes },
    });
    return consentsOf(ctx, input.artworkId);
  },

  'artworks.conditionReports': async ({ id }, ctx) => {
    await mustGetArtwork(ctx, id);
    return repo.conditionReports(ctx.db, ctx.attachments, id);
  },

  'artworks.addConditionReport': async (input, ctx) => {
    await mustGetArtwork(ctx, input.artworkId);
    const stored = await storePhotos(ctx, input.photos);
    await repo.insertConditionReport(
      ctx.db,
      input.artworkId,
      { date: input.date, examinedBy: input.examinedBy, grade: input.grade, text: input.text },
      stored.map((s) => s.hash),
      ctx.session.actor,
      ctx.now,
    );
    await ctx.audit({
      entity: 'artwork',
      entityId: input.artworkId,
      action: 'condition:add',
      after: { date: input.date, grade: input.grade, photos: stored.length },
    });
    return repo.conditionReports(ctx.db, ctx.attachments, input.artworkId);
  },

  'artworks.custody': async ({ id }, ctx) => {
    await mustGetArtwork(ctx, id);
    return repo.custodyLedger(ctx.db, id);
  },

  'artworks.moveCustody': async ({ artworkId, to, date, place, notes }, ctx) => {
    const before = await mustGetArtwork(ctx, artworkId);
    if (to === 'vendida' && !(await repo.currentConsent(ctx.db, artworkId)).maySell) {
      throw fieldError('to', 'internarte.errors.noSaleConsent', {}, 'conflict');
    }
    await repo.appendCustody(ctx.db, artworkId, { to }, { date, place, notes }, ctx.session.actor, ctx.now);
    if (to === 'vendida') await repo.markSold(ctx.db, artworkId, before.version, ctx.session.actor, ctx.now);
    const after = await mustGetArtwork(ctx, artworkId);
    await ctx.audit({
      entity: 'artwork',
      entityId: artworkId,
      action: 'custody',
      before: { custodyStatus: before.custodyStatus },
      after: { custodyStatus: after.custodyStatus, date, place },
    });
    return after;
  },
};
