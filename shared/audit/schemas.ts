import { z } from 'zod';
import { ExportFormat, IsoDate, pageSizes, choice } from '../ipc';
import { PersonalDataReason } from '../privacy/schemas';

/** The audit log viewer and the log of exports with personal data (administrador). */

/** The page either list shows, and its size. */
const paging = {
  page: z.number({ error: 'errors.invalid' }).int().positive().default(1),
  pageSize: z
    .number({ error: 'errors.invalid' })
    .int()
    .refine((n) => (pageSizes as readonly number[]).includes(n), 'errors.invalid')
    .default(25),
};

export const PageQuery = z.object(paging).strict();

const FilterText = z.string({ error: 'errors.invalid' }).trim().max(100).optional();

export const AuditFilter = z
  .object({
    userId: FilterText,
    entity: FilterText,
    /** The record's id within its entity. */
    entityId: FilterText,
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'audit.errors.range', path: ['to'] });
export type AuditFilter = z.input<typeof AuditFilter>;

export const AuditListQuery = z
  .object({
    filter: AuditFilter.default({}),
    ...paging,
    direction: choice(['asc', 'desc']).default('desc'),
  })
  .strict();
export type AuditListQuery = z.input<typeof AuditListQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string(),
  userName: z.string(),
  channel: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  /** The record before and after, as the JSON text the log keeps. */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFacets = z.object({
  users: z.array(z.object({ id: z.string(), name: z.string() })),
  entities: z.array(z.string()),
});

/** The log leaves the app for an auditor: it may hold participants' names, so it asks for a reason. */
export const AuditExport = z.object({ filter: AuditFilter.default({}), format: ExportFormat, reason: PersonalDataReason }).strict();
export type AuditExport = z.input<typeof AuditExport>;
