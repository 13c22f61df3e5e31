import type { Knex } from 'knex';
import type { InitiativeMember } from '../../../../shared/programmes/initiative-schemas';
import type { ProgrammeFigures, WorkshopTeacher } from '../../../../shared/programmes/schemas';
import { numOr0 as n, type Row, toBool, num } from '../../db/rows';
import { whereWords } from '../../db/search';
import { modificationEffect } from '../../../../shared/contracts/rules';
import { listModifications } from './expenses';

/**
 * What the programmes domain asks of the contracts' budget: the year's budget for the
 * programme's figures (the annual report, the UNESCO entry).
 */

/**
 * The budget in USD where the budget module exists (migration 0003: budget_years with the
 * year's exchange rate as soles per dollar × 10,000, budget_lines with céntimos by line);
 * null otherwise ("no disponible"). Read defensively: a missing year or table answers null.
 */
export async function budgetFinance(db: Knex, year: number): Promise<ProgrammeFigures['finance']> {
  try {
    if (!(await db.schema.hasTable('budget_years')) || !(await db.schema.hasTable('budget_lines'))) return null;
    const y = (await db('budget_years').where({ year }).first('year', 'exchange_rate_e4')) as Row | undefined;
    const e4 = n(y?.exchange_rate_e4);
    if (!y || e4 <= 0) return null;
    // Each line as assigned: its initial amount and the year's modifications (migration 0017).
    const modified = new Map<string, number>();
    if (await db.schema.hasTable('budget_modifications')) {
      for (const m of await listModifications(db, year)) {
        for (const [line, c] of Object.entries(modificationEffect(m))) modified.set(line, (modified.get(line) ?? 0) + c);
      }
    }
    const lines = ((await db('budget_lines').where({ year }).orderBy('line').select('line', 'amount_centimos')) as Row[]).map((l) => ({
      name: String(l.line),
      pen: n(l.amount_centimos) + (modified.get(String(l.line)) ?? 0),
    }));
    const pen = lines.reduce((a, l) => a + l.pen, 0);
    // USD in cents: céntimos ÷ (soles per dollar) = céntimos × 10,000 ÷ rate_e4.
    return { year, pen, usd: Math.round((pen * 10_000) / e4), exchangeRate: e4 / 10_000, lines };
  } catch {
    return null;
  }
}

// ── Teachers of workshops (issue 15, item 4) ────────────────────────────────────

const workshopTeacher = (r: Row): WorkshopTeacher => ({
  id: Number(r.id),
  name: `${String(r.first_names)} ${String(r.last_names)}`,
  active: toBool(r.active),
});

/** Teachers by id: the names a workshop, a session or a review shows. */
export async function teachersByIds(db: Knex, ids: readonly number[]): Promise<Map<number, WorkshopTeacher>> {
  const out = new Map<number, WorkshopTeacher>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = (await db('teachers')
      .whereIn('id', unique.slice(i, i + 500))
      .select('id', 'first_names', 'last_names', 'active')) as Row[];
    for (const r of rows) out.set(Number(r.id), workshopTeacher(r));
  }
  return out;
}

/** Active teachers whose names or DNI contain every word typed, by name (at most 20). */
export async function activeTeacherOptions(db: Knex, search: string): Promise<WorkshopTeacher[]> {
  const q = db('teachers as t').where('t.active', true);
  const rows = (await whereWords(q, 't.search_text', search)
    .orderBy('t.name_key')
    .limit(20)
    .select('t.id', 't.first_names', 't.last_names', 't.active')) as Row[];
  return rows.map(workshopTeacher);
}

// ── Initiatives (issue 17, item 1) ──────────────────────────────────────────────

/** An expense (never a voided one) as an initiative's page lists it. */
const expenseMember = (r: Row): InitiativeMember => ({
  id: Number(r.id),
  label: String(r.description),
  detail: String(r.supplier_name),
  date: String(r.date),
  amountCentimos: n(r.amount_centimos),
});

/** At most this many unlinked expenses are offered to link, the newest first. */
const CANDIDATES = 500;

/** The expenses of an initiative (null: those of none, the newest offered to link), never the voided ones. */
export async function expensesOfInitiative(db: Knex, initiativeId: number | null): Promise<InitiativeMember[]> {
  const q = db('budget_expenses').where('voided', false);
  if (initiativeId === null) q.whereNull('initiative_id').limit(CANDIDATES);
  else q.where({ initiative_id: initiativeId });
  const rows = (await q
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .select('id', 'description', 'supplier_name', 'date', 'amount_centimos')) as Row[];
  return rows.map(expenseMember);
}

/** The initiative each of these expenses belongs to (null: none); a voided expense or an unknown id is absent from the map. */
export async function expenseInitiatives(db: Knex, ids: readonly number[]): Promise<Map<number, number | null>> {
  const rows = (await db('budget_expenses')
    .whereIn('id', [...ids])
    .where('voided', false)
    .select('id', 'initiative_id')) as Row[];
  return new Map(rows.map((r) => [Number(r.id), num(r.initiative_id)]));
}

/**
 * Moves these expenses from initiative `from` (null: none) to `to`; answers how many moved. The
 * column is not one the expense's append-only trigger guards; a voided expense is never moved.
 */
export async function moveExpenses(db: Knex, ids: readonly number[], from: number | null, to: number | null): Promise<number> {
  const q = db('budget_expenses')
    .whereIn('id', [...ids])
    .where('voided', false);
  if (from === null) q.whereNull('initiative_id');
  else q.where({ initiative_id: from });
  return q.update({ initiative_id: to });
}

/** How many expenses (not voided) each initiative has. */
export async function expensesPerInitiative(db: Knex): Promise<Map<number, number>> {
  const rows = (await db('budget_expenses')
    .where('voided', false)
    .whereNotNull('initiative_id')
    .groupBy('initiative_id')
    .select('initiative_id')
    .count({ n: '*' })) as Row[];
  return new Map(rows.map((r) => [Number(r.initiative_id), Number(r.n)]));
}

/** What an initiative's expenses executed during [from, to], in céntimos (voided ones excluded). */
export async function initiativeExpensesDuring(db: Knex, initiativeId: number, from: string, to: string): Promise<number> {
  const [r] = (await db('budget_expenses')
    .where({ initiative_id: initiativeId })
    .where('voided', false)
    .whereBetween('date', [from, to])
    .sum({ c: 'amount_centimos' })) as Row[];
  return n(r?.c);
}

/** The unlinked expenses that name an event, a workshop or an exhibition (the demonstration links them to its initiative). */
export async function unlinkedExpensesFor(
  db: Knex,
): Promise<Array<{ id: number; eventId: number | null; workshopId: number | null; exhibitionId: number | null }>> {
  const rows = (await db('budget_expenses')
    .where('voided', false)
    .whereNull('initiative_id')
    .where((w) => w.whereNotNull('event_id').orWhereNotNull('workshop_id').orWhereNotNull('exhibition_id'))
    .orderBy('id')
    .select('id', 'event_id', 'workshop_id', 'exhibition_id')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    eventId: num(r.event_id),
    workshopId: num(r.workshop_id),
    exhibitionId: num(r.exhibition_id),
  }));
}

// ── The UNESCO entry's financial resources (issue 17, item 5) ───────────────────

/**
 * The budget executed during [from, to] (expenses not voided, céntimos) and its value in US
 * cents, each year's expenses at that year's exchange rate (soles per dollar × 10,000). `usd`
 * is null when a year with expenses, or the year the period ends, has no exchange rate.
 */
export async function budgetExecution(
  db: Knex,
  from: string,
  to: string,
): Promise<{ pen: number; usd: number | null; rates: Array<{ year: number; rate: number }> }> {
  const rows = (await db('budget_expenses')
    .where('voided', false)
    .whereBetween('date', [from, to])
    .select('date', 'amount_centimos')) as Row[];
  const byYear = new Map<number, number>([[Number(to.slice(0, 4)), 0]]);
  for (const r of rows) {
    const y = Number(String(r.date).slice(0, 4));
    byYear.set(y, (byYear.get(y) ?? 0) + n(r.amount_centimos));
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const rateRows = (await db('budget_years').whereIn('year', years).select('year', 'exchange_rate_e4')) as Row[];
  const e4 = new Map(rateRows.map((r) => [Number(r.year), n(r.exchange_rate_e4)]));
  let pen = 0;
  let usd: number | null = 0;
  for (const y of years) {
    const amount = byYear.get(y)!;
    pen += amount;
    const rate = e4.get(y) ?? 0;
    if (rate <= 0) usd = null;
    else if (usd !== null) usd += Math.round((amount * 10_000) / rate);
  }
  return { pen, usd, rates: years.filter((y) => (e4.get(y) ?? 0) > 0).map((y) => ({ year: y, rate: e4.get(y)! / 10_000 })) };
}
