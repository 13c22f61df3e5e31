import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';

/**
 * How each SQLite connection is set up: write-ahead log, foreign keys enforced, wait instead of
 * failing when busy, and a page cache of up to 32 MiB (SQLite's default is 2 MiB: a national
 * year's evaluation reads the same enrolment indexes several times, and its sorts spill past it).
 */
const CONNECTION_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA cache_size = -32768',
].join(';');

interface SqliteConnection {
  exec(sql: string, cb: (err: Error | null) => void): void;
}

/**
 * A knex instance on one SQLite file. inspect: only to read an existing file (a backup)
 * without switching its journal mode.
 */
export function createKnex(dbPath: string, opts: { inspect?: boolean } = {}): Knex {
  if (!opts.inspect) fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  return knexFactory({
    client: 'sqlite3',
    connection: { filename: dbPath },
    useNullAsDefault: true,
    // One connection: SQLite serialises writers anyway, and one connection makes every
    // transaction see the same state without SQLITE_BUSY between pooled connections.
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: SqliteConnection, done: (err: Error | null, conn: SqliteConnection) => void) => {
        conn.exec(opts.inspect ? 'PRAGMA busy_timeout = 5000' : CONNECTION_PRAGMAS, (err) => done(err, conn));
      },
    },
  });
}

/** How many report connections read side by side (an office PC has 2 to 4 cores). */
export const REPORT_CONNECTIONS = 2;

/**
 * The connections long aggregate reads use (the evaluation page, its export and print): on a
 * SQLite file, up to REPORT_CONNECTIONS more connections beside the app's one, in SQLite's
 * query_only mode, so the figures of a report are read side by side on separate cores. Each
 * read sees what is committed (write-ahead log), never a write in progress. Connections open
 * when first asked for and close after a few idle seconds. Elsewhere the database itself: a
 * PostgreSQL pool already reads side by side, and an in-memory SQLite has no second connection.
 * The caller closes what this answers (closeReports) before it closes `db`.
 */
export function openReports(db: Knex): Knex {
  const config = (db.client as { config: Knex.Config }).config;
  const filename = (config.connection as { filename?: string } | undefined)?.filename;
  if (config.client !== 'sqlite3' || !filename || filename === ':memory:' || filename.startsWith('file::memory:')) return db;
  return knexFactory({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 0,
      max: REPORT_CONNECTIONS,
      idleTimeoutMillis: 3000,
      afterCreate: (conn: SqliteConnection, done: (err: Error | null, conn: SqliteConnection) => void) => {
        conn.exec('PRAGMA query_only = ON; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -32768', (err) => done(err, conn));
      },
    },
  });
}

/** Closes the report connections openReports opened (nothing when they are the database itself). */
export async function closeReports(db: Knex, reports: Knex): Promise<void> {
  if (reports !== db) await reports.destroy();
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

/** PRAGMA quick_check: a damaged or foreign file answers problems instead of "ok". */
export async function checkIntegrity(db: Knex): Promise<IntegrityReport> {
  try {
    const rows = (await db.raw('PRAGMA quick_check')) as Array<Record<string, string>>;
    const problems = rows.map((r) => Object.values(r)[0] ?? '').filter((v) => v !== 'ok');
    return { ok: problems.length === 0, problems };
  } catch (err) {
    return { ok: false, problems: [err instanceof Error ? err.message : String(err)] };
  }
}

/** Where the office's PostgreSQL server is (Settings → Base de datos); the password comes from the platform's secrets. */
export interface ServerConfig {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /**
   * TLS to the server (on by default in Settings → Base de datos), always verified
   * (rejectUnauthorized): the server's certificate must be signed by `caCert` when given,
   * otherwise by an authority Node trusts, and name the host typed.
   */
  ssl: boolean;
  /** The PEM text of the CA certificate that signed the server's certificate; null/absent: Node's trusted authorities. */
  caCert?: string | null;
}

/** pg's `ssl` option for a config: verified TLS (with the chosen CA when there is one) or none. */
export function sslOption(config: Pick<ServerConfig, 'ssl' | 'caCert'>): false | { rejectUnauthorized: true; ca?: string } {
  if (!config.ssl) return false;
  return config.caCert ? { rejectUnauthorized: true, ca: config.caCert } : { rejectUnauthorized: true };
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

const serverTypeParser = ((oid: number, format?: string) => {
  if (oid === INT8_OID) return (v: string) => Number.parseInt(v, 10);
  if (oid === NUMERIC_OID) return (v: string) => Number(v);
  return pg.types.getTypeParser(oid, (format ?? 'text') as 'text');
}) as unknown as typeof pg.types.getTypeParser;

/**
 * A server config from a postgres:// URL (tests, the bench, command-line tools). TLS as the
 * URL's sslmode says: require, verify-ca or verify-full turn it on (always verified here);
 * without sslmode it is off, as for the throwaway test server, which has no TLS.
 */
export function serverConfigFromUrl(url: string): ServerConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    ssl: ['require', 'verify-ca', 'verify-full'].includes(u.searchParams.get('sslmode') ?? ''),
  };
}

/**
 * The password this data layer connected to the office's server with — the one every office PC
 * keeps sealed and opened at start (office/config.ts serverOfChoice, index.ts) — or null on SQLite
 * or without one. The centre's private keys on the server are sealed under it (sites/installation.ts).
 */
export function serverPassword(db: Knex): string | null {
  const config = (db.client as { config: { client?: unknown; connection?: { password?: unknown } } }).config;
  const password = config.client === 'pg' ? config.connection?.password : null;
  return typeof password === 'string' && password !== '' ? password : null;
}

/**
 * A knex instance on the office's PostgreSQL server. A pool of a few connections: the
 * server serialises nothing for us, so writes that derive state lock their rows (FOR
 * UPDATE, see dialect.ts forUpdate) and records carry versions.
 */
export function createServerKnex(config: ServerConfig, opts: { poolMax?: number; connectTimeoutMs?: number; quiet?: boolean } = {}): Knex {
  const silent = () => undefined;
  return knexFactory({
    // A connection test reports its own problem in Spanish; knex's warning would only repeat it.
    ...(opts.quiet ? { log: { warn: silent, error: silent, debug: silent, deprecate: silent } } : {}),
    client: 'pg',
    connection: {
      host: config.host,
      port: config.port,
      database: config.database,
      user: config.user,
      password: config.password,
      ssl: sslOption(config),
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
      application_name: 'ArteINPE',
      // bigint (counts, céntimos) and numeric (sums) arrive as numbers, as on SQLite: every
      // amount this app keeps is far below 2^53.
      types: { getTypeParser: serverTypeParser } as unknown as Knex.PgConnectionConfig['types'],
    },
    pool: { min: 0, max: opts.poolMax ?? 6 },
    acquireConnectionTimeout: opts.connectTimeoutMs ? opts.connectTimeoutMs + 2_000 : 30_000,
  });
}
