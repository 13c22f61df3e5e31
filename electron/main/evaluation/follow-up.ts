import type { Knex } from 'knex';
import { followUpPersonKeys, type EvaluationFilters, type EvaluationFollowUp, type FollowUpRow } from '../../../shared/evaluation/schemas';
import { safeRate, suppressRow } from '../../../shared/evaluation/suppression';
import { releaseFollowUp, type ReleaseFollowUpCounts } from '../programmes/repository/for-evaluation';
import { resolveScope } from './summary';

/**
 * Follow-up after release (issue 17, item 3): counts and rates per year and month of release,
 * never a person. Re-entries are counted to `asOf` (today), not to the period's end: a year's
 * releases are followed for the 12 and 24 months after it. Every count is of persons and hidden
 * from 1 to 4 (shared/evaluation/suppression.ts), and so is any rate built on a hidden count.
 */
function shown(c: Omit<ReleaseFollowUpCounts, 'period'>): Omit<FollowUpRow, 'period'> {
  const persons = { part: true, whole: true };
  return suppressRow(
    {
      ...c,
      continuingRate: safeRate(c.continuing, c.released, persons),
      referredRate: safeRate(c.referred, c.released, persons),
      reentry12Rate: safeRate(c.reentered12, c.due12, persons),
      reentry24Rate: safeRate(c.reentered24, c.due24, persons),
    },
    followUpPersonKeys,
  );
}

export async function evaluationFollowUp(
  db: Knex,
  f: EvaluationFilters,
  userScope: number[] | null,
  asOf: string,
): Promise<EvaluationFollowUp> {
  const { scope } = await resolveScope(db, f, userScope);
  const years = await releaseFollowUp(db, scope, 'year', asOf);
  const months = await releaseFollowUp(db, scope, 'month', asOf);
  // The years' releases are disjoint: the period's total is their sum, hidden by the same rule.
  const total = Object.fromEntries(followUpPersonKeys.map((k) => [k, years.reduce((s, y) => s + y[k], 0)])) as Omit<
    ReleaseFollowUpCounts,
    'period'
  >;
  return {
    from: f.from,
    to: f.to,
    asOf,
    years: years.map((y) => ({ period: y.period, ...shown(y) })),
    months: months.map((m) => ({ period: m.period, ...shown(m) })),
    total: shown(total),
  };
}
