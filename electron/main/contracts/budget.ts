import type { Knex } from 'knex';
import {
  budgetLines,
  lineBalance,
  penToUsdCents,
  RATE_SCALE,
  rateToScaled,
  totalBalance,
  type LineBalance,
} from '../../../shared/contracts/rules';
import type { budgetChannels } from '../../../shared/contracts/channels';
import type { BudgetLineRow, BudgetSummary } from '../../../shared/contracts/schemas';
import { saveExport } from '../export/table';
import { AppError, stale } from '../ipc/errors';
import type { DomainHandlers } from '../ipc/context';
import { budgetReportHtml, budgetWorkbook } from './budget-report';
import { budgetYear, budgetYears, saveBudgetYear, yearFigures } from './repository/budget';

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

export async function budgetSummary(db: Knex, year: number): Promise<BudgetSummary> {
  const { stored: y, amounts } = await budgetYear(db, year);
  const figures = await yearFigures(db, year);
  const rate = y ? y.exchangeRateE4 : null;
  const balances = budgetLines.map((line) => {
    const f = figures[line];
    const b = lineBalance({
      budgetCentimos: amounts[line] ?? 0,
      committedCentimos: f.committed,
      executedCentimos: f.payments + f.instruments + f.materials,
    });
    return { line, b, f };
  });
  const lines: BudgetLineRow[] = balances.map(({ line, b, f }) => ({
    line,
    ...b,
    executedPaymentsCentimos: f.payments,
    executedInstrumentsCentimos: f.instruments,
    executedMaterialsCentimos: f.materials,
    usdCents: usd(b, rate),
  }));
  const total = totalBalance(balances.map((x) => x.b));
  return {
    year,
    defined: y !== null,
    exchangeRate: rate === null ? null : rate / RATE_SCALE,
    notes: y ? y.notes : null,
    version: y ? y.version : null,
    lines,
    total: {
      ...total,
      executedPaymentsCentimos: lines.reduce((a, l) => a + l.executedPaymentsCentimos, 0),
      executedInstrumentsCentimos: lines.reduce((a, l) => a + l.executedInstrumentsCentimos, 0),
      executedMaterialsCentimos: lines.reduce((a, l) => a + l.executedMaterialsCentimos, 0),
      usdCents: usd(total, rate),
    },
    updatedAt: y ? y.updatedAt : null,
    updatedBy: y ? y.updatedBy : null,
  };
}

export const budgetHandlers: DomainHandlers<(typeof budgetChannels)[number]> = {
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
    const baseName = ctx.t('contracts.budget.fileName', { year });
    if (format === 'pdf') {
      return saveExport(ctx, {
        baseName,
        extension: 'pdf',
        rows: s.lines.length,
        build: () =>
          ctx.platform.printPdf({
            html: budgetReportHtml(s, ctx.t, ctx.session.locale, ctx.now, ctx.session.actor.name),
            pageSize: 'A4',
            landscape: true,
          }),
      });
    }
    return saveExport(ctx, { baseName, extension: 'xlsx', rows: s.lines.length, build: () => budgetWorkbook(ctx, s) });
  },
};
