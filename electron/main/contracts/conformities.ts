import type { Knex } from 'knex';
import { lifecycleCheck, retentionFor, suspensionCovers, type ContractStatus, type Modality } from '../../../shared/contracts/rules';
import type { conformityChannels } from '../../../shared/contracts/channels';
import type { Conformity } from '../../../shared/contracts/schemas';
import { AppError, stale, fieldError, orNotFound } from '../ipc/errors';
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
import { paperHandlers, type PaperOwner } from '../files/papers';
import { deliveredIn } from './repository/workshops';

/** Service conformities: a month of a contract in force signed off, priced (retention), paid or voided. */

async function mustGet(ctx: HandlerContext, id: number): Promise<Conformity> {
  const f = orNotFound(await getConformity(ctx.db, id));
  const c = await getContract(ctx.db, f.contractId, todayOf(ctx));
  requireEstablishment(ctx, ...(c?.establishments ?? []).map((e) => e.establishmentId));
  return f;
}

export interface Terms {
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

/** What the records say of the contract a conformity signs off (read for one contract by the form, for all at once by the import). */
export interface ConformityFacts {
  contract: { number: string; status: ContractStatus; modality: Modality };
  /** The month is one of the contract's months. */
  hasMonth: boolean;
  /** Another conformity already signs the month off. */
  signedOff: boolean;
  /** What the contract still has to pay (null: not known yet; the write checks it). */
  remaining: number | null;
}

/**
 * Everything the records must allow before a conformity is written: the contract is in
 * force (not a draft), the month is one of its months, nobody signed it off already, the
 * date is not in the future, a service order has its receipt, and the gross does not
 * exceed what the contract still has to pay. Answers the first refusal, on its field.
 */
export function conformityRefusal(
  v: Terms,
  f: ConformityFacts,
  today: string,
): { field: keyof Terms; key: string; params: Record<string, string | number>; conflict?: true } | null {
  const number = f.contract.number;
  const refusal = lifecycleCheck(f.contract.status, 'conformity');
  if (refusal) return { field: 'contractId', key: `contracts.rules.${refusal}`, params: { number } };
  if (!f.hasMonth) return { field: 'period', key: 'contracts.errors.periodOutside', params: { number } };
  if (v.conformityDate > today) return { field: 'conformityDate', key: 'contracts.errors.futureDate', params: {} };
  if (v.receiptDate !== null && v.receiptDate > today) return { field: 'receiptDate', key: 'contracts.errors.futureDate', params: {} };
  if (f.signedOff) return { field: 'period', key: 'contracts.errors.duplicateConformity', params: { number }, conflict: true };
  const modality = f.contract.modality;
  // Only volunteering and agreements may sign off a month without money.
  if (v.grossCentimos === 0 && modality !== 'voluntariado' && modality !== 'convenio')
    return { field: 'grossCentimos', key: 'contracts.errors.amountRequired', params: {} };
  if (modality === 'orden_servicio' && !v.receiptNumber)
    return { field: 'receiptNumber', key: 'contracts.errors.receiptNeeded', params: {} };
  if (f.remaining !== null && v.grossCentimos > f.remaining)
    return { field: 'grossCentimos', key: 'contracts.errors.grossTooHigh', params: { max: (Math.max(0, f.remaining) / 100).toFixed(2) } };
  return null;
}

/** Checks a conformity against the records (conformityRefusal) and prices it: the retention it carries. */
export async function checkAndPrice(db: Knex, today: string, v: Terms, selfId: number | null): Promise<ConformityColumns> {
  const contract = await getContract(db, v.contractId, today);
  if (!contract) throw fieldError('contractId', 'contracts.errors.unknownContract');
  const refusal = conformityRefusal(
    v,
    {
      contract,
      hasMonth: await contractHasMonth(db, v.contractId, v.period),
      signedOff: await monthSignedOff(db, v.contractId, v.period, selfId),
      remaining: await remainingToSignOff(db, v.contractId, selfId),
    },
    today,
  );
  if (refusal) throw fieldError(refusal.field, refusal.key, refusal.params, refusal.conflict ? 'conflict' : 'validation');
  // Fourth-category retention applies to receipts for fees (service orders) only.
  let priced = { retentionCentimos: 0, netCentimos: v.grossCentimos, suspended: false };
  if (contract.modality === 'orden_servicio') {
    const covered = suspensionCovers(await suspensionsOf(db, contract.teacherId), v.receiptDate ?? v.conformityDate);
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

/** A conformity's recibo por honorarios (issue 16, item 4), filed as the contract's other papers. */
const conformityPapers: PaperOwner<'conformities'> = {
  prefix: 'conformities',
  type: 'conformity',
  entity: 'serviceConformity',
  reach: async (ctx, id) => {
    const f = await mustGet(ctx, id);
    return { kind: 'recibo_honorarios', title: `${f.contractNumber} ${f.period}` };
  },
};

export const conformityHandlers: DomainHandlers<(typeof conformityChannels)[number]> = {
  ...paperHandlers(conformityPapers),
  'conformities.list': (q, ctx) => listConformities(ctx.db, q, contractScope(ctx)),

  'conformities.missing': ({ search, limit }, ctx) => missingConformities(ctx.db, todayOf(ctx), contractScope(ctx), search, limit),

  'conformities.create': async (v, ctx) => {
    const row = await checkAndPrice(ctx.db, todayOf(ctx), v, null);
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
    const row = await checkAndPrice(ctx.db, todayOf(ctx), v, id);
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
    const contract = orNotFound(await getContract(ctx.db, contractId, todayOf(ctx)));
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
