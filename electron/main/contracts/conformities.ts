import { lifecycleCheck, retentionFor, suspensionCovers, type Modality } from '../../../shared/contracts/rules';
import type { conformityChannels } from '../../../shared/contracts/channels';
import type { Conformity } from '../../../shared/contracts/schemas';
import { AppError, notFound, stale, fieldError } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { requireEstablishment } from '../auth/access';
import { todayOf } from './common';
import { contractScope, getContract } from './repository/contracts';
import {
  contractHasMonth,
  getConformity,
  insertConformity,
  listConformities,
  markMonth,
  missingConformities,
  monthSignedOff,
  remainingToSignOff,
  updateConformity,
  type ConformityColumns,
} from './repository/conformities';
import { suspensionsOf } from './repository/teachers';
import { deliveredIn } from './repository/workshops';

/** Service conformities: a month of a contract in force signed off, priced (retention), paid or voided. */

async function mustGet(ctx: HandlerContext, id: number): Promise<Conformity> {
  const f = await getConformity(ctx.db, id);
  if (!f) throw notFound();
  const c = await getContract(ctx.db, f.contractId, todayOf(ctx));
  requireEstablishment(ctx, ...(c?.establishments ?? []).map((e) => e.establishmentId));
  return f;
}

interface Terms {
  contractId: number;
  period: string;
  deliverable: string;
  conformityDate: string;
  givenBy: string;
  receiptNumber: string | null;
  receiptDate: string | null;
  grossCentimos: number;
  notes: string | null;
}

/**
 * Everything the records must allow before a conformity is written, and the retention it
 * carries: the contract is in force (not a draft), the month is one of its months, nobody
 * signed it off already, the date is not in the future, a service order has its receipt,
 * and the gross does not exceed what the contract still has to pay.
 */
async function checkAndPrice(ctx: HandlerContext, v: Terms, selfId: number | null): Promise<ConformityColumns> {
  const today = todayOf(ctx);
  const contract = await getContract(ctx.db, v.contractId, today);
  if (!contract) throw fieldError('contractId', 'contracts.errors.unknownContract');
  const refusal = lifecycleCheck(contract.status, 'conformity');
  if (refusal) throw fieldError('contractId', `contracts.rules.${refusal}`, { number: contract.number });
  if (!(await contractHasMonth(ctx.db, v.contractId, v.period)))
    throw fieldError('period', 'contracts.errors.periodOutside', { number: contract.number });
  if (v.conformityDate > today) throw fieldError('conformityDate', 'contracts.errors.futureDate');
  if (v.receiptDate !== null && v.receiptDate > today) throw fieldError('receiptDate', 'contracts.errors.futureDate');
  if (await monthSignedOff(ctx.db, v.contractId, v.period, selfId))
    throw fieldError('period', 'contracts.errors.duplicateConformity', { number: contract.number }, 'conflict');
  const modality: Modality = contract.modality;
  // Only volunteering and agreements may sign off a month without money.
  if (v.grossCentimos === 0 && modality !== 'voluntariado' && modality !== 'convenio')
    throw fieldError('grossCentimos', 'contracts.errors.amountRequired');
  if (modality === 'orden_servicio' && !v.receiptNumber) throw fieldError('receiptNumber', 'contracts.errors.receiptNeeded');
  const max = await remainingToSignOff(ctx.db, v.contractId, selfId);
  if (v.grossCentimos > max) {
    throw fieldError('grossCentimos', 'contracts.errors.grossTooHigh', { max: (Math.max(0, max) / 100).toFixed(2) });
  }
  // Fourth-category retention applies to receipts for fees (service orders) only.
  let priced = { retentionCentimos: 0, netCentimos: v.grossCentimos, suspended: false };
  if (modality === 'orden_servicio') {
    const covered = suspensionCovers(await suspensionsOf(ctx.db, contract.teacherId), v.receiptDate ?? v.conformityDate);
    const r = retentionFor(v.grossCentimos, covered);
    priced = { retentionCentimos: r.retentionCentimos, netCentimos: r.netCentimos, suspended: r.suspended };
  }
  return {
    period: v.period,
    deliverable: v.deliverable,
    conformity_date: v.conformityDate,
    given_by: v.givenBy,
    receipt_number: v.receiptNumber,
    receipt_date: v.receiptDate,
    gross_centimos: v.grossCentimos,
    retention_centimos: priced.retentionCentimos,
    net_centimos: priced.netCentimos,
    suspended: priced.suspended,
    notes: v.notes,
  };
}

export const conformityHandlers: DomainHandlers<(typeof conformityChannels)[number]> = {
  'conformities.list': (q, ctx) => listConformities(ctx.db, q, contractScope(ctx)),

  'conformities.missing': ({ search, limit }, ctx) => missingConformities(ctx.db, todayOf(ctx), contractScope(ctx), search, limit),

  'conformities.create': async (v, ctx) => {
    const row = await checkAndPrice(ctx, v, null);
    const created = await mustGet(ctx, await insertConformity(ctx.db, v.contractId, row, ctx.session.actor, ctx.now));
    await markMonth(ctx.db, created.contractId, created.period, { id: created.id, gross: created.grossCentimos, paid: false });
    await ctx.audit({ entity: 'serviceConformity', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'conformities.update': async ({ id, version, ...v }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    if (before.status !== 'pendiente_pago')
      throw new AppError('conflict', 'contracts.errors.conformityClosed', {
        status: ctx.t(`contracts.conformityStatuses.${before.status}`),
      });
    if (v.contractId !== before.contractId) throw fieldError('contractId', 'contracts.errors.contractFixed');
    const row = await checkAndPrice(ctx, v, id);
    if (!(await updateConformity(ctx.db, id, version, row, ctx.session.actor, ctx.now))) throw stale();
    const after = await mustGet(ctx, id);
    if (before.period !== after.period) await markMonth(ctx.db, before.contractId, before.period, null);
    await markMonth(ctx.db, after.contractId, after.period, { id, gross: after.grossCentimos, paid: false });
    await ctx.audit({ entity: 'serviceConformity', entityId: id, action: 'update', before, after });
    return after;
  },

  'conformities.pay': async ({ id, version, paymentDate, paymentReference }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    if (before.status !== 'pendiente_pago')
      throw new AppError('conflict', 'contracts.errors.conformityClosed', {
        status: ctx.t(`contracts.conformityStatuses.${before.status}`),
      });
    if (paymentDate < before.conformityDate) throw fieldError('paymentDate', 'contracts.errors.paymentBeforeConformity');
    if (paymentDate > todayOf(ctx)) throw fieldError('paymentDate', 'contracts.errors.futureDate');
    await updateConformity(
      ctx.db,
      id,
      version,
      { status: 'pagada', payment_date: paymentDate, payment_reference: paymentReference },
      ctx.session.actor,
      ctx.now,
    );
    const after = await mustGet(ctx, id);
    await markMonth(ctx.db, after.contractId, after.period, { id, gross: after.grossCentimos, paid: true });
    await ctx.audit({ entity: 'serviceConformity', entityId: id, action: 'pay', before, after });
    return after;
  },

  'conformities.delivered': async ({ contractId, period }, ctx) => {
    const contract = await getContract(ctx.db, contractId, todayOf(ctx));
    if (!contract) throw notFound();
    requireEstablishment(ctx, ...contract.establishments.map((e) => e.establishmentId));
    return deliveredIn(ctx.db, contractId, contract.teacherId, period);
  },

  'conformities.void': async ({ id, version, reason }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    if (before.status === 'pagada') throw new AppError('conflict', 'contracts.errors.paidCannotVoid');
    if (before.status === 'anulada')
      throw new AppError('conflict', 'contracts.errors.conformityClosed', { status: ctx.t('contracts.conformityStatuses.anulada') });
    await updateConformity(ctx.db, id, version, { status: 'anulada', void_reason: reason }, ctx.session.actor, ctx.now);
    const after = await mustGet(ctx, id);
    await markMonth(ctx.db, after.contractId, after.period, null);
    await ctx.audit({ entity: 'serviceConformity', entityId: id, action: 'void', before, after });
    return after;
  },
};
