import type { Knex } from 'knex';
import type { ProgrammeFigures, WorkshopTeacher } from '../../../shared/programmes/schemas';
import { numOr0 as n, type Row, toBool } from '../db/rows';
import { whereWords } from '../db/search';
import { modificationEffect } from '../../../shared/contracts/rules';
import { listModifications } from './repository/expenses';

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
