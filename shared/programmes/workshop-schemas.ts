import { z } from 'zod';
import { EstablishmentId, RecordId } from '../marks';
import { ExportFormat, Id, IsoDate, optionalText, requiredOr, requiredText, stamped, listFilter, listPaging } from '../ipc';
import { ProgrammeSchema, Version, optionalDate, ActiveFilter, periodOrder } from './schema-helpers';
import { WorkshopTeacher } from './teacher-schemas';

// ── Workshops ───────────────────────────────────────────────────────────────────

export const WorkshopFields = z.object({
  name: requiredText(160, 3),
  programme: ProgrammeSchema,
  discipline: requiredText(120, 2),
  establishmentId: EstablishmentId,
  /** The teacher records who give it (issue 15); the old typed text is kept, read-only. */
  teacherIds: z
    .array(Id, { error: requiredOr('errors.invalid') })
    .max(12, 'programmes.errors.tooManyTeachers')
    .refine((ids) => new Set(ids).size === ids.length, 'errors.invalid'),
  schedule: optionalText(200),
  startDate: IsoDate,
  endDate: optionalDate,
  capacity: z
    .number({ error: requiredOr('errors.invalid') })
    .int('errors.invalid')
    .min(1)
    .max(500),
  notes: optionalText(2000),
});

/** A new workshop may name no teacher yet. */
export const WorkshopCreate = WorkshopFields.extend({ teacherIds: WorkshopFields.shape.teacherIds.default([]) })
  .strict()
  .refine(periodOrder, { path: ['endDate'], message: 'programmes.errors.periodOrder' });
export type WorkshopCreate = z.input<typeof WorkshopCreate>;
/** An edit without teacherIds leaves the workshop's teachers as they are. */
export const WorkshopUpdate = WorkshopFields.extend({
  teacherIds: WorkshopFields.shape.teacherIds.optional(),
  id: RecordId,
  version: Version,
  active: z.boolean({ error: requiredOr('errors.invalid') }),
})
  .strict()
  .refine(periodOrder, { path: ['endDate'], message: 'programmes.errors.periodOrder' });
export type WorkshopUpdate = z.input<typeof WorkshopUpdate>;

export const Workshop = z.object({
  id: z.number().int(),
  name: z.string(),
  programme: ProgrammeSchema,
  discipline: z.string(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  /** The teachers as typed before they were records (read-only, kept as it was). */
  teachers: z.string().nullable(),
  teacherLinks: z.array(WorkshopTeacher),
  /** Names of the typed text still "sin vincular". */
  pendingTeachers: z.number().int(),
  schedule: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  capacity: z.number().int(),
  active: z.boolean(),
  notes: z.string().nullable(),
  /** Enrolments still open (inscrito, activo). */
  enrolled: z.number().int(),
  sessions: z.number().int(),
  ...stamped,
});
export type Workshop = z.infer<typeof Workshop>;

export const workshopSortColumns = ['name', 'programme', 'establishment', 'startDate', 'enrolled'] as const;

export const WorkshopFilter = listFilter(
  {
    programme: ProgrammeSchema,
    establishmentId: EstablishmentId,
  },
  {
    status: ActiveFilter,
  },
);
export type WorkshopFilter = z.input<typeof WorkshopFilter>;

export const WorkshopListQuery = WorkshopFilter.extend(listPaging(workshopSortColumns, 'name')).strict();

export const WorkshopExport = z.object({ filter: WorkshopFilter, format: ExportFormat }).strict();

// ── Sessions ────────────────────────────────────────────────────────────────────

export const SessionCreate = z
  .object({
    workshopId: Id,
    date: IsoDate,
    durationMinutes: z
      .number({ error: requiredOr('errors.invalid') })
      .int('errors.invalid')
      .min(15)
      .max(600),
    topic: optionalText(200),
    /** The workshop's teacher who led it. */
    teacherId: Id.nullable().default(null),
  })
  .strict();
/** An edit without teacherId leaves who led the session as it was. */
export const SessionUpdate = SessionCreate.omit({ workshopId: true })
  .extend({ id: RecordId, version: Version, teacherId: Id.nullable().optional() })
  .strict();

export const Session = z.object({
  id: z.number().int(),
  workshopId: z.number().int(),
  date: z.string(),
  durationMinutes: z.number().int(),
  topic: z.string().nullable(),
  teacherId: z.number().int().nullable(),
  teacherName: z.string().nullable(),
  attendanceTaken: z.boolean(),
  present: z.number().int(),
  marked: z.number().int(),
  version: z.number().int(),
});
export type Session = z.infer<typeof Session>;

export const SessionListQuery = z.object({ workshopId: Id }).strict();
