import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { migrations } from '../../migrations';
import { createServerKnex, serverConfigFromUrl, type ServerConfig } from '../../electron/main/db/connection';
import { startServerDatabase } from '../../electron/main/db/server';
import { resetSequences } from '../../electron/main/db/dialect';

/**
 * The PostgreSQL test tier (issue 8): with ARTEINPE_TEST_PG=postgres://user:pw@host:port/db
 * every testApp runs on a fresh database of that server instead of a SQLite file.
 * `.ci/pg-server.sh start` starts a throwaway server and prints such a URL.
 */
export const testServerUrl = (): string | null => process.env.ARTEINPE_TEST_PG || null;

export const onPostgres = (): boolean => testServerUrl() !== null;

/** Why a SQLite-only test does not run in the PostgreSQL tier (printed, never silent). */
export function sqliteOnly(reason: string): boolean {
  if (onPostgres()) console.info(`[postgres tier] skipped, SQLite only: ${reason}`);
  return onPostgres();
}

/** Settings → Base de datos filled in for a test server: its address, database and account, TLS off (the test server has none). */
export const serverForm = (config: ServerConfig) => ({
  host: config.host,
  port: config.port,
  database: config.database,
  user: config.user,
  password: config.password,
  ssl: false,
});

function adminConfig(): ServerConfig {
  const url = testServerUrl();
  if (!url) throw new Error('ARTEINPE_TEST_PG is not set');
  return serverConfigFromUrl(url);
}

/** Runs fn with a one-connection knex on the maintenance database of the test server. */
async function withAdmin<T>(fn: (db: Knex) => Promise<T>): Promise<T> {
  const db = createServerKnex(adminConfig(), { poolMax: 1 });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** The migrated template of this app's migration list: created once per server, cloned per test. */
const templateName = () =>
  `arteinpe_tpl_${crypto
    .createHash('sha256')
    .update(migrations.map(([n]) => n).join('\n'))
    .digest('hex')
    .slice(0, 12)}`;

const TEMPLATE_LOCK = 0x54504c; // "TPL"

let counter = 0;

/** Databases this process used and gave back: reset and handed out again (far cheaper than CREATE DATABASE). */
const free: string[] = [];
let resetScript: Promise<string> | null = null;
let sweptDead = false;

/**
 * One script that puts a used test database back to the migrated template's state: every
 * table emptied, the rows the migrations seed inserted again, every sequence where the
 * template has it. (The test server's user is its superuser: initdb made it.)
 */
async function buildResetScript(base: ServerConfig, tpl: string): Promise<string> {
  const db = createServerKnex({ ...base, database: tpl }, { poolMax: 1 });
  try {
    const tables = (await db('information_schema.tables')
      .where({ table_schema: 'public', table_type: 'BASE TABLE' })
      .whereNot('table_name', 'like', 'knex_migrations%')
      .orderBy('table_name')
      .pluck('table_name')) as string[];
    // With replication_role = replica no trigger fires (the append-only ledgers, the foreign
    // keys' checks): every table is emptied in any order, then refilled. DELETE on the
    // mostly empty tables of a test is much cheaper than TRUNCATE's new files.
    const parts = ['SET session_replication_role = replica', ...tables.map((t) => `DELETE FROM "${t}"`)];
    for (const t of tables) {
      const rows = (await db(t).select('*')) as Array<Record<string, unknown>>;
      if (rows.length > 0) parts.push(db(t).insert(rows).toString());
    }
    const seqs = (await db.raw("SELECT sequencename AS s, last_value AS v FROM pg_sequences WHERE schemaname = 'public'")) as {
      rows: Array<{ s: string; v: number | null }>;
    };
    for (const { s: seq, v } of seqs.rows) parts.push(`SELECT setval('"${seq}"', ${v === null ? 1 : Number(v)}, ${v !== null})`);
    parts.push('SET session_replication_role = DEFAULT');
    return parts.join(';\n');
  } finally {
    await db.destroy();
  }
}

/** Test databases of processes that are gone (a killed run): dropped once per process. */
async function sweepDead(admin: Knex): Promise<void> {
  if (sweptDead) return;
  sweptDead = true;
  const names = (await admin('pg_database').where('datname', 'like', 'arteinpe\\_t\\_%').pluck('datname')) as string[];
  for (const name of names) {
    const pid = Number(name.split('_')[2]);
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]).catch(() => undefined);
  }
}

/**
 * A migrated database on the test server, as a fresh one: a clone of the migrated
 * template (CREATE DATABASE … TEMPLATE, made once per server), or one this process used
 * before, reset to the template's state. drop() gives it back (fresh: true, or empty:
 * true — a database with nothing in it — really drops it).
 */
export async function createTestDatabase(
  opts: { empty?: boolean; fresh?: boolean } = {},
): Promise<{ config: ServerConfig; name: string; drop(): Promise<void> }> {
  const base = adminConfig();
  const pooled = !opts.empty && !opts.fresh;
  const reused = pooled ? free.pop() : undefined;
  if (reused) {
    const db = createServerKnex({ ...base, database: reused }, { poolMax: 1 });
    try {
      await db.raw(await resetScript!);
    } finally {
      await db.destroy();
    }
    return { config: { ...base, database: reused }, name: reused, drop: async () => void free.push(reused) };
  }
  const name = `arteinpe_t_${process.pid}_${++counter}_${crypto.randomBytes(3).toString('hex')}`;
  await withAdmin(async (admin) => {
    await sweepDead(admin);
    if (opts.empty) {
      await admin.raw('CREATE DATABASE ??', [name]);
      return;
    }
    const tpl = templateName();
    await admin.raw('SELECT pg_advisory_lock(?)', [TEMPLATE_LOCK]);
    try {
      const exists = await admin('pg_database').where({ datname: tpl }).first('datname');
      if (!exists) {
        const building = `${tpl}_build_${process.pid}`;
        await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [building]);
        await admin.raw('CREATE DATABASE ??', [building]);
        const started = await startServerDatabase({ ...base, database: building }, { poolMax: 2 });
        if (started.status !== 'ok') throw new Error(`template migration failed: ${started.status}`);
        await started.db.destroy();
        await admin.raw('ALTER DATABASE ?? RENAME TO ??', [building, tpl]);
      }
      await admin.raw('CREATE DATABASE ?? TEMPLATE ??', [name, tpl]);
    } finally {
      await admin.raw('SELECT pg_advisory_unlock(?)', [TEMPLATE_LOCK]);
    }
    if (pooled) resetScript ??= buildResetScript(base, tpl);
  });
  const dropIt = () => withAdmin(async (admin) => void (await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name])));
  return { config: { ...base, database: name }, name, drop: pooled ? async () => void free.push(name) : dropIt };
}

/** knex's migration source over this app's list, up to and including `last`: a database as an older version left it. */
export function migrationsUpTo(last: string): Knex.MigrationSource<string> {
  const end = migrations.findIndex(([n]) => n === last);
  if (end < 0) throw new Error(`Unknown migration ${last}`);
  const some = migrations.slice(0, end + 1);
  return {
    getMigrations: async () => some.map(([n]) => n),
    getMigrationName: (name) => name,
    getMigration: async (name) => some.find(([n]) => n === name)![1],
  };
}

/**
 * Every row of every table of a SQLite file into a server database migrated to the same
 * level (its seed rows give way): parents before children by the server's foreign keys,
 * SQLite's 0/1 as booleans where the server's column is one, then the sequences past the ids
 * copied. Unlike "Llevar mis datos al servidor" (office/copy.ts, which always migrates the
 * server to the latest schema first) it leaves the server at the level it found it.
 */
export async function copySqliteRows(source: Knex, server: Knex): Promise<Record<string, number>> {
  const skip = (t: string) => t.startsWith('knex_migrations') || t.startsWith('sqlite_');
  // Only the server's tables: SQLite's search indexes (FTS5, migration 20261205_0019) have no counterpart there.
  const onServer = (await server('information_schema.tables')
    .where({ table_schema: server.raw('current_schema()') })
    .pluck('table_name')) as string[];
  const wanted = ((await source('sqlite_master').where({ type: 'table' }).pluck('name')) as string[]).filter(
    (t) => !skip(t) && onServer.includes(t),
  );
  const edges = (await server.raw(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  )) as { rows: Array<{ child: string; parent: string }> };
  const strip = (s: string) => s.replace(/^"|"$/g, '');
  const parents = new Map<string, Set<string>>(wanted.map((t) => [t, new Set()]));
  for (const e of edges.rows) if (strip(e.child) !== strip(e.parent)) parents.get(strip(e.child))?.add(strip(e.parent));
  const order: string[] = [];
  const visit = (t: string) => {
    if (order.includes(t) || !parents.has(t)) return;
    for (const p of parents.get(t)!) visit(p);
    order.push(t);
  };
  for (const t of [...wanted].sort()) visit(t);
  const copied: Record<string, number> = {};
  await server.transaction(async (trx) => {
    for (const t of [...order].reverse()) await trx(t).del();
    for (const t of order) {
      const columns = (await trx('information_schema.columns')
        .where({ table_schema: trx.raw('current_schema()'), table_name: t })
        .select('column_name', 'data_type')) as Array<{ column_name: string; data_type: string }>;
      const booleans = new Set(columns.filter((c) => c.data_type === 'boolean').map((c) => c.column_name));
      const rows = ((await source(t).select('*').orderByRaw('rowid')) as Array<Record<string, unknown>>).map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, booleans.has(k) && v !== null ? v === 1 || v === true : v])),
      );
      const perBatch = Math.max(1, Math.floor(60_000 / Math.max(1, columns.length)));
      for (let i = 0; i < rows.length; i += perBatch) await trx(t).insert(rows.slice(i, i + perBatch));
      copied[t] = rows.length;
    }
    await resetSequences(trx);
  });
  return copied;
}
