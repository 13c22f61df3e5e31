import { z } from 'zod';
import { Centimos, optionalText, requiredOr, choice } from '../ipc';
import { budgetLines } from './rules';
import { BudgetLineSchema } from './schema-helpers';

// ── Budget ──────────────────────────────────────────────────────────────────────

export const FiscalYear = z
  .number({ error: requiredOr('errors.invalid') })
  .int('errors.invalid')
  .min(2000)
  .max(2100);

/** Soles per US dollar, up to 4 decimals (e.g. 3.4 or 3.7425). */
export const ExchangeRate = z
  .number({ error: requiredOr('contracts.errors.exchangeRate') })
  .positive('contracts.errors.exchangeRate')
  .max(20, 'contracts.errors.exchangeRate')
  .refine((r) => Math.abs(r * 10_000 - Math.round(r * 10_000)) < 1e-6, 'contracts.errors.exchangeRate');

export const BudgetSave = z
  .object({
    year: FiscalYear,
    exchangeRate: ExchangeRate,
    lines: z
      .object(Object.fromEntries(budgetLines.map((l) => [l, Centimos])) as Record<(typeof budgetLines)[number], typeof Centimos>)
      .strict(),
    notes: optionalText(1000),
    /** null: the year has no budget yet. */
    version: z.number().int().nonnegative().nullable(),
  })
  .strict();
export type BudgetSave = z.input<typeof BudgetSave>;

const Usd = z.object({ budget: z.number().int(), committed: z.number().int(), executed: z.number().int(), available: z.number().int() });

export const BudgetLineRow = z.object({
  line: BudgetLineSchema,
  /** Assigned: the initial amount plus the year's modifications. */
  budgetCentimos: z.number().int(),
  initialCentimos: z.number().int(),
  modificationsCentimos: z.number().int(),
  committedCentimos: z.number().int(),
  executedCentimos: z.number().int(),
  /**
   * Of executed: conformities paid, musical instruments bought (the instrumentos line), and art
   * equipment and consumables bought (the materiales line).
   */
  executedPaymentsCentimos: z.number().int(),
  executedInstrumentsCentimos: z.number().int(),
  executedMaterialsCentimos: z.number().int(),
  /** The expenses recorded on the line (not voided), dated in the year. */
  executedExpensesCentimos: z.number().int(),
  availableCentimos: z.number().int(),
  usedPercent: z.number().nullable(),
  alert: z.boolean(),
  /** The same in US cents at the year's rate. */
  usdCents: Usd.nullable(),
});
export type BudgetLineRow = z.infer<typeof BudgetLineRow>;

export const BudgetSummary = z.object({
  year: z.number().int(),
  defined: z.boolean(),
  exchangeRate: z.number().nullable(),
  notes: z.string().nullable(),
  version: z.number().int().nullable(),
  lines: z.array(BudgetLineRow),
  total: BudgetLineRow.omit({ line: true }),
  /** Each line's executed amount month by month (January first). */
  months: z.array(z.object({ line: BudgetLineSchema, months: z.array(z.number().int()).length(12) })),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type BudgetSummary = z.infer<typeof BudgetSummary>;

export const BudgetYears = z.array(z.object({ year: z.number().int(), budgetCentimos: z.number().int(), exchangeRate: z.number() }));

export const BudgetExport = z.object({ year: FiscalYear, format: choice(['xlsx', 'pdf']) }).strict();
