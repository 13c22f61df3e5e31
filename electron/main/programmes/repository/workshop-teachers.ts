import type { Knex } from 'knex';
import { type Row, str, toBool, num, numOr0 } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';

/**
 * Workshops' teachers by id (issue 15, item 4): which teacher records give a workshop,
 * which led each session, and the names carried over as text for a clerk to link or
 * dismiss. Teachers' names are the contracts domain's (contracts/repository/for-programmes.ts).
 */

/** The teachers of these workshops: workshop → teacher ids. */
export async function teacherIdsOf(db: Knex, workshopIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  const unique = [...new Set(workshopIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = (await db('workshop_teachers')
      .whereIn('workshop_id', unique.slice(i, i + 500))
      .orderBy('teacher_id')
      .select('workshop_id', 'teacher_id')) as Row[];
    for (const r of rows) out.set(Number(r.workshop_id), [...(out.get(Number(r.workshop_id)) ?? []), Number(r.teacher_id)]);
  }
  return out;
}

/** How many names of these workshops' typed teachers are still "sin vincular": workshop → count. */
export async function pendingTeacherNames(db: Knex, workshopIds: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const unique = [...new Set(workshopIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = (await db('workshop_teacher_reviews')
      .whereIn('workshop_id', unique.slice(i, i + 500))
      .where('status', 'pendiente')
      .groupBy('workshop_id')
      .select('workshop_id', db.raw('COUNT(*) AS n'))) as Row[];
    for (const r of rows) out.set(Number(r.workshop_id), Number(r.n));
  }
  return out;
}

/** A workshop is given by exactly these teachers (those no longer named are removed, the new ones added). */
export async function setWorkshopTeachers(db: Knex, workshopId: number, teacherIds: readonly number[]): Promise<void> {
  const q = db('workshop_teachers').where({ workshop_id: workshopId });
  if (teacherIds.length) q.whereNotIn('teacher_id', teacherIds);
  await q.delete();
  await addWorkshopTeacher(db, workshopId, teacherIds);
}

/** Adds teachers to a workshop (those it already names stay as they are). */
export async function addWorkshopTeacher(db: Knex, workshopId: number, teacherIds: readonly number[]): Promise<void> {
  if (!teacherIds.length) return;
  await db('workshop_teachers')
    .insert(teacherIds.map((teacher_id) => ({ workshop_id: workshopId, teacher_id })))
    .onConflict(['workshop_id', 'teacher_id'])
    .ignore();
}

/** Sessions of a workshop led by a teacher (those a changed list of teachers would orphan). */
export async function sessionsLedBy(db: Knex, workshopId: number, teacherIds: readonly number[]): Promise<number> {
  if (!teacherIds.length) return 0;
  const [r] = (await db('workshop_sessions')
    .where({ workshop_id: workshopId })
    .whereIn('teacher_id', teacherIds)
    .count({ n: '*' })) as Row[];
  return numOr0(r?.n);
}

/** Sessions of a workshop that name no teacher are led by this one (its only teacher). */
export async function assignUnledSessions(db: Knex, workshopId: number, teacherId: number): Promise<number> {
  return db('workshop_sessions').where({ workshop_id: workshopId }).whereNull('teacher_id').update({ teacher_id: teacherId });
}

// ── Names carried over as text ──────────────────────────────────────────────────

export interface TeacherReviewRow {
  id: number;
  workshopId: number;
  workshopName: string;
  establishmentId: number;
  establishmentName: string;
  workshopText: string | null;
  originalText: string;
  status: 'pendiente' | 'vinculado' | 'descartado';
  teacherId: number | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

const toReview = (r: Row): TeacherReviewRow => ({
  id: Number(r.id),
  workshopId: Number(r.workshop_id),
  workshopName: String(r.workshop_name),
  establishmentId: Number(r.establishment_id),
  establishmentName: String(r.establishment_name),
  workshopText: str(r.workshop_text),
  originalText: String(r.original_text),
  status: r.status as TeacherReviewRow['status'],
  teacherId: num(r.teacher_id),
  resolvedAt: str(r.resolved_at),
  resolvedBy: str(r.resolved_by),
});

function reviewsQuery(db: Knex): Knex.QueryBuilder {
  const q = db('workshop_teacher_reviews as r').join('workshops as w', 'w.id', 'r.workshop_id');
  return joinEstablishment(q, 'e', 'w.establishment_id').select(
    'r.*',
    'w.name as workshop_name',
    'w.teachers as workshop_text',
    'w.establishment_id',
    'e.name as establishment_name',
  );
}

export async function listTeacherReviews(
  db: Knex,
  status: TeacherReviewRow['status'],
  scope: (q: Knex.QueryBuilder) => void,
): Promise<TeacherReviewRow[]> {
  const q = reviewsQuery(db).where('r.status', status);
  scope(q);
  const rows = (await q.orderBy('e.name_key').orderBy('w.name_key').orderBy('r.id')) as Row[];
  return rows.map(toReview);
}

export async function getTeacherReview(db: Knex, id: number): Promise<TeacherReviewRow | null> {
  const r = (await reviewsQuery(db).where('r.id', id).first()) as Row | undefined;
  return r ? toReview(r) : null;
}

/** Closes a pending item; answers false when it was no longer pending. */
export async function resolveTeacherReview(
  db: Knex,
  id: number,
  status: 'vinculado' | 'descartado',
  teacherId: number | null,
  by: string,
  now: string,
): Promise<boolean> {
  const n = await db('workshop_teacher_reviews')
    .where({ id, status: 'pendiente' })
    .update({ status, teacher_id: teacherId, resolved_at: now, resolved_by: by });
  return n === 1;
}

// ── What a teacher delivered ────────────────────────────────────────────────────

export interface TeacherWorkshopRow {
  id: number;
  name: string;
  establishmentName: string;
  startDate: string;
  endDate: string | null;
  active: boolean;
  sessions: number;
}

/** A teacher: by id, or a column naming one (a teacher of a list of them, deliveredSessions). */
type TeacherRef = number | Knex.Ref<string, Record<string, string>>;

/**
 * The sessions (`s`) a teacher gave: those that name them, and those that name no one in a
 * workshop of theirs (recorded before a session named who led it). The teacher's page and the
 * conformity of their contract count by this one rule.
 */
export function givenBy(db: Knex, teacher: TeacherRef) {
  return (w: Knex.QueryBuilder) =>
    w
      .where('s.teacher_id', teacher)
      .orWhere((n) =>
        n
          .whereNull('s.teacher_id')
          .whereExists(db('workshop_teachers as wt').whereRaw('wt.workshop_id = s.workshop_id').where('wt.teacher_id', teacher)),
      );
}

/** The workshops that name a teacher, with the sessions they gave in each. */
export async function workshopsOfTeacher(
  db: Knex,
  teacherId: number,
  scope: (q: Knex.QueryBuilder) => void,
): Promise<TeacherWorkshopRow[]> {
  const q = joinEstablishment(db('workshops as w'), 'e', 'w.establishment_id').whereExists(
    db('workshop_teachers as wt').whereRaw('wt.workshop_id = w.id').where('wt.teacher_id', teacherId),
  );
  scope(q);
  const rows = (await q
    .orderBy('w.active', 'desc')
    .orderBy('w.start_date', 'desc')
    .orderBy('w.name_key')
    .select(
      'w.id',
      'w.name',
      'w.start_date',
      'w.end_date',
      'w.active',
      'e.name as establishment_name',
      db('workshop_sessions as s').whereRaw('s.workshop_id = w.id').where(givenBy(db, teacherId)).count('*').as('led'),
    )) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    establishmentName: String(r.establishment_name),
    startDate: String(r.start_date),
    endDate: str(r.end_date),
    active: toBool(r.active),
    sessions: numOr0(r.led),
  }));
}

/** The sessions a teacher gave (givenBy): date, minutes and whether attendance was taken. */
export async function sessionsOfTeacher(
  db: Knex,
  teacherId: number,
  scope: (q: Knex.QueryBuilder) => void,
): Promise<Array<{ date: string; minutes: number; taken: boolean }>> {
  const q = db('workshop_sessions as s').join('workshops as w', 'w.id', 's.workshop_id').where(givenBy(db, teacherId));
  scope(q);
  const rows = (await q.select('s.date', 's.duration_minutes', 's.attendance_at')) as Row[];
  return rows.map((r) => ({ date: String(r.date), minutes: Number(r.duration_minutes), taken: r.attendance_at != null }));
}
