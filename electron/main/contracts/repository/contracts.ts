import type { Knex } from 'knex';
import type { Page } from '../../../../shared/ipc';
import {
  effectiveStatus,
  EXPIRY_WARNING_DAYS,
  type AmountType,
  type BudgetLine,
  type ContractStatus,
  type InForce,
  type Modality,
  type StoredStatus,
} from '../../../../shared/contracts/rules';
import { addDays, daysBetween } from '../../../../shared/format';
import type { Contract, ContractAlerts, ContractDetail, ContractFilter, contractSortColumns } from '../../../../shared/contracts/schemas';
import type { HandlerContext } from '../../ipc/context';
import { whereInScope } from '../../auth/access';
import { numOr0, type Row, str, toBool, toCount, num, recordedOf, stampedOf } from '../../db/rows';
import { sortedPage, type SortedPageAt } from '../../db/paging';
import { whereWords } from '../../db/search';
import { joinEstablishment } from '../../establishments/repository';
import { fullName, numberKey } from './words';
import { linkedWorkshopsOf } from './workshops';

/** Reading contracts: the list, one contract, its establishments, its chain of renewals, its ledger. */

export type ContractListFilter = { [K in keyof ContractFilter]-?: Exclude<ContractFilter[K], undefined> };
export type ContractSortColumn = (typeof contractSortColumns)[number];
/** A contract's establishments and its ledger, as the contract shapes them. */
type Places = Contract extends { establishments: infer E } ? E : never;
type Ledger = ContractDetail extends { events: infer E } ? E : never;

const sortExpressions: Record<ContractSortColumn, string> = {
  number: 'c.number_key',
  teacher: 't.name_key',
  startDate: 'c.start_date',
  endDate: 'c.end_date',
  amount: 'c.total_centimos',
  status: 'c.status',
  updatedAt: 'c.updated_at',
};

const selectColumns = [
  'c.*',
  't.first_names',
  't.last_names',
  't.dni as teacher_dni',
  'p.number as previous_number',
  'r.id as renewed_by_id',
  'r.number as renewed_by_number',
];

const joined = (db: Knex) =>
  db('contracts as c')
    .join('teachers as t', 't.id', 'c.teacher_id')
    .leftJoin('contracts as p', 'p.id', 'c.previous_contract_id')
    .leftJoin('contracts as r', 'r.previous_contract_id', 'c.id');

/** The effective status as a condition on the stored one and the dates. */
function whereStatus(q: Knex.QueryBuilder, status: ContractStatus, today: string): void {
  const soon = addDays(today, EXPIRY_WARNING_DAYS);
  switch (status) {
    case 'borrador':
    case 'resuelto':
      q.where('c.status', status);
      return;
    case 'vencido':
      q.where('c.status', 'vigente').where('c.end_date', '<', today);
      return;
    case 'por_vencer':
      q.where('c.status', 'vigente').where('c.end_date', '>=', today).where('c.end_date', '<=', soon);
      return;
    case 'vigente':
      q.where('c.status', 'vigente').where('c.end_date', '>', soon);
  }
}

/** Narrows a contracts query (alias c) further: a restricted user's establishments. */
export type ContractNarrow = (q: Knex.QueryBuilder) => void;

/** A restricted user's contracts: those with one of their establishments (auth/access.ts). */
export const contractScope =
  (ctx: Pick<HandlerContext, 'db' | 'session'>): ContractNarrow =>
  (q) => {
    whereInScope(ctx.session, q, (scope) =>
      ctx
        .db('contract_establishments as cs')
        .whereRaw('cs.contract_id = c.id')
        .whereIn('cs.establishment_id', scope)
        .select(ctx.db.raw('1')),
    );
  };

/** Filters that read the contracts table only (the count needs no join). */
function applyFilter(db: Knex, q: Knex.QueryBuilder, f: ContractListFilter, today: string, narrow?: ContractNarrow): Knex.QueryBuilder {
  narrow?.(q);
  whereWords(q, 'c.search_text', f.search);
  if (f.status !== null) whereStatus(q, f.status, today);
  if (f.modality !== null) q.where('c.modality', f.modality);
  if (f.teacherId !== null) q.where('c.teacher_id', f.teacherId);
  if (f.budgetLine !== null) q.where('c.budget_line', f.budgetLine);
  if (f.year !== null) q.where('c.start_date', '<=', `${f.year}-12-31`).where('c.end_date', '>=', `${f.year}-01-01`);
  // The establishment's contracts as a list SQLite reads from the establishment's index (a
  // couple of hundred ids): as a correlated EXISTS it walked the contracts in the page's order
  // and joined each one before checking it (10 ms for a page of 25 nationally; now under 1 ms).
  if (f.establishmentId !== null) {
    q.whereIn('c.id', db('contract_establishments as ce').where('ce.establishment_id', f.establishmentId).select('ce.contract_id'));
  }
  return q;
}

async function establishmentsOf(db: Knex, ids: number[]): Promise<Map<number, Places>> {
  const out = new Map<number, Places>();
  if (ids.length === 0) return out;
  const rows = (await joinEstablishment(db('contract_establishments as ce'), 'e', 'ce.establishment_id')
    .whereIn('ce.contract_id', ids)
    .orderBy('e.name_key')
    .select('ce.contract_id', 'ce.establishment_id', 'ce.workshops', 'e.name')) as Row[];
  const linked = await linkedWorkshopsOf(db, ids);
  for (const r of rows) {
    const id = Number(r.contract_id);
    const at = Number(r.establishment_id);
    const linkedWorkshops = (linked.get(id) ?? []).filter((w) => w.establishmentId === at).map((w) => ({ id: w.id, name: w.name }));
    const entry = { establishmentId: at, name: String(r.name), workshops: str(r.workshops), linkedWorkshops };
    const list = out.get(id);
    if (list) list.push(entry);
    else out.set(id, [entry]);
  }
  return out;
}

function toContract(r: Row, establishments: Places, today: string): Contract {
  const stored = r.status as StoredStatus;
  const endDate = String(r.end_date);
  return {
    id: Number(r.id),
    number: String(r.number),
    teacherId: Number(r.teacher_id),
    teacherName: fullName(String(r.last_names), String(r.first_names)),
    teacherDni: String(r.teacher_dni),
    modality: r.modality as Modality,
    object: String(r.object),
    startDate: String(r.start_date),
    endDate,
    amountType: r.amount_type as AmountType,
    amountCentimos: numOr0(r.amount_centimos),
    totalCentimos: numOr0(r.total_centimos),
    hoursPerWeek: numOr0(r.hours_per_week),
    budgetLine: r.budget_line as BudgetLine,
    status: effectiveStatus(stored, endDate, today),
    daysToEnd: daysBetween(today, endDate),
    signedOn: str(r.signed_on),
    resolvedOn: str(r.resolved_on),
    resolutionReason: str(r.resolution_reason),
    previousContractId: num(r.previous_contract_id),
    previousNumber: str(r.previous_number),
    renewedById: num(r.renewed_by_id),
    renewedByNumber: str(r.renewed_by_number),
    overBudget: toBool(r.over_budget),
    establishments,
    notes: str(r.notes),
    ...stampedOf(r),
  };
}

export async function listContracts(
  db: Knex,
  f: ContractListFilter & SortedPageAt<ContractSortColumn>,
  today: string,
  narrow?: ContractNarrow,
): Promise<Page<Contract>> {
  const offset = (f.page - 1) * f.pageSize;
  const rows = (await sortedPage(
    applyFilter(db, joined(db), f, today, narrow).select(selectColumns),
    sortExpressions[f.sort],
    'c.id',
    f,
  )) as Row[];
  // A page that is not full ends the list, so it tells the total: counting is needed only
  // for a full page or one past the end (the officer's filtered lists are often short).
  const total =
    rows.length < f.pageSize && (rows.length > 0 || offset === 0)
      ? offset + rows.length
      : toCount(((await applyFilter(db, db('contracts as c'), f, today, narrow).count({ n: '*' })) as Row[])[0]);
  const ests = await establishmentsOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  return {
    rows: rows.map((r) => toContract(r, ests.get(Number(r.id)) ?? [], today)),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function allContracts(
  db: Knex,
  f: ContractListFilter,
  sort: ContractSortColumn,
  direction: 'asc' | 'desc',
  today: string,
  narrow?: ContractNarrow,
): Promise<Contract[]> {
  const rows = (await applyFilter(db, joined(db), f, today, narrow)
    .select(selectColumns)
    .orderBy(sortExpressions[sort], direction)
    .orderBy('c.id', direction)) as Row[];
  const out: Contract[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const slice = rows.slice(i, i + 500);
    const ests = await establishmentsOf(
      db,
      slice.map((r) => Number(r.id)),
    );
    out.push(...slice.map((r) => toContract(r, ests.get(Number(r.id)) ?? [], today)));
  }
  return out;
}

export async function getContract(db: Knex, id: number, today: string): Promise<Contract | null> {
  const row = (await joined(db).select(selectColumns).where('c.id', id).first()) as Row | undefined;
  if (!row) return null;
  return toContract(row, (await establishmentsOf(db, [id])).get(id) ?? [], today);
}

/** The contract written with this number (in any spelling: numberKey), if any. */
export async function contractIdByNumber(db: Knex, number: string): Promise<number | null> {
  const owner = (await db('contracts')
    .where({ number_key: numberKey(number) })
    .first('id')) as { id: number } | undefined;
  return owner ? owner.id : null;
}

/** Other contracts of the teacher in force at some time (a resolved one until its resolution). */
export async function inForceOf(db: Knex, teacherId: number): Promise<InForce[]> {
  const rows = (await db('contracts')
    .where({ teacher_id: teacherId })
    .whereIn('status', ['vigente', 'resuelto'])
    .select('id', 'number', 'start_date', 'end_date', 'resolved_on')) as Row[];
  const ests = rows.length
    ? ((await db('contract_establishments')
        .whereIn(
          'contract_id',
          rows.map((r) => Number(r.id)),
        )
        .select('contract_id', 'establishment_id')) as Row[])
    : [];
  return rows.map((r) => ({
    id: Number(r.id),
    number: String(r.number),
    start: String(r.start_date),
    end: r.resolved_on && String(r.resolved_on) < String(r.end_date) ? String(r.resolved_on) : String(r.end_date),
    establishmentIds: ests.filter((e) => Number(e.contract_id) === Number(r.id)).map((e) => Number(e.establishment_id)),
  }));
}

/** The contracts renewing one another around `c`, first to last (none when it stands alone). */
export async function chainOf(db: Knex, c: Contract, today: string): Promise<ContractDetail['chain']> {
  const rows: Row[] = [];
  const seen = new Set<number>();
  // Back to the first contract, then forward through each renewal.
  let first = c.id;
  for (let prev = c.previousContractId; prev !== null && !seen.has(prev);) {
    seen.add(prev);
    first = prev;
    const p = (await db('contracts').where({ id: prev }).first('previous_contract_id')) as Row | undefined;
    prev = p && p.previous_contract_id !== null ? Number(p.previous_contract_id) : null;
  }
  seen.clear();
  for (let id: number | null = first; id !== null && !seen.has(id);) {
    seen.add(id);
    const r = (await db('contracts').where({ id }).first('id', 'number', 'start_date', 'end_date', 'status')) as Row | undefined;
    if (!r) break;
    rows.push(r);
    const next = (await db('contracts').where({ previous_contract_id: id }).first('id')) as Row | undefined;
    id = next ? Number(next.id) : null;
  }
  if (rows.length < 2) return [];
  return rows.map((r) => ({
    id: Number(r.id),
    number: String(r.number),
    startDate: String(r.start_date),
    endDate: String(r.end_date),
    status: effectiveStatus(r.status as StoredStatus, String(r.end_date), today),
  }));
}

/** A contract's schedule as stored: one row per month, in order. */
export async function monthsOf(db: Knex, contractId: number): Promise<Array<{ period: string; expectedCentimos: number }>> {
  const rows = (await db('contract_months').where({ contract_id: contractId }).orderBy('period')) as Row[];
  return rows.map((m) => ({ period: String(m.period), expectedCentimos: numOr0(m.expected_centimos) }));
}

/** A contract's ledger, oldest first. */
export async function eventsOf(db: Knex, contractId: number): Promise<Ledger> {
  const rows = (await db('contract_events').where({ contract_id: contractId }).orderBy('seq')) as Row[];
  return rows.map((e) => ({
    seq: numOr0(e.seq),
    kind: String(e.kind),
    date: str(e.date),
    detail: str(e.detail),
    ...recordedOf(e),
  }));
}

/** Contracts in force that end soon and have no renewal yet (the dashboard's alert). */
export async function expiringContracts(
  db: Knex,
  narrow: ContractNarrow,
  today: string,
  soon: string,
): Promise<ContractAlerts['expiring']> {
  const q = db('contracts as c');
  narrow(q);
  const rows = (await q
    .join('teachers as t', 't.id', 'c.teacher_id')
    .where('c.status', 'vigente')
    .where('c.end_date', '>=', today)
    .where('c.end_date', '<=', soon)
    .whereNotExists(db('contracts as r').whereRaw('r.previous_contract_id = c.id'))
    .orderBy('c.end_date')
    .limit(50)
    .select('c.id', 'c.number', 'c.end_date', 't.first_names', 't.last_names')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    number: String(r.number),
    teacherName: fullName(String(r.last_names), String(r.first_names)),
    endDate: String(r.end_date),
    daysLeft: daysBetween(today, String(r.end_date)),
  }));
}
