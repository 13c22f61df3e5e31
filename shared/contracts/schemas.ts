import { z } from 'zod';
import { Centimos, ExportFormat, Id, IsoDate, SortDirection, optionalText, pageSizes, requiredOr, requiredText } from '../ipc';
import { UploadedFile } from '../instruments/schemas';
import {
  amountTypes,
  budgetLines,
  contractDocumentKinds,
  contractStatuses,
  disciplines,
  modalities,
  rucMatchesDni,
  rucProblem,
  sexes,
  teacherDocumentKinds,
} from './rules';

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: requiredOr('errors.choose') });

export const DisciplineSchema = choice(disciplines);
export const SexSchema = choice(sexes);
export const ModalitySchema = choice(modalities);
export const AmountTypeSchema = choice(amountTypes);
export const BudgetLineSchema = choice(budgetLines);
export const ContractStatusSchema = choice(contractStatuses);
export const TeacherDocumentKind = choice(teacherDocumentKinds);
export const ContractDocumentKind = choice(contractDocumentKinds);

const optionalDate = IsoDate.nullish().transform((v) => v ?? null);

const pageSize = z
  .number()
  .int()
  .refine((n) => (pageSizes as readonly number[]).includes(n), 'errors.invalid')
  .default(25);
const page = z.number().int().positive().max(1_000_000).default(1);

// ── Teachers ────────────────────────────────────────────────────────────────────

export const Dni = z
  .string({ error: requiredOr('contracts.errors.dni') })
  .trim()
  .min(1, 'errors.required')
  .superRefine((v, ctx) => {
    // Digits only, but not 8 of them: say how many there are (never cut to 8).
    if (/^\d+$/.test(v) && v.length !== 8) ctx.addIssue({ code: 'custom', message: 'contracts.errors.dniLength', params: { length: v.length } });
    else if (!/^\d{8}$/.test(v) || v === '00000000') ctx.addIssue({ code: 'custom', message: 'contracts.errors.dni' });
  });

/** RUC: 11 digits, prefix 10/15/17/20, SUNAT check digit. Empty is "no RUC". */
export const Ruc = z
  .string({ error: 'errors.invalid' })
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .superRefine((v, ctx) => {
    if (v === null) return;
    const problem = rucProblem(v);
    if (problem === 'format' && /^\d+$/.test(v)) ctx.addIssue({ code: 'custom', message: 'contracts.errors.rucLength', params: { length: v.length } });
    else if (problem === 'format') ctx.addIssue({ code: 'custom', message: 'contracts.errors.rucFormat' });
    else if (problem === 'prefix') ctx.addIssue({ code: 'custom', message: 'contracts.errors.rucPrefix' });
    else if (problem === 'checkDigit') ctx.addIssue({ code: 'custom', message: 'contracts.errors.rucCheckDigit' });
  });

export const SuspensionInput = z
  .object({
    fiscalYear: z.number({ error: requiredOr('errors.invalid') }).int('errors.invalid').min(2000).max(2100),
    operationNumber: requiredText(40),
    filedOn: IsoDate,
  })
  .strict();

const phone = z
  .string({ error: 'errors.invalid' })
  .trim()
  .max(30)
  .regex(/^[0-9+()\-\s]*$/, 'contracts.errors.phone')
  .nullish()
  .transform((v) => (v ? v : null));

const email = z
  .string({ error: 'errors.invalid' })
  .trim()
  .max(120)
  .regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'contracts.errors.email')
  .nullish()
  .transform((v) => (v ? v.toLowerCase() : null));

const teacherShape = {
  dni: Dni,
  ruc: Ruc,
  firstNames: requiredText(80, 2),
  lastNames: requiredText(80, 2),
  sex: SexSchema,
  phone,
  email,
  address: optionalText(200),
  disciplines: z
    .array(DisciplineSchema, { error: requiredOr('errors.invalid') })
    .min(1, 'contracts.errors.disciplineRequired')
    .max(disciplines.length)
    .refine((xs) => new Set(xs).size === xs.length, 'errors.invalid'),
  specialties: z.array(requiredText(60)).max(20).default([]),
  suspensions: z.array(SuspensionInput).max(10).default([]),
  notes: optionalText(2000),
};

/** What only the whole teacher can tell: a RUC 10 carries the DNI; one suspension per year, filed in that year. */
function teacherRefine(
  v: { dni: string; ruc: string | null; suspensions: Array<{ fiscalYear: number; filedOn: string }> },
  ctx: z.RefinementCtx,
) {
  if (v.ruc && rucProblem(v.ruc) === null && !rucMatchesDni(v.ruc, v.dni)) ctx.addIssue({ code: 'custom', path: ['ruc'], message: 'contracts.errors.rucDni' });
  const years = new Set<number>();
  v.suspensions.forEach((s, i) => {
    if (years.has(s.fiscalYear)) ctx.addIssue({ code: 'custom', path: ['suspensions', i, 'fiscalYear'], message: 'contracts.errors.suspensionTwice' });
    years.add(s.fiscalYear);
    if (s.filedOn.slice(0, 4) !== String(s.fiscalYear))
      ctx.addIssue({ code: 'custom', path: ['suspensions', i, 'filedOn'], message: 'contracts.errors.suspensionYear' });
  });
}

export const TeacherFields = z.object(teacherShape).superRefine(teacherRefine);
export const TeacherCreate = z.object(teacherShape).strict().superRefine(teacherRefine);
export type TeacherCreate = z.input<typeof TeacherCreate>;
export const TeacherUpdate = z
  .object({ ...teacherShape, id: Id, version: z.number().int().nonnegative(), active: z.boolean() })
  .strict()
  .superRefine(teacherRefine);
export type TeacherUpdate = z.input<typeof TeacherUpdate>;

export const Suspension = z.object({ fiscalYear: z.number().int(), operationNumber: z.string(), filedOn: z.string() });

export const authorisationStatuses = ['vigente', 'por_vencer', 'vencida', 'futura'] as const;

export const Authorisation = z.object({
  id: z.number().int(),
  teacherId: z.number().int(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  documentNumber: z.string(),
  notes: z.string().nullable(),
  status: z.enum(authorisationStatuses),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type Authorisation = z.infer<typeof Authorisation>;

export const Teacher = z.object({
  id: z.number().int(),
  dni: z.string(),
  ruc: z.string().nullable(),
  firstNames: z.string(),
  lastNames: z.string(),
  /** "Apellidos, Nombres", as lists sort them. */
  fullName: z.string(),
  sex: SexSchema,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  disciplines: z.array(DisciplineSchema),
  specialties: z.array(z.string()),
  suspensions: z.array(Suspension),
  notes: z.string().nullable(),
  active: z.boolean(),
  /** Establishments where an access authorisation is valid today. */
  authorisedAt: z.array(z.string()),
  contractsInForce: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Teacher = z.infer<typeof Teacher>;

export const AttachedDocument = z.object({
  hash: z.string(),
  kind: z.string(),
  originalName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type AttachedDocument = z.infer<typeof AttachedDocument>;

export const TeacherDetail = z.object({
  teacher: Teacher,
  authorisations: z.array(Authorisation),
  documents: z.array(AttachedDocument),
});
export type TeacherDetail = z.infer<typeof TeacherDetail>;

export const teacherSortColumns = ['name', 'dni', 'updatedAt'] as const;

export const TeacherFilter = z
  .object({
    search: z.string().trim().max(100).default(''),
    discipline: DisciplineSchema.nullable().default(null),
    /** Teachers with an authorisation valid today at this establishment. */
    establishmentId: Id.nullable().default(null),
    status: z.enum(['active', 'inactive', 'all']).default('active'),
  })
  .strict();
export type TeacherFilter = z.input<typeof TeacherFilter>;

export const TeacherListQuery = TeacherFilter.extend({
  sort: z.enum(teacherSortColumns).default('name'),
  direction: SortDirection.default('asc'),
  page,
  pageSize,
}).strict();
export type TeacherListQuery = z.input<typeof TeacherListQuery>;

const authorisationShape = {
  teacherId: Id,
  /** null: a new authorisation. */
  id: Id.nullish().transform((v) => v ?? null),
  establishmentId: Id,
  validFrom: IsoDate,
  validTo: IsoDate,
  documentNumber: requiredText(80, 3),
  notes: optionalText(500),
};
export const AuthorisationInput = z
  .object(authorisationShape)
  .strict()
  .refine((v) => v.validTo >= v.validFrom, { path: ['validTo'], message: 'contracts.errors.endBeforeStart' });
export type AuthorisationInput = z.input<typeof AuthorisationInput>;

export const AuthorisationRef = z.object({ teacherId: Id, id: Id }).strict();

export const AddTeacherDocument = UploadedFile.extend({ id: Id, kind: TeacherDocumentKind }).strict();
export const AddContractDocument = UploadedFile.extend({ id: Id, kind: ContractDocumentKind }).strict();
export const DocumentRef = z.object({ id: Id, hash: z.string().regex(/^[0-9a-f]{64}$/, 'errors.invalid') }).strict();

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

export const ContractEstablishment = z
  .object({ establishmentId: Id, workshops: optionalText(200) })
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
  hoursPerWeek: z.number({ error: requiredOr('errors.invalid') }).int('errors.invalid').min(1).max(48),
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
  .object({ ...contractShape, id: Id, version: z.number().int().nonnegative() })
  .strict()
  .superRefine(contractRefine);
export type ContractUpdate = z.input<typeof ContractUpdate>;

export const ContractActivate = z
  .object({
    id: Id,
    version: z.number().int().nonnegative(),
    signedOn: IsoDate,
    /** The officer saw that the contract exceeds its budget line and goes ahead. */
    confirmOverBudget: z.boolean().default(false),
  })
  .strict();
export type ContractActivate = z.input<typeof ContractActivate>;

export const ContractTerminate = z
  .object({ id: Id, version: z.number().int().nonnegative(), date: IsoDate, reason: requiredText(500, 5) })
  .strict();
export type ContractTerminate = z.input<typeof ContractTerminate>;

export const ContractRenew = z
  .object({
    id: Id,
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
  establishments: z.array(z.object({ establishmentId: z.number().int(), name: z.string(), workshops: z.string().nullable() })),
  notes: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
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
  recordedAt: z.string(),
  recordedBy: z.string(),
});

export const ContractDetail = z.object({
  contract: Contract,
  teacherRuc: z.string().nullable(),
  teacherSuspensions: z.array(Suspension),
  schedule: z.array(ScheduleMonth),
  chain: z.array(z.object({ id: z.number().int(), number: z.string(), startDate: z.string(), endDate: z.string(), status: ContractStatusSchema })),
  events: z.array(ContractEvent),
  documents: z.array(AttachedDocument),
  warnings: z.array(ContractWarning),
  paidCentimos: z.number().int(),
  pendingCentimos: z.number().int(),
});
export type ContractDetail = z.infer<typeof ContractDetail>;

export const contractSortColumns = ['number', 'teacher', 'startDate', 'endDate', 'amount', 'status', 'updatedAt'] as const;

export const ContractFilter = z
  .object({
    search: z.string().trim().max(100).default(''),
    status: ContractStatusSchema.nullable().default(null),
    modality: ModalitySchema.nullable().default(null),
    establishmentId: Id.nullable().default(null),
    teacherId: Id.nullable().default(null),
    budgetLine: BudgetLineSchema.nullable().default(null),
    /** Contracts whose period touches this year. */
    year: z.number().int().min(2000).max(2100).nullable().default(null),
  })
  .strict();
export type ContractFilter = z.input<typeof ContractFilter>;

export const ContractListQuery = ContractFilter.extend({
  sort: z.enum(contractSortColumns).default('endDate'),
  direction: SortDirection.default('asc'),
  page,
  pageSize,
}).strict();
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
  expiring: z.array(z.object({ id: z.number().int(), number: z.string(), teacherName: z.string(), endDate: z.string(), daysLeft: z.number().int() })),
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
  .object({ ...conformityShape, id: Id, version: z.number().int().nonnegative() })
  .strict()
  .superRefine(conformityRefine);
export type ConformityUpdate = z.input<typeof ConformityUpdate>;

export const ConformityPay = z
  .object({ id: Id, version: z.number().int().nonnegative(), paymentDate: IsoDate, paymentReference: optionalText(60) })
  .strict();
export type ConformityPay = z.input<typeof ConformityPay>;

export const ConformityVoid = z.object({ id: Id, version: z.number().int().nonnegative(), reason: requiredText(300, 5) }).strict();
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
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Conformity = z.infer<typeof Conformity>;

export const conformitySortColumns = ['period', 'contract', 'teacher', 'conformityDate', 'gross', 'paymentDate'] as const;

export const ConformityListQuery = z
  .object({
    search: z.string().trim().max(100).default(''),
    contractId: Id.nullable().default(null),
    status: ConformityStatusSchema.nullable().default(null),
    periodFrom: Period.nullable().default(null),
    periodTo: Period.nullable().default(null),
    sort: z.enum(conformitySortColumns).default('period'),
    direction: SortDirection.default('desc'),
    page,
    pageSize,
  })
  .strict();
export type ConformityListQuery = z.input<typeof ConformityListQuery>;

export const ConformityPage = z.object({
  rows: z.array(Conformity),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  /** Over every row of the filter, not only the page. */
  totals: z.object({ grossCentimos: z.number().int(), retentionCentimos: z.number().int(), netCentimos: z.number().int() }),
});

export const MissingQuery = z.object({ search: z.string().trim().max(100).default(''), limit: z.number().int().min(1).max(500).default(200) }).strict();

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

// ── Budget ──────────────────────────────────────────────────────────────────────

export const FiscalYear = z.number({ error: requiredOr('errors.invalid') }).int('errors.invalid').min(2000).max(2100);

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
  budgetCentimos: z.number().int(),
  committedCentimos: z.number().int(),
  executedCentimos: z.number().int(),
  /** Of executed: conformities paid, and instruments bought (the instrumentos line). */
  executedPaymentsCentimos: z.number().int(),
  executedInstrumentsCentimos: z.number().int(),
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
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type BudgetSummary = z.infer<typeof BudgetSummary>;

export const BudgetYears = z.array(z.object({ year: z.number().int(), budgetCentimos: z.number().int(), exchangeRate: z.number() }));

export const BudgetExport = z.object({ year: FiscalYear, format: z.enum(['xlsx', 'pdf'], { error: requiredOr('errors.choose') }) }).strict();
