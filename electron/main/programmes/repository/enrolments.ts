import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import { attendanceFigures, openStages, type SessionTaken } from '../../../../shared/programmes/rules';
import type { Enrolment } from '../../../../shared/programmes/schemas';
import { whereInScope } from '../../auth/access';
import { num, type Row, str, toBool } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';
import type { Session } from '../../ipc/context';
import { instrumentTypesByIds } from '../../inventory/repository/for-programmes';
import { visibleNames } from '../privacy';
import { takenSessions } from './workshops';
import { firstVersion, insertId, nextVersion, touched, updateVersion } from '../../db/writes';

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

const enrolmentsJoined = (db: Knex) => {
  const q = db('enrolments as n')
    .join('participants as p', 'p.id', 'n.participant_id')
    .leftJoin('workshops as w', 'w.id', 'n.workshop_id')
    .leftJoin('ensembles as g', 'g.id', 'n.ensemble_id');
  joinEstablishment(q, 'ew', 'w.establishment_id', 'left');
  return joinEstablishment(q, 'eg', 'g.establishment_id', 'left');
};

/** Enrolments with their attendance figures (workshops), computed from the ledger of marks. */
async function enrolmentsWhere(db: Knex, session: Session, where: (q: Knex.QueryBuilder) => void): Promise<Enrolment[]> {
  const pending = db.raw(
    "CASE WHEN EXISTS (SELECT 1 FROM ensemble_part_reviews r WHERE r.enrolment_id = n.id AND r.status = 'pendiente') THEN 1 ELSE 0 END AS part_pending",
  );
  const q = whereInScope(session, enrolmentsJoined(db).select([...enrolmentColumns, pending]), 'w.establishment_id', 'g.establishment_id');
  where(q);
  const rows = (await q.orderBy('p.sort_key').orderBy('n.id')) as Row[];
  const typeIds = rows.map((r) => num(r.part_type_id)).filter((x): x is number => x !== null);
  const types = typeIds.length > 0 ? await instrumentTypesByIds(db, typeIds) : new Map<number, { name: string }>();
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
      partTypeId: num(r.part_type_id),
      partTypeName: num(r.part_type_id) === null ? null : (types.get(Number(r.part_type_id))?.name ?? null),
      partVoice: (str(r.part_voice) ?? null) as Enrolment['partVoice'],
      partPending: Number(r.part_pending) === 1 || toBool(r.part_pending),
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

/** The enrolments of a workshop, an ensemble or a participant (null: any), the open ones only if asked. */
export function listEnrolments(
  db: Knex,
  session: Session,
  f: { workshopId?: number | null; ensembleId?: number | null; participantId?: number | null; openOnly?: boolean },
): Promise<Enrolment[]> {
  return enrolmentsWhere(db, session, (q) => {
    if (f.workshopId !== undefined && f.workshopId !== null) q.where('n.workshop_id', f.workshopId);
    if (f.ensembleId !== undefined && f.ensembleId !== null) q.where('n.ensemble_id', f.ensembleId);
    if (f.participantId !== undefined && f.participantId !== null) q.where('n.participant_id', f.participantId);
    if (f.openOnly) q.whereIn('n.stage', [...openStages]);
  });
}

export function enrolmentsByIds(db: Knex, session: Session, ids: number[]): Promise<Enrolment[]> {
  return enrolmentsWhere(db, session, (q) => q.whereIn('n.id', ids));
}

export async function getEnrolment(db: Knex, session: Session, id: number): Promise<Enrolment | null> {
  const [e] = await enrolmentsWhere(db, session, (q) => q.where('n.id', id));
  return e ?? null;
}

/** Appends one stage to an enrolment's ledger. */
export async function appendStage(
  db: Knex,
  enrolmentId: number,
  stage: string,
  date: string,
  reason: string | null,
  actor: Actor,
  now: string,
) {
  await db('enrolment_stages').insert({ enrolment_id: enrolmentId, stage, date, reason, recorded_at: now, recorded_by: actor.name });
}

/** The group (workshop or ensemble) people are enrolled in, as stored; undefined when there is none. */
export async function groupOf(db: Knex, kind: 'workshop' | 'ensemble', id: number): Promise<Row | undefined> {
  return (await db(kind === 'workshop' ? 'workshops' : 'ensembles')
    .where({ id })
    .first()) as Row | undefined;
}

/** The codes of these participants already in the group with an open enrolment. */
export async function alreadyEnrolledCodes(
  db: Knex,
  kind: 'workshop' | 'ensemble',
  groupId: number,
  participantIds: number[],
): Promise<string[]> {
  return (await db('enrolments as n')
    .join('participants as p', 'p.id', 'n.participant_id')
    .where(`n.${kind === 'workshop' ? 'workshop_id' : 'ensemble_id'}`, groupId)
    .whereIn('n.participant_id', participantIds)
    .whereIn('n.stage', [...openStages])
    .pluck('p.code')) as string[];
}

/** How many open enrolments a workshop has (its capacity's use). */
export async function openEnrolmentCount(db: Knex, workshopId: number): Promise<number> {
  return Number(
    (
      (await db('enrolments')
        .where({ workshop_id: workshopId })
        .whereIn('stage', [...openStages])
        .count({ n: '*' })) as Row[]
    )[0]?.n ?? 0,
  );
}

export async function insertEnrolment(
  db: Knex,
  v: {
    participantId: number;
    workshopId: number | null;
    ensembleId: number | null;
    part: string | null;
    partTypeId: number | null;
    partVoice: string | null;
    date: string;
  },
  actor: Actor,
  now: string,
): Promise<number> {
  return insertId(db('enrolments'), {
    participant_id: v.participantId,
    workshop_id: v.workshopId,
    ensemble_id: v.ensembleId,
    stage: 'inscrito',
    part: v.part,
    part_type_id: v.partTypeId,
    part_voice: v.partVoice,
    enrolled_on: v.date,
    ended_on: null,
    end_reason: null,
    ...firstVersion(actor, now),
  });
}

export async function updateEnrolment(
  db: Knex,
  id: number,
  version: number,
  v: {
    stage: string;
    /** The part chosen from the list (its label as text too); absent: the part stays as it is. */
    part?: { text: string | null; typeId: number | null; voice: string | null };
    endedOn: string | null;
    endReason: string | null;
  },
  actor: Actor,
  now: string,
): Promise<void> {
  const part = v.part ? { part: v.part.text, part_type_id: v.part.typeId, part_voice: v.part.voice } : {};
  await updateVersion(db('enrolments'), id, version, { stage: v.stage, ...part, ended_on: v.endedOn, end_reason: v.endReason }, actor, now);
}

/**
 * A custody change ends the participant's open enrolments the same day, each with its stage
 * recorded (`reason`: the custody change's name). Answers how many ended.
 */
export async function endOpenEnrolments(
  db: Knex,
  participantId: number,
  date: string,
  kind: string,
  reason: string,
  actor: Actor,
  now: string,
): Promise<number> {
  const open = (await db('enrolments')
    .where({ participant_id: participantId })
    .whereIn('stage', [...openStages])
    .select('id', 'version')) as Row[];
  for (const e of open) {
    await db('enrolments')
      .where({ id: e.id })
      .update({ stage: 'retirado', ended_on: date, end_reason: kind, ...nextVersion(Number(e.version), actor, now) });
    await appendStage(db, Number(e.id), 'retirado', date, reason, actor, now);
  }
  return open.length;
}

/** Enrolled participants who come to a session are now active in the group. */
export async function startEnrolments(db: Knex, ids: number[], date: string, actor: Actor, now: string): Promise<void> {
  await db('enrolments')
    .whereIn('id', ids)
    .update({ stage: 'activo', version: db.raw('version + 1'), ...touched(actor, now) });
  await db('enrolment_stages').insert(
    ids.map((id) => ({ enrolment_id: id, stage: 'activo', date, reason: null, recorded_at: now, recorded_by: actor.name })),
  );
}
