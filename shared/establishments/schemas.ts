import { z } from 'zod';
import { EstablishmentId, RecordId } from '../marks';
import { ExportFormat, Id, SortDirection, listPaging, pageOf, requiredOr, stamped, activeFilter, listFilter, choice } from '../ipc';

/** Which population an establishment holds. */
export const populations = ['varones', 'mujeres', 'mixto'] as const;
export const Population = choice(populations);
export type Population = z.infer<typeof Population>;

export const RegionalOffice = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  seat: z.string(),
  establishmentCount: z.number().int().nonnegative(),
  inProgrammeCount: z.number().int().nonnegative(),
});
export type RegionalOffice = z.infer<typeof RegionalOffice>;

const text = (min: number, max: number) =>
  z
    .string({ error: requiredOr('errors.invalid') })
    .trim()
    .min(1, 'errors.required')
    .min(min)
    .max(max);

/**
 * The establishment's code: letters, digits and hyphens, kept in capitals
 * ("EP-LIM-01"). Typed or scanned, it is compared without regard to case.
 */
export const EstablishmentCode = z
  .string({ error: requiredOr('errors.invalid') })
  .trim()
  .min(1, 'errors.required')
  .max(20)
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'errors.establishmentCode')
  .transform((v) => v.toUpperCase());

/** What a clerk types in the create and edit forms; validated in the form and again in main. */
export const EstablishmentInput = z.object({
  code: EstablishmentCode,
  name: text(3, 120),
  regionalOfficeId: Id,
  population: Population,
  city: text(2, 80),
  inProgramme: z.boolean({ error: requiredOr('errors.invalid') }),
  /**
   * The default period of an instrument's hand-over at this prison, in days (the expected
   * return the hand-over form proposes); absent keeps what is recorded, null clears it.
   */
  loanDays: z.number({ error: 'errors.invalid' }).int('errors.invalid').min(1, 'errors.invalid').max(3650, 'errors.invalid').nullish(),
});
export type EstablishmentInput = z.input<typeof EstablishmentInput>;

export const Establishment = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionalOfficeId: z.number().int(),
  regionalOfficeName: z.string(),
  population: Population,
  city: z.string(),
  inProgramme: z.boolean(),
  loanDays: z.number().int().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Establishment = z.infer<typeof Establishment>;

export const establishmentSortColumns = [
  'code',
  'name',
  'regionalOffice',
  'city',
  'population',
  'inProgramme',
  'active',
  'updatedAt',
] as const;

export const EstablishmentFilter = listFilter(
  {
    regionalOfficeId: Id,
    population: Population,
    inProgramme: z.boolean(),
  },
  {
    status: activeFilter('all'),
  },
);
export type EstablishmentFilter = z.input<typeof EstablishmentFilter>;

export const EstablishmentListQuery = EstablishmentFilter.extend(listPaging(establishmentSortColumns, 'name')).strict();
export type EstablishmentListQuery = z.input<typeof EstablishmentListQuery>;

export const EstablishmentPage = pageOf(Establishment);

export const EstablishmentUpdate = EstablishmentInput.extend({ id: RecordId, version: z.number().int().nonnegative() });
export type EstablishmentUpdate = z.input<typeof EstablishmentUpdate>;

export const EstablishmentSetActive = z.object({ id: RecordId, active: z.boolean(), version: z.number().int().nonnegative() }).strict();

export const EstablishmentExport = z
  .object({
    filter: EstablishmentFilter,
    format: ExportFormat,
    sort: z.enum(establishmentSortColumns).default('name'),
    direction: SortDirection.default('asc'),
  })
  .strict();

// ── INPE staff who may hold an instrument (issue 15) ───────────────────────────

export const StaffMember = z.object({
  id: z.number().int(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  fullName: z.string(),
  role: z.string(),
  active: z.boolean(),
  ...stamped,
});
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffQuery = listFilter({ establishmentId: EstablishmentId }, { includeInactive: z.boolean().default(false) });
export type StaffQuery = z.input<typeof StaffQuery>;

export const StaffInput = z
  .object({
    establishmentId: EstablishmentId,
    fullName: text(3, 160),
    role: text(2, 80),
  })
  .strict();
export type StaffInput = z.input<typeof StaffInput>;

export const StaffUpdate = StaffInput.extend({ id: RecordId, version: z.number().int().nonnegative(), active: z.boolean() }).strict();
export type StaffUpdate = z.input<typeof StaffUpdate>;
