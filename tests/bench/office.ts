// Office mode in `npm run bench` (issue 8): with ARTEINPE_BENCH_PG=postgres://… (or
// `npm run bench -- --pg postgres://…`) the list and write scenarios run again on a fresh
// database of that PostgreSQL server holding the same national dataset (names suffixed
// "@pg"), and "concurrency.transfer@pg" has 8 writers — each with its own connection pool,
// as 8 PCs would — moving the same 200 instruments at once, reporting throughput and
// refusals. The database is dropped afterwards.
import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import { createServices } from '../../electron/main/compose';
import { createServerKnex, serverConfigFromUrl } from '../../electron/main/db/connection';
import { startServerDatabase } from '../../electron/main/db/server';
import { buildDataset, loadDataset } from '../../electron/main/demo/generate';
import { LOCAL_ADMIN } from '../../electron/main/ipc/context';
import type { Platform } from '../../electron/main/platform';
import { ensureUser, signInAs } from '../../electron/main/auth/seed';
import { ASSIGNED_INSTRUMENTS_PAGE, ESTABLISHMENTS_PAGE, okDispatch, perEstablishment, quantiles, time } from './measure';

type Emit = (line: Record<string, unknown>) => void;

export const benchServerUrl = (argv: string[] = process.argv): string | null => {
  const i = argv.indexOf('--pg');
  return (i >= 0 ? argv[i + 1] : null) ?? process.env.ARTEINPE_BENCH_PG ?? null;
};

const WRITERS = 8;
const ATTEMPTS_PER_WRITER = 150;

export async function officeBench(url: string, platform: Platform, emit: Emit): Promise<void> {
  const base = serverConfigFromUrl(url);
  const name = `arteinpe_bench_${process.pid}`;
  const admin = createServerKnex(base, { poolMax: 1 });
  await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
  await admin.raw('CREATE DATABASE ??', [name]);
  const config = { ...base, database: name };
  const pools: Knex[] = [];
  try {
    const started = await startServerDatabase(config, { poolMax: 6 });
    if (started.status !== 'ok') throw new Error(`bench server: ${started.status}`);
    const db = started.db;
    pools.push(db);
    const t0 = performance.now();
    const loaded = await db.transaction(async (trx) =>
      loadDataset(trx, await buildDataset(trx, 'national'), LOCAL_ADMIN, new Date().toISOString(), 'national'),
    );
    await db.raw('ANALYZE');
    process.stderr.write(
      `dataset@pg: ${loaded.instruments} instruments, ${loaded.movements} movements in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );

    const signedIn = async (pool: Knex, username: string) => {
      const services = await createServices(pool, platform);
      await ensureUser(pool, { username, fullName: `Oficinista ${username}`, role: 'administrador', password: 'Bench-2026-clave' });
      await signInAs(pool, services.session, username);
      return services;
    };
    const { dispatch } = await signedIn(db, 'bench');
    const ok = okDispatch(dispatch);

    {
      const piped = await time(() => ok('establishments.list', ESTABLISHMENTS_PAGE));
      emit({ scenario: 'establishments.list@pg', n: loaded.establishments, ...quantiles(piped) });
    }
    {
      const ests = (await db('establishments').pluck('id')) as number[];
      const query = perEstablishment(ests, ASSIGNED_INSTRUMENTS_PAGE);
      const piped = await time((i) => ok('instruments.list', query(i)));
      emit({ scenario: 'instruments.list@pg', n: loaded.instruments, ...quantiles(piped) });
    }
    {
      const ids = (await db('instruments').orderByRaw('random()').limit(550).pluck('id')) as number[];
      const piped = await time((i) => ok('instruments.history', { id: ids[i % ids.length]! }));
      emit({ scenario: 'instruments.history@pg', n: loaded.movements, ...quantiles(piped) });
    }
    const ests = (await db('establishments').where({ active: true }).pluck('id')) as number[];
    {
      const candidates = (await db('instruments')
        .where({ status: 'asignado' })
        .whereNull('custodian_name')
        .orderBy('id')
        .limit(550)
        .select('id', 'establishment_id')) as Array<{
        id: number;
        establishment_id: number;
      }>;
      const piped = await time((i) => {
        const c = candidates[i]!;
        return ok('instruments.move', {
          instrumentIds: [c.id],
          movement: {
            kind: 'despacho',
            toEstablishmentId: ests.find((e) => e !== c.establishment_id)!,
            documentNumber: `BENCH-${i}`,
            person: 'Bench',
            date: '2026-11-26',
          },
        });
      });
      emit({ scenario: 'instruments.transfer@pg', n: loaded.instruments, ...quantiles(piped) });
    }

    // concurrency.transfer@pg: 8 PCs, each its own pool, on the same 200 instruments.
    {
      const shared = (await db('instruments')
        .where({ status: 'asignado' })
        .whereNull('custodian_name')
        .orderBy('id', 'desc')
        .limit(200)
        .pluck('id')) as number[];
      const writers = [];
      for (let w = 0; w < WRITERS; w++) {
        const pool = createServerKnex(config, { poolMax: 2 });
        pools.push(pool);
        writers.push(await signedIn(pool, `pc${w + 1}`));
      }
      let committed = 0;
      const refusals: Record<string, number> = {};
      let internal = 0;
      const latencies: number[] = [];
      const start = performance.now();
      await Promise.all(
        writers.map(async (services, w) => {
          for (let k = 0; k < ATTEMPTS_PER_WRITER; k++) {
            const id = shared[(k * 7 + w * 13) % shared.length]!;
            const got = await services.dispatch('instruments.get', { id });
            if (!got.ok) throw new Error(got.error.message);
            const i = got.data as { status: string; establishmentId: number | null };
            const movement =
              i.status === 'en_transito'
                ? { kind: 'recepcion', person: `PC ${w + 1}`, condition: 'bueno', date: '2026-11-26' }
                : {
                    kind: 'despacho',
                    toEstablishmentId: ests.find((e) => e !== i.establishmentId)!,
                    documentNumber: `CC-${w}-${k}`,
                    person: `PC ${w + 1}`,
                    date: '2026-11-26',
                  };
            const t = performance.now();
            const r = await services.dispatch('instruments.move', { instrumentIds: [id], movement });
            latencies.push(performance.now() - t);
            if (r.ok) committed++;
            else if (r.error.code === 'internal') internal++;
            else refusals[r.error.code] = (refusals[r.error.code] ?? 0) + 1;
          }
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      latencies.sort((a, b) => a - b);
      emit({
        scenario: 'concurrency.transfer@pg',
        writers: WRITERS,
        attempts: WRITERS * ATTEMPTS_PER_WRITER,
        committed,
        refused: Object.values(refusals).reduce((a, b) => a + b, 0),
        refusals_by_code: refusals,
        internal_errors: internal,
        committed_per_s: Number((committed / seconds).toFixed(1)),
        ...quantiles(latencies),
        goal: 'no internal error; every attempt committed or refused',
      });
    }
  } finally {
    for (const p of pools) await p.destroy().catch(() => undefined);
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]).catch(() => undefined);
    await admin.destroy();
  }
}
