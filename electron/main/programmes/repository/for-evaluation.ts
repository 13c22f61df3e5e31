import type { Knex } from 'knex';
import type { EvaluationScope } from '../../../../shared/evaluation/schemas';
import { audienceGroups } from '../../../../shared/programmes/rules';
import { addMonthsSql, indexedBy, monthOf } from '../../db/dialect';
import { numOr0 as n, type Row } from '../../db/rows';

export {
  attendanceByMonth,
  topWorkshopsAttendance,
  wholeMonths,
  type AttendanceCounts,
  type WorkshopAttendance,
} from './for-evaluation-attendance';

/**
 * What the programmes domain offers the evaluation page (issue 17): counts grouped in the
 * database, never rows of persons. Every figure here is raw; the evaluation domain hides the
 * small cells (shared/evaluation/suppression.ts). Filters: the establishments of the group
 * (workshop or ensemble), its initiative, the workshop's discipline (an ensemble has none: a
 * discipline leaves ensembles' enrolments out) and the participant's sex.
 */

/**
 * Enrolments in workshops or ensembles, narrowed by the filters (aliases n, w, g and p when a sex
 * is asked). The groups are joined only when a filter needs them: each enrolment has at most one
 * of each, so leaving them out changes no count.
 */
function enrolments(db: Knex, f: EvaluationScope, q: Knex.QueryBuilder = db('enrolments as n')): Knex.QueryBuilder {
  if (f.establishmentIds || f.initiativeId !== null || f.discipline)
    q.leftJoin('workshops as w', 'w.id', 'n.workshop_id').leftJoin('ensembles as g', 'g.id', 'n.ensemble_id');
  if (f.sex) q.join('participants as p', 'p.id', 'n.participant_id').where('p.sex', f.sex);
  const ids = f.establishmentIds;
  if (ids) q.where((b) => b.whereIn('w.establishment_id', ids).orWhereIn('g.establishment_id', ids));
  const initiative = f.initiativeId;
  if (initiative !== null) q.where((b) => b.where('w.initiative_id', initiative).orWhere('g.initiative_id', initiative));
  if (f.discipline) q.where('w.discipline', f.discipline);
  return q;
}

/** Enrolments that overlap the period: started by its end and not ended before its start. */
const overlapping = (q: Knex.QueryBuilder, f: EvaluationScope) =>
  q.where('n.enrolled_on', '<=', f.to).where((w) => w.whereNull('n.ended_on').orWhere('n.ended_on', '>=', f.from));

/** The disciplines of the workshops in the establishments given (null: all), as written, in order: the discipline filter's choices. */
export async function workshopDisciplines(db: Knex, establishmentIds: number[] | null): Promise<string[]> {
  const q = db('workshops').distinct('discipline').orderBy('discipline');
  if (establishmentIds) q.whereIn('establishment_id', establishmentIds);
  return ((await q) as Row[]).map((r) => String(r.discipline));
}

/**
 * The participants of one kind of group with an enrolment in the period, in the establishment
 * `x.e` of the enclosing query. The groups come first (CROSS JOIN keeps that order on SQLite),
 * then their enrolments through the reach indexes (migration 0026), never the enrolments' rows.
 * An enrolment belongs to one group (an ensemble's only when it has no workshop, as COALESCE).
 */
function reachedIn(db: Knex, f: EvaluationScope, kind: 'workshop' | 'ensemble'): Knex.QueryBuilder {
  const [table, alias, column] = kind === 'workshop' ? ['workshops', 'w', 'workshop_id'] : ['ensembles', 'g', 'ensemble_id'];
  const q = db
    .from(db.raw('?? AS ?? CROSS JOIN enrolments AS n', [table, alias]))
    .whereRaw(`n.${column} = ${alias}.id`)
    .whereRaw(`${alias}.establishment_id = x.e`);
  if (kind === 'ensemble') q.whereNull('n.workshop_id');
  if (f.initiativeId !== null) q.where(`${alias}.initiative_id`, f.initiativeId);
  if (kind === 'workshop' && f.discipline) q.where('w.discipline', f.discipline);
  if (f.sex) q.join('participants as p', 'p.id', 'n.participant_id').where('p.sex', f.sex);
  return overlapping(q, f).select('n.participant_id');
}

/** Participants with an enrolment in the period: per establishment of their group, and in all (each person once). */
export async function participantsReached(db: Knex, f: EvaluationScope): Promise<{ byEstablishment: Map<number, number>; total: number }> {
  // Per establishment with a group: its workshops' participants and (a discipline leaves ensembles out) its ensembles', each once.
  const places = (table: string) => {
    const q = db(table).select('establishment_id as e');
    return f.establishmentIds ? q.whereIn('establishment_id', f.establishmentIds) : q;
  };
  const people = f.discipline ? reachedIn(db, f, 'workshop') : reachedIn(db, f, 'workshop').unionAll(reachedIn(db, f, 'ensemble'));
  const rows = (await db
    .from(places('workshops').union(places('ensembles')).as('x'))
    .select('x.e as establishment_id', db.from(people.as('u')).countDistinct('u.participant_id as c').as('people'))) as Row[];
  const [all] = (await overlapping(enrolments(db, f), f).select(db.raw('COUNT(DISTINCT n.participant_id) AS people'))) as Row[];
  return { byEstablishment: new Map(rows.map((r) => [n(r.establishment_id), n(r.people)])), total: n(all?.people) };
}

/** Enrolments that overlap the period, by their stage. */
export async function enrolmentsByStage(db: Knex, f: EvaluationScope): Promise<Map<string, number>> {
  const rows = (await overlapping(enrolments(db, f), f).groupBy('n.stage').select('n.stage', db.raw('COUNT(*) AS c'))) as Row[];
  return new Map(rows.map((r) => [String(r.stage), n(r.c)]));
}

export interface CohortCounts {
  cohort: string;
  started: number;
  /** Per N months: participants whose N months had passed by the period's end (due) and those still enrolled then (kept). */
  after: Record<1 | 3 | 6, { due: number; kept: number }>;
}

export const retentionMonths = [1, 3, 6] as const;

/** Where an enrolment still open ends for the retention figures: after every day a period can hold. */
const openEnd = '9999-12-31';

/**
 * Cohorts by the month of each participant's first enrolment in the period. A participant is
 * still active N months after that start when not all of their enrolments (those the filters
 * keep, started in the period) had ended before that day; only days on or before the period's
 * end count.
 */
export async function retentionCohorts(db: Knex, f: EvaluationScope): Promise<CohortCounts[]> {
  // Read in participant order from the covering index: SQLite would otherwise search the dates and sort 100,000 rows.
  const firsts = enrolments(db, f, indexedBy(db, 'enrolments', 'n', 'enrolments_evaluation_index'))
    .whereBetween('n.enrolled_on', [f.from, f.to])
    .groupBy('n.participant_id')
    .select(
      'n.participant_id',
      db.raw('MIN(n.enrolled_on) AS start_on'),
      // An open enrolment reads as ending on the last day a date can hold: on or after every day counted (none is after the period's end).
      db.raw(`MAX(COALESCE(n.ended_on, '${openEnd}')) AS last_end`),
    );
  // Participants with the same start and last end share every answer: the dates are worked out once per pair.
  const pairs = db.from(firsts.as('f')).groupBy('f.start_on', 'f.last_end').select('f.start_on', 'f.last_end', db.raw('COUNT(*) AS c'));
  const cohort = monthOf('f.start_on');
  const columns = retentionMonths.flatMap((k) => {
    const day = addMonthsSql(db, 'f.start_on', k);
    return [
      db.raw(`SUM(CASE WHEN ${day} <= ? THEN f.c ELSE 0 END) AS due${k}`, [f.to]),
      db.raw(`SUM(CASE WHEN ${day} <= ? AND f.last_end >= ${day} THEN f.c ELSE 0 END) AS kept${k}`, [f.to]),
    ];
  });
  const rows = (await db
    .from(pairs.as('f'))
    .groupByRaw(cohort)
    .orderByRaw(cohort)
    .select(db.raw(`${cohort} AS cohort`), db.raw('SUM(f.c) AS started'), ...columns)) as Row[];
  return rows.map((r) => ({
    cohort: String(r.cohort),
    started: n(r.started),
    after: {
      1: { due: n(r.due1), kept: n(r.kept1) },
      3: { due: n(r.due3), kept: n(r.kept3) },
      6: { due: n(r.due6), kept: n(r.kept6) },
    },
  }));
}

/** Workshop enrolments completed in the period, by the month they ended. */
export async function completionsByMonth(db: Knex, f: EvaluationScope): Promise<Map<string, number>> {
  const month = monthOf('n.ended_on');
  const rows = (await enrolments(db, f)
    .whereNotNull('n.workshop_id')
    .where('n.stage', 'completado')
    .whereBetween('n.ended_on', [f.from, f.to])
    .groupByRaw(month)
    .select(db.raw(`${month} AS month`), db.raw('COUNT(*) AS c'))) as Row[];
  return new Map(rows.map((r) => [String(r.month), n(r.c)]));
}

/** Ensembles of the period by type: those existing in it, those formed in it, and their members (each person once per type). */
export async function ensemblesByType(
  db: Knex,
  f: EvaluationScope,
): Promise<Array<{ type: string; ensembles: number; formed: number; members: number }>> {
  const narrowed = (q: Knex.QueryBuilder) => {
    if (f.establishmentIds) q.whereIn('g.establishment_id', f.establishmentIds);
    if (f.initiativeId !== null) q.where('g.initiative_id', f.initiativeId);
    return q;
  };
  const groups = (await narrowed(db('ensembles as g'))
    .where((w) => w.whereNull('g.formed_on').orWhere('g.formed_on', '<=', f.to))
    .where((w) =>
      w.where('g.active', true).orWhereExists(overlapping(db('enrolments as n').whereRaw('n.ensemble_id = g.id'), f).select(db.raw('1'))),
    )
    .groupBy('g.type')
    .select(
      'g.type',
      db.raw('COUNT(*) AS c'),
      db.raw('SUM(CASE WHEN g.formed_on BETWEEN ? AND ? THEN 1 ELSE 0 END) AS formed', [f.from, f.to]),
    )) as Row[];
  // The ensembles first, then their enrolments (reach index, migration 0026): the planner would scan every enrolment otherwise.
  const memberQuery = overlapping(
    narrowed(db.from(db.raw('ensembles AS g CROSS JOIN enrolments AS n')).whereRaw('n.ensemble_id = g.id')),
    f,
  );
  if (f.sex) memberQuery.join('participants as p', 'p.id', 'n.participant_id').where('p.sex', f.sex);
  const members = new Map(
    ((await memberQuery.groupBy('g.type').select('g.type', db.raw('COUNT(DISTINCT n.participant_id) AS people'))) as Row[]).map((r) => [
      String(r.type),
      n(r.people),
    ]),
  );
  return groups.map((r) => ({ type: String(r.type), ensembles: n(r.c), formed: n(r.formed), members: members.get(String(r.type)) ?? 0 }));
}

export type AudienceCounts = { month: string; events: number } & Record<(typeof audienceGroups)[number], number>;

/** Events of the period by month, with their audiences by group (an event outside an establishment is left out when establishments are filtered). */
export async function eventsByMonth(db: Knex, f: EvaluationScope): Promise<AudienceCounts[]> {
  const month = monthOf('e.date');
  const q = db('events as e').whereBetween('e.date', [f.from, f.to]);
  if (f.establishmentIds) q.whereIn('e.establishment_id', f.establishmentIds);
  if (f.initiativeId !== null) q.where('e.initiative_id', f.initiativeId);
  const rows = (await q
    .groupByRaw(month)
    .orderByRaw(month)
    .select(
      db.raw(`${month} AS month`),
      db.raw('COUNT(*) AS events'),
      ...audienceGroups.map((g) => db.raw(`SUM(e.audience_${g}) AS ${g}`)),
    )) as Row[];
  return rows.map((r) => ({
    month: String(r.month),
    events: n(r.events),
    ...(Object.fromEntries(audienceGroups.map((g) => [g, n(r[g])])) as Record<(typeof audienceGroups)[number], number>),
  }));
}

export interface ReleaseFollowUpCounts {
  /** The year (YYYY) or month (YYYY-MM) of the release. */
  period: string;
  released: number;
  /** Said yes to continuing their artistic practice. */
  continuing: number;
  referred: number;
  /** Releases whose 12 (24) months had elapsed by `asOf`, and those among them followed by a re-entry within them. */
  due12: number;
  reentered12: number;
  due24: number;
  reentered24: number;
}

/**
 * Follow-up after release (issue 17, item 3): the releases (`egreso`) of the period, per year or
 * month of release, from the establishments of the filter (where the person was released from)
 * and of the sex filtered; the initiative and the discipline do not narrow them (a release is not
 * of a workshop). A re-entry is a `reincorporacion` of the same participant (the code is unique)
 * after that release, within 12 or 24 months of it; each release counts once however many
 * re-entries follow it. Only releases whose 12 (24) months have elapsed by `asOf` (today) are
 * counted for that window, so a recent release never reads as "did not come back".
 */
export async function releaseFollowUp(db: Knex, f: EvaluationScope, by: 'year' | 'month', asOf: string): Promise<ReleaseFollowUpCounts[]> {
  const period = `substr(e.date, 1, ${by === 'year' ? 4 : 7})`;
  const q = db('participant_movements as e').where('e.kind', 'egreso').whereBetween('e.date', [f.from, f.to]);
  if (f.establishmentIds) q.whereIn('e.from_establishment_id', f.establishmentIds);
  if (f.sex) q.join('participants as p', 'p.id', 'e.participant_id').where('p.sex', f.sex);
  const windows = ([12, 24] as const).flatMap((k) => {
    const end = addMonthsSql(db, 'e.date', k);
    const reentered = `EXISTS (SELECT 1 FROM participant_movements r WHERE r.participant_id = e.participant_id AND r.kind = 'reincorporacion' AND r.id > e.id AND r.date <= ${end})`;
    return [
      db.raw(`SUM(CASE WHEN ${end} <= ? THEN 1 ELSE 0 END) AS due${k}`, [asOf]),
      db.raw(`SUM(CASE WHEN ${end} <= ? AND ${reentered} THEN 1 ELSE 0 END) AS reentered${k}`, [asOf]),
    ];
  });
  const rows = (await q
    .groupByRaw(period)
    .orderByRaw(period)
    .select(
      db.raw(`${period} AS period`),
      db.raw('COUNT(*) AS released'),
      db.raw('SUM(CASE WHEN e.continues_practice = ? THEN 1 ELSE 0 END) AS continuing', [true]),
      db.raw('SUM(CASE WHEN e.referral_partner_id IS NOT NULL THEN 1 ELSE 0 END) AS referred'),
      ...windows,
    )) as Row[];
  return rows.map((r) => ({
    period: String(r.period),
    released: n(r.released),
    continuing: n(r.continuing),
    referred: n(r.referred),
    due12: n(r.due12),
    reentered12: n(r.reentered12),
    due24: n(r.due24),
    reentered24: n(r.reentered24),
  }));
}
