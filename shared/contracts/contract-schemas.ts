import { z } from 'zod';
import { EstablishmentId, RecordId } from '../marks';
import { Centimos, ExportFormat, Id, IsoDate, SortDirection, optionalText, requiredOr, requiredText, stamped, recorded } from '../ipc';
import { choice, ModalitySchema, AmountTypeSchema, BudgetLineSchema, ContractStatusSchema, listFilter, listPaging } from './schema-helpers';
import { Suspension, AttachedDocument } from './teacher-schemas';

// ── Contracts ───────────────────────────────────────────────────────────────────

/** "OS N° 0123-2026", "CAS N.° 015-2026-INPE": letters, digits, spaces and ° . - / _ */
export const ContractNumber = z
  .string({ error: requiredOr('errors.invalid') })
  .trim()
  .min(1, 'errors.required')
  .min(3)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}°º.\-/_ ]*$/u, 'contracts.errors.number')
  .transform((v) => v.replace(/\s+/g, ' '));

/** An establishment the contract covers and the workshops of it that the contract covers, by id. */
export const ContractEstablishment = z
  .object({
    establishmentId: EstablishmentId,
    workshopIds: z
      .array(Id, { error: 'errors.invalid' })
      .max(30)
      .refine((ids) => new Set(ids).size === ids.length, 'contracts.workshopLinks.errors.workshopTwice')
      .default([]),
  })
  .strict();

const contractShape = {
  teacherId: Id,
  modality: ModalitySchema,
  number: ContractNumber,
  object: requiredText(500, 5),
  startDate: IsoDate,
  endDate: IsoDate,
  amountType: AmountTypeSchema,
  amountCentimos: Centimos,
  hoursPerWeek: z
    .number({ error: requiredOr('errors.invalid') })
    .int('errors.invalid')
    .min(1)
    .max(48),
  budgetLine: BudgetLineSchema,
  establishments: z
    .array(ContractEstablishment, { error: requiredOr('errors.invalid') })
    .min(1, 'contracts.errors.establishmentRequired')
    .max(20),
  notes: optionalText(2000),
};

/** Longest engagement accepted (the schedule has one installment per month). */
export const MAX_CONTRACT_DAYS = 3 * 366;

function contractRefine(
  v: { modality: string; startDate: string; endDate: string; amountCentimos: number; establishments: Array<{ establishmentId: number }> },
  ctx: z.RefinementCtx,
) {
  if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'contracts.errors.endBeforeStart' });
  else if (Date.parse(v.endDate) - Date.parse(v.startDate) > MAX_CONTRACT_DAYS * 86_400_000)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'contracts.errors.tooLong' });
  if (v.amountCentimos === 0 && v.modality !== 'voluntariado' && v.modality !== 'convenio')
    ctx.addIssue({ code: 'custom', path: ['amountCentimos'], message: 'contracts.errors.amountRequired' });
  const seen = new Set<number>();
  v.establishments.forEach((e, i) => {
    if (seen.has(e.establishmentId))
      ctx.addIssue({ code: 'custom', path: ['establishments', i, 'establishmentId'], message: 'contracts.errors.establishmentTwice' });
    seen.add(e.establishmentId);
  });
}

export const ContractFields = z.object(contractShape).superRefine(contractRefine);
export const ContractCreate = z.object(contractShape).strict().superRefine(contractRefine);
export type ContractCreate = z.input<typeof ContractCreate>;
export const ContractUpdate = z
  .object({ ...contractShape, id: RecordId, version: z.number().int().nonnegative() })
  .strict()
  .superRefine(contractRefine);
export type ContractUpdate = z.input<typeof ContractUpdate>;

export const ContractActivate = z
  .object({
    id: RecordId,
    version: z.number().int().nonnegative(),
    signedOn: IsoDate,
    /** The officer saw that the contract exceeds its budget line and goes ahead. */
    confirmOverBudget: z.boolean().default(false),
  })
  .strict();
export type ContractActivate = z.input<typeof ContractActivate>;

export const ContractTerminate = z
  .object({ id: RecordId, version: z.number().int().nonnegative(), date: IsoDate, reason: requiredText(500, 5) })
  .strict();
export type ContractTerminate = z.input<typeof ContractTerminate>;

export const ContractRenew = z
  .object({
    id: RecordId,
    number: ContractNumber,
    startDate: IsoDate,
    endDate: IsoDate,
    amountCentimos: Centimos,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'contracts.errors.endBeforeStart' });
    else if (Date.parse(v.endDate) - Date.parse(v.startDate) > MAX_CONTRACT_DAYS * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'contracts.errors.tooLong' });
  });
export type ContractRenew = z.input<typeof ContractRenew>;

export const Contract = z.object({
  id: z.number().int(),
  number: z.string(),
  teacherId: z.number().int(),
  teacherName: z.string(),
  teacherDni: z.string(),
  modality: ModalitySchema,
  object: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  amountType: AmountTypeSchema,
  amountCentimos: z.number().int(),
  totalCentimos: z.number().int(),
  hoursPerWeek: z.number().int(),
  budgetLine: BudgetLineSchema,
  status: ContractStatusSchema,
  daysToEnd: z.number().int(),
  signedOn: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  resolutionReason: z.string().nullable(),
  previousContractId: z.number().int().nullable(),
  previousNumber: z.string().nullable(),
  renewedById: z.number().int().nullable(),
  renewedByNumber: z.string().nullable(),
  overBudget: z.boolean(),
  establishments: z.array(
    z.object({
      establishmentId: z.number().int(),
      name: z.string(),
      /** The workshops as they were typed before links existed (kept, read-only). */
      workshops: z.string().nullable(),
      /** The workshops the contract covers, by id. */
      linkedWorkshops: z.array(z.object({ id: z.number().int(), name: z.string() })),
    }),
  ),
  notes: z.string().nullable(),
  ...stamped,
});
export type Contract = z.infer<typeof Contract>;

export const ContractWarning = z.object({
  kind: z.enum(['noAuthorisation', 'overBudget']),
  /** The sentence in the user's language. */
  message: z.string(),
});
export type ContractWarning = z.infer<typeof ContractWarning>;

export const ContractResult = z.object({ contract: Contract, warnings: z.array(ContractWarning) });
export type ContractResult = z.infer<typeof ContractResult>;

export const conformityStatuses = ['pendiente_pago', 'pagada', 'anulada'] as const;
export const ConformityStatusSchema = choice(conformityStatuses);

export const ScheduleMonth = z.object({
  period: z.string(),
  expectedCentimos: z.number().int(),
  /** The month has ended: it should have a conformity. */
  due: z.boolean(),
  conformityId: z.number().int().nullable(),
  conformityStatus: ConformityStatusSchema.nullable(),
  grossCentimos: z.number().int().nullable(),
  paymentDate: z.string().nullable(),
});
export type ScheduleMonth = z.infer<typeof ScheduleMonth>;

export const ContractEvent = z.object({
  seq: z.number().int(),
  kind: z.string(),
  date: z.string().nullable(),
  detail: z.string().nullable(),
  ...recorded,
});

export const ContractDetail = z.object({
  contract: Contract,
  teacherRuc: z.string().nullable(),
  teacherSuspensions: z.array(Suspension),
  schedule: z.array(ScheduleMonth),
  chain: z.array(
    z.object({ id: z.number().int(), number: z.string(), startDate: z.string(), endDate: z.string(), status: ContractStatusSchema }),
  ),
  events: z.array(ContractEvent),
  documents: z.array(AttachedDocument),
  warnings: z.array(ContractWarning),
  paidCentimos: z.number().int(),
  pendingCentimos: z.number().int(),
});
export type ContractDetail = z.infer<typeof ContractDetail>;

export const contractSortColumns = ['number', 'teacher', 'startDate', 'endDate', 'amount', 'status', 'updatedAt'] as const;

export const ContractFilter = listFilter({
  status: ContractStatusSchema,
  modality: ModalitySchema,
  establishmentId: EstablishmentId,
  teacherId: Id,
  budgetLine: BudgetLineSchema,
  /** Contracts whose period touches this year. */
  year: z.number().int().min(2000).max(2100),
});
export type ContractFilter = z.input<typeof ContractFilter>;

export const ContractListQuery = ContractFilter.extend(listPaging(contractSortColumns, 'endDate')).strict();
export type ContractListQuery = z.input<typeof ContractListQuery>;

export const ContractExport = z
  .object({
    filter: ContractFilter,
    format: ExportFormat,
    sort: z.enum(contractSortColumns).default('endDate'),
    direction: SortDirection.default('asc'),
  })
  .strict();

export const ContractAlerts = z.object({
  today: z.string(),
  expiring: z.array(
    z.object({ id: z.number().int(), number: z.string(), teacherName: z.string(), endDate: z.string(), daysLeft: z.number().int() }),
  ),
  authorisations: z.array(
    z.object({
      id: z.number().int(),
      teacherId: z.number().int(),
      teacherName: z.string(),
      establishmentName: z.string(),
      validTo: z.string(),
      daysLeft: z.number().int(),
    }),
  ),
  missingConformities: z.number().int(),
  missingSample: z.array(z.object({ contractId: z.number().int(), number: z.string(), teacherName: z.string(), period: z.string() })),
  budgetLines: z.array(z.object({ year: z.number().int(), line: BudgetLineSchema, usedPercent: z.number().nullable() })),
});
export type ContractAlerts = z.infer<typeof ContractAlerts>;
