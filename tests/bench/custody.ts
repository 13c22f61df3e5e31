import { limaToday } from '../../shared/contracts/rules';
import { countRows, okDispatch, perEstablishment, quantiles, time } from './measure';
import type { Scenario } from './scenarios';

/**
 * Linked custody (issue 15) over the national dataset (30,000 instruments, some 20,000
 * hand-overs to the establishments' staff, four in ten of the last two years with an expected
 * return): the overdue list as the inventory clerk opens it, nationally and for one
 * establishment, and what one person holds and held (their page).
 */

const OVERDUE_GOAL_MS = 25;
const HOLDINGS_GOAL_MS = 10;
/** The staff members with the most hand-overs whose page is opened in turn. */
const BUSIEST = 10;

interface OverdueAnswer {
  total: number;
  rows: unknown[];
}
interface HoldingsAnswer {
  current: unknown[];
  past: unknown[];
}

export const custodyScenarios: Scenario = async ({ db, dispatch }) => {
  const ok = okDispatch(dispatch);
  const lines: Array<Record<string, unknown>> = [];
  const instruments = await countRows(db, 'instruments');
  const handovers = Number(((await db('instrument_movements').where({ kind: 'entrega' }).count({ n: '*' })) as Array<{ n: number }>)[0]!.n);
  const heldNow = Number(((await db('instruments').whereNotNull('custodian_type').count({ n: '*' })) as Array<{ n: number }>)[0]!.n);

  // custody.overdue: the list's first page in its default order (the longest overdue first), for
  // the whole country and for one establishment (rotating over those with something overdue).
  {
    const national = (await ok('custody.overdue', {})) as OverdueAnswer;
    const ests = (await db('instruments')
      .whereNotNull('custodian_type')
      .whereNotNull('custody_due')
      .where('custody_due', '<', limaToday(new Date().toISOString()))
      .distinct('establishment_id')
      .pluck('establishment_id')) as number[];
    const byEstablishment = perEstablishment(ests, {});
    const all = await time(() => ok('custody.overdue', {}));
    const one = await time((i) => ok('custody.overdue', byEstablishment(i)));
    const q = quantiles(all);
    const qe = quantiles(one);
    lines.push({
      scenario: 'custody.overdue',
      instruments,
      handovers,
      held_now: heldNow,
      overdue_now: national.total,
      page_rows: national.rows.length,
      ...q,
      establishment_p50_ms: qe.p50_ms,
      establishment_p95_ms: qe.p95_ms,
      establishments: ests.length,
      goal_ms: OVERDUE_GOAL_MS,
      met: q.p95_ms <= OVERDUE_GOAL_MS && qe.p95_ms <= OVERDUE_GOAL_MS,
    });
  }

  // custody.holdings: a person's page — what they hold now and what they held before — for the
  // staff members with the most hand-overs who also hold something now.
  {
    const busiest = (await db('instrument_movements as m')
      .where({ 'm.kind': 'entrega', 'm.custodian_type': 'personal' })
      .whereExists((q) =>
        q.select(db.raw('1')).from('instruments as i').where('i.custodian_type', 'personal').whereRaw('i.custodian_id = m.custodian_id'),
      )
      .groupBy('m.custodian_id')
      .orderByRaw('count(*) desc')
      .limit(BUSIEST)
      .select('m.custodian_id as id', db.raw('count(*) as n'))) as Array<{ id: number; n: number }>;
    const answers: HoldingsAnswer[] = [];
    for (const b of busiest)
      answers.push((await ok('custody.holdings', { custodianType: 'personal', custodianId: b.id })) as HoldingsAnswer);
    const piped = await time((i) => ok('custody.holdings', { custodianType: 'personal', custodianId: busiest[i % busiest.length]!.id }));
    const q = quantiles(piped);
    lines.push({
      scenario: 'person.holdings',
      channel: 'custody.holdings',
      people: busiest.length,
      handovers_each: [Math.min(...busiest.map((b) => Number(b.n))), Math.max(...busiest.map((b) => Number(b.n)))],
      current_each: [Math.min(...answers.map((a) => a.current.length)), Math.max(...answers.map((a) => a.current.length))],
      past_each: [Math.min(...answers.map((a) => a.past.length)), Math.max(...answers.map((a) => a.past.length))],
      ...q,
      goal_ms: HOLDINGS_GOAL_MS,
      met: q.p95_ms <= HOLDINGS_GOAL_MS,
    });
  }
  return lines;
};
