import type { Knex } from 'knex';
import type { EvaluationScope } from '../../../../shared/evaluation/schemas';
import { monthOf } from '../../db/dialect';
import { numOr0 as n, type Row } from '../../db/rows';

/**
 * The attendance figures the programmes domain offers the evaluation page (issue 17), through
 * for-evaluation.ts: counts grouped in the database, never rows of persons. A period of whole
 * months is read from the monthly roll-ups (migration 0025, kept in step with the marks by
 * triggers); any other, or one filtered by sex, from the marks themselves. Both give the same figures.
 */

/** Workshops narrowed by the filters (alias w). */
export function workshopFilter(q: Knex.QueryBuilder, f: EvaluationScope): Knex.QueryBuilder {
  if (f.establishmentIds) q.whereIn('w.establishment_id', f.establishmentIds);
  if (f.initiativeId !== null) q.where('w.initiative_id', f.initiativeId);
  if (f.discipline) q.where('w.discipline', f.discipline);
  return q;
}

export interface AttendanceCounts {
  month: string;
  sessions: number;
  marks: number;
  present: number;
  /** Session minutes × present marks. */
  minutes: number;
  /** Participants marked (present or absent) and participants present at least once. */
  people: number;
  presentPeople: number;
}

/** The period as months (YYYY-MM) when it runs from a month's first day to a month's last day, else null. */
export function wholeMonths(f: { from: string; to: string }): { from: string; to: string } | null {
  const [y, m, d] = f.to.split('-').map(Number);
  if (!f.from.endsWith('-01') || d !== new Date(Date.UTC(y!, m!, 0)).getUTCDate()) return null;
  return { from: f.from.slice(0, 7), to: f.to.slice(0, 7) };
}

/**
 * The attendance taken in the period's sessions, per month. A period of whole months without a
 * sex filter is read from the monthly roll-ups (migration 0025, kept in step by triggers on the
 * marks); any other from the marks themselves. Both give the same figures.
 */
export async function attendanceByMonth(db: Knex, f: EvaluationScope): Promise<AttendanceCounts[]> {
  const months = wholeMonths(f);
  if (f.sex || !months) return attendanceFromMarks(db, f);
  const byWorkshop = f.establishmentIds || f.initiativeId !== null || f.discipline;
  const sums = db('attendance_workshop_monthly as r').whereBetween('r.month', [months.from, months.to]);
  if (byWorkshop) workshopFilter(sums.join('workshops as w', 'w.id', 'r.workshop_id'), f);
  const totals = (await sums
    .groupBy('r.month')
    .orderBy('r.month')
    .select(
      'r.month',
      db.raw('SUM(r.sessions) AS sessions'),
      db.raw('SUM(r.marks) AS marks'),
      db.raw('SUM(r.present) AS present'),
      db.raw('SUM(r.minutes) AS minutes'),
    )) as Row[];
  const people = byWorkshop
    ? workshopFilter(db('attendance_monthly as r').join('workshops as w', 'w.id', 'r.workshop_id'), f)
        .whereBetween('r.month', [months.from, months.to])
        .groupBy('r.month')
        .select(
          'r.month',
          db.raw('COUNT(DISTINCT r.participant_id) AS people'),
          db.raw('COUNT(DISTINCT CASE WHEN r.present > 0 THEN r.participant_id END) AS present_people'),
        )
    : db('attendance_month_people as r')
        .whereBetween('r.month', [months.from, months.to])
        .select('r.month', 'r.people', 'r.present_people');
  const persons = new Map(((await people) as Row[]).map((r) => [String(r.month), r]));
  return totals.map((r) => ({
    month: String(r.month),
    sessions: n(r.sessions),
    marks: n(r.marks),
    present: n(r.present),
    minutes: n(r.minutes),
    people: n(persons.get(String(r.month))?.people),
    presentPeople: n(persons.get(String(r.month))?.present_people),
  }));
}

/** The attendance per month counted from the marks (one grouped query). */
async function attendanceFromMarks(db: Knex, f: EvaluationScope): Promise<AttendanceCounts[]> {
  const month = monthOf('s.date');
  const q = db('workshop_sessions as s').join('attendance as a', 'a.session_id', 's.id').whereBetween('s.date', [f.from, f.to]);
  // The workshop only when a filter asks for it: nationally that is a million lookups saved.
  if (f.establishmentIds || f.initiativeId !== null || f.discipline) workshopFilter(q.join('workshops as w', 'w.id', 's.workshop_id'), f);
  if (f.sex) q.join('participants as p', 'p.id', 'a.participant_id').where('p.sex', f.sex);
  const rows = (await q
    .groupByRaw(month)
    .orderByRaw(month)
    .select(
      db.raw(`${month} AS month`),
      db.raw('COUNT(DISTINCT s.id) AS sessions'),
      db.raw('COUNT(*) AS marks'),
      db.raw('SUM(CASE WHEN a.present = ? THEN 1 ELSE 0 END) AS present', [true]),
      db.raw('SUM(CASE WHEN a.present = ? THEN s.duration_minutes ELSE 0 END) AS minutes', [true]),
      db.raw('COUNT(DISTINCT a.participant_id) AS people'),
      db.raw('COUNT(DISTINCT CASE WHEN a.present = ? THEN a.participant_id END) AS present_people', [true]),
    )) as Row[];
  return rows.map((r) => ({
    month: String(r.month),
    sessions: n(r.sessions),
    marks: n(r.marks),
    present: n(r.present),
    minutes: n(r.minutes),
    people: n(r.people),
    presentPeople: n(r.present_people),
  }));
}

export interface WorkshopAttendance {
  workshopId: number;
  name: string;
  establishmentId: number;
  sessions: number;
  marks: number;
  present: number;
  people: number;
  months: Array<{ month: string; marks: number; present: number; people: number }>;
}

/** The `limit` workshops with most sessions in the period, with their attendance in all and per month (from the roll-up for whole months). */
export async function topWorkshopsAttendance(db: Knex, f: EvaluationScope, limit: number): Promise<WorkshopAttendance[]> {
  // Sessions counted per workshop first (from the workshop-and-date index), then the workshops joined.
  const counted = db('workshop_sessions as s')
    .whereBetween('s.date', [f.from, f.to])
    .groupBy('s.workshop_id')
    .select('s.workshop_id', db.raw('COUNT(*) AS sessions'));
  const top = (await workshopFilter(db.from(counted.as('c')).join('workshops as w', 'w.id', 'c.workshop_id'), f)
    .orderBy('c.sessions', 'desc')
    .orderBy('w.name')
    .limit(limit)
    .select('w.id', 'w.name', 'w.establishment_id', 'c.sessions')) as Row[];
  if (top.length === 0) return [];
  const ids = top.map((r) => n(r.id));
  const months = wholeMonths(f);
  const marks = (grouped: boolean) => {
    if (months) {
      const r = db('attendance_monthly as r').whereIn('r.workshop_id', ids).whereBetween('r.month', [months.from, months.to]);
      if (f.sex) r.join('participants as p', 'p.id', 'r.participant_id').where('p.sex', f.sex);
      if (grouped) r.groupBy('r.workshop_id', 'r.month');
      else r.groupBy('r.workshop_id');
      return r.select(
        'r.workshop_id',
        ...(grouped ? ['r.month'] : []),
        db.raw('SUM(r.marks) AS marks'),
        db.raw('SUM(r.present) AS present'),
        db.raw('COUNT(DISTINCT r.participant_id) AS people'),
      ) as Promise<Row[]>;
    }
    const month = monthOf('s.date');
    const q = db('workshop_sessions as s')
      .join('attendance as a', 'a.session_id', 's.id')
      .whereIn('s.workshop_id', ids)
      .whereBetween('s.date', [f.from, f.to]);
    if (f.sex) q.join('participants as p', 'p.id', 'a.participant_id').where('p.sex', f.sex);
    const by = grouped ? [db.raw(`${month} AS month`)] : [];
    if (grouped) q.groupByRaw(`s.workshop_id, ${month}`);
    else q.groupBy('s.workshop_id');
    return q.select(
      's.workshop_id',
      ...by,
      db.raw('COUNT(*) AS marks'),
      db.raw('SUM(CASE WHEN a.present = ? THEN 1 ELSE 0 END) AS present', [true]),
      db.raw('COUNT(DISTINCT a.participant_id) AS people'),
    ) as Promise<Row[]>;
  };
  const totals = new Map((await marks(false)).map((r) => [n(r.workshop_id), r]));
  const byMonth = await marks(true);
  return top.map((w) => {
    const id = n(w.id);
    const t = totals.get(id);
    return {
      workshopId: id,
      name: String(w.name),
      establishmentId: n(w.establishment_id),
      sessions: n(w.sessions),
      marks: n(t?.marks),
      present: n(t?.present),
      people: n(t?.people),
      months: byMonth
        .filter((r) => n(r.workshop_id) === id)
        .map((r) => ({ month: String(r.month), marks: n(r.marks), present: n(r.present), people: n(r.people) }))
        .sort((a, b) => a.month.localeCompare(b.month)),
    };
  });
}
