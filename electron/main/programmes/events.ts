import type { EventPhoto, ProgrammeEvent } from '../../../shared/programmes/schemas';
import { thumbnailDataUrl } from '../files/attachments';
import { storeUpload } from '../files/uploads';
import { getEstablishment } from '../establishments/repository';
import { AppError, notFound, stale, fieldError, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { agreementMisfit } from './agreement-links';
import * as repo from './repository';
import { requireEstablishment } from '../auth/access';

type EventChannel =
  | 'seasons.list'
  | 'seasons.create'
  | 'seasons.update'
  | 'events.list'
  | 'events.get'
  | 'events.create'
  | 'events.update'
  | 'events.photos'
  | 'events.addPhoto'
  | 'events.removePhoto';

async function checkSeasonName(ctx: HandlerContext, name: string, selfId: number | null) {
  const other = await repo.seasonIdByName(ctx.db, name);
  if (other !== null && other !== selfId) {
    throw new AppError(
      'conflict',
      'programmes.errors.duplicateSeason',
      { name },
      { name: { key: 'programmes.errors.duplicateSeason', params: { name } } },
    );
  }
}

/** An event, if one of the session's establishments hosts it or has an ensemble in it. */
async function mustEvent(ctx: HandlerContext, id: number): Promise<ProgrammeEvent> {
  const e = orNotFound(await repo.getEvent(ctx.db, id));
  const ensembleEstablishments = await repo.ensembleEstablishmentIds(
    ctx.db,
    e.ensembles.map((g) => g.id),
  );
  requireEstablishment(ctx, e.establishmentId, ...ensembleEstablishments);
  return e;
}

/** The references an event makes must exist; its date falls within its season. */
async function checkEvent(ctx: HandlerContext, v: repo.EventValues): Promise<void> {
  if (v.seasonId !== null) {
    const s = await repo.seasonRow(ctx.db, v.seasonId);
    if (!s) throw fieldError('seasonId', 'programmes.errors.unknownSeason');
    if (v.date < String(s.start_date) || v.date > String(s.end_date))
      throw fieldError('date', 'programmes.errors.outsideSeason', { name: String(s.name) });
  }
  if (v.venueKind === 'establecimiento' && v.establishmentId !== null) {
    if (!(await getEstablishment(ctx.db, v.establishmentId))) throw fieldError('establishmentId', 'programmes.errors.unknownEstablishment');
  }
  const partners = [...new Set(v.partnerIds)];
  if (partners.length && (await repo.existingPartnerIds(ctx.db, partners)).length !== partners.length) {
    throw fieldError('partnerIds', 'programmes.errors.unknownPartner');
  }
  const ensembles = [...new Set(v.ensembleIds)];
  if (ensembles.length && (await repo.existingEnsembleIds(ctx.db, ensembles)).length !== ensembles.length) {
    throw fieldError('ensembleIds', 'programmes.errors.unknownEnsemble');
  }
  if (v.agreementId !== null) {
    const misfit = await agreementMisfit(ctx.db, v.agreementId, partners, v.date);
    if (misfit) throw fieldError('agreementId', misfit.key, misfit.params);
  }
}

async function photosOf(ctx: HandlerContext, eventId: number): Promise<EventPhoto[]> {
  const rows = await repo.eventPhotoRows(ctx.db, eventId);
  return Promise.all(
    rows.map(async (r) => ({
      hash: String(r.attachment_hash),
      originalName: String(r.original_name),
      thumbnail: await thumbnailDataUrl(ctx.attachments, String(r.attachment_hash)),
      addedAt: String(r.added_at),
      addedBy: String(r.added_by),
    })),
  );
}

export const eventHandlers: DomainHandlers<EventChannel> = {
  'seasons.list': (_input, ctx) => repo.seasons(ctx.db),

  'seasons.create': async (input, ctx) => {
    await checkSeasonName(ctx, input.name, null);
    const [created] = await repo.seasons(ctx.db, await repo.insertSeason(ctx.db, input, ctx.session.actor, ctx.now));
    await ctx.audit({ entity: 'season', entityId: created!.id, action: 'create', after: created });
    return created!;
  },

  'seasons.update': async ({ id, version, name, startDate, endDate }, ctx) => {
    const [before] = await repo.seasons(ctx.db, id);
    if (!before) throw notFound();
    if (before.version !== version) throw stale();
    await checkSeasonName(ctx, name, id);
    const outside = await repo.eventsOutside(ctx.db, id, startDate, endDate);
    if (outside > 0) throw fieldError('startDate', 'programmes.errors.seasonLeavesEvents', { count: outside });
    await repo.updateSeason(ctx.db, id, version, { name, startDate, endDate }, ctx.session.actor, ctx.now);
    const [after] = await repo.seasons(ctx.db, id);
    await ctx.audit({ entity: 'season', entityId: id, action: 'update', before, after });
    return after!;
  },

  'events.list': (f, ctx) => repo.listEvents(ctx.db, ctx.session, f),

  'events.get': ({ id }, ctx) => mustEvent(ctx, id),

  'events.create': async (input, ctx) => {
    await checkEvent(ctx, input);
    const created = await mustEvent(ctx, await repo.insertEvent(ctx.db, input, ctx.session.actor, ctx.now));
    await ctx.audit({ entity: 'event', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'events.update': async ({ id, version, ...values }, ctx) => {
    const before = await mustEvent(ctx, id);
    if (before.version !== version) throw stale();
    await checkEvent(ctx, values);
    const n = await repo.updateEvent(ctx.db, id, version, values, ctx.session.actor, ctx.now);
    if (n !== 1) throw stale();
    const after = await mustEvent(ctx, id);
    await ctx.audit({ entity: 'event', entityId: id, action: 'update', before, after });
    return after;
  },

  'events.photos': async ({ id }, ctx) => {
    await mustEvent(ctx, id);
    return photosOf(ctx, id);
  },

  'events.addPhoto': async ({ id, fileName, dataBase64 }, ctx) => {
    await mustEvent(ctx, id);
    const stored = await storeUpload(ctx, { fileName, dataBase64 }, 'image');
    await repo.addEventPhoto(ctx.db, id, stored.hash, ctx.session.actor, ctx.now);
    await ctx.audit({ entity: 'event', entityId: id, action: 'photo:add', after: { hash: stored.hash, name: stored.originalName } });
    return photosOf(ctx, id);
  },

  'events.removePhoto': async ({ id, hash }, ctx) => {
    await mustEvent(ctx, id);
    const n = await repo.removeEventPhoto(ctx.db, id, hash);
    if (n === 0) throw notFound();
    await ctx.audit({ entity: 'event', entityId: id, action: 'photo:remove', before: { hash } });
    return photosOf(ctx, id);
  },
};
