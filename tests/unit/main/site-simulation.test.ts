import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWorld, closeWorld, deliverEverything, resolveEveryConflict, runOp, SITES, type Op, type World } from '../../helpers/site-sim';
import { brokenRules } from '../../helpers/site-sim-checks';

/**
 * Issue 20: one centre and three prison sites making random operations through the channels for
 * many rounds while the packages between them are lost, duplicated, delayed and read out of order
 * (fast-check). Once every package is delivered (what still waits in a postbox, then two rounds
 * each way so that acknowledgements settle), the centre and each site agree on every shared row,
 * no row or ledger entry is lost or doubled, no instrument is in two places, each conflict is
 * listed once and each refusal was reported back (tests/helpers/site-sim-checks.ts `brokenRules`). Run on
 * SQLite and, in the PostgreSQL tier, with the centre on the test server; the sites are always new
 * SQLite files, enrolled and installed through the channels.
 *
 * A failure prints fast-check's seed and path and the operations run. To run it again:
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run --project 'sqlite*' tests/unit/main/site-simulation.test.ts
 * The schedules that found bugs before run first every time (`found`). Random
 * runs: 3 by default, more with FC_RUNS=50. Shrinking (slow: every try builds a new world) is off unless FC_SHRINK=1.
 */

const runs = Number(process.env.FC_RUNS ?? 3);
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const fcPath = process.env.FC_PATH || undefined;
const shrink = process.env.FC_SHRINK === '1';

const site = fc.nat({ max: SITES - 1 });
const index = fc.nat({ max: 20 });
/** Someone among the first few participants: both ends often correct the same one, which makes conflicts. */
const who = fc.nat({ max: 3 });

/** A clerk's operation at a site or at the centre, or a package written, read, read twice or lost. */
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('siteRegister' as const), site }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('siteCorrect' as const), site, who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('siteEnrol' as const), site, who: index }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('siteSession' as const),
      site,
      present: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('siteHandOut' as const), site, what: index, who: index }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('siteReturn' as const), site, what: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('siteCondition' as const),
      site,
      what: index,
      condition: fc.constantFrom('bueno' as const, 'regular' as const, 'malo' as const),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('centreCorrect' as const), site, who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('centreWriteOff' as const), site, what: index }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('centreDescribe' as const), site, what: index }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('siteSend' as const), site }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('centreSend' as const), site }) },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('deliver' as const),
      dir: fc.constantFrom('up' as const, 'down' as const),
      site,
      pick: index,
      fate: fc.constantFrom('read' as const, 'read' as const, 'duplicate' as const, 'lose' as const),
    }),
  },
);

/**
 * Schedules that found bugs, run first every time (fixed in sites/apply.ts; docs/SITES.md «The
 * simulation»): a conflict carried in two packages before the centre answered was listed twice; an
 * instrument described at the centre and handed out at the site kept the centre's «free» record
 * over the hand-out in its ledger; a hand-out refused at the centre (written off there) after the
 * site had read the write-off left the site's record «held» for good.
 */
const found: Array<[Op[], Array<'centro' | 'sede'>]> = [
  [
    [
      { op: 'centreCorrect', site: 0, who: 0 },
      { op: 'siteCorrect', site: 0, who: 0 },
      { op: 'siteSend', site: 0 },
      { op: 'siteSend', site: 0 },
      { op: 'deliver', dir: 'up', site: 0, pick: 0, fate: 'read' },
      { op: 'deliver', dir: 'up', site: 0, pick: 0, fate: 'read' },
    ],
    ['sede'],
  ],
  [
    [
      { op: 'centreDescribe', site: 2, what: 2 },
      { op: 'siteHandOut', site: 2, what: 2, who: 1 },
    ],
    ['centro'],
  ],
  [
    [
      { op: 'centreWriteOff', site: 0, what: 0 },
      { op: 'siteHandOut', site: 0, what: 0, who: 0 },
      { op: 'centreSend', site: 0 },
      { op: 'deliver', dir: 'down', site: 0, pick: 0, fate: 'read' },
    ],
    ['centro'],
  ],
];

/**
 * FC_PATH as fast-check printed it counts the `found` schedules first; replayed without them (a
 * path replays one run), its first step is shifted back. A failure of a `found` schedule is rerun
 * without FC_PATH (they run first).
 */
const replayPath = (() => {
  if (!fcPath) return undefined;
  const [first, ...rest] = fcPath.split(':');
  const n = Number(first) - found.length;
  if (!(n >= 0)) throw new Error('FC_PATH names one of the schedules in `found`: run again without FC_PATH');
  return [String(n), ...rest].join(':');
})();

/** What the runs went through, printed at the end (a run of only quiet schedules proves little). */
const seen = { runs: 0, conflicts: 0, refusals: 0 };

describe('one centre and three sites under lost, duplicated, delayed and reordered packages', () => {
  it(
    'agree on every shared record once every package is delivered',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(op, { minLength: 10, maxLength: 25 }),
          fc.array(fc.constantFrom('centro' as const, 'sede' as const), { minLength: 1, maxLength: 4 }),
          async (ops, choices) => {
            let world: World | undefined;
            try {
              world = await buildWorld();
              for (const o of ops) await runOp(world, o);
              await deliverEverything(world);
              // Agreed but for the rows in an open conflict (the centre keeps its version, the site its own).
              expect(await brokenRules(world), `operations:\n${world.log.join('\n')}`).toEqual([]);
              // Every conflict resolved at the centre and the decisions carried: then they agree on every row.
              seen.conflicts += await resolveEveryConflict(world, choices);
              seen.refusals += Number(((await world.centre.db('site_refusals').count({ n: '*' }).first()) as { n: unknown }).n);
              seen.runs++;
              await deliverEverything(world);
              const open = (await world.centre.db('site_conflicts').whereNull('resolved_at').count({ n: '*' }).first()) as { n: unknown };
              expect(Number(open.n)).toBe(0);
              expect(await brokenRules(world), `operations:\n${world.log.join('\n')}`).toEqual([]);
            } finally {
              await closeWorld(world);
            }
          },
        ),
        // The schedules found before (fast-check counts them among the runs) and `runs` random ones.
        {
          numRuns: fcPath ? runs : runs + found.length,
          seed,
          path: replayPath,
          endOnFailure: !shrink,
          verbose: 1,
          examples: fcPath ? [] : found,
        },
      );
      console.info(`site simulation: ${seen.runs} runs, ${seen.conflicts} conflicts resolved, ${seen.refusals} refusals at the centre`);
    },
    (runs + found.length + 1) * 60_000,
  );
});
