import { z } from 'zod';
import { Id, SearchText } from '../ipc';
import { RecordId } from '../marks';

/**
 * Workshops' teachers by id (issue 15, item 4): the teacher records a workshop names, the
 * names carried over from the old typed text that a clerk links or dismisses ("sin
 * vincular"), and what a teacher delivered (workshops, sessions led and hours by month).
 * Teachers live in the contracts domain; the programmes answer these from their own tables.
 */

/** A teacher as a workshop (or a session) names them. */
export const WorkshopTeacher = z.object({ id: z.number().int(), name: z.string(), active: z.boolean() });
export type WorkshopTeacher = z.infer<typeof WorkshopTeacher>;

/** Active teachers whose names contain every word typed (plus, always, the ids asked for, to show those chosen). */
export const TeacherOptionsQuery = z
  .object({
    search: SearchText,
    ids: z.array(Id).max(20).default([]),
  })
  .strict();
export type TeacherOptionsQuery = z.input<typeof TeacherOptionsQuery>;

// ── Names carried over as text ──────────────────────────────────────────────────

export const teacherReviewStatuses = ['pendiente', 'vinculado', 'descartado'] as const;

export const TeacherReviewsQuery = z.object({ status: z.enum(teacherReviewStatuses).default('pendiente') }).strict();
export type TeacherReviewsQuery = z.input<typeof TeacherReviewsQuery>;

export const TeacherReview = z.object({
  id: z.number().int(),
  workshopId: z.number().int(),
  workshopName: z.string(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  /** The workshop's teachers as they were typed, whole. */
  workshopText: z.string().nullable(),
  /** The one name this item is about, as it was typed. */
  originalText: z.string(),
  status: z.enum(teacherReviewStatuses),
  teacherId: z.number().int().nullable(),
  teacherName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type TeacherReview = z.infer<typeof TeacherReview>;

export const TeacherReviewLink = z.object({ id: RecordId, teacherId: Id }).strict();
export const TeacherReviewDismiss = z.object({ id: RecordId }).strict();

// ── What a teacher delivered ────────────────────────────────────────────────────

export const TeacherActivityQuery = z.object({ teacherId: Id }).strict();

export const TeacherActivity = z.object({
  /** The workshops that name the teacher (in the viewer's establishments). */
  workshops: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      establishmentName: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      active: z.boolean(),
      /** Sessions the teacher led in it. */
      sessions: z.number().int(),
    }),
  ),
  /** By month (yyyy-mm), newest first: sessions led, those with attendance taken and their minutes. */
  months: z.array(
    z.object({
      month: z.string(),
      sessions: z.number().int(),
      taken: z.number().int(),
      minutes: z.number().int(),
    }),
  ),
});
export type TeacherActivity = z.infer<typeof TeacherActivity>;
