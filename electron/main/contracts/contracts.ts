import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { formatDate, formatMoney, normalizeText } from '../../../shared/format';
import type { Page } from '../../../shared/ipc';
import {
  addDays,
  contractSchedule,
  daysBetween,
  effectiveStatus,
  EXPIRY_WARNING_DAYS,
  findOverlap,
  lifecycleCheck,
  needsRuc,
  periodOf,
  scheduledInYear,
  unauthorisedAtStart,
  type AmountType,
  type BudgetLine,
  type ContractAction,
  type ContractStatus,
  type InForce,
  type Modality,
  type StoredStatus,
} from '../../../shared/contracts/rules';
import type {
  Contract,
  ContractAlerts,
  ContractDetail,
  ContractFilter,
  ContractResult,
  ContractWarning,
  contractSortColumns,
} from '../../../shared/contracts/schemas';
import { inTurn, isUniqueViolation, later } from '../db/dialect';
import { exportTable, saveExport, type Column } from '../export/table';
import { AppError, notFound, stale, fieldError } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import { requireEstablishment, whereInScope } from '../auth/access';
import { budgetSummary } from './budget';
import { addDocument, contractDocs, documentsOf, removeDocument, saveDocumentCopy, todayOf } from './common';
import { numOr0, type Row, str, toBool, toCount } from '../db/rows';
import { escapeLike } from '../db/search';
import { contractSummaryHtml } from './documents';
import { authorisationsOf, contractSearchText, fullName, teacherWords } from './teachers';

type Filter = { [K in keyof ContractFilter]-?: Exclude<ContractFilter[K], undefined> };
type SortColumn = (typeof contractSortColumns)[number];

/** The terms a contract is written with (what the officer types). */
export interface ContractValues {
  teacherId: number;
  modality: Modality;
  number: string;
  object: string;
  startDate: string;
  endDate: string;
  amountType: AmountType;
  amountCentimos: number;
  hoursPerWeek: number;
  budgetLine: BudgetLine;
  establishments: Array<{ establishmentId: number; workshops: string | null }>;
  notes: string | null;
}

/** "OS N° 0123-2026" and "os n.° 0123-2026" are the same number. */
export const numberKey = (n: string) => normalizeText(n).replace(/[^a-z0-9]/g, '').slice(0, 40);

const sortExpressions: Record<SortColumn, string> = {
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
export const contractScope = (ctx: Pick<HandlerContext, 'db' | 'session'>): ContractNarrow => (q) => {
  whereInScope(ctx.session, q, (scope) =>
    ctx.db('contract_establishments as cs').whereRaw('cs.contract_id = c.id').whereIn('cs.establishment_id', scope).select(ctx.db.raw('1')),
  );
};

/** Filters that read the contracts table only (the count needs no join). */
function applyFilter(db: Knex, q: Knex.QueryBuilder, f: Filter, today: string, narrow?: ContractNarrow): Knex.QueryBuilder {
  narrow?.(q);
  for (const word of normalizeText(f.search).split(' ').filter(Boolean)) {
    q.whereRaw("c.search_text LIKE ? ESCAPE '\\'", [`%${escapeLike(word)}%`]);
  }
  if (f.status !== null) whereStatus(q, f.status, today);
  if (f.modality !== null) q.where('c.modality', f.modality);
  if (f.teacherId !== null) q.where('c.teacher_id', f.teacherId);
  if (f.budgetLine !== null) q.where('c.budget_line', f.budgetLine);
  if (f.year !== null) q.where('c.start_date', '<=', `${f.year}-12-31`).where('c.end_date', '>=', `${f.year}-01-01`);
  if (f.establishmentId !== null) {
    q.whereExists(db('contract_establishments as ce').whereRaw('ce.contract_id = c.id').where('ce.establishment_id', f.establishmentId));
  }
  return q;
}

async function establishmentsOf(db: Knex, ids: number[]): Promise<Map<number, Contract['establishments']>> {
  const out = new Map<number, Contract['establishments']>();
  if (ids.length === 0) return out;
  const rows = (await db('contract_establishments as ce')
    .join('establishments as e', 'e.id', 'ce.establishment_id')
    .whereIn('ce.contract_id', ids)
    .orderBy('e.name_key')
    .select('ce.contract_id', 'ce.establishment_id', 'ce.workshops', 'e.name')) as Row[];
  for (const r of rows) {
    const list = out.get(Number(r.contract_id)) ?? [];
    list.push({ establishmentId: Number(r.establishment_id), name: String(r.name), workshops: str(r.workshops) });
    out.set(Number(r.contract_id), list);
  }
  return out;
}

function toContract(r: Row, establishments: Contract['establishments'], today: string): Contract {
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
    previousContractId: r.previous_contract_id === null ? null : Number(r.previous_contract_id),
    previousNumber: str(r.previous_number),
    renewedById: r.renewed_by_id === null || r.renewed_by_id === undefined ? null : Number(r.renewed_by_id),
    renewedByNumber: str(r.renewed_by_number),
    overBudget: toBool(r.over_budget),
    establishments,
    notes: str(r.notes),
    version: numOr0(r.version),
    updatedAt: String(r.updated_at),
    updatedBy: String(r.updated_by),
  };
}

export async function listContracts(
  db: Knex,
  f: Filter & { sort: SortColumn; direction: 'asc' | 'desc'; page: number; pageSize: number },
  today: string,
  narrow?: ContractNarrow,
): Promise<Page<Contract>> {
  const [countRow] = (await applyFilter(db, db('contracts as c'), f, today, narrow).count({ n: '*' })) as Row[];
  const rows = (await applyFilter(db, joined(db), f, today, narrow)
    .select(selectColumns)
    .orderBy(sortExpressions[f.sort], f.direction)
    .orderBy('c.id', f.direction)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)) as Row[];
  const ests = await establishmentsOf(db, rows.map((r) => Number(r.id)));
  return {
    rows: rows.map((r) => toContract(r, ests.get(Number(r.id)) ?? [], today)),
    total: toCount(countRow),
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function allContracts(db: Knex, f: Filter, sort: SortColumn, direction: 'asc' | 'desc', today: string, narrow?: ContractNarrow): Promise<Contract[]> {
  const rows = (await applyFilter(db, joined(db), f, today, narrow).select(selectColumns).orderBy(sortExpressions[sort], direction).orderBy('c.id', direction)) as Row[];
  const out: Contract[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const slice = rows.slice(i, i + 500);
    const ests = await establishmentsOf(db, slice.map((r) => Number(r.id)));
    out.push(...slice.map((r) => toContract(r, ests.get(Number(r.id)) ?? [], today)));
  }
  return out;
}

export async function getContract(db: Knex, id: number, today: string): Promise<Contract | null> {
  const row = (await joined(db).select(selectColumns).where('c.id', id).first()) as Row | undefined;
  if (!row) return null;
  return toContract(row, (await establishmentsOf(db, [id])).get(id) ?? [], today);
}

async function mustGet(ctx: HandlerContext, id: number): Promise<Contract> {
  const c = await getContract(ctx.db, id, todayOf(ctx));
  if (!c) throw notFound();
  requireEstablishment(ctx, ...c.establishments.map((e) => e.establishmentId));
  return c;
}

function refuseUnless(c: Contract, action: ContractAction, fieldForRefusal?: string): void {
  const refusal = lifecycleCheck(c.status, action, c.renewedById !== null);
  if (refusal === null) return;
  const params = { number: c.number };
  throw new AppError('conflict', `contracts.rules.${refusal}`, params, fieldForRefusal ? { [fieldForRefusal]: { key: `contracts.rules.${refusal}`, params } } : {});
}

// ── Writing ─────────────────────────────────────────────────────────────────────

async function appendEvent(db: Knex, contractId: number, kind: string, date: string | null, detail: string | null, actor: Actor, now: string): Promise<void> {
  const [row] = (await db('contract_events').where({ contract_id: contractId }).max({ m: 'seq' })) as Row[];
  await db('contract_events').insert({
    contract_id: contractId,
    seq: numOr0(row?.m) + 1,
    kind,
    date,
    detail,
    recorded_at: now,
    recorded_by: actor.name,
  });
}

/**
 * A draft's schedule is derived from its terms: rewritten whenever they change, in the same
 * transaction. (Once signed, only a resolution changes it: the months after it are dropped.)
 */
async function writeSchedule(
  db: Knex,
  contractId: number,
  terms: { startDate: string; endDate: string; amountType: AmountType; amountCentimos: number; budgetLine: BudgetLine },
): Promise<number> {
  await db('contract_months').where({ contract_id: contractId }).delete();
  const schedule = contractSchedule({ ...terms, resolvedOn: null });
  for (let i = 0; i < schedule.length; i += 100) {
    await db('contract_months').insert(
      schedule.slice(i, i + 100).map((m) => ({
        contract_id: contractId,
        period: m.period,
        expected_centimos: m.expectedCentimos,
        budget_line: terms.budgetLine,
        in_force: false,
        conformity_id: null,
        conformity_gross_centimos: null,
        paid: false,
      })),
    );
  }
  return schedule.reduce((a, m) => a + m.expectedCentimos, 0);
}

async function teacherRow(db: Knex, id: number): Promise<Row | undefined> {
  return (await db('teachers').where({ id }).first()) as Row | undefined;
}

/** Teacher and establishments must exist and be active; a service order needs the teacher's RUC. */
async function checkTerms(ctx: HandlerContext, v: ContractValues, current: Contract | null): Promise<Row> {
  const teacher = await teacherRow(ctx.db, v.teacherId);
  if (!teacher || (!toBool(teacher.active) && current?.teacherId !== v.teacherId)) throw fieldError('teacherId', 'contracts.errors.unknownTeacher');
  if (needsRuc(v.modality) && !teacher.ruc) {
    throw fieldError('teacherId', 'contracts.errors.rucNeeded', { name: fullName(String(teacher.last_names), String(teacher.first_names)) });
  }
  const ids = v.establishments.map((e) => e.establishmentId);
  const rows = (await ctx.db('establishments').whereIn('id', ids).select('id', 'active')) as Row[];
  const kept = new Set((current?.establishments ?? []).map((e) => e.establishmentId));
  v.establishments.forEach((e, i) => {
    const r = rows.find((x) => Number(x.id) === e.establishmentId);
    if (!r || (!toBool(r.active) && !kept.has(e.establishmentId))) {
      throw fieldError(`establishments.${i}.establishmentId`, 'contracts.errors.unknownEstablishment');
    }
  });
  const owner = (await ctx.db('contracts').where({ number_key: numberKey(v.number) }).first('id')) as { id: number } | undefined;
  if (owner && owner.id !== current?.id) throw fieldError('number', 'contracts.errors.duplicateNumber', { number: v.number }, 'conflict');
  return teacher;
}

const contractColumns = (v: ContractValues, teacher: Row) => ({
  number: v.number,
  number_key: numberKey(v.number),
  teacher_id: v.teacherId,
  modality: v.modality,
  object: v.object,
  start_date: v.startDate,
  end_date: v.endDate,
  amount_type: v.amountType,
  amount_centimos: v.amountCentimos,
  hours_per_week: v.hoursPerWeek,
  budget_line: v.budgetLine,
  search_text: contractSearchText(v.number, v.object, teacherWords({ lastNames: String(teacher.last_names), firstNames: String(teacher.first_names), dni: String(teacher.dni) })),
  notes: v.notes,
});

async function writeEstablishments(db: Knex, contractId: number, v: ContractValues): Promise<void> {
  await db('contract_establishments').where({ contract_id: contractId }).delete();
  await db('contract_establishments').insert(v.establishments.map((e) => ({ contract_id: contractId, establishment_id: e.establishmentId, workshops: e.workshops })));
}

/** Inserts a draft with its establishments, schedule and first ledger entry (also used by the demo). */
export async function insertContract(
  db: Knex,
  v: ContractValues,
  teacher: Row,
  extra: { previousContractId?: number | null; createdDetail?: string | null },
  actor: Actor,
  now: string,
): Promise<number> {
  const [row] = (await db('contracts')
    .insert({
      ...contractColumns(v, teacher),
      total_centimos: 0,
      status: 'borrador',
      previous_contract_id: extra.previousContractId ?? null,
      over_budget: false,
      version: 1,
      created_at: now,
      created_by: actor.name,
      updated_at: now,
      updated_by: actor.name,
    })
    .returning('id')) as Array<{ id: number }>;
  const id = row!.id;
  await writeEstablishments(db, id, v);
  const total = await writeSchedule(db, id, v);
  await db('contracts').where({ id }).update({ total_centimos: total });
  await appendEvent(db, id, 'creado', v.startDate, extra.createdDetail ?? null, actor, now);
  return id;
}

/** Warnings that never block: establishments where the teacher may not enter on the start day. */
async function warningsFor(ctx: HandlerContext, c: Contract): Promise<ContractWarning[]> {
  const out: ContractWarning[] = [];
  if (c.status === 'resuelto') return out;
  const auths = await authorisationsOf(ctx.db, c.teacherId, todayOf(ctx));
  for (const id of unauthorisedAtStart(c.startDate, c.establishments.map((e) => e.establishmentId), auths)) {
    const name = c.establishments.find((e) => e.establishmentId === id)!.name;
    out.push({ kind: 'noAuthorisation', message: ctx.t('contracts.warnings.noAuthorisation', { establishment: name, date: formatDate(c.startDate) }) });
  }
  if (c.overBudget) out.push({ kind: 'overBudget', message: ctx.t('contracts.warnings.overBudget', { line: ctx.t(`contracts.budgetLines.${c.budgetLine}`) }) });
  return out;
}

async function result(ctx: HandlerContext, id: number): Promise<ContractResult> {
  const contract = await mustGet(ctx, id);
  return { contract, warnings: await warningsFor(ctx, contract) };
}

/** Other contracts of the teacher in force at some time (a resolved one until its resolution). */
async function inForceOf(db: Knex, teacherId: number): Promise<InForce[]> {
  const rows = (await db('contracts').where({ teacher_id: teacherId }).whereIn('status', ['vigente', 'resuelto']).select('id', 'number', 'start_date', 'end_date', 'resolved_on')) as Row[];
  const ests = rows.length
    ? ((await db('contract_establishments').whereIn('contract_id', rows.map((r) => Number(r.id))).select('contract_id', 'establishment_id')) as Row[])
    : [];
  return rows.map((r) => ({
    id: Number(r.id),
    number: String(r.number),
    start: String(r.start_date),
    end: r.resolved_on && String(r.resolved_on) < String(r.end_date) ? String(r.resolved_on) : String(r.end_date),
    establishmentIds: ests.filter((e) => Number(e.contract_id) === Number(r.id)).map((e) => Number(e.establishment_id)),
  }));
}

/** Per fiscal year the contract touches: what it needs and what its line has available. */
async function budgetShortfalls(db: Knex, c: Contract): Promise<Array<{ year: number; need: number; available: number; defined: boolean }>> {
  const schedule = contractSchedule({ ...c, resolvedOn: null });
  const years = [...new Set(schedule.map((m) => Number(m.period.slice(0, 4))))];
  const out = [];
  for (const year of years) {
    const need = scheduledInYear(schedule, year);
    const s = await budgetSummary(db, year);
    const available = s.lines.find((l) => l.line === c.budgetLine)!.availableCentimos;
    if (need > available) out.push({ year, need, available, defined: s.defined });
  }
  return out;
}

// ── Reading the whole contract ──────────────────────────────────────────────────

async function chainOf(db: Knex, c: Contract, today: string): Promise<ContractDetail['chain']> {
  const rows: Row[] = [];
  const seen = new Set<number>();
  // Back to the first contract, then forward through each renewal.
  let first = c.id;
  for (let prev = c.previousContractId; prev !== null && !seen.has(prev); ) {
    seen.add(prev);
    first = prev;
    const p = (await db('contracts').where({ id: prev }).first('previous_contract_id')) as Row | undefined;
    prev = p && p.previous_contract_id !== null ? Number(p.previous_contract_id) : null;
  }
  seen.clear();
  for (let id: number | null = first; id !== null && !seen.has(id); ) {
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

export async function contractDetail(ctx: HandlerContext, id: number): Promise<ContractDetail> {
  const today = todayOf(ctx);
  const contract = await mustGet(ctx, id);
  const [months, conformities, events, teacher, suspensions] = await inTurn([
    ctx.db('contract_months').where({ contract_id: id }).orderBy('period') as Promise<Row[]>,
    ctx.db('service_conformities').where({ contract_id: id }).whereNot('status', 'anulada').select('id', 'period', 'status', 'gross_centimos', 'payment_date') as Promise<Row[]>,
    ctx.db('contract_events').where({ contract_id: id }).orderBy('seq') as Promise<Row[]>,
    later(() => teacherRow(ctx.db, contract.teacherId)),
    ctx.db('teacher_suspensions').where({ teacher_id: contract.teacherId }).orderBy('fiscal_year', 'desc') as Promise<Row[]>,
  ]);
  const currentPeriod = periodOf(today);
  let paid = 0;
  let pending = 0;
  const schedule = months.map((m) => {
    const f = conformities.find((x) => x.period === m.period);
    const expected = numOr0(m.expected_centimos);
    if (f?.status === 'pagada') paid += numOr0(f.gross_centimos);
    else pending += f ? numOr0(f.gross_centimos) : expected;
    return {
      period: String(m.period),
      expectedCentimos: expected,
      due: contract.status !== 'borrador' && String(m.period) < currentPeriod && expected > 0,
      conformityId: f ? Number(f.id) : null,
      conformityStatus: f ? (f.status as 'pendiente_pago' | 'pagada') : null,
      grossCentimos: f ? numOr0(f.gross_centimos) : null,
      paymentDate: f ? str(f.payment_date) : null,
    };
  });
  return {
    contract,
    teacherRuc: teacher ? str(teacher.ruc) : null,
    teacherSuspensions: suspensions.map((s) => ({ fiscalYear: numOr0(s.fiscal_year), operationNumber: String(s.operation_number), filedOn: String(s.filed_on) })),
    schedule,
    chain: await chainOf(ctx.db, contract, today),
    events: events.map((e) => ({
      seq: numOr0(e.seq),
      kind: String(e.kind),
      date: str(e.date),
      detail: str(e.detail),
      recordedAt: String(e.recorded_at),
      recordedBy: String(e.recorded_by),
    })),
    documents: await documentsOf(ctx.db, contractDocs, id),
    warnings: await warningsFor(ctx, contract),
    paidCentimos: paid,
    pendingCentimos: contract.status === 'borrador' ? 0 : pending,
  };
}

// ── Alerts for the dashboard ────────────────────────────────────────────────────

/** Months of signed contracts that have ended, have something to pay, and no conformity. */
export function missingConformitiesQuery(db: Knex, today: string): Knex.QueryBuilder {
  return db('contract_months as m')
    .join('contracts as c', 'c.id', 'm.contract_id')
    .where('m.in_force', true)
    .whereNull('m.conformity_id')
    .where('m.period', '<', periodOf(today))
    .where('m.expected_centimos', '>', 0);
}

export async function contractAlerts(ctx: HandlerContext): Promise<ContractAlerts> {
  const db = ctx.db;
  const today = todayOf(ctx);
  const soon = addDays(today, EXPIRY_WARNING_DAYS);
  // A user restricted to some establishments is alerted about theirs (auth/access.ts).
  const scoped = (q: Knex.QueryBuilder) => {
    contractScope(ctx)(q);
    return q;
  };
  const [expiring, auths, [missingCount], sample] = await inTurn([
    scoped(db('contracts as c'))
      .join('teachers as t', 't.id', 'c.teacher_id')
      .where('c.status', 'vigente')
      .where('c.end_date', '>=', today)
      .where('c.end_date', '<=', soon)
      .whereNotExists(db('contracts as r').whereRaw('r.previous_contract_id = c.id'))
      .orderBy('c.end_date')
      .limit(50)
      .select('c.id', 'c.number', 'c.end_date', 't.first_names', 't.last_names') as Promise<Row[]>,
    // An authorisation already followed by a later one for the same prison is not an alert.
    whereInScope(ctx.session, db('teacher_authorisations as a'), 'a.establishment_id')
      .join('teachers as t', 't.id', 'a.teacher_id')
      .join('establishments as e', 'e.id', 'a.establishment_id')
      .where('t.active', true)
      .where('a.valid_to', '>=', today)
      .where('a.valid_to', '<=', soon)
      .whereNotExists(
        db('teacher_authorisations as b')
          .whereRaw('b.teacher_id = a.teacher_id')
          .whereRaw('b.establishment_id = a.establishment_id')
          .whereRaw('b.valid_to > a.valid_to'),
      )
      .orderBy('a.valid_to')
      .limit(50)
      .select('a.id', 'a.teacher_id', 'a.valid_to', 't.first_names', 't.last_names', 'e.name as establishment_name') as Promise<Row[]>,
    scoped(missingConformitiesQuery(db, today)).count({ n: '*' }) as Promise<Row[]>,
    scoped(missingConformitiesQuery(db, today))
      .join('teachers as t', 't.id', 'c.teacher_id')
      .orderBy('m.period')
      .orderBy('c.number_key')
      .limit(5)
      .select('c.id', 'c.number', 'm.period', 't.first_names', 't.last_names') as Promise<Row[]>,
  ]);
  const year = Number(today.slice(0, 4));
  const budget = await budgetSummary(db, year);
  return {
    today,
    expiring: expiring.map((r) => ({
      id: Number(r.id),
      number: String(r.number),
      teacherName: fullName(String(r.last_names), String(r.first_names)),
      endDate: String(r.end_date),
      daysLeft: daysBetween(today, String(r.end_date)),
    })),
    authorisations: auths.map((r) => ({
      id: Number(r.id),
      teacherId: Number(r.teacher_id),
      teacherName: fullName(String(r.last_names), String(r.first_names)),
      establishmentName: String(r.establishment_name),
      validTo: String(r.valid_to),
      daysLeft: daysBetween(today, String(r.valid_to)),
    })),
    missingConformities: toCount(missingCount),
    missingSample: sample.map((r) => ({
      contractId: Number(r.id),
      number: String(r.number),
      teacherName: fullName(String(r.last_names), String(r.first_names)),
      period: String(r.period),
    })),
    budgetLines: budget.defined ? budget.lines.filter((l) => l.alert).map((l) => ({ year, line: l.line, usedPercent: l.usedPercent })) : [],
  };
}

// ── Export ──────────────────────────────────────────────────────────────────────

function exportColumns(ctx: HandlerContext): Column<Contract>[] {
  const { t } = ctx;
  return [
    { header: t('contracts.contracts.number'), width: 20, value: (c) => c.number },
    { header: t('contracts.contracts.teacher'), width: 30, value: (c) => c.teacherName },
    { header: t('contracts.teachers.dni'), width: 11, value: (c) => c.teacherDni },
    { header: t('contracts.contracts.modality'), width: 24, value: (c) => t(`contracts.modalities.${c.modality}`) },
    { header: t('contracts.contracts.object'), width: 40, value: (c) => c.object },
    { header: t('contracts.contracts.establishments'), width: 40, value: (c) => c.establishments.map((e) => (e.workshops ? `${e.name} (${e.workshops})` : e.name)).join('; ') },
    { header: t('contracts.contracts.startDate'), width: 12, kind: 'date', value: (c) => c.startDate },
    { header: t('contracts.contracts.endDate'), width: 12, kind: 'date', value: (c) => c.endDate },
    { header: t('contracts.contracts.amountType'), width: 14, value: (c) => t(`contracts.amountTypes.${c.amountType}`) },
    { header: t('contracts.contracts.amountSoles'), width: 14, kind: 'money', value: (c) => c.amountCentimos },
    { header: t('contracts.contracts.totalSoles'), width: 14, kind: 'money', value: (c) => c.totalCentimos },
    { header: t('contracts.contracts.hoursPerWeek'), width: 10, value: (c) => c.hoursPerWeek },
    { header: t('contracts.contracts.budgetLine'), width: 16, value: (c) => t(`contracts.budgetLines.${c.budgetLine}`) },
    { header: t('contracts.contracts.status'), width: 14, value: (c) => t(`contracts.statuses.${c.status}`) },
    { header: t('contracts.contracts.signedOn'), width: 12, kind: 'date', value: (c) => c.signedOn },
    { header: t('contracts.contracts.resolvedOn'), width: 12, kind: 'date', value: (c) => c.resolvedOn },
    { header: t('contracts.contracts.resolutionReason'), width: 30, value: (c) => c.resolutionReason },
    { header: t('contracts.contracts.previous'), width: 20, value: (c) => c.previousNumber },
    { header: t('contracts.contracts.overBudget'), width: 12, value: (c) => (c.overBudget ? t('common.yes') : '') },
  ];
}

// ── Handlers ────────────────────────────────────────────────────────────────────

type ContractHandlers = Pick<
  Handlers,
  | 'contracts.list'
  | 'contracts.get'
  | 'contracts.create'
  | 'contracts.update'
  | 'contracts.activate'
  | 'contracts.terminate'
  | 'contracts.renew'
  | 'contracts.addDocument'
  | 'contracts.removeDocument'
  | 'contracts.documentCopy'
  | 'contracts.export'
  | 'contracts.summaryPdf'
  | 'contracts.alerts'
>;

const money = (ctx: HandlerContext, c: number) => formatMoney(c, ctx.session.locale);

export const contractHandlers: ContractHandlers = {
  'contracts.list': (q, ctx) => listContracts(ctx.db, q, todayOf(ctx), contractScope(ctx)),

  'contracts.get': ({ id }, ctx) => contractDetail(ctx, id),

  'contracts.create': async (v, ctx) => {
    const teacher = await checkTerms(ctx, v, null);
    let id: number;
    try {
      id = await insertContract(ctx.db, v, teacher, {}, ctx.session.actor, ctx.now);
    } catch (err) {
      if (isUniqueViolation(err)) throw fieldError('number', 'contracts.errors.duplicateNumber', { number: v.number }, 'conflict');
      throw err;
    }
    const out = await result(ctx, id);
    await ctx.audit({ entity: 'contract', entityId: id, action: 'create', after: out.contract });
    return out;
  },

  'contracts.update': async ({ id, version, ...v }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    refuseUnless(before, 'edit');
    const teacher = await checkTerms(ctx, v, before);
    const n = await ctx.db('contracts')
      .where({ id, version })
      .update({ ...contractColumns(v, teacher), version: version + 1, updated_at: ctx.now, updated_by: ctx.session.actor.name });
    if (n !== 1) throw stale();
    await writeEstablishments(ctx.db, id, v);
    const total = await writeSchedule(ctx.db, id, v);
    await ctx.db('contracts').where({ id }).update({ total_centimos: total });
    await appendEvent(ctx.db, id, 'editado', null, null, ctx.session.actor, ctx.now);
    const out = await result(ctx, id);
    await ctx.audit({ entity: 'contract', entityId: id, action: 'update', before, after: out.contract });
    return out;
  },

  'contracts.activate': async ({ id, version, signedOn, confirmOverBudget }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    refuseUnless(before, 'activate');
    const teacher = (await teacherRow(ctx.db, before.teacherId))!;
    if (needsRuc(before.modality) && !teacher.ruc) {
      throw new AppError('conflict', 'contracts.errors.rucNeeded', { name: before.teacherName });
    }
    const clash = findOverlap(
      { id, number: before.number, start: before.startDate, end: before.endDate, establishmentIds: before.establishments.map((e) => e.establishmentId) },
      await inForceOf(ctx.db, before.teacherId),
    );
    if (clash) {
      const establishment = before.establishments.find((e) => e.establishmentId === clash.establishmentId)!.name;
      const params = { number: clash.other.number, establishment, from: formatDate(clash.other.start), to: formatDate(clash.other.end) };
      throw new AppError('conflict', 'contracts.errors.overlap', params, { signedOn: { key: 'contracts.errors.overlap', params } });
    }
    const shortfalls = await budgetShortfalls(ctx.db, before);
    if (shortfalls.length > 0 && !confirmOverBudget) {
      const s = shortfalls[0]!;
      const params = {
        line: ctx.t(`contracts.budgetLines.${before.budgetLine}`),
        year: s.year,
        need: money(ctx, s.need),
        available: money(ctx, s.available),
      };
      const key = s.defined ? 'contracts.errors.overBudget' : 'contracts.errors.noBudget';
      throw new AppError('conflict', key, params, { confirmOverBudget: { key, params } });
    }
    await ctx.db('contracts')
      .where({ id, version })
      .update({
        status: 'vigente',
        signed_on: signedOn,
        over_budget: shortfalls.length > 0,
        version: version + 1,
        updated_at: ctx.now,
        updated_by: ctx.session.actor.name,
      });
    await ctx.db('contract_months').where({ contract_id: id }).update({ in_force: true });
    await appendEvent(ctx.db, id, 'activado', signedOn, shortfalls.length > 0 ? ctx.t('contracts.events.overBudgetConfirmed') : null, ctx.session.actor, ctx.now);
    const out = await result(ctx, id);
    await ctx.audit({ entity: 'contract', entityId: id, action: 'activate', before, after: out.contract });
    return out;
  },

  'contracts.terminate': async ({ id, version, date, reason }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    refuseUnless(before, 'terminate');
    if (date < before.startDate || date > before.endDate) {
      throw fieldError('date', 'contracts.errors.resolutionOutside', { from: formatDate(before.startDate), to: formatDate(before.endDate) });
    }
    const later = (await ctx.db('service_conformities')
      .where({ contract_id: id })
      .whereNot('status', 'anulada')
      .where('period', '>', periodOf(date))
      .orderBy('period', 'desc')
      .first('period')) as Row | undefined;
    if (later) throw fieldError('date', 'contracts.errors.conformityAfterResolution', { period: String(later.period) });
    await ctx.db('contracts')
      .where({ id, version })
      .update({ status: 'resuelto', resolved_on: date, resolution_reason: reason, version: version + 1, updated_at: ctx.now, updated_by: ctx.session.actor.name });
    await ctx.db('contract_months').where({ contract_id: id }).where('period', '>', periodOf(date)).delete();
    await appendEvent(ctx.db, id, 'resuelto', date, reason, ctx.session.actor, ctx.now);
    const out = await result(ctx, id);
    await ctx.audit({ entity: 'contract', entityId: id, action: 'terminate', before, after: out.contract });
    return out;
  },

  'contracts.renew': async ({ id, number, startDate, endDate, amountCentimos }, ctx) => {
    const previous = await mustGet(ctx, id);
    refuseUnless(previous, 'renew');
    if (startDate <= previous.endDate) {
      throw fieldError('startDate', 'contracts.errors.renewalStart', { date: formatDate(previous.endDate) });
    }
    const v: ContractValues = {
      teacherId: previous.teacherId,
      modality: previous.modality,
      number,
      object: previous.object,
      startDate,
      endDate,
      amountType: previous.amountType,
      amountCentimos,
      hoursPerWeek: previous.hoursPerWeek,
      budgetLine: previous.budgetLine,
      establishments: previous.establishments.map((e) => ({ establishmentId: e.establishmentId, workshops: e.workshops })),
      notes: previous.notes,
    };
    if (amountCentimos === 0 && v.modality !== 'voluntariado' && v.modality !== 'convenio') {
      throw fieldError('amountCentimos', 'contracts.errors.amountRequired');
    }
    const teacher = await checkTerms(ctx, v, null);
    const newId = await insertContract(
      ctx.db,
      v,
      teacher,
      { previousContractId: id, createdDetail: ctx.t('contracts.events.renewalOf', { number: previous.number }) },
      ctx.session.actor,
      ctx.now,
    );
    await appendEvent(ctx.db, id, 'renovado', startDate, ctx.t('contracts.events.renewedBy', { number }), ctx.session.actor, ctx.now);
    const out = await result(ctx, newId);
    await ctx.audit({ entity: 'contract', entityId: newId, action: 'renew', before: { previous: previous.number }, after: out.contract });
    return out;
  },

  'contracts.addDocument': async ({ id, kind, fileName, dataBase64 }, ctx) => {
    await mustGet(ctx, id);
    const stored = await addDocument(ctx, contractDocs, id, { fileName, dataBase64, kind });
    await appendEvent(ctx.db, id, 'documento', null, `${ctx.t(`contracts.documentKinds.${kind}`)}: ${stored.name}`, ctx.session.actor, ctx.now);
    await ctx.audit({ entity: 'contract', entityId: id, action: 'document:add', after: { ...stored, kind } });
    return documentsOf(ctx.db, contractDocs, id);
  },

  'contracts.removeDocument': async ({ id, hash }, ctx) => {
    await mustGet(ctx, id);
    await removeDocument(ctx, contractDocs, id, hash);
    await appendEvent(ctx.db, id, 'documento_retirado', null, hash.slice(0, 12), ctx.session.actor, ctx.now);
    await ctx.audit({ entity: 'contract', entityId: id, action: 'document:remove', before: { hash } });
    return documentsOf(ctx.db, contractDocs, id);
  },

  'contracts.documentCopy': ({ id, hash }, ctx) => saveDocumentCopy(ctx, contractDocs, id, hash),

  'contracts.export': async ({ filter, format, sort, direction }, ctx) => {
    const rows = await allContracts(ctx.db, filter as Filter, sort, direction, todayOf(ctx), contractScope(ctx));
    return exportTable(ctx, {
      baseName: ctx.t('contracts.contracts.fileName'),
      sheetName: ctx.t('contracts.contracts.sheet'),
      format,
      columns: exportColumns(ctx),
      rows,
    });
  },

  'contracts.summaryPdf': async ({ id }, ctx) => {
    const d = await contractDetail(ctx, id);
    const safe = d.contract.number.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase();
    return saveExport(ctx, {
      baseName: `${ctx.t('contracts.contracts.summaryFile')}-${safe}`,
      extension: 'pdf',
      rows: 1,
      build: () => ctx.platform.printPdf({ html: contractSummaryHtml(d, ctx.t, ctx.session.locale, ctx.now, ctx.session.actor.name), pageSize: 'A4' }),
    });
  },

  'contracts.alerts': (_input, ctx) => contractAlerts(ctx),
};
