import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import { compareSpanish, normalizeText } from '../../../../shared/format';
import type { Page } from '../../../../shared/ipc';
import type { SessionTaken } from '../../../../shared/programmes/rules';
import type { Session as WorkshopSession, Workshop, WorkshopFilter, workshopSortColumns } from '../../../../shared/programmes/schemas';
import { whereInScope } from '../../auth/access';
import { type Row, str, toBool, toCount, stampedOf, num, numOr0 } from '../../db/rows';
import { whereWords } from '../../db/search';
import { joinEstablishment, refusedEstablishments } from '../../establishments/repository';
import type { Session } from '../../ipc/context';
import { openList } from './common';
import { firstVersion, insertId, updateVersion, touched } from '../../db/writes';
import { sortedPage, type SortedPageAt } from '../../db/paging';
import { teachersByIds } from '../../contracts/repository/for-programmes';
import { pendingTeacherNames, teacherIdsOf } from './workshop-teachers';

// ── Workshops ───────────────────────────────────────────────────────────────────

type WFilter = { [K in keyof WorkshopFilter]-?: Exclude<WorkshopFilter[K], undefined> };

const workshopSort: Record<(typeof workshopSortColumns)[number], string> = {
  name: 'w.name_key',
  programme: 'w.programme',
  establishment: 'e.name_key',
  startDate: 'w.start_date',
  enrolled: 'enrolled',
};

function workshopsQuery(db: Knex, session: Session, f: WFilter): Knex.QueryBuilder {
  const q = whereInScope(session, joinEstablishment(db('workshops as w'), 'e', 'w.establishment_id'), 'w.establishment_id');
  whereWords(q, 'w.name_key', f.search);
  if (f.programme !== null) q.where('w.programme', f.programme);
  if (f.establishmentId !== null) q.where('w.establishment_id', f.establishmentId);
  if (f.status === 'active') q.where('w.active', true);
  if (f.status === 'inactive') q.where('w.active', false);
  return q;
}

const workshopColumns = (db: Knex) => [
  'w.*',
  'e.name as establishment_name',
  db.raw(`(SELECT COUNT(*) FROM enrolments n WHERE n.workshop_id = w.id AND n.stage IN (${openList()})) AS enrolled`),
  db.raw('(SELECT COUNT(*) FROM workshop_sessions s WHERE s.workshop_id = w.id) AS sessions_n'),
];

const toWorkshop = (r: Row): Workshop => ({
  id: Number(r.id),
  name: String(r.name),
  programme: r.programme as Workshop['programme'],
  discipline: String(r.discipline),
  establishmentId: Number(r.establishment_id),
  establishmentName: String(r.establishment_name),
  teachers: str(r.teachers),
  teacherLinks: [],
  pendingTeachers: 0,
  schedule: str(r.schedule),
  startDate: String(r.start_date),
  endDate: str(r.end_date),
  capacity: Number(r.capacity),
  active: toBool(r.active),
  notes: str(r.notes),
  enrolled: numOr0(r.enrolled),
  sessions: numOr0(r.sessions_n),
  ...stampedOf(r),
});

export async function listWorkshops(
  db: Knex,
  session: Session,
  f: WFilter & SortedPageAt<(typeof workshopSortColumns)[number]>,
): Promise<Page<Workshop>> {
  const [c] = (await workshopsQuery(db, session, f).count({ n: '*' })) as Row[];
  const rows = (await sortedPage(workshopsQuery(db, session, f).select(workshopColumns(db)), workshopSort[f.sort], 'w.id', f)) as Row[];
  return { rows: await withTeachers(db, rows.map(toWorkshop)), total: toCount(c), page: f.page, pageSize: f.pageSize };
}

export async function allWorkshops(db: Knex, session: Session, f: WFilter): Promise<Workshop[]> {
  return withTeachers(
    db,
    ((await workshopsQuery(db, session, f).select(workshopColumns(db)).orderBy('w.name_key')) as Row[]).map(toWorkshop),
  );
}

/** The workshops with their teachers by name (the contracts' records) and the typed names still "sin vincular". */
async function withTeachers(db: Knex, workshops: Workshop[]): Promise<Workshop[]> {
  if (!workshops.length) return workshops;
  const ids = workshops.map((w) => w.id);
  const links = await teacherIdsOf(db, ids);
  const pending = await pendingTeacherNames(db, ids);
  const names = await teachersByIds(db, [...links.values()].flat());
  return workshops.map((w) => ({
    ...w,
    teacherLinks: (links.get(w.id) ?? []).flatMap((id) => names.get(id) ?? []).sort((a, b) => compareSpanish(a.name, b.name)),
    pendingTeachers: pending.get(w.id) ?? 0,
  }));
}

export async function getWorkshop(db: Knex, id: number): Promise<Workshop | null> {
  const r = (await joinEstablishment(db('workshops as w'), 'e', 'w.establishment_id')
    .select(workshopColumns(db))
    .where('w.id', id)
    .first()) as Row | undefined;
  return r ? ((await withTeachers(db, [toWorkshop(r)]))[0] ?? null) : null;
}

/** The establishment a workshop belongs to. */
export async function workshopEstablishmentId(db: Knex, id: number): Promise<number> {
  const group = (await db('workshops').where({ id }).first('establishment_id')) as Row;
  return Number(group.establishment_id);
}

/** Workshops, ensembles and participants belong to an active establishment. */
export async function isActiveEstablishment(db: Knex, id: number): Promise<boolean> {
  return (await refusedEstablishments(db, [id])).size === 0;
}

export interface WorkshopValues {
  name: string;
  programme: string;
  discipline: string;
  establishmentId: number;
  schedule: string | null;
  startDate: string;
  endDate: string | null;
  capacity: number;
  notes: string | null;
}

const workshopRow = (v: WorkshopValues) => ({
  name: v.name,
  name_key: normalizeText(v.name),
  programme: v.programme,
  discipline: v.discipline,
  establishment_id: v.establishmentId,
  schedule: v.schedule,
  start_date: v.startDate,
  end_date: v.endDate,
  capacity: v.capacity,
  notes: v.notes,
});

export async function insertWorkshop(db: Knex, v: WorkshopValues, actor: Actor, now: string): Promise<number> {
  return insertId(db('workshops'), { ...workshopRow(v), active: true, ...firstVersion(actor, now) });
}

/** Answers the rows changed: 0 when another user changed the workshop first. */
export async function updateWorkshop(
  db: Knex,
  id: number,
  version: number,
  v: WorkshopValues,
  active: boolean,
  actor: Actor,
  now: string,
): Promise<number> {
  return updateVersion(db('workshops'), id, version, { ...workshopRow(v), active }, actor, now);
}

// ── Sessions ────────────────────────────────────────────────────────────────────

const toSession = (r: Row): WorkshopSession => ({
  id: Number(r.id),
  workshopId: Number(r.workshop_id),
  date: String(r.date),
  durationMinutes: Number(r.duration_minutes),
  topic: str(r.topic),
  teacherId: num(r.teacher_id),
  teacherName: null,
  attendanceTaken: r.attendance_at !== null && r.attendance_at !== undefined,
  present: numOr0(r.present_n),
  marked: numOr0(r.marked_n),
  version: Number(r.version),
});

const sessionColumns = (db: Knex) => [
  's.*',
  db.raw('(SELECT COUNT(*) FROM attendance a WHERE a.session_id = s.id AND a.present = ?) AS present_n', [true]),
  db.raw('(SELECT COUNT(*) FROM attendance a WHERE a.session_id = s.id) AS marked_n'),
];

export async function listSessions(db: Knex, workshopId: number): Promise<WorkshopSession[]> {
  const rows = (await db('workshop_sessions as s')
    .where('s.workshop_id', workshopId)
    .select(sessionColumns(db))
    .orderBy('s.date', 'desc')
    .orderBy('s.id', 'desc')) as Row[];
  return withLeaders(db, rows.map(toSession));
}

/** The sessions with the name of the teacher who led each. */
async function withLeaders(db: Knex, sessions: WorkshopSession[]): Promise<WorkshopSession[]> {
  const names = await teachersByIds(
    db,
    sessions.flatMap((s) => (s.teacherId === null ? [] : [s.teacherId])),
  );
  return sessions.map((s) => ({ ...s, teacherName: s.teacherId === null ? null : (names.get(s.teacherId)?.name ?? null) }));
}

export async function getSession(db: Knex, id: number): Promise<WorkshopSession | null> {
  const r = (await db('workshop_sessions as s').where('s.id', id).select(sessionColumns(db)).first()) as Row | undefined;
  return r ? ((await withLeaders(db, [toSession(r)]))[0] ?? null) : null;
}

/** The sessions of a workshop whose attendance was taken: what attendance figures count. */
export async function takenSessions(db: Knex, workshopId: number): Promise<SessionTaken[]> {
  const rows = (await db('workshop_sessions')
    .where({ workshop_id: workshopId })
    .whereNotNull('attendance_at')
    .select('id', 'date', 'duration_minutes')) as Row[];
  return rows.map((r) => ({ id: Number(r.id), date: String(r.date), minutes: Number(r.duration_minutes) }));
}

export interface SessionValues {
  date: string;
  durationMinutes: number;
  topic: string | null;
  teacherId: number | null;
}

export async function insertSession(db: Knex, workshopId: number, v: SessionValues, actor: Actor, now: string): Promise<number> {
  return insertId(db('workshop_sessions'), {
    workshop_id: workshopId,
    date: v.date,
    duration_minutes: v.durationMinutes,
    topic: v.topic,
    teacher_id: v.teacherId,
    attendance_at: null,
    attendance_by: null,
    ...firstVersion(actor, now),
  });
}

export async function updateSession(db: Knex, id: number, version: number, v: SessionValues, actor: Actor, now: string): Promise<void> {
  // The monthly attendance roll-ups (migration 0025) follow the marks: a session that moves to
  // another day or changes its length has its marks taken out and written again around the change.
  const was = (await db('workshop_sessions').where({ id }).first('date', 'duration_minutes')) as Row | undefined;
  const moved = was !== undefined && (String(was.date) !== v.date || Number(was.duration_minutes) !== v.durationMinutes);
  const marks = moved
    ? ((await db('attendance').where({ session_id: id }).select('session_id', 'participant_id', 'present')) as Row[])
    : [];
  if (marks.length) await db('attendance').where({ session_id: id }).del();
  await updateVersion(
    db('workshop_sessions'),
    id,
    version,
    { date: v.date, duration_minutes: v.durationMinutes, topic: v.topic, teacher_id: v.teacherId },
    actor,
    now,
  );
  if (marks.length) await db('attendance').insert(marks);
}

/** A session's attendance was taken (or retaken) now. */
export async function markSessionTaken(db: Knex, id: number, actor: Actor, now: string): Promise<void> {
  await db('workshop_sessions')
    .where({ id })
    .update({ attendance_at: now, attendance_by: actor.name, version: db.raw('version + 1'), ...touched(actor, now) });
}

/** The session an attendance sheet is saved for (id, workshop, date), or undefined. */
export async function sessionOfSheet(db: Knex, id: number): Promise<Row | undefined> {
  return (await db('workshop_sessions').where({ id }).first('id', 'workshop_id', 'date')) as Row | undefined;
}
