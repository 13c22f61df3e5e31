import type { Knex } from 'knex';
import { budgetLines, penToUsdCents, type BudgetLine } from '../../../../shared/contracts/rules';
import { monthOf } from '../../db/dialect';
import { numOr0 as n, type Row } from '../../db/rows';
import { modificationsByLine } from '../budget';
import { budgetYear, executedByMonth } from './budget';

/**
 * What the contracts domain offers the evaluation page (issue 17): the budget's execution per
 * line and month in soles (céntimos) and dollars (cents, at the year's exchange rate), the same
 * sums as the budget page; and each year's assigned budget per line. For one initiative, only
 * the expenses recorded for it (contracts and purchases belong to no initiative) and no
 * assigned amounts (a budget is not split by initiative).
 */

export interface BudgetMonth {
  month: string;
  line: BudgetLine;
  pen: number;
  usd: number | null;
}

/** One initiative's expenses (not voided) per line and month of a year. */
async function initiativeExpenses(db: Knex, year: number, initiativeId: number): Promise<Record<BudgetLine, number[]>> {
  const month = monthOf('x.date');
  const rows = (await db('budget_expenses as x')
    .whereBetween('x.date', [`${year}-01-01`, `${year}-12-31`])
    .where('x.voided', false)
    .where('x.initiative_id', initiativeId)
    .groupByRaw(`x.budget_line, ${month}`)
    .select('x.budget_line as line', db.raw(`${month} AS month`))
    .sum({ s: 'x.amount_centimos' })) as Row[];
  const out = Object.fromEntries(budgetLines.map((l) => [l, Array<number>(12).fill(0)])) as Record<BudgetLine, number[]>;
  for (const r of rows) {
    const m = Number(String(r.month).slice(5, 7)) - 1;
    const line = out[r.line as BudgetLine];
    if (line && m >= 0 && m < 12) line[m] = (line[m] ?? 0) + n(r.s);
  }
  return out;
}

export async function budgetExecution(
  db: Knex,
  f: { from: string; to: string; initiativeId: number | null },
): Promise<{ months: BudgetMonth[]; lines: Array<{ year: number; line: BudgetLine; pen: number; usd: number | null }> }> {
  const months: BudgetMonth[] = [];
  const lines: Array<{ year: number; line: BudgetLine; pen: number; usd: number | null }> = [];
  const first = f.from.slice(0, 7);
  const last = f.to.slice(0, 7);
  for (let year = Number(f.from.slice(0, 4)); year <= Number(f.to.slice(0, 4)); year++) {
    const { stored, amounts } = await budgetYear(db, year);
    const rate = stored && stored.exchangeRateE4 > 0 ? stored.exchangeRateE4 : null;
    const usd = (c: number) => (rate === null ? null : penToUsdCents(c, rate));
    const executed = f.initiativeId === null ? await executedByMonth(db, year) : await initiativeExpenses(db, year, f.initiativeId);
    for (let m = 0; m < 12; m++) {
      const month = `${year}-${String(m + 1).padStart(2, '0')}`;
      if (month < first || month > last) continue;
      for (const line of budgetLines) months.push({ month, line, pen: executed[line][m] ?? 0, usd: usd(executed[line][m] ?? 0) });
    }
    if (f.initiativeId !== null || !stored) continue;
    const modified = await modificationsByLine(db, year);
    for (const line of budgetLines) {
      const pen = (amounts[line] ?? 0) + modified[line];
      lines.push({ year, line, pen, usd: usd(pen) });
    }
  }
  return { months, lines };
}
