/**
 * A child process of tests/unit/main/office.test.ts: one "PC" of the office, with its own
 * connection pool to the same PostgreSQL database. Prints one JSON line per outcome.
 *
 *   node --import tsx tests/helpers/office-child.ts migrate <configJson>
 *     opens the server as the app does (migration lock, schema check, migrations) and
 *     prints { status, migrated, readOnly }.
 *   node --import tsx tests/helpers/office-child.ts hammer <configJson> <worker> <rounds> <instrumentIdsCsv> <establishmentIdsCsv> <recordId>
 *     signs in as its own clerk and, <rounds> times: moves one of the shared instruments
 *     (despacho when it is at an establishment, recepción when it is in transit) and edits
 *     the shared establishment <recordId> from the version it just loaded. Prints every
 *     success and every refusal.
 */
import { createServices } from '../../electron/main/compose';
import type { ServerConfig } from '../../electron/main/db/connection';
import { startServerDatabase } from '../../electron/main/db/server';
import { ensureUser, signInAs } from '../../electron/main/auth/seed';
import type { Platform } from '../../electron/main/platform';

const [mode, configJson, ...rest] = process.argv.slice(2) as [string, string, ...string[]];
const config = JSON.parse(configJson) as ServerConfig;
const out = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);

const platform: Platform = {
  shell: 'browser',
  version: 'office-test',
  paths: { dbPath: '', backupDir: '/nonexistent', attachmentsDir: '/nonexistent' },
  chooseSavePath: async () => null,
  showInFolder: async () => undefined,
  printPdf: async () => {
    throw new Error('no PDF here');
  },
};

async function migrate(): Promise<void> {
  const r = await startServerDatabase(config, { poolMax: 2 });
  if (r.status === 'ok') {
    out({ status: r.status, migrated: r.migrated, readOnly: r.readOnly });
    await r.db.destroy();
  } else out({ status: r.status });
}

async function hammer(): Promise<void> {
  const [worker, roundsText, instrumentsCsv, establishmentsCsv, recordText] = rest as [string, string, string, string, string];
  const instrumentIds = instrumentsCsv.split(',').map(Number);
  const establishmentIds = establishmentsCsv.split(',').map(Number);
  const recordId = Number(recordText);
  const started = await startServerDatabase(config, { poolMax: 3 });
  if (started.status !== 'ok') throw new Error(started.status);
  const db = started.db;
  const services = await createServices(db, platform);
  await ensureUser(db, { username: worker, fullName: `Oficinista ${worker}`, role: 'administrador', password: 'Clave-de-prueba-2026' });
  await signInAs(db, services.session, worker);
  const call = (channel: string, input: unknown) => services.dispatch(channel, input);
  out({ ready: worker });
  for (let round = 0; round < Number(roundsText); round++) {
    // 1. A move of a shared instrument, decided from the state this clerk just loaded.
    const id = instrumentIds[(round + Number(worker.replace(/\D/g, '') || 0)) % instrumentIds.length]!;
    const got = await call('instruments.get', { id });
    if (!got.ok) throw new Error(JSON.stringify(got.error));
    const i = got.data as { status: string; establishmentId: number | null };
    const movement =
      i.status === 'en_transito'
        ? { kind: 'recepcion', person: `Recibe ${worker}`, condition: 'bueno', date: '2026-11-20' }
        : {
            kind: 'despacho',
            toEstablishmentId: establishmentIds.find((e) => e !== i.establishmentId)!,
            documentNumber: `GR-${worker}-${round}`,
            person: `Despacha ${worker}`,
            date: '2026-11-20',
          };
    const moved = await call('instruments.move', { instrumentIds: [id], movement });
    out({ kind: 'move', worker, id, movement: movement.kind, ok: moved.ok, error: moved.ok ? null : moved.error });

    // 2. An edit of the shared record from the version this clerk loaded.
    const loaded = await call('establishments.get', { id: recordId });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    const e = loaded.data as Record<string, unknown> & { version: number };
    const city = `Ciudad ${worker} ${round}`;
    const saved = await call('establishments.update', {
      id: recordId,
      version: e.version,
      code: e.code,
      name: e.name,
      regionalOfficeId: e.regionalOfficeId,
      population: e.population,
      city,
      inProgramme: e.inProgramme,
    });
    out({
      kind: 'edit',
      worker,
      city,
      loadedVersion: e.version,
      ok: saved.ok,
      version: saved.ok ? (saved.data as { version: number }).version : null,
      error: saved.ok ? null : saved.error,
    });
  }
  await db.destroy();
}

(mode === 'migrate' ? migrate() : hammer()).catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
