import type { Knex } from 'knex';
import { normalizeText } from '../../../shared/format';
import { lifecycleCheck, retentionFor, suspensionCovers, type Modality } from '../../../shared/contracts/rules';
import type { Conformity, ConformityListQuery, conformitySortColumns } from '../../../shared/contracts/schemas';
import { AppError, notFound, stale, fieldError } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import { todayOf } from './common';
import { numOr0, type Row, str, toBool, toCount } from '../db/rows';
import { escapeLike } from '../db/search';
import { contractScope, getContract, missingConformitiesQuery } from './contracts';
import { requireEstablishment } from '../auth/access';
import { fullName } from './teachers';

type Query = { [K in keyof ConformityListQuery]-?: Exclude<ConformityListQuery[K], undefined> };
type SortColumn = (typeof conformitySortColumns)[number];

const sortExpressions: Record<SortColumn, string> = {
  period: 'f.period',
  contract: 'c.number_key',
  teacher: 't.name_key',
  conformityDate: 'f.conformity_date',
  gross: 'f.gross_centimos',
  paymentDate: 'f.payment_date',
};

const joined = (db: Knex) =>
  db('service_conformities as f').join('contracts as c', 'c.id', 'f.contract_id').join('teachers as t', 't.id', 'c.teacher_id');

const selectColumns = ['f.*', 'c.number as contract_number', 'c.teacher_id', 'c.modality', 'c.budget_line', 't.first_names', 't.last_names'];

const toConformity = (r: Row): Conformity => ({
  id: Number(r.id),
  contractId: Number(r.contract_id),
  contractNumber: String(r.contract_number),
  teacherId: Number(r.teacher_id),
  teacherName: fullName(String(r.last_names), String(r.first_names)),
  modality: r.modality as Conformity['modality'],
  budgetLine: r.budget_line as Conformity['budgetLine'],
  period: String(r.period),
  deliverable: String(r.deliverable),
  conformityDate: String(r.conformity_date),
  givenBy: String(r.given_by),
  receiptNumber: str(r.receipt_number),
  receiptDate: str(r.receipt_date),
  grossCentimos: numOr0(r.gross_centimos),
  retentionCentimos: numOr0(r.retention_centimos),
  netCentimos: numOr0(r.net_centimos),
  suspended: toBool(r.suspended),
  paymentDate: str(r.payment_date),
  paymentReference: str(r.payment_reference),
  status: r.status as Conformity['status'],
  voidReason: str(r.void_reason),
  notes: str(r.notes),
  version: numOr0(r.version),
  updatedAt: String(r.updated_at),
  updatedBy: String(r.updated_by),
});

function filtered(ctx: Pick<HandlerContext, 'db' | 'session'>, q: Query): Knex.QueryBuilder {
  const b = joined(ctx.db);
  contractScope(ctx)(b);
  for (const word of normalizeText(q.search).split(' ').filter(Boolean)) {
    b.whereRaw("c.search_text LIKE ? ESCAPE '\\'", [`%${escapeLike(word)}%`]);
  }
  if (q.contractId !== null) b.where('f.contract_id', q.contractId);
  if (q.status !== null) b.where('f.status', q.status);
  if (q.periodFrom !== null) b.where('f.period', '>=', q.periodFrom);
  if (q.periodTo !== null) b.where('f.period', '<=', q.periodTo);
  return b;
}

export async function getConformity(db: Knex, id: number): Promise<Conformity | null> {
  const row = (await joined(db).where('f.id', id).first(selectColumns)) as Row | undefined;
  return row ? toConformity(row) : null;
}

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
async function checkAndPrice(ctx: HandlerContext, v: Terms, selfId: number | null) {
  const today = todayOf(ctx);
  const contract = await getContract(ctx.db, v.contractId, today);
  if (!contract) throw fieldError('contractId', 'contracts.errors.unknownContract');
  const refusal = lifecycleCheck(contract.status, 'conformity');
  if (refusal) throw fieldError('contractId', `contracts.rules.${refusal}`, { number: contract.number });
  const month = (await ctx.db('contract_months').where({ contract_id: v.contractId, period: v.period }).first()) as Row | undefined;
  if (!month) throw fieldError('period', 'contracts.errors.periodOutside', { number: contract.number });
  if (v.conformityDate > today) throw fieldError('conformityDate', 'contracts.errors.futureDate');
  if (v.receiptDate !== null && v.receiptDate > today) throw fieldError('receiptDate', 'contracts.errors.futureDate');
  const other = (await ctx.db('service_conformities')
    .where({ contract_id: v.contractId, period: v.period })
    .whereNot('status', 'anulada')
    .modify((q) => {
      if (selfId !== null) q.whereNot('id', selfId);
    })
    .first('id')) as Row | undefined;
  if (other) throw fieldError('period', 'contracts.errors.duplicateConformity', { number: contract.number }, 'conflict');
  const modality: Modality = contract.modality;
  // Only volunteering and agreements may sign off a month without money.
  if (v.grossCentimos === 0 && modality !== 'voluntariado' && modality !== 'convenio') throw fieldError('grossCentimos', 'contracts.errors.amountRequired');
  if (modality === 'orden_servicio' && !v.receiptNumber) throw fieldError('receiptNumber', 'contracts.errors.receiptNeeded');
  const [scheduled] = (await ctx.db('contract_months').where({ contract_id: v.contractId }).sum({ s: 'expected_centimos' })) as Row[];
  const [signed] = (await ctx.db('service_conformities')
    .where({ contract_id: v.contractId })
    .whereNot('status', 'anulada')
    .modify((q) => {
      if (selfId !== null) q.whereNot('id', selfId);
    })
    .sum({ s: 'gross_centimos' })) as Row[];
  const max = numOr0(scheduled?.s) - numOr0(signed?.s);
  if (v.grossCentimos > max) {
    throw fieldError('grossCentimos', 'contracts.errors.grossTooHigh', { max: (Math.max(0, max) / 100).toFixed(2) });
  }
  // Fourth-category retention applies to receipts for fees (service orders) only.
  let priced = { retentionCentimos: 0, netCentimos: v.grossCentimos, suspended: false };
  if (modality === 'orden_servicio') {
    const suspensions = (await ctx.db('teacher_suspensions').where({ teacher_id: contract.teacherId }).select('fiscal_year', 'filed_on')) as Row[];
    const covered = suspensionCovers(
      suspensions.map((s) => ({ fiscalYear: numOr0(s.fiscal_year), filedOn: String(s.filed_on) })),
      v.receiptDate ?? v.conformityDate,
    );
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

/** The month's cached state follows its conformity, in the same transaction. */
async function markMonth(db: Knex, contractId: number, period: string, state: { id: number; gross: number; paid: boolean } | null): Promise<void> {
  await db('contract_months')
    .where({ contract_id: contractId, period })
    .update({ conformity_id: state?.id ?? null, conformity_gross_centimos: state?.gross ?? null, paid: state?.paid ?? false });
}

type ConformityHandlers = Pick<
  Handlers,
  'conformities.list' | 'conformities.missing' | 'conformities.create' | 'conformities.update' | 'conformities.pay' | 'conformities.void'
>;

export const conformityHandlers: ConformityHandlers = {
  'conformities.list': async (q, ctx) => {
    const [agg] = (await filtered(ctx, q)
      .count({ n: '*' })
      .sum({ g: ctx.db.raw("CASE WHEN f.status <> 'anulada' THEN f.gross_centimos ELSE 0 END") })
      .sum({ r: ctx.db.raw("CASE WHEN f.status <> 'anulada' THEN f.retention_centimos ELSE 0 END") })
      .sum({ t: ctx.db.raw("CASE WHEN f.status <> 'anulada' THEN f.net_centimos ELSE 0 END") })) as Row[];
    const rows = (await filtered(ctx, q)
      .select(selectColumns)
      .orderBy(sortExpressions[q.sort], q.direction)
      .orderBy('f.id', q.direction)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)) as Row[];
    return {
      rows: rows.map(toConformity),
      total: toCount(agg),
      page: q.page,
      pageSize: q.pageSize,
      totals: { grossCentimos: numOr0(agg?.g), retentionCentimos: numOr0(agg?.r), netCentimos: numOr0(agg?.t) },
    };
  },

  'conformities.missing': async ({ search, limit }, ctx) => {
    const today = todayOf(ctx);
    const base = () => {
      const q = missingConformitiesQuery(ctx.db, today);
      contractScope(ctx)(q);
      for (const word of normalizeText(search).split(' ').filter(Boolean)) {
        q.whereRaw("c.search_text LIKE ? ESCAPE '\\'", [`%${escapeLike(word)}%`]);
      }
      return q;
    };
    const [count] = (await base().count({ n: '*' })) as Row[];
    const rows = (await base()
      .join('teachers as t', 't.id', 'c.teacher_id')
      .orderBy('m.period')
      .orderBy('c.number_key')
      .limit(limit)
      .select('c.id', 'c.number', 'c.status', 'c.end_date', 'm.period', 'm.expected_centimos', 't.first_names', 't.last_names')) as Row[];
    return {
      total: toCount(count),
      rows: rows.map((r) => ({
        contractId: Number(r.id),
        contractNumber: String(r.number),
        teacherName: fullName(String(r.last_names), String(r.first_names)),
        period: String(r.period),
        expectedCentimos: numOr0(r.expected_centimos),
        status: r.status === 'resuelto' ? ('resuelto' as const) : String(r.end_date) < today ? ('vencido' as const) : ('vigente' as const),
      })),
    };
  },

  'conformities.create': async (v, ctx) => {
    const row = await checkAndPrice(ctx, v, null);
    const [inserted] = (await ctx.db('service_conformities')
      .insert({
        ...row,
        contract_id: v.contractId,
        status: 'pendiente_pago',
        payment_date: null,
        payment_reference: null,
        version: 1,
        created_at: ctx.now,
        created_by: ctx.session.actor.name,
        updated_at: ctx.now,
        updated_by: ctx.session.actor.name,
      })
      .returning('id')) as Array<{ id: number }>;
    const created = await mustGet(ctx, inserted!.id);
    await markMonth(ctx.db, created.contractId, created.period, { id: created.id, gross: created.grossCentimos, paid: false });
    await ctx.audit({ entity: 'serviceConformity', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'conformities.update': async ({ id, version, ...v }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    if (before.status !== 'pendiente_pago') throw new AppError('conflict', 'contracts.errors.conformityClosed', { status: ctx.t(`contracts.conformityStatuses.${before.status}`) });
    if (v.contractId !== before.contractId) throw fieldError('contractId', 'contracts.errors.contractFixed');
    const row = await checkAndPrice(ctx, v, id);
    const n = await ctx.db('service_conformities')
      .where({ id, version })
      .update({ ...row, version: version + 1, updated_at: ctx.now, updated_by: ctx.session.actor.name });
    if (n !== 1) throw stale();
    const after = await mustGet(ctx, id);
    if (before.period !== after.period) await markMonth(ctx.db, before.contractId, before.period, null);
    await markMonth(ctx.db, after.contractId, after.period, { id, gross: after.grossCentimos, paid: false });
    await ctx.audit({ entity: 'serviceConformity', entityId: id, action: 'update', before, after });
    return after;
  },

  'conformities.pay': async ({ id, version, paymentDate, paymentReference }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    if (before.status !== 'pendiente_pago') throw new AppError('conflict', 'contracts.errors.conformityClosed', { status: ctx.t(`contracts.conformityStatuses.${before.status}`) });
    if (paymentDate < before.conformityDate) throw fieldError('paymentDate', 'contracts.errors.paymentBeforeConformity');
    if (paymentDate > todayOf(ctx)) throw fieldError('paymentDate', 'contracts.errors.futureDate');
    await ctx.db('service_conformities')
      .where({ id, version })
      .update({ status: 'pagada', payment_date: paymentDate, payment_reference: paymentReference, version: version + 1, updated_at: ctx.now, updated_by: ctx.session.actor.name });
    const after = await mustGet(ctx, id);
    await markMonth(ctx.db, after.contractId, after.period, { id, gross: after.grossCentimos, paid: true });
    await ctx.audit({ entity: 'serviceConformity', entityId: id, action: 'pay', before, after });
    return after;
  },

  'conformities.void': async ({ id, version, reason }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    if (before.status === 'pagada') throw new AppError('conflict', 'contracts.errors.paidCannotVoid');
    if (before.status === 'anulada') throw new AppError('conflict', 'contracts.errors.conformityClosed', { status: ctx.t('contracts.conformityStatuses.anulada') });
    await ctx.db('service_conformities')
      .where({ id, version })
      .update({ status: 'anulada', void_reason: reason, version: version + 1, updated_at: ctx.now, updated_by: ctx.session.actor.name });
    const after = await mustGet(ctx, id);
    await markMonth(ctx.db, after.contractId, after.period, null);
    await ctx.audit({ entity: 'serviceConformity', entityId: id, action: 'void', before, after });
    return after;
  },
};
