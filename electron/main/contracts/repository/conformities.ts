import type { Knex } from 'knex';
import { periodOf } from '../../../../shared/contracts/rules';
import type { Conformity, ConformityListQuery, ContractAlerts, conformitySortColumns } from '../../../../shared/contracts/schemas';
import type { Actor } from '../../../../shared/app/schemas';
import { numOr0, type Row, str, toBool, toCount, stampedOf } from '../../db/rows';
import { sortedPage } from '../../db/paging';
import { whereWords } from '../../db/search';
import type { ContractNarrow } from './contracts';
import { fullName } from './words';
import { deliveredInMonths } from './workshops';
import { firstVersion, insertId, updateVersion } from '../../db/writes';

/** Service conformities (a month signed off, then paid) and the months' cached state that follows them. */

export type ConformityQuery = { [K in keyof ConformityListQuery]-?: Exclude<ConformityListQuery[K], undefined> };
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

const selectColumns = [
  'f.*',
  'c.number as contract_number',
  'c.teacher_id',
  'c.modality',
  'c.budget_line',
  't.first_names',
  't.last_names',
];

const toConformity = (r: Row): Omit<Conformity, 'delivered'> => ({
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
  ...stampedOf(r),
});

function filtered(db: Knex, q: ConformityQuery, narrow: ContractNarrow): Knex.QueryBuilder {
  const b = joined(db);
  narrow(b);
  whereWords(b, 'c.search_text', q.search);
  if (q.contractId !== null) b.where('f.contract_id', q.contractId);
  if (q.status !== null) b.where('f.status', q.status);
  if (q.periodFrom !== null) b.where('f.period', '>=', q.periodFrom);
  if (q.periodTo !== null) b.where('f.period', '<=', q.periodTo);
  return b;
}

/** A page of conformities with the totals (gross, retention, net) of every one the filter finds, voided ones aside. */
export async function listConformities(db: Knex, q: ConformityQuery, narrow: ContractNarrow) {
  const [agg] = (await filtered(db, q, narrow)
    .count({ n: '*' })
    .sum({ g: db.raw("CASE WHEN f.status <> 'anulada' THEN f.gross_centimos ELSE 0 END") })
    .sum({ r: db.raw("CASE WHEN f.status <> 'anulada' THEN f.retention_centimos ELSE 0 END") })
    .sum({ t: db.raw("CASE WHEN f.status <> 'anulada' THEN f.net_centimos ELSE 0 END") })) as Row[];
  const rows = (await sortedPage(filtered(db, q, narrow).select(selectColumns), sortExpressions[q.sort], 'f.id', q)) as Row[];
  return {
    rows: await withDelivered(db, rows.map(toConformity)),
    total: toCount(agg),
    page: q.page,
    pageSize: q.pageSize,
    totals: { grossCentimos: numOr0(agg?.g), retentionCentimos: numOr0(agg?.r), netCentimos: numOr0(agg?.t) },
  };
}

export async function getConformity(db: Knex, id: number): Promise<Conformity | null> {
  const row = (await joined(db).where('f.id', id).first(selectColumns)) as Row | undefined;
  return row ? (await withDelivered(db, [toConformity(row)]))[0]! : null;
}

/** Each conformity with the sessions its contract's teacher held that month in the contract's workshops. */
async function withDelivered(db: Knex, rows: Array<Omit<Conformity, 'delivered'>>): Promise<Conformity[]> {
  const delivered = await deliveredInMonths(db, rows);
  return rows.map((f, i) => ({ ...f, delivered: delivered[i]! }));
}

/** A contract's conformities that count (voided ones aside), for its schedule. */
export async function activeConformitiesOf(db: Knex, contractId: number) {
  const rows = (await db('service_conformities')
    .where({ contract_id: contractId })
    .whereNot('status', 'anulada')
    .select('id', 'period', 'status', 'gross_centimos', 'payment_date')) as Row[];
  return rows.map((f) => ({
    id: Number(f.id),
    period: String(f.period),
    status: f.status as 'pendiente_pago' | 'pagada',
    grossCentimos: numOr0(f.gross_centimos),
    paymentDate: str(f.payment_date),
  }));
}

/** The latest month after `period` that has a conformity (a resolution may not leave one behind it). */
export async function conformityPeriodAfter(db: Knex, contractId: number, period: string): Promise<string | null> {
  const row = (await db('service_conformities')
    .where({ contract_id: contractId })
    .whereNot('status', 'anulada')
    .where('period', '>', period)
    .orderBy('period', 'desc')
    .first('period')) as Row | undefined;
  return row ? String(row.period) : null;
}

/** Whether the month is one of the contract's months. */
export async function contractHasMonth(db: Knex, contractId: number, period: string): Promise<boolean> {
  return (await db('contract_months').where({ contract_id: contractId, period }).first()) !== undefined;
}

const otherThan = (selfId: number | null) => (q: Knex.QueryBuilder) => {
  if (selfId !== null) q.whereNot('id', selfId);
};

/** Whether another conformity (than `selfId`) already signs off the month. */
export async function monthSignedOff(db: Knex, contractId: number, period: string, selfId: number | null): Promise<boolean> {
  const other = await db('service_conformities')
    .where({ contract_id: contractId, period })
    .whereNot('status', 'anulada')
    .modify(otherThan(selfId))
    .first('id');
  return other !== undefined;
}

/** What the contract still has to pay: its schedule less the gross of its other conformities. */
export async function remainingToSignOff(db: Knex, contractId: number, selfId: number | null): Promise<number> {
  const [scheduled] = (await db('contract_months').where({ contract_id: contractId }).sum({ s: 'expected_centimos' })) as Row[];
  const [signed] = (await db('service_conformities')
    .where({ contract_id: contractId })
    .whereNot('status', 'anulada')
    .modify(otherThan(selfId))
    .sum({ s: 'gross_centimos' })) as Row[];
  return numOr0(scheduled?.s) - numOr0(signed?.s);
}

/** The columns a conformity's terms are written to (checked and priced by the handler). */
export interface ConformityColumns {
  period: string;
  deliverable: string;
  conformity_date: string;
  given_by: string;
  receipt_number: string | null;
  receipt_date: string | null;
  gross_centimos: number;
  retention_centimos: number;
  net_centimos: number;
  suspended: boolean;
  notes: string | null;
}

export async function insertConformity(db: Knex, contractId: number, row: ConformityColumns, actor: Actor, now: string): Promise<number> {
  return insertId(db('service_conformities'), {
    ...row,
    contract_id: contractId,
    status: 'pendiente_pago',
    payment_date: null,
    payment_reference: null,
    ...firstVersion(actor, now),
  });
}

/** Updates when the stored version is still `version`; answers whether it did. */
export async function updateConformity(
  db: Knex,
  id: number,
  version: number,
  changes: Partial<ConformityColumns> & {
    status?: Conformity['status'];
    payment_date?: string;
    payment_reference?: string | null;
    void_reason?: string;
  },
  actor: Actor,
  now: string,
): Promise<boolean> {
  const n = await updateVersion(db('service_conformities'), id, version, changes, actor, now);
  return n === 1;
}

/** The month's cached state follows its conformity, in the same transaction. */
export async function markMonth(
  db: Knex,
  contractId: number,
  period: string,
  state: { id: number; gross: number; paid: boolean } | null,
): Promise<void> {
  await db('contract_months')
    .where({ contract_id: contractId, period })
    .update({ conformity_id: state?.id ?? null, conformity_gross_centimos: state?.gross ?? null, paid: state?.paid ?? false });
}

/** Months of signed contracts that have ended, have something to pay, and no conformity. */
function missingQuery(db: Knex, today: string, narrow: ContractNarrow, search = ''): Knex.QueryBuilder {
  const q = db('contract_months as m')
    .join('contracts as c', 'c.id', 'm.contract_id')
    .where('m.in_force', true)
    .whereNull('m.conformity_id')
    .where('m.period', '<', periodOf(today))
    .where('m.expected_centimos', '>', 0);
  narrow(q);
  whereWords(q, 'c.search_text', search);
  return q;
}

/** The months missing their conformity: how many, and the first `limit` of them (oldest month first) with their contract and teacher. */
async function missingMonths(db: Knex, today: string, narrow: ContractNarrow, search: string, limit: number) {
  const [count] = (await missingQuery(db, today, narrow, search).count({ n: '*' })) as Row[];
  const rows = (await missingQuery(db, today, narrow, search)
    .join('teachers as t', 't.id', 'c.teacher_id')
    .orderBy('m.period')
    .orderBy('c.number_key')
    .limit(limit)
    .select('c.id', 'c.number', 'c.status', 'c.end_date', 'm.period', 'm.expected_centimos', 't.first_names', 't.last_names')) as Row[];
  return { total: toCount(count), rows };
}

/** The months still missing their conformity: how many, and the first `limit` of them. */
export async function missingConformities(db: Knex, today: string, narrow: ContractNarrow, search: string, limit: number) {
  const { total, rows } = await missingMonths(db, today, narrow, search, limit);
  return {
    total,
    rows: rows.map((r) => ({
      contractId: Number(r.id),
      contractNumber: String(r.number),
      teacherName: fullName(String(r.last_names), String(r.first_names)),
      period: String(r.period),
      expectedCentimos: numOr0(r.expected_centimos),
      status: r.status === 'resuelto' ? ('resuelto' as const) : String(r.end_date) < today ? ('vencido' as const) : ('vigente' as const),
    })),
  };
}

/** The dashboard's figure: how many months miss their conformity, and the first five. */
export async function missingAlert(
  db: Knex,
  today: string,
  narrow: ContractNarrow,
): Promise<Pick<ContractAlerts, 'missingConformities' | 'missingSample'>> {
  const { total, rows } = await missingMonths(db, today, narrow, '', 5);
  return {
    missingConformities: total,
    missingSample: rows.map((r) => ({
      contractId: Number(r.id),
      number: String(r.number),
      teacherName: fullName(String(r.last_names), String(r.first_names)),
      period: String(r.period),
    })),
  };
}
