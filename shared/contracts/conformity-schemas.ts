import { z } from 'zod';
import { RecordId } from '../marks';
import { Centimos, Id, IsoDate, optionalText, requiredOr, requiredText, stamped, SearchText, listFilter, listPaging } from '../ipc';
import { ModalitySchema, BudgetLineSchema, ContractStatusSchema, optionalDate } from './schema-helpers';
import { ConformityStatusSchema } from './contract-schemas';
import { Delivered } from './workshop-schemas';

// ── Conformities and payments ───────────────────────────────────────────────────

export const Period = z
  .string({ error: requiredOr('contracts.errors.period') })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'contracts.errors.period');

/** Recibo por honorarios electrónico: series and number, e.g. E001-123. */
export const ReceiptNumber = z
  .string({ error: 'errors.invalid' })
  .trim()
  .max(20)
  .regex(/^$|^[A-Za-z0-9]{1,4}-\d{1,8}$/, 'contracts.errors.receipt')
  .nullish()
  .transform((v) => (v ? v.toUpperCase() : null));

const conformityShape = {
  contractId: Id,
  period: Period,
  deliverable: requiredText(300, 3),
  conformityDate: IsoDate,
  givenBy: requiredText(160, 3),
  receiptNumber: ReceiptNumber,
  receiptDate: optionalDate,
  grossCentimos: Centimos,
  notes: optionalText(1000),
};

function conformityRefine(
  v: { period: string; conformityDate: string; receiptNumber: string | null; receiptDate: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.conformityDate < `${v.period}-01`)
    ctx.addIssue({ code: 'custom', path: ['conformityDate'], message: 'contracts.errors.conformityBeforePeriod' });
  if (v.receiptNumber && !v.receiptDate) ctx.addIssue({ code: 'custom', path: ['receiptDate'], message: 'errors.required' });
}

export const ConformityCreate = z.object(conformityShape).strict().superRefine(conformityRefine);
export type ConformityCreate = z.input<typeof ConformityCreate>;
export const ConformityUpdate = z
  .object({ ...conformityShape, id: RecordId, version: z.number().int().nonnegative() })
  .strict()
  .superRefine(conformityRefine);
export type ConformityUpdate = z.input<typeof ConformityUpdate>;

export const ConformityPay = z
  .object({ id: RecordId, version: z.number().int().nonnegative(), paymentDate: IsoDate, paymentReference: optionalText(60) })
  .strict();
export type ConformityPay = z.input<typeof ConformityPay>;

export const ConformityVoid = z.object({ id: RecordId, version: z.number().int().nonnegative(), reason: requiredText(300, 5) }).strict();
export type ConformityVoid = z.input<typeof ConformityVoid>;

export const Conformity = z.object({
  id: z.number().int(),
  contractId: z.number().int(),
  contractNumber: z.string(),
  teacherId: z.number().int(),
  teacherName: z.string(),
  modality: ModalitySchema,
  budgetLine: BudgetLineSchema,
  period: z.string(),
  deliverable: z.string(),
  conformityDate: z.string(),
  givenBy: z.string(),
  receiptNumber: z.string().nullable(),
  receiptDate: z.string().nullable(),
  grossCentimos: z.number().int(),
  retentionCentimos: z.number().int(),
  netCentimos: z.number().int(),
  suspended: z.boolean(),
  paymentDate: z.string().nullable(),
  paymentReference: z.string().nullable(),
  status: ConformityStatusSchema,
  voidReason: z.string().nullable(),
  notes: z.string().nullable(),
  /** The sessions the contract's teacher held that month in its workshops, and the hours from attendance. */
  delivered: Delivered,
  ...stamped,
});
export type Conformity = z.infer<typeof Conformity>;

export const conformitySortColumns = ['period', 'contract', 'teacher', 'conformityDate', 'gross', 'paymentDate'] as const;

export const ConformityListQuery = listFilter(
  {
    contractId: Id,
    status: ConformityStatusSchema,
    periodFrom: Period,
    periodTo: Period,
  },
  listPaging(conformitySortColumns, 'period', 'desc'),
);
export type ConformityListQuery = z.input<typeof ConformityListQuery>;

export const ConformityPage = z.object({
  rows: z.array(Conformity),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  /** Over every row of the filter, not only the page. */
  totals: z.object({ grossCentimos: z.number().int(), retentionCentimos: z.number().int(), netCentimos: z.number().int() }),
});

export const MissingQuery = z.object({ search: SearchText, limit: z.number().int().min(1).max(500).default(200) }).strict();

export const MissingConformity = z.object({
  contractId: z.number().int(),
  contractNumber: z.string(),
  teacherName: z.string(),
  period: z.string(),
  expectedCentimos: z.number().int(),
  status: ContractStatusSchema,
});
export const MissingList = z.object({ total: z.number().int(), rows: z.array(MissingConformity) });
export type MissingConformity = z.infer<typeof MissingConformity>;

/** The month a conformity signs off: what was delivered (shown in the form before saving). */
export const DeliveredQuery = z.object({ contractId: Id, period: Period }).strict();
export type DeliveredQuery = z.input<typeof DeliveredQuery>;
