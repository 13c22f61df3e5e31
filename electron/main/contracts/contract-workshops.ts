import type { contractChannels } from '../../../shared/contracts/channels';
import type { ContractWorkshopReview } from '../../../shared/contracts/schemas';
import { requireEstablishment } from '../auth/access';
import { AppError, fieldError, stale, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { workshopsAt, workshopsByIds } from '../programmes/repository/for-contracts';
import { contractScope } from './repository/contracts';
import {
  addContractWorkshop,
  coversEstablishment,
  getWorkshopReview,
  listWorkshopReviews,
  resolveWorkshopReview,
} from './repository/workshops';

/**
 * The workshops a contract may cover (those of its establishments), and the workshop names
 * typed before links existed that the update left "sin vincular": a clerk links each to a
 * workshop of that establishment, or dismisses it; the contract keeps the typed text.
 */

export type ContractWorkshopChannel = Extract<
  (typeof contractChannels)[number],
  'contracts.workshopOptions' | 'contracts.workshopReviews' | 'contracts.linkWorkshop' | 'contracts.dismissWorkshop'
>;

async function mustReview(ctx: HandlerContext, id: number): Promise<ContractWorkshopReview> {
  const r = orNotFound(await getWorkshopReview(ctx.db, id));
  requireEstablishment(ctx, r.establishmentId);
  if (r.status !== 'pendiente') throw new AppError('conflict', 'contracts.workshopLinks.errors.reviewClosed');
  return r;
}

export const contractWorkshopHandlers: DomainHandlers<ContractWorkshopChannel> = {
  'contracts.workshopOptions': ({ establishmentIds }, ctx) => workshopsAt(ctx.db, establishmentIds),

  'contracts.workshopReviews': ({ status }, ctx) => listWorkshopReviews(ctx.db, status, contractScope(ctx)),

  'contracts.linkWorkshop': async ({ id, workshopId }, ctx) => {
    const r = await mustReview(ctx, id);
    const w = (await workshopsByIds(ctx.db, [workshopId])).get(workshopId);
    if (!w || w.establishmentId !== r.establishmentId) throw fieldError('workshopId', 'contracts.workshopLinks.errors.unknownWorkshop');
    if (!(await coversEstablishment(ctx.db, r.contractId, r.establishmentId))) {
      throw new AppError('conflict', 'contracts.workshopLinks.errors.notCovered', {
        number: r.contractNumber,
        establishment: r.establishmentName,
      });
    }
    await addContractWorkshop(ctx.db, r.contractId, workshopId);
    if (!(await resolveWorkshopReview(ctx.db, id, 'vinculado', workshopId, ctx.session.actor.name, ctx.now))) throw stale();
    const after = (await getWorkshopReview(ctx.db, id))!;
    await ctx.audit({ entity: 'contract', entityId: r.contractId, action: 'linkWorkshop', before: r, after });
    return after;
  },

  'contracts.dismissWorkshop': async ({ id }, ctx) => {
    const r = await mustReview(ctx, id);
    if (!(await resolveWorkshopReview(ctx.db, id, 'descartado', null, ctx.session.actor.name, ctx.now))) throw stale();
    const after = (await getWorkshopReview(ctx.db, id))!;
    await ctx.audit({ entity: 'contract', entityId: r.contractId, action: 'dismissWorkshop', before: r, after });
    return after;
  },
};
