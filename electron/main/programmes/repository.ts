import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { normalizeText } from '../../../shared/format';
import type { Page } from '../../../shared/ipc';
import { attendanceFigures, openStages, type SessionTaken } from '../../../shared/programmes/rules';
import type {
  Enrolment,
  Participant,
  ParticipantFilter,
  ParticipantHit,
  Session as WorkshopSession,
  Workshop,
  WorkshopFilter,
  participantSortColumns,
  workshopSortColumns,
} from '../../../shared/programmes/schemas';
import { whereWords } from '../db/search';
import type { Session } from '../ipc/context';
import { whereInScope } from '../auth/access';
import { visibleNames } from './privacy';
import { num, type Row, str, toBool, toCount } from '../db/rows';

export { escapeLike, whereWords } from '../db/search';

export const attributed = (actor: Actor, now: string) => ({ created_at: now, created_by: actor.name, updated_at: now, updated_by: actor.name });
export const touched = (actor: Actor, now: string) => ({ updated_at: now, updated_by: actor.name });

// ── Workshops ───────────────────────────────────────────────────────────────────

type WFilter = { [K in keyof WorkshopFilter]-?: Exclude<WorkshopFilter[K], undefined> };

const workshopSort: Record<(typeof workshopSortColumns)[number], string> = {
  name: 'w.name_key',
  programme: 'w.programme',
  establishment: 'e.name_key',
  startDate: 'w.start_date',
  enrolled: 'enrolled',
};

const openList = () => openStages.map((s) => `'${s}'`).join(', ');

function workshopsQuery(db: Knex, session: Session, f: WFilter): Knex.QueryBuilder {
  const q = whereInScope(session, db('workshops as w').join('establishments as e', 'e.id', 'w.establishment_id'), 'w.establishment_id');
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
  schedule: str(r.schedule),
  startDate: String(r.start_date),
  endDate: str(r.end_date),
  capacity: Number(r.capacity),
  active: toBool(r.active),
  notes: str(r.notes),
  enrolled: Number(r.enrolled ?? 0),
  sessions: Number(r.sessions_n ?? 0),
  version: Number(r.version),
  updatedAt: String(r.updated_at),
  updatedBy: String(r.updated_by),
});

export async function listWorkshops(
  db: Knex,
  session: Session,
  f: WFilter & { sort: (typeof workshopSortColumns)[number]; direction: 'asc' | 'desc'; page: number; pageSize: number },
): Promise<Page<Workshop>> {
  const [c] = (await workshopsQuery(db, session, f).count({ n: '*' })) as Row[];
  const rows = (await workshopsQuery(db, session, f)
    .select(workshopColumns(db))
    .orderBy(workshopSort[f.sort], f.direction)
    .orderBy('w.id', f.direction)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)) as Row[];
  return { rows: rows.map(toWorkshop), total: toCount(c), page: f.page, pageSize: f.pageSize };
}

export async function allWorkshops(db: Knex, session: Session, f: WFilter): Promise<Workshop[]> {
  return ((await workshopsQuery(db, session, f).select(workshopColumns(db)).orderBy('w.name_key')) as Row[]).map(toWorkshop);
}

export async function getWorkshop(db: Knex, id: number): Promise<Workshop | null> {
  const r = (await db('workshops as w').join('establishments as e', 'e.id', 'w.establishment_id').select(workshopColumns(db)).where('w.id', id).first()) as
    | Row
    | undefined;
  return r ? toWorkshop(r) : null;
}

// ── Sessions ────────────────────────────────────────────────────────────────────

const toSession = (r: Row): WorkshopSession => ({
  id: Number(r.id),
  workshopId: Number(r.workshop_id),
  date: String(r.date),
  durationMinutes: Number(r.duration_minutes),
  topic: str(r.topic),
  attendanceTaken: r.attendance_at !== null && r.attendance_at !== undefined,
  present: Number(r.present_n ?? 0),
  marked: Number(r.marked_n ?? 0),
  version: Number(r.version),
});

const sessionColumns = (db: Knex) => [
  's.*',
  db.raw('(SELECT COUNT(*) FROM attendance a WHERE a.session_id = s.id AND a.present = ?) AS present_n', [true]),
  db.raw('(SELECT COUNT(*) FROM attendance a WHERE a.session_id = s.id) AS marked_n'),
];

export async function listSessions(db: Knex, workshopId: number): Promise<WorkshopSession[]> {
  const rows = (await db('workshop_sessions as s').where('s.workshop_id', workshopId).select(sessionColumns(db)).orderBy('s.date', 'desc').orderBy('s.id', 'desc')) as Row[];
  return rows.map(toSession);
}

export async function getSession(db: Knex, id: number): Promise<WorkshopSession | null> {
  const r = (await db('workshop_sessions as s').where('s.id', id).select(sessionColumns(db)).first()) as Row | undefined;
  return r ? toSession(r) : null;
}

/** The sessions of a workshop whose attendance was taken: what attendance figures count. */
export async function takenSessions(db: Knex, workshopId: number): Promise<SessionTaken[]> {
  const rows = (await db('workshop_sessions').where({ workshop_id: workshopId }).whereNotNull('attendance_at').select('id', 'date', 'duration_minutes')) as Row[];
  return rows.map((r) => ({ id: Number(r.id), date: String(r.date), minutes: Number(r.duration_minutes) }));
}

// ── Participants ────────────────────────────────────────────────────────────────

type PFilter = { [K in keyof ParticipantFilter]-?: Exclude<ParticipantFilter[K], undefined> };

const participantSort: Record<(typeof participantSortColumns)[number], string> = {
  name: 'p.sort_key',
  code: 'p.code',
  establishment: 'e.name_key',
  status: 'p.status',
  birthYear: 'p.birth_year',
};

export const participantSearchText = (code: string, firstNames: string, lastNames: string) => normalizeText(`${code} ${lastNames} ${firstNames}`);
export const participantSortKey = (firstNames: string, lastNames: string) => normalizeText(`${lastNames} ${firstNames}`);

function participantsQuery(db: Knex, session: Session, f: PFilter): Knex.QueryBuilder {
  const q = whereInScope(session, db('participants as p').join('establishments as e', 'e.id', 'p.establishment_id'), 'p.establishment_id');
  whereWords(q, 'p.search_text', f.search);
  if (f.establishmentId !== null) q.where('p.establishment_id', f.establishmentId);
  if (f.status !== null) q.where('p.status', f.status);
  if (f.sex !== null) q.where('p.sex', f.sex);
  return q;
}

const participantColumns = (db: Knex) => [
  'p.*',
  'e.name as establishment_name',
  db.raw(`(SELECT COUNT(*) FROM enrolments n WHERE n.participant_id = p.id AND n.stage IN (${openList()})) AS open_n`),
];

export const toParticipant = (session: Session) => (r: Row): Participant => ({
  id: Number(r.id),
  code: String(r.code),
  ...visibleNames(session, String(r.first_names), String(r.last_names)),
  sex: r.sex as Participant['sex'],
  birthYear: Number(r.birth_year),
  establishmentId: Number(r.establishment_id),
  establishmentName: String(r.establishment_name),
  status: r.status as Participant['status'],
  openEnrolments: Number(r.open_n ?? 0),
  version: Number(r.version),
  updatedAt: String(r.updated_at),
  updatedBy: String(r.updated_by),
});

export async function listParticipants(
  db: Knex,
  session: Session,
  f: PFilter & { sort: (typeof participantSortColumns)[number]; direction: 'asc' | 'desc'; page: number; pageSize: number },
): Promise<Page<Participant>> {
  const countQ = whereInScope(session, db('participants as p'), 'p.establishment_id');
  whereWords(countQ, 'p.search_text', f.search);
  if (f.establishmentId !== null) countQ.where('p.establishment_id', f.establishmentId);
  if (f.status !== null) countQ.where('p.status', f.status);
  if (f.sex !== null) countQ.where('p.sex', f.sex);
  const [c] = (await countQ.count({ n: '*' })) as Row[];
  const rows = (await participantsQuery(db, session, f)
    .select(participantColumns(db))
    .orderBy(participantSort[f.sort], f.direction)
    .orderBy('p.id', f.direction)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)) as Row[];
  return { rows: rows.map(toParticipant(session)), total: toCount(c), page: f.page, pageSize: f.pageSize };
}

export async function allParticipants(db: Knex, session: Session, f: PFilter): Promise<Participant[]> {
  return ((await participantsQuery(db, session, f).select(participantColumns(db)).orderBy('p.sort_key')) as Row[]).map(toParticipant(session));
}

export async function getParticipant(db: Knex, session: Session, id: number): Promise<Participant | null> {
  const r = (await db('participants as p').join('establishments as e', 'e.id', 'p.establishment_id').select(participantColumns(db)).where('p.id', id).first()) as
    | Row
    | undefined;
  return r ? toParticipant(session)(r) : null;
}

/** Type-ahead: code prefix first (an index seek), then every word anywhere in code and names. */
export async function searchParticipants(
  db: Knex,
  session: Session,
  q: { q: string; establishmentId: number | null; activeOnly: boolean; limit: number },
): Promise<ParticipantHit[]> {
  const scope = (b: Knex.QueryBuilder) => {
    whereInScope(session, b, 'p.establishment_id');
    if (q.establishmentId !== null) b.where('p.establishment_id', q.establishmentId);
    if (q.activeOnly) b.where('p.status', 'activo');
    return b;
  };
  const cols = ['p.id', 'p.code', 'p.first_names', 'p.last_names', 'p.establishment_id', 'p.status', 'e.name as establishment_name'];
  const base = () => scope(db('participants as p').join('establishments as e', 'e.id', 'p.establishment_id'));
  const code = q.q.trim().toUpperCase();
  const byCode = /^[A-Z0-9-]+$/.test(code)
    ? ((await base().where('p.code', '>=', code).where('p.code', '<', `${code}\uffff`).select(cols).orderBy('p.code').limit(q.limit)) as Row[])
    : [];
  const seen = new Set(byCode.map((r) => Number(r.id)));
  const rest =
    byCode.length < q.limit
      ? ((await whereWords(base(), 'p.search_text', q.q).select(cols).orderBy('p.sort_key').limit(q.limit)) as Row[]).filter((r) => !seen.has(Number(r.id)))
      : [];
  return [...byCode, ...rest].slice(0, q.limit).map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    ...visibleNames(session, String(r.first_names), String(r.last_names)),
    establishmentId: Number(r.establishment_id),
    establishmentName: String(r.establishment_name),
    status: r.status as ParticipantHit['status'],
  }));
}

// ── Enrolments ──────────────────────────────────────────────────────────────────

const enrolmentColumns = [
  'n.*',
  'p.code',
  'p.first_names',
  'p.last_names',
  'p.status as participant_status',
  'w.name as workshop_name',
  'g.name as ensemble_name',
  'ew.name as workshop_establishment',
  'eg.name as ensemble_establishment',
];

const enrolmentsJoined = (db: Knex) =>
  db('enrolments as n')
    .join('participants as p', 'p.id', 'n.participant_id')
    .leftJoin('workshops as w', 'w.id', 'n.workshop_id')
    .leftJoin('ensembles as g', 'g.id', 'n.ensemble_id')
    .leftJoin('establishments as ew', 'ew.id', 'w.establishment_id')
    .leftJoin('establishments as eg', 'eg.id', 'g.establishment_id');

/** Enrolments with their attendance figures (workshops), computed from the ledger of marks. */
export async function enrolmentsWhere(
  db: Knex,
  session: Session,
  where: (q: Knex.QueryBuilder) => void,
): Promise<Enrolment[]> {
  const q = whereInScope(session, enrolmentsJoined(db).select(enrolmentColumns), 'w.establishment_id', 'g.establishment_id');
  where(q);
  const rows = (await q.orderBy('p.sort_key').orderBy('n.id')) as Row[];
  const workshopIds = [...new Set(rows.map((r) => num(r.workshop_id)).filter((x): x is number => x !== null))];
  const sessionsBy = new Map<number, SessionTaken[]>();
  for (const w of workshopIds) sessionsBy.set(w, await takenSessions(db, w));
  const presentBy = new Map<string, Set<number>>();
  if (workshopIds.length > 0) {
    const participantIds = [...new Set(rows.map((r) => Number(r.participant_id)))];
    for (let i = 0; i < participantIds.length; i += 400) {
      const marks = (await db('attendance as a')
        .join('workshop_sessions as s', 's.id', 'a.session_id')
        .whereIn('s.workshop_id', workshopIds)
        .whereIn('a.participant_id', participantIds.slice(i, i + 400))
        .where('a.present', true)
        .select('a.participant_id', 'a.session_id', 's.workshop_id')) as Row[];
      for (const m of marks) {
        const key = `${String(m.workshop_id)}:${String(m.participant_id)}`;
        const set = presentBy.get(key) ?? new Set<number>();
        set.add(Number(m.session_id));
        presentBy.set(key, set);
      }
    }
  }
  return rows.map((r) => {
    const workshopId = num(r.workshop_id);
    const fig =
      workshopId === null
        ? null
        : attendanceFigures(sessionsBy.get(workshopId) ?? [], presentBy.get(`${workshopId}:${String(r.participant_id)}`) ?? new Set(), {
            from: String(r.enrolled_on),
            to: str(r.ended_on),
          });
    return {
      id: Number(r.id),
      participantId: Number(r.participant_id),
      participantCode: String(r.code),
      ...visibleNames(session, String(r.first_names), String(r.last_names)),
      participantStatus: r.participant_status as Enrolment['participantStatus'],
      workshopId,
      ensembleId: num(r.ensemble_id),
      groupName: String(r.workshop_name ?? r.ensemble_name),
      establishmentName: String(r.workshop_establishment ?? r.ensemble_establishment),
      stage: r.stage as Enrolment['stage'],
      part: str(r.part),
      enrolledOn: String(r.enrolled_on),
      endedOn: str(r.ended_on),
      endReason: str(r.end_reason),
      sessions: fig?.sessions ?? null,
      present: fig?.present ?? null,
      rate: fig ? fig.rate : null,
      consecutiveAbsences: fig?.consecutiveAbsences ?? null,
      minutes: fig?.minutes ?? null,
      version: Number(r.version),
    };
  });
}

export async function getEnrolment(db: Knex, session: Session, id: number): Promise<Enrolment | null> {
  const [e] = await enrolmentsWhere(db, session, (q) => q.where('n.id', id));
  return e ?? null;
}

/** Appends one stage to an enrolment's ledger. */
export async function appendStage(db: Knex, enrolmentId: number, stage: string, date: string, reason: string | null, actor: Actor, now: string) {
  await db('enrolment_stages').insert({ enrolment_id: enrolmentId, stage, date, reason, recorded_at: now, recorded_by: actor.name });
}
