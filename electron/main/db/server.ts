import type { Knex } from 'knex';
import { migrationSource, migrations } from '../../../migrations';
import { createServerKnex, type ServerConfig } from './connection';

/**
 * Office mode (issue 8): the same migrations and the same code on the office's PostgreSQL
 * server, shared by several PCs.
 *
 * - Migrations run once: every PC that starts takes the same advisory lock first
 *   (pg_advisory_lock, held on one connection of its own), so two PCs starting at the same
 *   moment migrate one after the other, and the second finds nothing left to do.
 * - A PC whose app is older than the server's schema (the server lists migrations this
 *   app does not know) does not migrate and opens read-only: every write channel is
 *   refused with "actualice la aplicación" (ipc/dispatcher.ts).
 * - A database that holds someone else's tables is refused and left untouched.
 */

/** The advisory lock key of ArteINPE's migrations (any constant; "ARTE" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x41525445;

/** The oldest server this app supports (PostgreSQL 12: generated columns, WITH (FORCE) is 13 but only tests use it). */
export const MIN_SERVER_VERSION_NUM = 120000;

export type ServerStartResult =
  | { status: 'ok'; db: Knex; migrated: string[]; readOnly: false }
  /** The server's schema is newer than this app: opened, writes refused. */
  | { status: 'ok'; db: Knex; migrated: []; readOnly: true; unknownMigrations: string[] }
  | { status: 'foreign'; tables: string[] }
  | { status: 'tooOld'; version: string };

const known = new Set(migrations.map(([name]) => name));

/** The migrations the server has run, in order; [] when it has none (a new database). */
export async function serverMigrations(db: Knex): Promise<string[]> {
  const has = await db.schema.hasTable('knex_migrations');
  if (!has) return [];
  return (await db('knex_migrations').orderBy('id').pluck('name')) as string[];
}

/** The tables of the current schema other than knex's bookkeeping. */
export async function serverTables(db: Knex): Promise<string[]> {
  const rows = (await db('information_schema.tables')
    .where({ table_schema: db.raw('current_schema()'), table_type: 'BASE TABLE' })
    .whereNot('table_name', 'like', 'knex_migrations%')
    .orderBy('table_name')
    .pluck('table_name')) as string[];
  return rows;
}

/**
 * What a server database is to this app, without changing it: new (empty), ours (with
 * the migrations run and the ones still to run), newer (migrations this app does not know)
 * or foreign (tables that are not ArteINPE's).
 */
export async function inspectServerSchema(
  db: Knex,
): Promise<
  { kind: 'empty' } | { kind: 'ours'; pending: string[] } | { kind: 'newer'; unknown: string[] } | { kind: 'foreign'; tables: string[] }
> {
  const ran = await serverMigrations(db);
  if (ran.length === 0) {
    const tables = await serverTables(db);
    return tables.length === 0 ? { kind: 'empty' } : { kind: 'foreign', tables };
  }
  const unknown = ran.filter((n) => !known.has(n));
  // Ours only if the server's history starts with our first migration and every migration
  // it ran that we know is in our order; unknown ones after that mean a newer app.
  const ours = ran.filter((n) => known.has(n));
  if (ours.length === 0 || ran[0] !== migrations[0]![0]) return { kind: 'foreign', tables: await serverTables(db) };
  if (unknown.length > 0) return { kind: 'newer', unknown };
  return { kind: 'ours', pending: migrations.map(([n]) => n).filter((n) => !ran.includes(n)) };
}

/** The server's version as PostgreSQL reports it (server_version_num, e.g. 150014). */
export async function serverVersion(db: Knex): Promise<{ num: number; text: string }> {
  const r = (await db.raw('SHOW server_version_num')) as { rows: Array<{ server_version_num: string }> };
  const t = (await db.raw('SHOW server_version')) as { rows: Array<{ server_version: string }> };
  return { num: Number(r.rows[0]?.server_version_num ?? 0), text: t.rows[0]?.server_version ?? '?' };
}

/**
 * Runs `fn` while holding ArteINPE's migration advisory lock, on a connection of its own
 * outside the app's pool (a session lock: the server releases it when that connection
 * ends, even if this process dies midway).
 */
export async function withMigrationLock<T>(config: ServerConfig, fn: () => Promise<T>): Promise<T> {
  const lock = createServerKnex(config, { poolMax: 1 });
  try {
    const conn = (await (lock.client as { acquireConnection(): Promise<unknown> }).acquireConnection()) as never;
    await lock.raw('SELECT pg_advisory_lock(?)', [MIGRATION_LOCK_KEY]).connection(conn);
    try {
      return await fn();
    } finally {
      await lock
        .raw('SELECT pg_advisory_unlock(?)', [MIGRATION_LOCK_KEY])
        .connection(conn)
        .catch(() => undefined);
      await (lock.client as { releaseConnection(c: unknown): Promise<void> }).releaseConnection(conn);
    }
  } finally {
    await lock.destroy();
  }
}

/**
 * Opens the office's server for the app: version check, then — under the migration lock —
 * the schema check and the pending migrations. Never touches a foreign database.
 */
export async function startServerDatabase(
  config: ServerConfig,
  /** `migrations`: the migrations to run, every one (the app) or those up to one under test. */
  opts: { poolMax?: number; migrations?: Knex.MigrationSource<string> } = {},
): Promise<ServerStartResult> {
  const db = createServerKnex(config, opts);
  try {
    const version = await serverVersion(db);
    if (version.num < MIN_SERVER_VERSION_NUM) {
      await db.destroy();
      return { status: 'tooOld', version: version.text };
    }
    const result = await withMigrationLock(config, async (): Promise<ServerStartResult> => {
      const schema = await inspectServerSchema(db);
      if (schema.kind === 'foreign') return { status: 'foreign', tables: schema.tables };
      if (schema.kind === 'newer') return { status: 'ok', db, migrated: [], readOnly: true, unknownMigrations: schema.unknown };
      const [, migrated] = (await db.migrate.latest({ migrationSource: opts.migrations ?? migrationSource })) as [number, string[]];
      return { status: 'ok', db, migrated, readOnly: false };
    });
    if (result.status !== 'ok') await db.destroy();
    return result;
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
}
