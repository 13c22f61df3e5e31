import type { Knex } from 'knex';
import {
  budgetLines,
  lineBalance,
  modificationEffect,
  type BudgetLine,
  penToUsdCents,
  RATE_SCALE,
  rateToScaled,
  totalBalance,
  type LineBalance,
} from '../../../shared/contracts/rules';
import type { budgetChannels, ExpenseChannel } from '../../../shared/contracts/channels';
import type { BudgetLineRow, BudgetSummary } from '../../../shared/contracts/schemas';
import { saveExport } from '../export/table';
import { AppError, stale } from '../ipc/errors';
import type { DomainHandlers } from '../ipc/context';
import { budgetReportHtml, budgetWorkbook } from './budget-report';
import { budgetYear, budgetYears, executedByMonth, saveBudgetYear, yearFigures } from './repository/budget';
import { listModifications } from './repository/expenses';
import { yearExpenses } from './expense-links';
import { formatMoney } from '../../../shared/format';

/** The budget of a fiscal year: typed amounts, and committed, executed and available summed from the records (repository/budget.ts). */

const usd = (b: LineBalance, rate: number | null) =>
  rate === null
    ? null
    : {
        budget: penToUsdCents(b.budgetCentimos, rate),
        committed: penToUsdCents(b.committedCentimos, rate),
        executed: penToUsdCents(b.executedCentimos, rate),
        available: penToUsdCents(b.availableCentimos, rate),
      };

/** What the year's modifications add to each line's assigned amount (negative: take away). */
export async function modificationsByLine(db: Knex, year: number): Promise<Record<BudgetLine, number>> {
  const out = Object.fromEntries(budgetLines.map((l) => [l, 0])) as Record<BudgetLine, number>;
  for (const m of await listModifications(db, year)) {
    for (const [line, c] of Object.entries(modificationEffect(m)) as Array<[BudgetLine, number]>) out[line] += c;
  }
  return out;
}

export async function budgetSummary(db: Knex, year: number): Promise<BudgetSummary> {
  const { stored: y, amounts } = await budgetYear(db, year);
  const figures = await yearFigures(db, year);
  const modified = await modificationsByLine(db, year);
  const byMonth = await executedByMonth(db, year);
  const rate = y ? y.exchangeRateE4 : null;
  const balances = budgetLines.map((line) => {
    const f = figures[line];
    const b = lineBalance({
      budgetCentimos: (amounts[line] ?? 0) + modified[line],
      committedCentimos: f.committed,
      executedCentimos: f.payments + f.instruments + f.materials + f.expenses,
    });
    return { line, b, f };
  });
  const lines: BudgetLineRow[] = balances.map(({ line, b, f }) => ({
    line,
    ...b,
    initialCentimos: amounts[line] ?? 0,
    modificationsCentimos: modified[line],
    executedPaymentsCentimos: f.payments,
    executedInstrumentsCentimos: f.instruments,
    executedMaterialsCentimos: f.materials,
    executedExpensesCentimos: f.expenses,
    usdCents: usd(b, rate),
  }));
  const total = totalBalance(balances.map((x) => x.b));
  const sum = (k: keyof BudgetLineRow) => lines.reduce((a, l) => a + (l[k] as number), 0);
  return {
    year,
    defined: y !== null,
    exchangeRate: rate === null ? null : rate / RATE_SCALE,
    notes: y ? y.notes : null,
    version: y ? y.version : null,
    lines,
    total: {
      ...total,
      initialCentimos: sum('initialCentimos'),
      modificationsCentimos: sum('modificationsCentimos'),
      executedPaymentsCentimos: sum('executedPaymentsCentimos'),
      executedInstrumentsCentimos: sum('executedInstrumentsCentimos'),
      executedMaterialsCentimos: sum('executedMaterialsCentimos'),
      executedExpensesCentimos: sum('executedExpensesCentimos'),
      usdCents: usd(total, rate),
    },
    months: budgetLines.map((line) => ({ line, months: byMonth[line] })),
    updatedAt: y ? y.updatedAt : null,
    updatedBy: y ? y.updatedBy : null,
  };
}

export const budgetHandlers: DomainHandlers<Exclude<(typeof budgetChannels)[number], ExpenseChannel>> = {
  'budget.years': async (_input, ctx) =>
    (await budgetYears(ctx.db)).map((r) => ({
      year: r.year,
      budgetCentimos: r.budgetCentimos,
      exchangeRate: r.exchangeRateE4 / RATE_SCALE,
    })),

  'budget.summary': ({ year }, ctx) => budgetSummary(ctx.db, year),

  'budget.save': async ({ year, exchangeRate, lines, notes, version }, ctx) => {
    const before = await budgetSummary(ctx.db, year);
    if (version === null && before.defined) {
      throw new AppError(
        'conflict',
        'contracts.errors.budgetExists',
        { year },
        { year: { key: 'contracts.errors.budgetExists', params: { year } } },
      );
    }
    if (version !== null && before.version !== version) throw stale();
    // The year's modifications stay: no line's assigned amount may end below zero.
    const modified = await modificationsByLine(ctx.db, year);
    const short = budgetLines.filter((l) => lines[l] + modified[l] < 0);
    if (short.length > 0) {
      const fields = Object.fromEntries(
        short.map((l) => [
          `lines.${l}`,
          { key: 'contracts.errors.initialBelowModifications', params: { amount: formatMoney(-modified[l], ctx.session.locale) } },
        ]),
      );
      throw new AppError('validation', 'errors.validation', {}, fields);
    }
    const saved = await saveBudgetYear(
      ctx.db,
      year,
      version,
      { exchangeRateE4: rateToScaled(exchangeRate), notes, lines },
      ctx.session.actor.name,
      ctx.now,
    );
    if (!saved) throw stale();
    const after = await budgetSummary(ctx.db, year);
    await ctx.audit({
      entity: 'budget',
      entityId: year,
      action: version === null ? 'create' : 'update',
      before: before.defined
        ? { exchangeRate: before.exchangeRate, lines: before.lines.map((l) => [l.line, l.budgetCentimos]) }
        : undefined,
      after: { exchangeRate, lines },
    });
    return after;
  },

  'budget.export': async ({ year, format }, ctx) => {
    const s = await budgetSummary(ctx.db, year);
    const x = { expenses: await yearExpenses(ctx.db, year), modifications: await listModifications(ctx.db, year) };
    const baseName = ctx.t('contracts.budget.fileName', { year });
    if (format === 'pdf') {
      return saveExport(ctx, {
        baseName,
        extension: 'pdf',
        rows: s.lines.length,
        build: () =>
          ctx.platform.printPdf({
            html: budgetReportHtml(s, x, ctx.t, ctx.session.locale, ctx.now, ctx.session.actor.name),
            pageSize: 'A4',
            landscape: true,
          }),
      });
    }
    return saveExport(ctx, { baseName, extension: 'xlsx', rows: s.lines.length, build: () => budgetWorkbook(ctx, s, x) });
  },
};
