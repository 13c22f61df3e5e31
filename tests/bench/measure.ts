import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import type { Dispatch } from '../../electron/main/ipc/dispatcher';

/** What every bench scenario measures with: timed runs after a warm-up, their percentiles, a dispatch that must succeed. */

export const WARMUP = 50;
export const RUNS = 500;

/** The p-th percentile of sorted timings, in ms with three decimals. */
export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number(sorted[Math.max(0, i)]!.toFixed(3));
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; answers the timings sorted. */
export async function time(fn: (i: number) => Promise<unknown>, runs = RUNS, warmup = WARMUP): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(warmup + i);
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

/** The p50 and p95 of sorted timings, as a scenario's line prints them. */
export const quantiles = (sorted: number[]) => ({ p50_ms: percentile(sorted, 50), p95_ms: percentile(sorted, 95) });

/** A dispatch that answers the data and throws on a refusal: a bench times only answers that succeed. */
export const okDispatch =
  (dispatch: Dispatch) =>
  async (channel: string, input: unknown): Promise<unknown> => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data;
  };

/** How many rows a table holds. */
export const countRows = async (db: Knex, table: string): Promise<number> =>
  Number(((await db(table).count({ n: '*' })) as Array<{ n: number | string }>)[0]?.n ?? 0);

/** A list page's input for run i, rotating over establishments: `page` holds its filter, sort and page. */
export const perEstablishment =
  <T extends object>(ests: number[], page: T) =>
  (i: number) => ({ establishmentId: ests[i % ests.length]!, ...page });

/** The establishments.list page a clerk opens: sorted by name, 25 rows, with the total count. */
export const ESTABLISHMENTS_PAGE = { sort: 'name', direction: 'asc', page: 1, pageSize: 25 };

/** The instruments.list page timed on both databases: an establishment's assigned instruments by type, third page of 25. */
export const ASSIGNED_INSTRUMENTS_PAGE = { status: 'asignado', sort: 'type', direction: 'asc', page: 2, pageSize: 25 };
