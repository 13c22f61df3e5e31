// npm run bench: builds a national-scale database in a temporary folder (69 establishments,
// 30,000 instruments with 300,000 movements) and prints one JSON line per scenario:
// {"scenario", "n", "p50_ms", "p95_ms", "raw_p50_ms", ...}. raw_p50_ms is the same work done
// with plain SQL on the same file, so the pipeline's overhead (validation, dispatch, output
// check, audit) reads as a ratio measured in one run. Goals are printed beside the figures.
// Last, the renderer's part (tests/bench/renderer.ts: bundle size, first screen, page switches in
// Chromium over the browser harness); alone: `npm run bench -- renderer`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices } from '../../electron/main/compose';
import { startDatabase } from '../../electron/main/db/open';
import { buildDataset, loadDataset, loadEstablishments } from '../../electron/main/demo/generate';
import { LOCAL_ADMIN } from '../../electron/main/ipc/context';
import type { Platform } from '../../electron/main/platform';
import { createChromiumPdfPrinter } from '../../electron/harness/chromium-pdf';
import { scenarios as extraScenarios } from './scenarios';
import { catalogScenarios } from './catalog';
import { syncScenarios } from './sync';
import { benchServerUrl, officeBench } from './office';
import { ensureUser, signInAs } from '../../electron/main/auth/seed';
import { rendererBench, rendererOnly } from './renderer';
import {
  ASSIGNED_INSTRUMENTS_PAGE,
  ESTABLISHMENTS_PAGE,
  okDispatch,
  percentile,
  perEstablishment,
  quantiles,
  RUNS,
  time,
  WARMUP,
} from './measure';

const emit = (line: Record<string, unknown>) => console.log(JSON.stringify(line));

async function main(): Promise<void> {
  if (rendererOnly()) return rendererBench(emit);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-bench-'));
  const paths = {
    dbPath: path.join(dir, 'arteinpe.sqlite'),
    backupDir: path.join(dir, 'copias'),
    attachmentsDir: path.join(dir, 'adjuntos'),
  };
  const started = await startDatabase(paths);
  if (started.status !== 'ok') throw new Error('fresh database reported damaged');
  const db = started.db;
  const printer = createChromiumPdfPrinter();
  let closeServices = async (): Promise<void> => undefined;
  try {
    const t0 = performance.now();
    // `npm run bench -- catalog`: the catalog's two scenarios alone, over the establishments only (all they need).
    const catalogOnly = process.argv.includes('catalog') || process.env.ARTEINPE_BENCH === 'catalog';
    const loaded = await db.transaction(async (trx) => {
      const data = await buildDataset(trx, 'national');
      if (!catalogOnly) return loadDataset(trx, data, LOCAL_ADMIN, new Date().toISOString(), 'national');
      await loadEstablishments(trx, data, LOCAL_ADMIN, new Date().toISOString());
      return { establishments: data.establishments.length, instruments: 0, movements: 0 };
    });
    await db.raw('ANALYZE');
    process.stderr.write(
      `dataset: ${loaded.establishments} establishments, ${loaded.instruments} instruments, ${loaded.movements} movements in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    const platform: Platform = {
      shell: 'browser',
      version: 'bench',
      paths,
      chooseSavePath: async (req) => path.join(dir, req.defaultName),
      showInFolder: async () => undefined,
      printPdf: (req) => printer.printPdf(req),
      printPdfToFile: (req, target) => printer.printPdfToFile(req, target),
    };
    const services = await createServices(db, platform);
    closeServices = services.close;
    const { dispatch, jobs, session } = services;
    // The bench works as the administrator (the app itself starts signed out).
    await ensureUser(db, { username: 'bench', fullName: 'Administrador (bench)', role: 'administrador', password: 'Bench-2026-clave' });
    await signInAs(db, session, 'bench');
    if (catalogOnly) {
      for (const line of await catalogScenarios({ db, dispatch, jobs, dir, loaded })) emit(line);
      return;
    }
    // `npm run bench -- sync`: the prison sites' two scenarios alone, on the national dataset.
    if (process.argv.includes('sync') || process.env.ARTEINPE_BENCH === 'sync') {
      for (const line of await syncScenarios({ db, dispatch, jobs, dir, loaded })) emit(line);
      return;
    }
    const ok = okDispatch(dispatch);

    // establishments.list: the page a clerk opens (sorted by name, 25 rows, with the total count).
    {
      await ok('establishments.list', ESTABLISHMENTS_PAGE);
      const piped = await time(() => dispatch('establishments.list', ESTABLISHMENTS_PAGE));
      const raw = await time(async () => {
        await db.raw('SELECT count(*) AS n FROM establishments e JOIN regional_offices r ON r.id = e.regional_office_id');
        await db.raw(
          `SELECT e.id, e.code, e.name, e.regional_office_id, r.name AS regional_office_name, e.population, e.city,
                  e.in_programme, e.active, e.version, e.created_at, e.updated_at, e.updated_by
             FROM establishments e JOIN regional_offices r ON r.id = e.regional_office_id
            ORDER BY e.name_key ASC, e.id ASC LIMIT 25 OFFSET 0`,
        );
      });
      emit({
        scenario: 'establishments.list',
        n: loaded.establishments,
        ...quantiles(piped),
        raw_p50_ms: percentile(raw, 50),
        ratio: Number((percentile(piped, 50) / percentile(raw, 50)).toFixed(2)),
      });
    }

    // instruments.list: one establishment's instruments that are assigned there, sorted by
    // type, third page of 25, with the total count — rotating over establishments.
    {
      const ests = (await db('establishments').pluck('id')) as number[];
      const query = perEstablishment(ests, ASSIGNED_INSTRUMENTS_PAGE);
      const piped = await time((i) => ok('instruments.list', query(i)));
      const raw = await time(async (i) => {
        const q = query(i);
        await db.raw('SELECT count(*) AS n FROM instruments i WHERE i.establishment_id = ? AND i.status = ?', [
          q.establishmentId,
          q.status,
        ]);
        await db.raw(
          `SELECT i.*, t.name AS type_name, t.family, e.name AS establishment_name, et.name AS transit_name
             FROM instruments i
             JOIN instrument_types t ON t.id = i.type_id
             LEFT JOIN establishments e ON e.id = i.establishment_id
             LEFT JOIN establishments et ON et.id = i.transit_to_establishment_id
            WHERE i.establishment_id = ? AND i.status = ?
            ORDER BY t.name_key ASC, i.id ASC LIMIT 25 OFFSET 25`,
          [q.establishmentId, q.status],
        );
      });
      const p50 = percentile(piped, 50);
      const rawP50 = percentile(raw, 50);
      emit({
        scenario: 'instruments.list',
        n: loaded.instruments,
        p50_ms: p50,
        p95_ms: percentile(piped, 95),
        raw_p50_ms: rawP50,
        ratio: Number((p50 / rawP50).toFixed(2)),
        goal: 'p95 <= 25 ms and <= 2x raw',
      });
    }

    // instruments.history: one instrument's whole ledger.
    {
      const ids = (await db('instruments')
        .orderByRaw('random()')
        .limit(RUNS + WARMUP)
        .pluck('id')) as number[];
      const piped = await time((i) => ok('instruments.history', { id: ids[i % ids.length]! }));
      const raw = await time(async (i) => {
        await db.raw('SELECT * FROM instrument_movements WHERE instrument_id = ? ORDER BY seq DESC', [ids[i % ids.length]!]);
      });
      emit({
        scenario: 'instruments.history',
        n: loaded.movements,
        ...quantiles(piped),
        raw_p50_ms: percentile(raw, 50),
        goal: 'p95 <= 5 ms',
      });
    }

    // instruments.transfer: one dispatch (state check, ledger row, cached state, audit entry, one transaction).
    {
      const candidates = (await db('instruments')
        .where({ status: 'asignado' })
        .whereNull('custodian_name')
        .limit(RUNS + WARMUP)
        .select('id', 'establishment_id')) as Array<{ id: number; establishment_id: number }>;
      const ests = (await db('establishments').where({ active: true }).pluck('id')) as number[];
      const piped = await time((i) => {
        const c = candidates[i]!;
        const to = ests.find((e) => e !== c.establishment_id)!;
        return ok('instruments.move', {
          instrumentIds: [c.id],
          movement: { kind: 'despacho', toEstablishmentId: to, documentNumber: `BENCH-${i}`, person: 'Bench', date: '2026-11-26' },
        });
      });
      emit({
        scenario: 'instruments.transfer',
        n: loaded.instruments,
        ...quantiles(piped),
        goal: 'p95 <= 10 ms',
      });
    }

    for (const s of extraScenarios) {
      for (const line of await s({ db, dispatch, jobs, dir, loaded })) emit(line);
    }

    // Office mode: the same list and write scenarios on a PostgreSQL server, when one is named.
    const pgUrl = benchServerUrl();
    if (pgUrl) await officeBench(pgUrl, platform, emit);
  } finally {
    await printer.close();
    await closeServices();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await rendererBench(emit);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
