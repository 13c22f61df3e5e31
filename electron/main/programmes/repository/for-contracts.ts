import type { Knex } from 'knex';
import { numOr0, toBool, type Row } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';
import { givenBy } from './workshop-teachers';

/**
 * What the contracts ask of the programmes (issue 15, item 4): the workshops a contract may
 * cover (those of its establishments), their names, and what was delivered in a month — the
 * sessions of the contract's workshops that its teacher led, and the hours of those whose
 * attendance was taken.
 */

export interface WorkshopChoice {
  id: number;
  name: string;
  establishmentId: number;
  active: boolean;
}

const choice = (r: Row): WorkshopChoice => ({
  id: Number(r.id),
  name: String(r.name),
  establishmentId: Number(r.establishment_id),
  active: toBool(r.active),
});

/** The workshops of these establishments (active first, then by name). */
export async function workshopsAt(db: Knex, establishmentIds: number[]): Promise<WorkshopChoice[]> {
  if (establishmentIds.length === 0) return [];
  const rows = (await db('workshops')
    .whereIn('establishment_id', establishmentIds)
    .orderBy([
      { column: 'active', order: 'desc' },
      { column: 'name_key', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .select('id', 'name', 'establishment_id', 'active')) as Row[];
  return rows.map(choice);
}

/** These workshops by id (those that exist). */
export async function workshopsByIds(db: Knex, ids: number[]): Promise<Map<number, WorkshopChoice>> {
  const out = new Map<number, WorkshopChoice>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = (await db('workshops')
      .whereIn('id', ids.slice(i, i + 500))
      .select('id', 'name', 'establishment_id', 'active')) as Row[];
    for (const r of rows) out.set(Number(r.id), choice(r));
  }
  return out;
}

export interface Delivered {
  /** Sessions held in the month. */
  sessions: number;
  /** Of those, the ones whose attendance was taken. */
  attendedSessions: number;
  /** The duration of the sessions with attendance taken, in minutes. */
  minutes: number;
}

/** What one teacher delivered in one month ('YYYY-MM') in these workshops is asked. */
export interface DeliveredQuery {
  teacherId: number;
  workshopIds: readonly number[];
  period: string;
}

const nothing = (): Delivered => ({ sessions: 0, attendedSessions: 0, minutes: 0 });

/**
 * What each teacher delivered in each month in these workshops (an answer per question, in
 * order): the sessions they gave (givenBy), from one query grouped by teacher, workshop and
 * month — a page of conformities asks once, not once a row.
 */
export async function deliveredSessions(db: Knex, asked: readonly DeliveredQuery[]): Promise<Delivered[]> {
  const some = asked.filter((q) => q.workshopIds.length > 0);
  if (some.length === 0) return asked.map(nothing);
  const teacherIds = [...new Set(some.map((q) => q.teacherId))];
  const workshopIds = [...new Set(some.flatMap((q) => q.workshopIds))];
  const periods = some.map((q) => q.period).sort();
  // The teachers asked about, as a list the sessions are matched against (column1 in SQLite and PostgreSQL alike).
  const teachers = db.raw(`(VALUES ${teacherIds.map(() => '(CAST(? AS integer))').join(', ')}) AS g`, teacherIds);
  const rows = (await db('workshop_sessions as s')
    .crossJoin(teachers)
    .whereIn('s.workshop_id', workshopIds)
    .where('s.date', '>=', `${periods[0]!}-01`)
    .where('s.date', '<=', `${periods.at(-1)!}-31`)
    .where(givenBy(db, db.ref('g.column1')))
    .groupByRaw('g.column1, s.workshop_id, substr(s.date, 1, 7)')
    .select({ teacher: 'g.column1', workshop: 's.workshop_id', month: db.raw('substr(s.date, 1, 7)') })
    .count({ n: '*' })
    .sum({ a: db.raw('CASE WHEN s.attendance_at IS NOT NULL THEN 1 ELSE 0 END') })
    .sum({ m: db.raw('CASE WHEN s.attendance_at IS NOT NULL THEN s.duration_minutes ELSE 0 END') })) as Row[];
  const held = new Map(rows.map((r) => [`${Number(r.teacher)}:${Number(r.workshop)}:${String(r.month)}`, r]));
  return asked.map((q) => {
    const out = nothing();
    for (const w of new Set(q.workshopIds)) {
      const r = held.get(`${q.teacherId}:${w}:${q.period}`);
      out.sessions += numOr0(r?.n);
      out.attendedSessions += numOr0(r?.a);
      out.minutes += numOr0(r?.m);
    }
    return out;
  });
}

/**
 * The demonstration's workshops' teachers, from the contracts that cover them (the contracts'
 * demonstration makes the teachers after the workshops): each pair once.
 */
export async function linkDemoTeachers(db: Knex, pairs: Array<{ workshopId: number; teacherId: number }>): Promise<void> {
  const known = new Set(
    ((await db('workshop_teachers').select('workshop_id', 'teacher_id')) as Row[]).map(
      (r) => `${String(r.workshop_id)}:${String(r.teacher_id)}`,
    ),
  );
  const rows = [];
  for (const p of pairs) {
    const key = `${p.workshopId}:${p.teacherId}`;
    if (known.has(key)) continue;
    known.add(key);
    rows.push({ workshop_id: p.workshopId, teacher_id: p.teacherId });
  }
  for (let i = 0; i < rows.length; i += 400) await db('workshop_teachers').insert(rows.slice(i, i + 400));
}

/** What a budget expense may be for (issue 16): an event or a workshop, by id, with the name the clerk chooses by. */
export interface ExpenseTarget {
  kind: 'evento' | 'taller';
  id: number;
  name: string;
  /** The event's day; a workshop's start. */
  date: string | null;
}

const workshopName = (r: Row) => (r.place ? `${String(r.name)} — ${String(r.place)}` : String(r.name));

/** The year's events and the workshops that ran during the year (at some establishment), by date and name. */
export async function expenseTargets(db: Knex, year: number): Promise<ExpenseTarget[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const events = (await db('events')
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy([{ column: 'date' }, { column: 'id' }])
    .select('id', 'title', 'date')) as Row[];
  const workshops = (await joinEstablishment(db('workshops as w'), 'e', 'w.establishment_id', 'left')
    .where('w.start_date', '<=', to)
    .where((q) => q.whereNull('w.end_date').orWhere('w.end_date', '>=', from))
    .orderBy([{ column: 'w.name_key' }, { column: 'w.id' }])
    .select('w.id', 'w.name', 'w.start_date', 'e.name as place')) as Row[];
  return [
    ...events.map((r) => ({ kind: 'evento' as const, id: Number(r.id), name: String(r.title), date: String(r.date) })),
    ...workshops.map((r) => ({ kind: 'taller' as const, id: Number(r.id), name: workshopName(r), date: String(r.start_date) })),
  ];
}

/** The names of these events and workshops (those that exist), by id. */
export async function expenseTargetNames(
  db: Knex,
  ids: { events: number[]; workshops: number[] },
): Promise<{ events: Map<number, string>; workshops: Map<number, string> }> {
  const events = ids.events.length
    ? ((await db('events')
        .whereIn('id', [...new Set(ids.events)])
        .select('id', 'title')) as Row[])
    : [];
  const workshops = ids.workshops.length
    ? ((await joinEstablishment(db('workshops as w'), 'e', 'w.establishment_id', 'left')
        .whereIn('w.id', [...new Set(ids.workshops)])
        .select('w.id', 'w.name', 'e.name as place')) as Row[])
    : [];
  return {
    events: new Map(events.map((r) => [Number(r.id), String(r.title)])),
    workshops: new Map(workshops.map((r) => [Number(r.id), workshopName(r)])),
  };
}
