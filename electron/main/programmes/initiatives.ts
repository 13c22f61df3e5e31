import type { ChannelName } from '../../../shared/channels';
import type { Initiative, InitiativeDetail, InitiativeMemberKind } from '../../../shared/programmes/initiative-schemas';
import { initiativeMemberKinds } from '../../../shared/programmes/initiative-schemas';
import { establishmentScope } from '../auth/access';
import { AppError, fieldError, stale, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import * as repo from './repository';

/**
 * Initiatives (issue 17, item 1): the programme's lines of activity, their partners and
 * agreements, the records they group (linked and unlinked from the initiative's page, a record
 * in at most one) and their figures for a year.
 */

/** The initiatives' channels, as shared/programmes/channels.ts lists them. */
type InitiativeChannel = Extract<ChannelName, `initiatives.${string}`>;

async function mustInitiative(ctx: HandlerContext, id: number): Promise<Initiative> {
  return orNotFound(await repo.getInitiative(ctx.db, id));
}

async function detail(ctx: HandlerContext, id: number): Promise<InitiativeDetail> {
  const initiative = await mustInitiative(ctx, id);
  const members = {} as InitiativeDetail['members'];
  for (const kind of initiativeMemberKinds) members[kind] = await repo.memberStores[kind].of(ctx.db, id);
  return { initiative, members };
}

/** One name per initiative, whatever its case or accents; partners and agreements that exist. */
async function checkValues(ctx: HandlerContext, v: repo.InitiativeValues, selfId: number | null): Promise<void> {
  const other = await repo.initiativeIdByName(ctx.db, v.name);
  if (other !== null && other !== selfId) {
    throw fieldError('name', 'programmes.initiatives.errors.duplicate', { name: v.name }, 'conflict');
  }
  if ((await repo.unknownPartnerIds(ctx.db, v.partnerIds)).length > 0) {
    throw fieldError('partnerIds', 'programmes.errors.unknownPartner');
  }
  if ((await repo.unknownAgreementIds(ctx.db, v.agreementIds)).length > 0) {
    throw fieldError('agreementIds', 'programmes.initiatives.errors.unknownAgreement');
  }
}

/** Links records to an initiative: each must exist and belong to no other initiative. */
async function assign(ctx: HandlerContext, id: number, kind: InitiativeMemberKind, recordIds: number[]): Promise<number[]> {
  const store = repo.memberStores[kind];
  const ids = [...new Set(recordIds)];
  const current = await store.initiatives(ctx.db, ids, establishmentScope(ctx.session));
  if (ids.some((r) => !current.has(r))) throw fieldError('recordIds', 'programmes.initiatives.errors.unknownRecord');
  const elsewhere = ids.find((r) => current.get(r) !== null && current.get(r) !== id);
  if (elsewhere !== undefined) {
    const other = await repo.getInitiative(ctx.db, current.get(elsewhere)!);
    throw fieldError('recordIds', 'programmes.initiatives.errors.inAnother', { name: other?.name ?? '' }, 'conflict');
  }
  const added = ids.filter((r) => current.get(r) === null);
  if (added.length > 0 && (await store.move(ctx.db, added, null, id)) !== added.length) throw stale();
  return added;
}

export const initiativeHandlers: DomainHandlers<InitiativeChannel> = {
  'initiatives.list': (f, ctx) => repo.listInitiatives(ctx.db, f),

  'initiatives.options': (_input, ctx) => repo.initiativeOptions(ctx.db),

  'initiatives.get': ({ id }, ctx) => detail(ctx, id),

  'initiatives.create': async (input, ctx) => {
    await checkValues(ctx, input, null);
    const created = await mustInitiative(ctx, await repo.insertInitiative(ctx.db, input, ctx.session.actor, ctx.now));
    await ctx.audit({ entity: 'initiative', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'initiatives.update': async ({ id, version, active, ...values }, ctx) => {
    const before = await mustInitiative(ctx, id);
    if (before.version !== version) throw stale();
    await checkValues(ctx, values, id);
    const n = await repo.updateInitiative(ctx.db, id, version, values, active, ctx.session.actor, ctx.now);
    if (n !== 1) throw stale();
    const after = await mustInitiative(ctx, id);
    await ctx.audit({ entity: 'initiative', entityId: id, action: 'update', before, after });
    return after;
  },

  'initiatives.candidates': async ({ id, kind }, ctx) => {
    await mustInitiative(ctx, id);
    return repo.memberStores[kind].of(ctx.db, null, establishmentScope(ctx.session));
  },

  'initiatives.assign': async ({ id, kind, recordIds }, ctx) => {
    await mustInitiative(ctx, id);
    const added = await assign(ctx, id, kind, recordIds);
    await ctx.audit({ entity: 'initiative', entityId: id, action: 'linkRecords', after: { kind, ids: added } });
    return detail(ctx, id);
  },

  'initiatives.unassign': async ({ id, kind, recordId }, ctx) => {
    await mustInitiative(ctx, id);
    const store = repo.memberStores[kind];
    if ((await store.initiatives(ctx.db, [recordId], establishmentScope(ctx.session))).get(recordId) !== id) {
      throw new AppError('not_found', 'programmes.initiatives.errors.notMember');
    }
    if ((await store.move(ctx.db, [recordId], id, null)) !== 1) throw stale();
    await ctx.audit({ entity: 'initiative', entityId: id, action: 'unlinkRecords', before: { kind, ids: [recordId] } });
    return detail(ctx, id);
  },

  'initiatives.figures': async ({ id, year }, ctx) => {
    await mustInitiative(ctx, id);
    return repo.initiativeFigures(ctx.db, id, year);
  },
};
