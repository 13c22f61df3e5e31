import type { Knex } from 'knex';
import { budgetLines } from '../../../shared/contracts/rules';
import type { DashboardAttendance, DashboardBudget, DashboardCharts, DashboardInstruments } from '../../../shared/dashboard/schemas';
import type { EvaluationScope } from '../../../shared/evaluation/schemas';
import { isSmallCell, safeRate, suppressRow } from '../../../shared/evaluation/suppression';
import { conditions } from '../../../shared/inventory/rules';
import { budgetExecution } from '../contracts/repository/for-evaluation';
import { instrumentConditions } from '../inventory/repository/for-evaluation';
import { attendanceByMonth } from '../programmes/repository/for-evaluation';

/**
 * What the evaluation offers the home page (issue 17, item 4): three small charts, each a
 * glance at one chart of the evaluation page with the same figures and the same small-cell
 * rule, cheap enough for the first page after sign-in (three grouped queries at most).
 */

/** Which charts the user may see: by the modules the role reads; `scope` the user's establishments (null: all). */
export interface DashboardChartsAccess {
  instruments: boolean;
  attendance: boolean;
  budget: boolean;
  scope: number[] | null;
}

/** The month before a 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The last day of a 'YYYY-MM'. */
const lastDayOf = (month: string): string =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

async function instruments(db: Knex, scope: number[] | null): Promise<DashboardInstruments> {
  const out = { nuevo: 0, bueno: 0, regular: 0, malo: 0, inoperativo: 0, total: 0 };
  for (const r of await instrumentConditions(db, scope)) {
    out.total += r.count;
    if ((conditions as readonly string[]).includes(r.condition)) out[r.condition as (typeof conditions)[number]] += r.count;
  }
  return out;
}

async function attendance(db: Knex, scope: number[] | null, today: string): Promise<DashboardAttendance> {
  const month = today.slice(0, 7);
  const last = previousMonth(month);
  // Whole months (the month so far has no marks after today): the owner reads them from its monthly roll-ups.
  const s: EvaluationScope = {
    from: `${last}-01`,
    to: lastDayOf(month),
    establishmentIds: scope,
    initiativeId: null,
    discipline: null,
    sex: null,
  };
  const rows = new Map((await attendanceByMonth(db, s)).map((m) => [m.month, m]));
  return [last, month].map((m) => {
    const r = rows.get(m) ?? { sessions: 0, people: 0, marks: 0, present: 0 };
    return {
      ...suppressRow({ month: m, sessions: r.sessions, people: r.people }, ['people']),
      rate: isSmallCell(r.people) ? null : safeRate(r.present, r.marks),
    };
  });
}

async function budget(db: Knex, today: string): Promise<DashboardBudget> {
  const year = Number(today.slice(0, 4));
  // The evaluation page's default period: the whole year.
  const { months, lines } = await budgetExecution(db, { from: `${year}-01-01`, to: `${year}-12-31`, initiativeId: null });
  return {
    year,
    lines: budgetLines.map((line) => ({
      line,
      planned: lines.find((l) => l.year === year && l.line === line)?.pen ?? null,
      executed: months.filter((m) => m.line === line).reduce((a, m) => a + m.pen, 0),
    })),
  };
}

/** The home page's small charts as this user may see them (`today`: 'YYYY-MM-DD'). */
export async function dashboardCharts(db: Knex, access: DashboardChartsAccess, today: string): Promise<DashboardCharts> {
  return {
    instruments: access.instruments ? await instruments(db, access.scope) : null,
    attendance: access.attendance ? await attendance(db, access.scope, today) : null,
    // The budget is national (not split by establishment): a user of some establishments only does not get it.
    budget: access.budget && access.scope === null ? await budget(db, today) : null,
  };
}
