import { performance } from 'node:perf_hooks';
import { EXPIRY_WARNING_DAYS, limaToday } from '../../shared/contracts/rules';
import { addDays } from '../../shared/format';
import { countRows, okDispatch, percentile, perEstablishment, quantiles, RUNS, time, WARMUP } from './measure';
import type { Scenario } from './scenarios';

/**
 * The contracts area over the national dataset (3,000 teachers, 12,000 contracts, 100,000
 * conformities): the contracts list as the officer filters it, against the same work in plain
 * SQL on the same file, and one fiscal year's budget summary.
 */

/** Times `a` and `b` in alternation (a, b, then b, a, …) after a warm-up of both; answers both timings sorted. */
async function sideBySide(
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
  runs = RUNS,
  warmup = WARMUP,
): Promise<[number[], number[]]> {
  for (let i = 0; i < warmup; i++) {
    await a(i);
    await b(i);
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    const pairs: Array<[(i: number) => Promise<unknown>, number[]]> = [
      [a, ta],
      [b, tb],
    ];
    for (const [fn, out] of i % 2 === 0 ? pairs : pairs.reverse()) {
      const t0 = performance.now();
      await fn(warmup + i);
      out.push(performance.now() - t0);
    }
  }
  return [ta.sort((x, y) => x - y), tb.sort((x, y) => x - y)];
}

export const contractScenarios: Scenario = async ({ db, dispatch }) => {
  const ok = okDispatch(dispatch);
  const contracts = await countRows(db, 'contracts');
  const teachers = await countRows(db, 'teachers');
  const conformities = await countRows(db, 'service_conformities');
  const lines: Array<Record<string, unknown>> = [];
  const today = limaToday(new Date().toISOString());
  const soon = addDays(today, EXPIRY_WARNING_DAYS);

  // contracts.list: one establishment's contracts in force (vigente), sorted by end date,
  // first page of 25 with the total count — rotating over establishments (some fifty each: the
  // national contracts are laid out back from today, so the page is full on any date).
  {
    const ests = (await db('establishments').where({ active: true }).pluck('id')) as number[];
    const query = perEstablishment(ests, { status: 'vigente', sort: 'endDate', direction: 'asc', page: 1, pageSize: 25 });
    // The pipeline and the plain SQL in alternation (the ratio is then read under the same load).
    const [piped, raw] = await sideBySide(
      (i) => ok('contracts.list', query(i)),
      async (i) => {
        const e = query(i).establishmentId;
        await db.raw(
          `SELECT count(*) AS n FROM contracts c
          WHERE c.status = 'vigente' AND c.end_date > ?
            AND c.id IN (SELECT ce.contract_id FROM contract_establishments ce WHERE ce.establishment_id = ?)`,
          [soon, e],
        );
        const rows = (await db.raw(
          `SELECT c.*, t.first_names, t.last_names, t.dni AS teacher_dni, p.number AS previous_number, r.id AS renewed_by_id, r.number AS renewed_by_number
           FROM contracts c
           JOIN teachers t ON t.id = c.teacher_id
           LEFT JOIN contracts p ON p.id = c.previous_contract_id
           LEFT JOIN contracts r ON r.previous_contract_id = c.id
          WHERE c.status = 'vigente' AND c.end_date > ?
            AND c.id IN (SELECT ce.contract_id FROM contract_establishments ce WHERE ce.establishment_id = ?)
          ORDER BY c.end_date ASC, c.id ASC LIMIT 25 OFFSET 0`,
          [soon, e],
        )) as Array<{ id: number }>;
        if (rows.length) {
          const ids = rows.map((r) => r.id);
          const marks = ids.map(() => '?').join(',');
          await db.raw(
            `SELECT ce.contract_id, ce.establishment_id, ce.workshops, e.name FROM contract_establishments ce
             JOIN establishments e ON e.id = ce.establishment_id
            WHERE ce.contract_id IN (${marks}) ORDER BY e.name_key`,
            ids,
          );
          // The workshops each contract covers (linked records, issue 15), as the list shows them.
          const links = (await db.raw(
            `SELECT contract_id, workshop_id FROM contract_workshops WHERE contract_id IN (${marks}) ORDER BY contract_id, workshop_id`,
            ids,
          )) as Array<{ workshop_id: number }>;
          const workshopIds = [...new Set(links.map((l) => l.workshop_id))];
          if (workshopIds.length) {
            await db.raw(
              `SELECT id, name, establishment_id, active FROM workshops WHERE id IN (${workshopIds.map(() => '?').join(',')})`,
              workshopIds,
            );
          }
        }
      },
    );
    const p50 = percentile(piped, 50);
    const rawP50 = percentile(raw, 50);
    lines.push({
      scenario: 'contracts.list',
      n: contracts,
      teachers,
      p50_ms: p50,
      p95_ms: percentile(piped, 95),
      raw_p50_ms: rawP50,
      ratio: Number((p50 / rawP50).toFixed(2)),
      goal: 'p95 <= 25 ms and <= 2x raw',
    });
  }

  // budget.summary: one fiscal year, every line, committed and executed summed from the records.
  {
    const years = (await db('budget_years').orderBy('year').pluck('year')) as number[];
    const piped = await time((i) => ok('budget.summary', { year: years[i % years.length]! }));
    lines.push({
      scenario: 'budget.summary',
      n: conformities,
      contracts,
      ...quantiles(piped),
      goal: 'p95 <= 50 ms',
    });
  }
  return lines;
};
