// npm run bench: builds a national-scale database in a temporary folder and prints one
// JSON line per scenario. raw_p50_ms is the same page fetched with plain SQL on the same
// file, so the pipeline's overhead (validation, dispatch, output check) reads as a ratio.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices } from '../../electron/main/compose';
import { startDatabase } from '../../electron/main/db/open';
import { buildDataset, loadDataset } from '../../electron/main/demo/generate';
import { LOCAL_ADMIN } from '../../electron/main/ipc/dispatcher';
import type { Platform } from '../../electron/main/platform';

const WARMUP = 50;
const RUNS = 500;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number(sorted[Math.max(0, i)]!.toFixed(3));
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-bench-'));
  const paths = { dbPath: path.join(dir, 'arteinpe.sqlite'), backupDir: path.join(dir, 'copias') };
  const started = await startDatabase(paths);
  if (started.status !== 'ok') throw new Error('fresh database reported damaged');
  const db = started.db;
  try {
    await db.transaction(async (trx) => {
      await loadDataset(trx, await buildDataset(trx, 'national'), LOCAL_ADMIN, new Date().toISOString());
    });
    const platform: Platform = {
      shell: 'browser',
      version: 'bench',
      paths,
      chooseSavePath: async () => null,
      showInFolder: async () => undefined,
    };
    const { dispatch } = await createServices(db, platform);
    const n = (await db('establishments').count({ n: '*' }))[0]!.n as number;

    // establishments.list: the page a clerk opens (sorted by name, 25 rows, with the total count).
    const query = { sort: 'name', direction: 'asc', page: 1, pageSize: 25 };
    const first = await dispatch('establishments.list', query);
    if (!first.ok) throw new Error(first.error.message);
    const piped = await time(() => dispatch('establishments.list', query));
    const raw = await time(async () => {
      await db.raw('SELECT count(*) AS n FROM establishments e JOIN regional_offices r ON r.id = e.regional_office_id');
      await db.raw(
        `SELECT e.id, e.code, e.name, e.regional_office_id, r.name AS regional_office_name, e.population, e.city,
                e.in_programme, e.active, e.version, e.created_at, e.updated_at, e.updated_by
           FROM establishments e JOIN regional_offices r ON r.id = e.regional_office_id
          ORDER BY e.name_key ASC, e.id ASC LIMIT 25 OFFSET 0`,
      );
    });
    const p50 = percentile(piped, 50);
    const rawP50 = percentile(raw, 50);
    console.log(
      JSON.stringify({
        scenario: 'establishments.list',
        n,
        p50_ms: p50,
        p95_ms: percentile(piped, 95),
        raw_p50_ms: rawP50,
        ratio: Number((p50 / rawP50).toFixed(2)),
        runs: RUNS,
      }),
    );
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
