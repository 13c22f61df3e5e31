import { isArtFamily } from '../../../shared/inventory/rules';
import type { EnsembleInstruments, PartReview, PartType } from '../../../shared/programmes/schemas';
import { AppError, fieldError, stale, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { requireEstablishment } from '../auth/access';
import { instrumentsOfEnsemble, instrumentTypesByIds, partTypeOptions } from '../inventory/repository/for-programmes';
import * as repo from './repository';
import type { PartReviewRow } from './repository';
import { compareSpanish } from '../../../shared/format';

/**
 * An ensemble member's part from the list (issue 15): the instrument types a part may name,
 * the instruments the ensemble has at hand and the parts missing one, and the parts typed
 * before the list existed that a clerk links or dismisses ("Partes sin vincular").
 */

type PartChannel =
  'ensembles.partTypes' | 'ensembles.instruments' | 'ensembles.partReviews' | 'ensembles.linkPart' | 'ensembles.dismissPart';

export interface ChosenPart {
  /** The list item's label, kept as the part's text. */
  text: string;
  typeId: number | null;
  voice: string | null;
}

/**
 * The instrument types a part may name: the active types of the musical instruments' families.
 * Art equipment (kilns, wheels, easels, tools: issue 15, item 6) is in the same inventory but is
 * never an ensemble member's part.
 */
async function musicPartTypes(ctx: HandlerContext): Promise<PartType[]> {
  return (await partTypeOptions(ctx.db)).filter((t) => !isArtFamily(t.family));
}

/** The part chosen from the list, checked in main: an active musical instrument type or a voice; null: none. */
export async function chosenPart(ctx: HandlerContext, typeId: number | null, voice: string | null): Promise<ChosenPart | null> {
  if (typeId !== null) {
    const type = (await partTypeOptions(ctx.db)).find((t) => t.id === typeId);
    if (!type) throw fieldError('partTypeId', 'programmes.ensembleParts.errors.unknownPartType');
    if (isArtFamily(type.family)) throw fieldError('partTypeId', 'programmes.ensembleParts.errors.artEquipment');
    return { text: type.name, typeId, voice: null };
  }
  if (voice !== null) return { text: ctx.t(`programmes.voices.${voice}`), typeId: null, voice };
  return null;
}

async function shown(ctx: HandlerContext, rows: PartReviewRow[]): Promise<PartReview[]> {
  const types = await instrumentTypesByIds(
    ctx.db,
    rows.map((r) => r.partTypeId).filter((x): x is number => x !== null),
  );
  return rows.map((r) => ({ ...r, partTypeName: r.partTypeId === null ? null : (types.get(r.partTypeId)?.name ?? null) }));
}

async function mustPendingReview(ctx: HandlerContext, id: number): Promise<PartReviewRow> {
  const r = orNotFound(await repo.getPartReview(ctx.db, ctx.session, id));
  requireEstablishment(ctx, r.establishmentId);
  if (r.status !== 'pendiente') throw new AppError('conflict', 'programmes.ensembleParts.errors.reviewResolved');
  return r;
}

/**
 * The ensemble's instruments and the parts missing one. A part (instrument type) is missing
 * an instrument for each of its members who holds none of that type, beyond the ensemble's
 * own instruments of that type (each one may go to one of them).
 */
async function ensembleInstruments(ctx: HandlerContext, ensembleId: number): Promise<EnsembleInstruments> {
  const members = await repo.openMembersOf(ctx.db, ensembleId);
  const instruments = await instrumentsOfEnsemble(
    ctx.db,
    ensembleId,
    members.map((m) => m.participantId),
  );
  if (instruments === null) return { inventory: false, instruments: [], parts: [], withoutOwn: [] };
  const withPart = members.filter((m) => m.partTypeId !== null);
  const names = await instrumentTypesByIds(
    ctx.db,
    withPart.map((m) => m.partTypeId!),
  );
  const withoutOwn = withPart.filter((m) => !instruments.some((i) => i.participantId === m.participantId && i.typeId === m.partTypeId));
  const typeIds = [...new Set(withPart.map((m) => m.partTypeId!))];
  const parts = typeIds
    .map((typeId) => {
      const count = withPart.filter((m) => m.partTypeId === typeId).length;
      const lacking = withoutOwn.filter((m) => m.partTypeId === typeId).length;
      const fromEnsemble = instruments.filter((i) => i.participantId === null && i.typeId === typeId).length;
      return {
        typeId,
        typeName: names.get(typeId)?.name ?? '',
        members: count,
        withOwn: count - lacking,
        fromEnsemble,
        missing: Math.max(0, lacking - fromEnsemble),
      };
    })
    .sort((a, b) => b.missing - a.missing || compareSpanish(a.typeName, b.typeName));
  return { inventory: true, instruments, parts, withoutOwn: withoutOwn.map((m) => m.enrolmentId) };
}

export const ensemblePartHandlers: DomainHandlers<PartChannel> = {
  'ensembles.partTypes': (_input, ctx) => musicPartTypes(ctx),

  'ensembles.instruments': async ({ id }, ctx) => {
    const g = orNotFound(await repo.getEnsemble(ctx.db, id));
    requireEstablishment(ctx, g.establishmentId);
    return ensembleInstruments(ctx, id);
  },

  'ensembles.partReviews': async (f, ctx) => shown(ctx, await repo.listPartReviews(ctx.db, ctx.session, f)),

  'ensembles.linkPart': async ({ id, partTypeId, partVoice }, ctx) => {
    const r = await mustPendingReview(ctx, id);
    const part = (await chosenPart(ctx, partTypeId, partVoice))!;
    await repo.linkEnrolmentPart(ctx.db, r.enrolmentId, { typeId: part.typeId, voice: part.voice }, ctx.session.actor, ctx.now);
    if (!(await repo.resolvePartReview(ctx.db, id, 'vinculado', ctx.session.actor.name, ctx.now))) throw stale();
    await ctx.audit({
      entity: 'enrolment',
      entityId: r.enrolmentId,
      action: 'linkPart',
      before: { part: r.originalText },
      after: { part: r.originalText, partTypeId: part.typeId, partVoice: part.voice },
    });
    return (await shown(ctx, [(await repo.getPartReview(ctx.db, ctx.session, id))!]))[0]!;
  },

  'ensembles.dismissPart': async ({ id }, ctx) => {
    const r = await mustPendingReview(ctx, id);
    if (!(await repo.resolvePartReview(ctx.db, id, 'descartado', ctx.session.actor.name, ctx.now))) throw stale();
    await ctx.audit({ entity: 'enrolment', entityId: r.enrolmentId, action: 'dismissPart', before: { part: r.originalText } });
    return (await shown(ctx, [(await repo.getPartReview(ctx.db, ctx.session, id))!]))[0]!;
  },
};
