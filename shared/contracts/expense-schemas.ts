import { z } from 'zod';
import { Centimos, Id, IsoDate, requiredText, orNull } from '../ipc';
import { RecordId } from '../marks';
import { FiscalYear } from './budget-schemas';
import { expenseDocumentTypes, expenseLines, expenseLinkKinds, modificationKinds } from './rules';
import { BudgetLineSchema, choice } from './schema-helpers';
import { Ruc } from './teacher-schemas';

// ── Expenses and budget modifications (issue 16, item 5) ────────────────────────────

const Positive = Centimos.refine((c) => c > 0, 'errors.invalidAmount');

export const ExpenseLineSchema = choice(expenseLines);
export const ExpenseLinkKindSchema = choice(expenseLinkKinds);

/** An event, workshop or exhibition an expense was for, by id. */
export const ExpenseLinkRef = z.object({ kind: ExpenseLinkKindSchema, id: Id }).strict();

export const ExpenseCreate = z
  .object({
    date: IsoDate,
    line: ExpenseLineSchema,
    supplierName: requiredText(200, 2),
    /** The supplier's RUC: required, with SUNAT's check digit. */
    supplierRuc: Ruc.refine((v) => v !== null, 'errors.required'),
    documentType: choice(expenseDocumentTypes),
    documentNumber: requiredText(40),
    amountCentimos: Positive,
    description: requiredText(500, 3),
    link: orNull(ExpenseLinkRef),
  })
  .strict();
export type ExpenseCreate = z.input<typeof ExpenseCreate>;

export const ExpenseVoid = z.object({ id: RecordId, version: z.number().int().nonnegative(), reason: requiredText(300, 5) }).strict();
export type ExpenseVoid = z.input<typeof ExpenseVoid>;

export const ExpenseListQuery = z.object({ year: FiscalYear, line: orNull(ExpenseLineSchema) }).strict();

export const ExpenseLink = z.object({ kind: ExpenseLinkKindSchema, id: z.number().int(), name: z.string(), date: z.string().nullable() });
export type ExpenseLink = z.infer<typeof ExpenseLink>;

export const Expense = z.object({
  id: z.number().int(),
  date: z.string(),
  line: ExpenseLineSchema,
  supplierName: z.string(),
  supplierRuc: z.string(),
  documentType: choice(expenseDocumentTypes),
  documentNumber: z.string(),
  amountCentimos: z.number().int(),
  description: z.string(),
  link: ExpenseLink.nullable(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidedBy: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Expense = z.infer<typeof Expense>;

export const ModificationCreate = z
  .object({
    year: FiscalYear,
    kind: choice(modificationKinds),
    /** The line raised or lowered; in a transfer, the line the amount leaves. */
    line: BudgetLineSchema,
    /** In a transfer, the line the amount goes to. */
    toLine: orNull(BudgetLineSchema),
    amountCentimos: Positive,
    resolutionNumber: requiredText(80, 3),
    resolutionDate: IsoDate,
    reason: requiredText(500, 5),
  })
  .strict()
  .transform((m) => (m.kind === 'transferencia' ? m : { ...m, toLine: null }))
  .superRefine((m, ctx) => {
    if (m.kind !== 'transferencia') return;
    if (m.toLine === null) ctx.addIssue({ code: 'custom', path: ['toLine'], message: 'errors.required' });
    else if (m.toLine === m.line) ctx.addIssue({ code: 'custom', path: ['toLine'], message: 'contracts.errors.transferSameLine' });
  });
export type ModificationCreate = z.input<typeof ModificationCreate>;

export const Modification = z.object({
  id: z.number().int(),
  year: z.number().int(),
  kind: choice(modificationKinds),
  line: BudgetLineSchema,
  toLine: BudgetLineSchema.nullable(),
  amountCentimos: z.number().int(),
  resolutionNumber: z.string(),
  resolutionDate: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Modification = z.infer<typeof Modification>;

export const YearQuery = z.object({ year: FiscalYear }).strict();
export const ExpenseLinksQuery = YearQuery;
export const DocumentTypeSchema = choice(expenseDocumentTypes);
