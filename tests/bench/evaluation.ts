import { countRows, okDispatch, quantiles, time as timeRuns } from './measure';
import type { Scenario } from './scenarios';

/**
 * The evaluation page's bench scenario over the national dataset (100,000 participants,
 * 1,000,000 attendance marks): every chart of the page for one year, national, in one call.
 */

const WARMUP = 5;
const RUNS = 40;

export const evaluationScenarios: Scenario = async ({ db, dispatch }) => {
  const ok = okDispatch(dispatch);
  const participants = await countRows(db, 'participants');
  const marks = await countRows(db, 'attendance');
  const [latest] = (await db('workshop_sessions').max({ d: 'date' })) as Array<{ d: string | null }>;
  const year = (latest?.d ?? '2026-12-31').slice(0, 4);
  const input = { from: `${year}-01-01`, to: `${year}-12-31` };
  const piped = await timeRuns(() => ok('evaluation.summary', input), RUNS, WARMUP);
  return [
    {
      scenario: 'evaluation.summary',
      n: participants,
      marks,
      year: Number(year),
      ...quantiles(piped),
      goal: 'p95 <= 150 ms',
    },
  ];
};
