import type { Knex } from 'knex';
import {
  personKeys,
  type EnsembleRow,
  type EvaluationFilters,
  type EvaluationScope,
  type EvaluationSummary,
  type EventRow,
  type InstrumentRow,
  type WorkshopAttendanceRow,
} from '../../../shared/evaluation/schemas';
import { isSmallCell, safeRate, suppressRow } from '../../../shared/evaluation/suppression';
import { conditions } from '../../../shared/inventory/rules';
import { audienceGroups, ensembleTypes, stages } from '../../../shared/programmes/rules';
import { budgetExecution } from '../contracts/repository/for-evaluation';
import { later, together } from '../db/dialect';
import { evaluationEstablishments, populationsOn, type EvaluationEstablishment } from '../establishments/repository/for-evaluation';
import { instrumentConditions } from '../inventory/repository/for-evaluation';
import { certificatesIssuedByMonth } from '../privacy/repository/for-evaluation';
import {
  attendanceByMonth,
  completionsByMonth,
  enrolmentsByStage,
  ensemblesByType,
  eventsByMonth,
  participantsReached,
  retentionCohorts,
  type CohortCounts,
  topWorkshopsAttendance,
  workshopDisciplines,
} from '../programmes/repository/for-evaluation';
import { compareSpanish } from '../../../shared/format';

/**
 * The evaluation page's figures (issue 17, item 2), composed from what each owner offers
 * (<owner>/repository/for-evaluation.ts: grouped in the database) with the small cells of persons hidden
 * by the one rule of shared/evaluation/suppression.ts. This domain names no table.
 */

/** How many workshops the attendance-per-workshop chart compares (those with most sessions). */
export const TOP_WORKSHOPS = 8;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The filters as each owner reads them, and the establishments they cover. */
export async function resolveScope(
  db: Knex,
  f: EvaluationFilters,
  userScope: number[] | null,
): Promise<{ scope: EvaluationScope; establishments: EvaluationEstablishment[]; narrowed: boolean }> {
  const establishmentId = f.establishmentId ?? null;
  const regionalOfficeId = f.regionalOfficeId ?? null;
  const establishments = await evaluationEstablishments(db, { establishmentId, regionalOfficeId, scope: userScope });
  const byPlace = establishmentId !== null || regionalOfficeId !== null || userScope !== null;
  const scope: EvaluationScope = {
    from: f.from,
    to: f.to,
    establishmentIds: byPlace ? establishments.map((e) => e.id) : null,
    initiativeId: f.initiativeId ?? null,
    discipline: f.discipline ?? null,
    sex: f.sex ?? null,
  };
  const narrowed = byPlace || scope.initiativeId !== null || scope.discipline !== null || scope.sex !== null;
  return { scope, establishments, narrowed };
}

/** Reach per establishment served, national, and the access gap (active establishments without a participant). */
async function reachAndGap(db: Knex, s: EvaluationScope, ests: EvaluationEstablishment[]) {
  const [reached, population] = await together(db, [later(() => participantsReached(db, s)), later(() => populationsOn(db, s.to, s.sex))]);
  const served = ests.filter((e) => (reached.byEstablishment.get(e.id) ?? 0) > 0);
  const rows = served.map((e) => {
    const people = reached.byEstablishment.get(e.id)!;
    const pop = population.get(e.id) ?? null;
    return suppressRow(
      {
        establishmentId: e.id,
        name: e.name,
        regionalOfficeName: e.regionalOfficeName,
        participants: people,
        population: pop,
        ratio: pop === null ? null : safeRate(people, pop, { part: true }),
      },
      personKeys.reach,
    );
  });
  const active = ests.filter((e) => e.active);
  const counted = active.filter((e) => population.has(e.id));
  const nationalPopulation = counted.length ? counted.reduce((a, e) => a + population.get(e.id)!, 0) : null;
  const unserved = active.filter((e) => (reached.byEstablishment.get(e.id) ?? 0) === 0);
  return {
    reach: {
      rows,
      national: suppressRow(
        {
          participants: reached.total,
          population: nationalPopulation,
          ratio: nationalPopulation === null ? null : safeRate(reached.total, nationalPopulation, { part: true }),
        },
        personKeys.reach,
      ),
    },
    gap: {
      served: active.length - unserved.length,
      establishments: active.length,
      unservedPopulation: unserved.reduce((a, e) => a + (population.get(e.id) ?? 0), 0),
      rows: unserved.map((e) => ({
        establishmentId: e.id,
        name: e.name,
        regionalOfficeName: e.regionalOfficeName,
        population: population.get(e.id) ?? null,
      })),
    },
  };
}

async function retention(db: Knex, s: EvaluationScope): Promise<EvaluationSummary['retention']> {
  return (await retentionCohorts(db, s)).map((c) => {
    const kept = (k: keyof CohortCounts['after']) => (c.after[k].due > 0 ? c.after[k].kept : null);
    const rate = (k: keyof CohortCounts['after']) =>
      c.after[k].due > 0 ? safeRate(c.after[k].kept, c.after[k].due, { part: true, whole: true }) : null;
    const row = suppressRow(
      { cohort: c.cohort, started: c.started, after1: kept(1), after3: kept(3), after6: kept(6) },
      personKeys.retention,
    );
    return {
      ...row,
      rate1: isSmallCell(c.started) ? null : rate(1),
      rate3: isSmallCell(c.started) ? null : rate(3),
      rate6: isSmallCell(c.started) ? null : rate(6),
    };
  });
}

async function attendance(db: Knex, s: EvaluationScope) {
  const months = await attendanceByMonth(db, s);
  return {
    attendance: months.map((m) => {
      const small = isSmallCell(m.people);
      return {
        ...suppressRow({ month: m.month, sessions: m.sessions, people: m.people }, personKeys.attendance),
        marks: small ? null : m.marks,
        present: small ? null : m.present,
        rate: small ? null : safeRate(m.present, m.marks),
      };
    }),
    hours: months.map((m) => {
      const small = isSmallCell(m.presentPeople);
      const hours = m.minutes / 60;
      return {
        ...suppressRow({ month: m.month, people: m.presentPeople }, personKeys.hours),
        hours: small ? null : round1(hours),
        perParticipant: small || m.presentPeople === 0 ? null : round1(hours / m.presentPeople),
      };
    }),
  };
}

async function workshops(db: Knex, s: EvaluationScope, names: Map<number, string>): Promise<WorkshopAttendanceRow[]> {
  return (await topWorkshopsAttendance(db, s, TOP_WORKSHOPS)).map((w) => ({
    ...suppressRow(
      {
        workshopId: w.workshopId,
        name: w.name,
        establishmentName: names.get(w.establishmentId) ?? '',
        sessions: w.sessions,
        people: w.people,
      },
      personKeys.attendance,
    ),
    rate: isSmallCell(w.people) ? null : safeRate(w.present, w.marks),
    months: w.months.map((m) => ({
      month: m.month,
      rate: isSmallCell(m.people) ? null : safeRate(m.present, m.marks),
      suppressed: isSmallCell(m.people),
    })),
  }));
}

async function completions(db: Knex, s: EvaluationScope, narrowed: boolean): Promise<EvaluationSummary['completions']> {
  const [done, issued] = await together(db, [
    later(() => completionsByMonth(db, s)),
    later(() => certificatesIssuedByMonth(db, s.from, s.to)),
  ]);
  const months = [...new Set([...done.keys(), ...(narrowed ? [] : issued.keys())])].sort();
  return months.map((month) => ({
    ...suppressRow({ month, completions: done.get(month) ?? 0 }, personKeys.completions),
    certificates: narrowed ? null : (issued.get(month) ?? 0),
  }));
}

async function ensembles(db: Knex, s: EvaluationScope): Promise<EnsembleRow[]> {
  const rows = await ensemblesByType(db, s);
  const order = (t: string) => (ensembleTypes as readonly string[]).indexOf(t);
  return rows.sort((a, b) => order(a.type) - order(b.type)).map((r) => suppressRow(r, personKeys.ensembles));
}

async function events(db: Knex, s: EvaluationScope): Promise<EventRow[]> {
  return (await eventsByMonth(db, s)).map((m) => {
    const total = audienceGroups.reduce((a, g) => a + m[g], 0);
    return suppressRow({ ...m, total }, personKeys.events);
  });
}

async function instruments(db: Knex, s: EvaluationScope, names: Map<number, string>): Promise<InstrumentRow[]> {
  const byEst = new Map<number, InstrumentRow>();
  for (const r of await instrumentConditions(db, s.establishmentIds)) {
    const row =
      byEst.get(r.establishmentId) ??
      ({
        establishmentId: r.establishmentId,
        name: names.get(r.establishmentId) ?? '',
        nuevo: 0,
        bueno: 0,
        regular: 0,
        malo: 0,
        inoperativo: 0,
        total: 0,
      } satisfies InstrumentRow);
    const next = { ...row, total: row.total + r.count };
    if ((conditions as readonly string[]).includes(r.condition)) next[r.condition as (typeof conditions)[number]] += r.count;
    byEst.set(r.establishmentId, next);
  }
  return [...byEst.values()].sort((a, b) => compareSpanish(a.name, b.name));
}

/**
 * Every chart of the page for these filters, as the user may see them (`userScope`: the user's
 * establishments, null for all). Given report connections (ctx.reports), the figures are read
 * side by side; inside a transaction, one after another (db/dialect.ts together).
 */
export async function evaluationSummary(db: Knex, f: EvaluationFilters, userScope: number[] | null): Promise<EvaluationSummary> {
  const { scope: s, establishments, narrowed } = await resolveScope(db, f, userScope);
  const names = new Map(establishments.map((e) => [e.id, e.name]));
  // The slowest first (retention's cohorts), so the others fill the second connection meanwhile.
  const [retained, reached, byStage, attended, budget, workshopRows, done, ensembleRows, eventRows, instrumentRows, disciplines] =
    await together(db, [
      later(() => retention(db, s)),
      later(() => reachAndGap(db, s, establishments)),
      later(() => enrolmentsByStage(db, s)),
      later(() => attendance(db, s)),
      later(() => budgetExecution(db, s)),
      later(() => workshops(db, s, names)),
      later(() => completions(db, s, narrowed)),
      later(() => ensembles(db, s)),
      later(() => events(db, s)),
      later(() => instruments(db, s, names)),
      later(() => workshopDisciplines(db, userScope)),
    ]);
  return {
    from: f.from,
    to: f.to,
    reach: reached.reach,
    gap: reached.gap,
    stages: stages.map((stage) => suppressRow({ stage, enrolments: byStage.get(stage) ?? 0 }, personKeys.stages)),
    retention: retained,
    attendance: attended.attendance,
    attendanceWorkshops: workshopRows,
    hours: attended.hours,
    completions: done,
    ensembles: ensembleRows,
    events: eventRows,
    instruments: instrumentRows,
    budget: budget.months,
    budgetLines: budget.lines,
    disciplines,
  };
}
