import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import type { ChannelName } from '../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/ipc';
import { createServices, type Services } from '../../electron/main/compose';
import { startDatabase } from '../../electron/main/db/open';
import { createServerKnex, type ServerConfig } from '../../electron/main/db/connection';
import { isPostgres } from '../../electron/main/db/dialect';
import { createTestDatabase, onPostgres } from './pg';
import { copyMigratedDatabase } from './migrated-template';
import type { Platform } from '../../electron/main/platform';
import { createChromiumPdfPrinter, type ChromiumPdfPrinter } from '../../electron/harness/chromium-pdf';
import { memorySecrets } from '../../electron/harness/secrets';
import type { Role } from '../../shared/auth/permissions';
import { signOutSession } from '../../electron/main/auth/access';
import { ensureUser, signInAs } from '../../electron/main/auth/seed';
import { setHashCostForTests } from '../../electron/main/auth/passwords';
import { buildDataset, loadEstablishments } from '../../electron/main/demo/generate';
import { LOCAL_ADMIN } from '../../electron/main/ipc/context';
import { authorise, teacher, type people } from './contracts';

/**
 * The password hashing cost of every test process that uses these helpers (and the
 * Playwright fixtures): N = 2^10 instead of the app's 2^17, which takes 128 MiB and over
 * a second per hash here — the suite creates and signs in hundreds of accounts. Only
 * through this explicit hook (auth/passwords.ts); auth-hardening.test.ts undoes it to test
 * the production cost and the upgrade of old hashes.
 */
export const TEST_HASH_COST = { N: 2 ** 10, r: 8, p: 1 } as const;
setHashCostForTests(TEST_HASH_COST);

/** The password of every account testApp creates. */
export const TEST_PASSWORD = 'Clave-de-prueba-2026';
/** The administrator every testApp signs in as by default (the audit log names it so). */
export const TEST_ADMIN = { username: 'admin-local', fullName: 'Administrador local' } as const;

export interface TestAppOptions {
  /**
   * Who is signed in: an administrator by default; another role (an account named after
   * the role, e.g. "inventario"); or null to start signed out (the administrator exists).
   */
  as?: Role | null;
  /** For a role other than administrador: the establishments the account is restricted to. */
  establishmentIds?: number[];
  /** The clock of the session (the idle lock). */
  clock?: () => number;
  /** A SQLite file even in the PostgreSQL tier (the source of a copy to the server). */
  sqlite?: boolean;
  /**
   * The Chromium that prints the app's PDFs: one the test file shares between its apps (and
   * closes itself), instead of a browser started for, and closed with, each app.
   */
  printer?: ChromiumPdfPrinter;
}

export interface TestApp extends Services {
  db: Knex;
  /** In the PostgreSQL tier: the test database on the server (other processes connect to it); null on SQLite. */
  server: ServerConfig | null;
  platform: Platform;
  dir: string;
  exportDir: string;
  /** What the next save dialog answers: a file name in exportDir, or null (cancelled). */
  nextSave: { cancel: boolean };
  /** What the next folder dialog answers (backups): a folder, or null (cancelled). */
  nextFolder: { path: string | null };
  /** The file the next open dialog answers (a data package carried from another installation); null: cancelled. */
  nextOpen: { path: string | null };
  shown: string[];
  call<K extends ChannelName>(name: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>>;
  ok<K extends ChannelName>(name: K, input: ChannelInput<K>): Promise<ChannelOutput<K>>;
  close(): Promise<void>;
  /** Signs the session in as the account of a role (created when missing), or out (null). */
  signInAs(role: Role | null, opts?: { establishmentIds?: number[] }): Promise<void>;
}

/** The account testApp uses for a role: the administrator, or one named after the role. */
export const testAccount = (role: Role) => (role === 'administrador' ? TEST_ADMIN : { username: role, fullName: `Usuario ${role}` });

/**
 * A fresh migrated database: a SQLite file in the test's folder, or — in the PostgreSQL
 * tier (ARTEINPE_TEST_PG, see helpers/pg.ts) — a fresh database on the test server,
 * dropped again by drop().
 */
async function openTestDatabase(
  paths: { dbPath: string; backupDir: string },
  sqlite = false,
): Promise<{ db: Knex; drop(): Promise<void>; server: ServerConfig | null }> {
  if (onPostgres() && !sqlite) {
    // Already migrated (a clone of the migrated template, or one reset to it): opening it
    // as the app does (db/server.ts startServerDatabase) is tested in office.test.ts.
    const target = await createTestDatabase();
    return { db: createServerKnex(target.config, { poolMax: 4 }), drop: target.drop, server: target.config };
  }
  await copyMigratedDatabase(paths.dbPath);
  const started = await startDatabase(paths);
  if (started.status !== 'ok') throw new Error('fresh database reported damaged');
  return { db: started.db, drop: async () => undefined, server: null };
}

/** A fresh database (a SQLite file in a temporary folder, or a server database in the PostgreSQL tier), migrated, with the app's services over it. */
export async function testApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-test-'));
  const exportDir = path.join(dir, 'exports');
  fs.mkdirSync(exportDir);
  const paths = {
    dbPath: path.join(dir, 'arteinpe.sqlite'),
    backupDir: path.join(dir, 'backups'),
    attachmentsDir: path.join(dir, 'adjuntos'),
  };
  const started = await openTestDatabase(paths, opts.sqlite);
  const nextSave = { cancel: false };
  const nextFolder: { path: string | null } = { path: path.join(dir, 'usb') };
  const nextOpen: { path: string | null } = { path: null };
  const shown: string[] = [];
  const printer = opts.printer ?? createChromiumPdfPrinter();
  const platform: Platform = {
    shell: 'electron',
    version: '0.0.0-test',
    paths,
    chooseSavePath: async (req) => (nextSave.cancel ? null : path.join(exportDir, req.defaultName)),
    showInFolder: async (p) => {
      shown.push(p);
    },
    printPdf: (req) => printer.printPdf(req),
    printPdfToFile: (req, target) => printer.printPdfToFile(req, target),
    chooseFolder: async () => nextFolder.path,
    chooseOpenFile: async () => nextOpen.path,
    secrets: memorySecrets(),
  };
  const services = await createServices(started.db, platform, {
    onInternalError: (channel, err) => console.error(channel, err),
    clock: opts.clock,
  });
  const signIn = async (role: Role | null, o: { establishmentIds?: number[] } = {}) => {
    await ensureUser(started.db, { ...TEST_ADMIN, role: 'administrador', password: TEST_PASSWORD });
    if (role === null) return signOutSession(services.session);
    const account = testAccount(role);
    if (role !== 'administrador') {
      await ensureUser(started.db, { ...account, role, password: TEST_PASSWORD, establishmentIds: o.establishmentIds ?? [] });
    }
    await signInAs(started.db, services.session, account.username);
  };
  await signIn(opts.as === undefined ? 'administrador' : opts.as, { establishmentIds: opts.establishmentIds });
  const call = ((name: string, input: unknown) => services.dispatch(name, input)) as TestApp['call'];
  return {
    ...services,
    db: started.db,
    server: started.server,
    platform,
    dir,
    exportDir,
    nextSave,
    nextFolder,
    nextOpen,
    shown,
    signInAs: signIn,
    call,
    ok: async (name, input) => {
      const r = await call(name, input);
      if (!r.ok) throw new Error(`${name} refused: ${JSON.stringify(r.error)}`);
      return r.data;
    },
    close: async () => {
      if (!opts.printer) await printer.close();
      await services.close();
      await started.db.destroy();
      await started.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every row of every table, to prove that a refused call changed nothing. */
export async function snapshot(db: Knex): Promise<string> {
  if (isPostgres(db)) {
    const names = (await db('information_schema.tables')
      .where({ table_schema: db.raw('current_schema()'), table_type: 'BASE TABLE' })
      .orderBy('table_name')
      .pluck('table_name')) as string[];
    // The columns of every table in one read (information_schema is slow to ask table by table).
    const counts = (await db('information_schema.columns')
      .where({ table_schema: db.raw('current_schema()') })
      .groupBy('table_name')
      .select('table_name', db.raw('count(*) as n'))) as Array<{ table_name: string; n: number }>;
    const columns = new Map(counts.map((c) => [c.table_name, Number(c.n)]));
    const all: Record<string, unknown[]> = {};
    for (const t of names) {
      // No rowid on PostgreSQL: every column, in order, is a stable order for a snapshot.
      const order = Array.from({ length: columns.get(t) ?? 0 }, (_, i) => i + 1).join(', ');
      all[t] = await db(t).select('*').orderByRaw(order);
    }
    return JSON.stringify(all);
  }
  const tables = (await db('sqlite_master')
    .where({ type: 'table' })
    .whereNot('name', 'like', 'sqlite_%')
    .orderBy('name')
    .pluck('name')) as string[];
  // A search index (FTS5, migration 20261205_0019) mirrors its register: its own tables (some without rowid) are left out.
  const indexes = (await db('sqlite_master').where({ type: 'table' }).where('sql', 'like', 'CREATE VIRTUAL%').pluck('name')) as string[];
  const out: Record<string, unknown[]> = {};
  for (const t of tables.filter((x) => !indexes.some((i) => x === i || x.startsWith(`${i}_`))))
    out[t] = await db(t).select('*').orderByRaw('rowid');
  return JSON.stringify(out);
}

export const validEstablishment = (over: Record<string, unknown> = {}) => ({
  code: 'EP-TST-01',
  name: 'E.P. de Prueba',
  regionalOfficeId: 1,
  population: 'varones' as const,
  city: 'Lima',
  inProgramme: true,
  ...over,
});

type InstrumentInput = ChannelInput<'instruments.create'>;

/** instruments.create's input for a new Stentor violin bought with INPE's budget on 10 February 2026, in `establishmentId` (null: the central warehouse). */
export const newViolin = (code: string, establishmentId: number | null, over: Partial<InstrumentInput> = {}): InstrumentInput => ({
  code,
  typeId: 1,
  brand: 'Stentor',
  costCentimos: 85000,
  funding: 'presupuesto_inpe',
  condition: 'nuevo',
  altaDate: '2026-02-10',
  establishmentId,
  ...over,
});

/** instruments.create's input for a donated instrument in good condition, registered on 1 January 2026 in the central warehouse (unless `over` says otherwise). */
export const donatedInstrument = (code: string, over: Partial<InstrumentInput> = {}): InstrumentInput => ({
  code,
  typeId: 1,
  costCentimos: 100,
  funding: 'donacion',
  condition: 'bueno',
  altaDate: '2026-01-01',
  ...over,
});

/** An instrument as read, as instruments.update's input (what its form edits), with `changes`. */
export const instrumentUpdateOf = (
  i: ChannelOutput<'instruments.get'>,
  changes: Partial<ChannelInput<'instruments.update'>> = {},
): ChannelInput<'instruments.update'> => ({
  id: i.id,
  version: i.version,
  code: i.code,
  serialNumber: i.serialNumber,
  typeId: i.typeId,
  brand: i.brand,
  model: i.model,
  acquisitionDate: i.acquisitionDate,
  costCentimos: i.costCentimos,
  funding: i.funding,
  supplier: i.supplier,
  supplierDocument: i.supplierDocument,
  notes: i.notes,
  donationId: i.donationId,
  ...changes,
});

/** E.P. de Lurigancho, created through its channel (the establishment most tests work in); answers its id. */
export const createLurigancho = async (app: TestApp): Promise<number> =>
  (await app.ok('establishments.create', validEstablishment({ code: 'EP-LUR-01', name: 'E.P. de Lurigancho' }))).id;

/** E.P. de Chorrillos, a second establishment (another prison's records); answers its id. */
export const createChorrillos = async (app: TestApp): Promise<number> =>
  (await app.ok('establishments.create', validEstablishment({ code: 'EP-CHO-01', name: 'E.P. de Chorrillos' }))).id;

/** A fresh app with E.P. de Lurigancho and E.P. de Chorrillos in it (one prison's records and another's). */
export async function appWithTwoPrisons(): Promise<{ app: TestApp; lur: number; cho: number }> {
  const app = await testApp();
  return { app, lur: await createLurigancho(app), cho: await createChorrillos(app) };
}

/** A fresh app with E.P. de Lurigancho in it. */
export async function appWithLurigancho(): Promise<{ app: TestApp; est: number }> {
  const app = await testApp();
  return { app, est: await createLurigancho(app) };
}

/** A fresh app with the whole demonstration loaded through demo.load. */
export async function appWithDemo(): Promise<TestApp> {
  const app = await testApp();
  await app.ok('demo.load', {});
  return app;
}

/** A fresh app with the demonstration's establishments (what an import resolves names against). */
export async function appWithDemoEstablishments(): Promise<TestApp> {
  const app = await testApp();
  await app.db.transaction(async (trx) => loadEstablishments(trx, await buildDataset(trx, 'demo'), LOCAL_ADMIN, new Date().toISOString()));
  return app;
}

/** A fresh app with the demonstration's establishments, its "call and answer the data", and the establishments' ids by name. */
export async function appWithDemoPrisons(): Promise<{ app: TestApp; ok: TestApp['ok']; est: Record<string, number> }> {
  const app = await appWithDemoEstablishments();
  const rows = (await app.db('establishments').select('id', 'name')) as Array<{ id: number; name: string }>;
  return { app, ok: (name, input) => app.ok(name, input), est: Object.fromEntries(rows.map((r) => [r.name, r.id])) };
}

// ── Custodians of an instrument (issue 15): records of an establishment, handed an instrument by id ──

/** An INPE staff member of an establishment, created through staff.create. */
export const newStaffMember = (app: TestApp, establishmentId: number, fullName = 'Rosa Mamani Flores', role = 'Técnica de educación') =>
  app.ok('staff.create', { establishmentId, fullName, role });

/** A participant of an establishment (active), created through participants.create on 1 February 2026. */
export const newParticipantAt = (
  app: TestApp,
  establishmentId: number,
  code: string,
  firstNames = 'Juan',
  lastNames = 'Pérez Quispe',
  over: Partial<ChannelInput<'participants.create'>> = {},
) =>
  app.ok('participants.create', {
    code,
    firstNames,
    lastNames,
    sex: 'masculino',
    birthYear: 1990,
    establishmentId,
    date: '2026-02-01',
    ...over,
  });

/** An ensemble of an establishment, created through ensembles.create. */
export const newEnsembleAt = (app: TestApp, establishmentId: number, name = 'Banda sinfónica de prueba') =>
  app.ok('ensembles.create', { name, type: 'banda_sinfonica', establishmentId });

/** A teacher authorised to enter an establishment (what makes them one of its people), through the contracts channels. */
export async function newTeacherAt(app: TestApp, establishmentId: number, who: keyof typeof people = 'carmen') {
  const t = await teacher(app.ok, who);
  await authorise(app.ok, t.id, establishmentId);
  return t;
}

/** The movement that hands instruments over to a custodian by id (instruments.move's `movement`). */
export const handOver = (
  custodianType: 'docente' | 'elenco' | 'participante' | 'personal',
  custodianId: number,
  date: string,
  dueDate: string | null = null,
) => ({ kind: 'entrega' as const, custodianType, custodianId, date, dueDate });
