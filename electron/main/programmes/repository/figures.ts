import type { Knex } from 'knex';
import {
  audienceGroups,
  ensembleTypes,
  eventTypes,
  programmes,
  type Audiences,
  type PartnerType,
} from '../../../../shared/programmes/rules';
import type { ProgrammeFigures } from '../../../../shared/programmes/schemas';
import { budgetFinance } from '../../contracts/repository/for-programmes';
import { numOr0 as n, type Row } from '../../db/rows';
import { establishmentsByIds } from '../../establishments/repository';
import { audiencesOf } from './events';

/**
 * The programme's figures for a period, from the data and nothing else: what the annual
 * report, the UNESCO entry and the evaluation print. Aggregates only: no query here
 * selects a participant's names.
 */

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** Enrolments that overlap [from, to]: started by `to` and not ended before `from`. */
const overlapping = (q: Knex.QueryBuilder, from: string, to: string) =>
  q.where('n.enrolled_on', '<=', to).where((w) => w.whereNull('n.ended_on').orWhere('n.ended_on', '>=', from));

export async function programmeFigures(db: Knex, from: string, to: string): Promise<ProgrammeFigures> {
  // Beneficiaries: participants with an enrolment (workshop or ensemble) overlapping the period.
  const enrolled = overlapping(
    db('enrolments as n')
      .join('participants as p', 'p.id', 'n.participant_id')
      .leftJoin('workshops as w', 'w.id', 'n.workshop_id')
      .leftJoin('ensembles as g', 'g.id', 'n.ensemble_id'),
    from,
    to,
  ).select(
    'n.participant_id',
    'p.sex',
    'n.workshop_id',
    'n.ensemble_id',
    'n.stage',
    'n.enrolled_on',
    'n.ended_on',
    'n.end_reason',
    'w.programme',
    db.raw('COALESCE(w.establishment_id, g.establishment_id) AS establishment_id'),
  );
  const rows = (await enrolled) as Row[];

  const sexOf = new Map<number, string>();
  const firstStart = new Map<number, string>();
  const activeAtEnd = new Set<number>();
  for (const r of rows) {
    const id = n(r.participant_id);
    sexOf.set(id, String(r.sex));
    const start = String(r.enrolled_on);
    if (!firstStart.has(id) || start < firstStart.get(id)!) firstStart.set(id, start);
    if (r.ended_on === null || String(r.ended_on) > to) activeAtEnd.add(id);
  }
  // "New": the participant's first enrolment ever started within the period.
  const everFirst = new Map<number, string>();
  const ids = [...sexOf.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of (await db('enrolments')
      .whereIn('participant_id', ids.slice(i, i + 500))
      .groupBy('participant_id')
      .select('participant_id')
      .min({ d: 'enrolled_on' })) as Row[]) {
      everFirst.set(n(r.participant_id), String(r.d));
    }
  }
  const men = [...sexOf.values()].filter((s) => s === 'masculino').length;

  // Establishments of the groups.
  const estIds = [...new Set(rows.map((r) => n(r.establishment_id)))];
  const ests = await establishmentsByIds(db, estIds);

  const workshopRows = (await db('workshops')
    .where('start_date', '<=', to)
    .where((w) => w.whereNull('end_date').orWhere('end_date', '>=', from))
    .select('id', 'programme', 'establishment_id')) as Row[];
  const ensembleRows = (await db('ensembles')
    .where((w) => w.whereNull('formed_on').orWhere('formed_on', '<=', to))
    .where((w) =>
      w.where('active', true).orWhereExists(overlapping(db('enrolments as n').whereRaw('n.ensemble_id = ensembles.id'), from, to)),
    )
    .select('id', 'type', 'establishment_id')) as Row[];

  const sessionRows = (await db('workshop_sessions as s')
    .join('workshops as w', 'w.id', 's.workshop_id')
    .whereBetween('s.date', [from, to])
    .select('s.id', 's.duration_minutes', 'w.programme', 's.attendance_at')) as Row[];

  const byEstablishment = ests.map((e) => {
    const here = rows.filter((r) => n(r.establishment_id) === n(e.id));
    const people = new Map(here.map((r) => [n(r.participant_id), String(r.sex)]));
    const m = [...people.values()].filter((s) => s === 'masculino').length;
    return {
      name: String(e.name),
      population: String(e.population),
      participants: people.size,
      men: m,
      women: people.size - m,
      workshops: workshopRows.filter((w) => n(w.establishment_id) === n(e.id)).length,
      ensembles: ensembleRows.filter((g) => n(g.establishment_id) === n(e.id)).length,
    };
  });

  const byProgramme = programmes
    .map((p) => {
      const ws = workshopRows.filter((w) => w.programme === p);
      const ss = sessionRows.filter((s) => s.programme === p);
      return {
        programme: p,
        workshops: ws.length,
        participants: new Set(rows.filter((r) => r.programme === p).map((r) => n(r.participant_id))).size,
        sessions: ss.length,
        hours: Math.round((ss.reduce((a, s) => a + n(s.duration_minutes), 0) / 60) * 10) / 10,
      };
    })
    .filter((p) => p.workshops > 0 || p.participants > 0);

  const ensembleMembers = new Set(rows.filter((r) => r.ensemble_id !== null).map((r) => n(r.participant_id)));

  // Events in the period.
  const eventRows = (await db('events').whereBetween('date', [from, to]).select('*')) as Row[];
  const audience = Object.fromEntries(audienceGroups.map((g) => [g, 0])) as Audiences;
  const byType = new Map<string, { count: number; audience: number }>();
  for (const e of eventRows) {
    const a = audiencesOf(e);
    let total = 0;
    for (const g of audienceGroups) {
      audience[g] += a[g];
      total += a[g];
    }
    const t = byType.get(String(e.type)) ?? { count: 0, audience: 0 };
    t.count++;
    t.audience += total;
    byType.set(String(e.type), t);
  }

  // Partners: those with events in the period or an agreement in force during it.
  const partnerRows = (await db('partners as p')
    .select(
      'p.name',
      'p.type',
      'p.name_key',
      db.raw(
        '(SELECT COUNT(*) FROM event_partners l JOIN events e ON e.id = l.event_id WHERE l.partner_id = p.id AND e.date BETWEEN ? AND ?) AS events_n',
        [from, to],
      ),
      db.raw(
        '(SELECT COUNT(*) FROM agreements a WHERE a.partner_id = p.id AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)) AS agreements_n',
        [to, from],
      ),
    )
    .orderBy('p.name_key')) as Row[];
  const partners = partnerRows
    .filter((p) => n(p.events_n) > 0 || n(p.agreements_n) > 0)
    .map((p) => ({ name: String(p.name), type: p.type as PartnerType, events: n(p.events_n), agreements: n(p.agreements_n) }));

  // Evaluation: workshop enrolments only (ensembles have no end by completion).
  const wRows = rows.filter((r) => r.workshop_id !== null);
  const endedIn = wRows.filter((r) => r.ended_on !== null && String(r.ended_on) >= from && String(r.ended_on) <= to);
  const completed = endedIn.filter((r) => r.stage === 'completado').length;
  const withdrawn = endedIn.filter((r) => r.stage === 'retirado' && r.end_reason === 'retiro').length;
  const endedByCustody = endedIn.filter((r) => r.stage === 'retirado' && r.end_reason !== 'retiro').length;
  const [marks] = (await db('attendance as a')
    .join('workshop_sessions as s', 's.id', 'a.session_id')
    .whereBetween('s.date', [from, to])
    .select(
      db.raw('COUNT(*) AS marks_n'),
      db.raw('SUM(CASE WHEN a.present = ? THEN 1 ELSE 0 END) AS present_n', [true]),
      db.raw('SUM(CASE WHEN a.present = ? THEN s.duration_minutes ELSE 0 END) AS minutes_n', [true]),
    )) as Row[];
  const workshopParticipants = new Set(wRows.map((r) => n(r.participant_id))).size;

  const audienceTotal = audienceGroups.reduce((a, g) => a + audience[g], 0);
  const [inForce] = (await db('agreements')
    .where('start_date', '<=', to)
    .where((w) => w.whereNull('end_date').orWhere('end_date', '>=', from))
    .count({ n: '*' })) as Row[];

  return {
    from,
    to,
    participants: {
      total: sexOf.size,
      men,
      women: sexOf.size - men,
      active: activeAtEnd.size,
      new: [...firstStart.keys()].filter((id) => (everFirst.get(id) ?? '') >= from).length,
    },
    establishments: {
      total: ests.length,
      men: ests.filter((e) => e.population === 'varones').length,
      women: ests.filter((e) => e.population === 'mujeres').length,
      mixed: ests.filter((e) => e.population === 'mixto').length,
    },
    byEstablishment,
    byProgramme,
    workshops: {
      total: workshopRows.length,
      sessions: sessionRows.length,
      hours: Math.round((sessionRows.reduce((a, s) => a + n(s.duration_minutes), 0) / 60) * 10) / 10,
    },
    ensembles: {
      total: ensembleRows.length,
      members: ensembleMembers.size,
      byType: ensembleTypes.map((t) => ({ type: t, count: ensembleRows.filter((g) => g.type === t).length })).filter((x) => x.count > 0),
    },
    events: {
      total: eventRows.length,
      byType: eventTypes.filter((t) => byType.has(t)).map((t) => ({ type: t, ...byType.get(t)! })),
      audience,
      totalAudience: audienceTotal,
    },
    partners,
    agreementsInForce: n(inForce?.n),
    evaluation: {
      retention: ratio(wRows.length - withdrawn, wRows.length),
      completion: ratio(completed, endedIn.length),
      completed,
      withdrawn,
      endedByCustody,
      attendanceRate: ratio(n(marks?.present_n), n(marks?.marks_n)),
      hoursPerParticipant: workshopParticipants === 0 ? null : Math.round((n(marks?.minutes_n) / 60 / workshopParticipants) * 10) / 10,
    },
    finance: await budgetFinance(db, Number(to.slice(0, 4))),
  };
}
