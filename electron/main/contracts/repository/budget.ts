import type { Knex } from 'knex';
import { budgetLines, type BudgetLine } from '../../../../shared/contracts/rules';
import { inTurn, later } from '../../db/dialect';
import { type Row, numOr0, str } from '../../db/rows';
import { inventoryPurchasesByMonth, inventoryPurchasesCentimos } from '../../inventory/repository/for-contracts';
import { expensesByMonth } from './expenses';

/**
 * The programme budget per fiscal year and line. Committed, executed and available are never
 * typed: they are summed from the records each time.
 * - committed: what contracts in force still owe for the year's months — the installment of
 *   each month without a conformity, and the gross of each conformity not yet paid;
 * - executed: the gross of the conformities paid for the year's months; on the instrumentos
 *   line the musical instruments bought with INPE's budget (acquired that year); on the
 *   materiales line the art equipment bought the same way and the consumables' purchases
 *   (quantity × unit cost of the entries dated that year);
 * - available: budget − committed − executed.
 * A month belongs to the fiscal year of the service (December paid in January is December's).
 */

export interface LineFiguresDetail {
  committed: number;
  payments: number;
  /** Musical instruments bought (the instrumentos line). */
  instruments: number;
  /** Art equipment and consumables bought (the materiales line). */
  materials: number;
  /** The expenses recorded on the line and not voided (budget_expenses). */
  expenses: number;
}

const emptyFigures = (): Record<BudgetLine, LineFiguresDetail> =>
  Object.fromEntries(budgetLines.map((l) => [l, { committed: 0, payments: 0, instruments: 0, materials: 0, expenses: 0 }])) as Record<
    BudgetLine,
    LineFiguresDetail
  >;

const range = (year: number) => ({ from: `${year}-01`, to: `${year}-12` });

async function addExpenses(db: Knex, year: number, out: Record<BudgetLine, LineFiguresDetail>): Promise<void> {
  const spent = await expensesByMonth(db, year);
  for (const line of budgetLines) out[line].expenses = spent[line].reduce((a, c) => a + c, 0);
}

/**
 * Executed per line and month (index 0 = January): the conformities paid for the month's
 * service, the inventory's purchases and the expenses dated in it — the same sums as
 * yearFigures' executed, spread over the year.
 */
export async function executedByMonth(db: Knex, year: number): Promise<Record<BudgetLine, number[]>> {
  const { from, to } = range(year);
  const [paid, purchases, out] = await inTurn([
    db('contract_months')
      .where('period', '>=', from)
      .where('period', '<=', to)
      .where('in_force', true)
      .where('paid', true)
      .groupBy('budget_line', 'period')
      .select('budget_line as line', 'period')
      .sum({ s: 'conformity_gross_centimos' }) as Promise<Row[]>,
    later(() => inventoryPurchasesByMonth(db, year)),
    later(() => expensesByMonth(db, year)),
  ]);
  for (const r of paid) {
    const m = Number(String(r.period).slice(5, 7)) - 1;
    const line = out[r.line as BudgetLine];
    if (line && m >= 0 && m < 12) line[m]! += numOr0(r.s);
  }
  for (let m = 0; m < 12; m++) {
    out.instrumentos[m]! += purchases.instruments[m]!;
    out.materiales[m]! += purchases.materials[m]!;
  }
  return out;
}

/**
 * Committed and executed per line for one year, read from the months' state (kept in the same
 * transaction as every contract and conformity change).
 */
export async function yearFigures(db: Knex, year: number): Promise<Record<BudgetLine, LineFiguresDetail>> {
  const { from, to } = range(year);
  const out = emptyFigures();
  const [months, purchases] = await inTurn([
    db('contract_months')
      .where('period', '>=', from)
      .where('period', '<=', to)
      .where('in_force', true)
      .groupBy('budget_line')
      .select(
        'budget_line as line',
        db.raw('SUM(CASE WHEN conformity_id IS NULL THEN expected_centimos ELSE 0 END) AS open_s'),
        db.raw('SUM(CASE WHEN conformity_id IS NOT NULL AND paid = ? THEN conformity_gross_centimos ELSE 0 END) AS pending_s', [false]),
        db.raw('SUM(CASE WHEN paid = ? THEN conformity_gross_centimos ELSE 0 END) AS paid_s', [true]),
      ) as Promise<Row[]>,
    later(() => inventoryPurchasesCentimos(db, year)),
  ]);
  await addExpenses(db, year, out);
  for (const r of months) {
    out[r.line as BudgetLine].committed += numOr0(r.open_s) + numOr0(r.pending_s);
    out[r.line as BudgetLine].payments += numOr0(r.paid_s);
  }
  out.instrumentos.instruments = purchases.instruments;
  out.materiales.materials = purchases.materials;
  return out;
}

/**
 * The same figures summed from the contracts and conformities themselves, without the months'
 * cached state: what the tests compare yearFigures against.
 */
export async function yearFiguresFromRecords(db: Knex, year: number): Promise<Record<BudgetLine, LineFiguresDetail>> {
  const { from, to } = range(year);
  const out = emptyFigures();
  const [open, conformities, purchases] = await inTurn([
    db('contract_months as m')
      .join('contracts as c', 'c.id', 'm.contract_id')
      .where('m.period', '>=', from)
      .where('m.period', '<=', to)
      .whereNot('c.status', 'borrador')
      .whereNotExists(
        db('service_conformities as f')
          .whereRaw('f.contract_id = m.contract_id')
          .whereRaw('f.period = m.period')
          .whereNot('f.status', 'anulada'),
      )
      .groupBy('c.budget_line')
      .select('c.budget_line as line')
      .sum({ s: 'm.expected_centimos' }) as Promise<Row[]>,
    db('service_conformities as f')
      .join('contracts as c', 'c.id', 'f.contract_id')
      .where('f.period', '>=', from)
      .where('f.period', '<=', to)
      .whereNot('f.status', 'anulada')
      .groupBy('c.budget_line', 'f.status')
      .select('c.budget_line as line', 'f.status as status')
      .sum({ s: 'f.gross_centimos' }) as Promise<Row[]>,
    later(() => inventoryPurchasesCentimos(db, year)),
  ]);
  await addExpenses(db, year, out);
  for (const r of open) out[r.line as BudgetLine].committed += numOr0(r.s);
  for (const r of conformities) {
    if (r.status === 'pagada') out[r.line as BudgetLine].payments += numOr0(r.s);
    else out[r.line as BudgetLine].committed += numOr0(r.s);
  }
  out.instrumentos.instruments = purchases.instruments;
  out.materiales.materials = purchases.materials;
  return out;
}

/** A year's budget as typed: the exchange rate (scaled), notes and version (null: no budget for the year). */
export interface BudgetYearRecord {
  exchangeRateE4: number;
  notes: string | null;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** A year's stored budget and each line's amount. */
export async function budgetYear(
  db: Knex,
  year: number,
): Promise<{ stored: BudgetYearRecord | null; amounts: Partial<Record<BudgetLine, number>> }> {
  const y = (await db('budget_years').where({ year }).first()) as Row | undefined;
  const amounts = (await db('budget_lines').where({ year }).select('line', 'amount_centimos')) as Row[];
  return {
    stored: y
      ? {
          exchangeRateE4: numOr0(y.exchange_rate_e4),
          notes: str(y.notes),
          version: numOr0(y.version),
          updatedAt: str(y.updated_at),
          updatedBy: str(y.updated_by),
        }
      : null,
    amounts: Object.fromEntries(amounts.map((a) => [String(a.line), numOr0(a.amount_centimos)])),
  };
}

/** Whether the year has a stored budget. */
export async function hasBudgetYear(db: Knex, year: number): Promise<boolean> {
  return Boolean(await db('budget_years').where({ year }).first('year'));
}

/** Every year with a budget, latest first: its total and exchange rate (scaled). */
export async function budgetYears(db: Knex): Promise<Array<{ year: number; budgetCentimos: number; exchangeRateE4: number }>> {
  const rows = (await db('budget_years as y')
    .leftJoin('budget_lines as l', 'l.year', 'y.year')
    .groupBy('y.year', 'y.exchange_rate_e4')
    .orderBy('y.year', 'desc')
    .select('y.year', 'y.exchange_rate_e4')
    .sum({ s: 'l.amount_centimos' })) as Row[];
  return rows.map((r) => ({ year: numOr0(r.year), budgetCentimos: numOr0(r.s), exchangeRateE4: numOr0(r.exchange_rate_e4) }));
}

/**
 * Writes a year's budget: a new one (version null) or the stored one while its version is
 * still `version` (answers false otherwise); the lines are written whole.
 */
export async function saveBudgetYear(
  db: Knex,
  year: number,
  version: number | null,
  values: { exchangeRateE4: number; notes: string | null; lines: Record<BudgetLine, number> },
  updatedBy: string,
  now: string,
): Promise<boolean> {
  const row = { exchange_rate_e4: values.exchangeRateE4, notes: values.notes, updated_at: now, updated_by: updatedBy };
  if (version === null) await db('budget_years').insert({ year, ...row, version: 1 });
  else {
    const n = await db('budget_years')
      .where({ year, version })
      .update({ ...row, version: version + 1 });
    if (n !== 1) return false;
  }
  await db('budget_lines').where({ year }).delete();
  await db('budget_lines').insert(budgetLines.map((line) => ({ year, line, amount_centimos: values.lines[line] })));
  return true;
}
