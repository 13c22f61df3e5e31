import type { Knex } from 'knex';
import { attendanceFigures } from '../../../../shared/programmes/rules';
import { type Row, str, toBool } from '../../db/rows';
import { takenSessions } from './workshops';

/** The participants of a workshop who are in the group on a session's date, and any already marked. */
export async function sheetParticipants(db: Knex, workshopId: number, sessionId: number, date: string): Promise<Row[]> {
  const rows = (await db('enrolments as n')
    .join('participants as p', 'p.id', 'n.participant_id')
    .where('n.workshop_id', workshopId)
    .where((w) =>
      w
        .where((x) => x.where('n.enrolled_on', '<=', date).where((y) => y.whereNull('n.ended_on').orWhere('n.ended_on', '>=', date)))
        .orWhereExists(db('attendance as a').where('a.session_id', sessionId).whereRaw('a.participant_id = n.participant_id')),
    )
    .select(
      'n.id as enrolment_id',
      'n.stage',
      'n.enrolled_on',
      'n.ended_on',
      'p.id',
      'p.code',
      'p.first_names',
      'p.last_names',
      'p.sort_key',
    )
    .orderBy('p.sort_key')) as Row[];
  const seen = new Set<number>();
  return rows.filter((r) => {
    const id = Number(r.id);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** A session's marks: participant → present. */
export async function marksOf(db: Knex, sessionId: number): Promise<Map<number, boolean>> {
  const marks = (await db('attendance').where({ session_id: sessionId }).select('participant_id', 'present')) as Row[];
  return new Map(marks.map((m) => [Number(m.participant_id), toBool(m.present)]));
}

/** The sessions (of these) each of these participants was present at: participant → session ids. */
export async function presentAt(db: Knex, sessionIds: number[], participantIds: number[]): Promise<Map<number, Set<number>>> {
  const rows = sessionIds.length
    ? ((await db('attendance')
        .whereIn('session_id', sessionIds)
        .whereIn('participant_id', participantIds)
        .where('present', true)
        .select('participant_id', 'session_id')) as Row[])
    : [];
  const by = new Map<number, Set<number>>();
  for (const r of rows) {
    const s = by.get(Number(r.participant_id)) ?? new Set<number>();
    s.add(Number(r.session_id));
    by.set(Number(r.participant_id), s);
  }
  return by;
}

/** What a session's audit entry says of its marks: who was present, who absent (by id: never names). */
export const marksAudit = (marks: ReadonlyArray<{ participantId: number; present: boolean }>) => ({
  present: marks.filter((m) => m.present).map((m) => m.participantId),
  absent: marks.filter((m) => !m.present).map((m) => m.participantId),
});

/**
 * Writes a session's marks: a new mark is added, a changed one replaced, and one that is the
 * same is left alone (the sheet sends every mark of the session: an unchanged mark is no
 * change to log for a site, nor to the monthly roll-ups).
 */
export async function saveMarks(
  db: Knex,
  sessionId: number,
  marks: ReadonlyArray<{ participantId: number; present: boolean }>,
): Promise<void> {
  await db('attendance')
    .insert(marks.map((m) => ({ session_id: sessionId, participant_id: m.participantId, present: m.present })))
    .onConflict(['session_id', 'participant_id'])
    .merge(['present'])
    .where(db.raw('attendance.present <> excluded.present'));
}

/** Recomputes the cached absences-in-a-row of these participants' enrolments in a workshop. */
export async function refreshAbsenceRuns(db: Knex, workshopId: number, participantIds: number[]): Promise<void> {
  const sessions = await takenSessions(db, workshopId);
  const enrolments = (await db('enrolments')
    .where({ workshop_id: workshopId })
    .whereIn('participant_id', participantIds)
    .select('id', 'participant_id', 'enrolled_on', 'ended_on', 'absence_run')) as Row[];
  const present = (await db('attendance as a')
    .join('workshop_sessions as s', 's.id', 'a.session_id')
    .where('s.workshop_id', workshopId)
    .whereIn('a.participant_id', participantIds)
    .where('a.present', true)
    .select('a.participant_id', 'a.session_id')) as Row[];
  const by = new Map<number, Set<number>>();
  for (const r of present) {
    const set = by.get(Number(r.participant_id)) ?? new Set<number>();
    set.add(Number(r.session_id));
    by.set(Number(r.participant_id), set);
  }
  for (const e of enrolments) {
    const run = attendanceFigures(sessions, by.get(Number(e.participant_id)) ?? new Set(), {
      from: String(e.enrolled_on),
      to: str(e.ended_on),
    }).consecutiveAbsences;
    if (run !== Number(e.absence_run)) await db('enrolments').where({ id: e.id }).update({ absence_run: run });
  }
}
