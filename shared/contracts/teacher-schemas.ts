import { z } from 'zod';
import { EstablishmentId, RecordId } from '../marks';
import { Id, IsoDate, optionalText, requiredOr, requiredText, stamped, recorded, orNull, activeFilter } from '../ipc';
import { UploadedFile } from '../inventory/schemas';
import { disciplines, rucMatchesDni, rucProblem } from './rules';
import { DisciplineSchema, SexSchema, TeacherDocumentKind, ContractDocumentKind, listFilter, listPaging } from './schema-helpers';

// ── Teachers ────────────────────────────────────────────────────────────────────

export const Dni = z
  .string({ error: requiredOr('contracts.errors.dni') })
  .trim()
  .min(1, 'errors.required')
  .superRefine((v, ctx) => {
    // Digits only, but not 8 of them: say how many there are (never cut to 8).
    if (/^\d+$/.test(v) && v.length !== 8)
      ctx.addIssue({ code: 'custom', message: 'contracts.errors.dniLength', params: { length: v.length } });
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
    if (problem === 'format' && /^\d+$/.test(v))
      ctx.addIssue({ code: 'custom', message: 'contracts.errors.rucLength', params: { length: v.length } });
    else if (problem === 'format') ctx.addIssue({ code: 'custom', message: 'contracts.errors.rucFormat' });
    else if (problem === 'prefix') ctx.addIssue({ code: 'custom', message: 'contracts.errors.rucPrefix' });
    else if (problem === 'checkDigit') ctx.addIssue({ code: 'custom', message: 'contracts.errors.rucCheckDigit' });
  });

export const SuspensionInput = z
  .object({
    fiscalYear: z
      .number({ error: requiredOr('errors.invalid') })
      .int('errors.invalid')
      .min(2000)
      .max(2100),
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
  if (v.ruc && rucProblem(v.ruc) === null && !rucMatchesDni(v.ruc, v.dni))
    ctx.addIssue({ code: 'custom', path: ['ruc'], message: 'contracts.errors.rucDni' });
  const years = new Set<number>();
  v.suspensions.forEach((s, i) => {
    if (years.has(s.fiscalYear))
      ctx.addIssue({ code: 'custom', path: ['suspensions', i, 'fiscalYear'], message: 'contracts.errors.suspensionTwice' });
    years.add(s.fiscalYear);
    if (s.filedOn.slice(0, 4) !== String(s.fiscalYear))
      ctx.addIssue({ code: 'custom', path: ['suspensions', i, 'filedOn'], message: 'contracts.errors.suspensionYear' });
  });
}

export const TeacherFields = z.object(teacherShape).superRefine(teacherRefine);
export const TeacherCreate = z.object(teacherShape).strict().superRefine(teacherRefine);
export type TeacherCreate = z.input<typeof TeacherCreate>;
export const TeacherUpdate = z
  .object({ ...teacherShape, id: RecordId, version: z.number().int().nonnegative(), active: z.boolean() })
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
  ...recorded,
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
  ...stamped,
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

export const TeacherFilter = listFilter(
  {
    discipline: DisciplineSchema,
    /** Teachers with an authorisation valid today at this establishment. */
    establishmentId: EstablishmentId,
  },
  {
    status: activeFilter('active'),
  },
);
export type TeacherFilter = z.input<typeof TeacherFilter>;

export const TeacherListQuery = TeacherFilter.extend(listPaging(teacherSortColumns, 'name')).strict();
export type TeacherListQuery = z.input<typeof TeacherListQuery>;

const authorisationShape = {
  teacherId: Id,
  /** null: a new authorisation. */
  id: orNull(RecordId),
  establishmentId: EstablishmentId,
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

export const AuthorisationRef = z.object({ teacherId: Id, id: RecordId }).strict();

export const AddTeacherDocument = UploadedFile.extend({ id: RecordId, kind: TeacherDocumentKind }).strict();
export const AddContractDocument = UploadedFile.extend({ id: RecordId, kind: ContractDocumentKind }).strict();
export const DocumentRef = z.object({ id: RecordId, hash: z.string().regex(/^[0-9a-f]{64}$/, 'errors.invalid') }).strict();
