import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';

/** How each SQLite connection is set up: write-ahead log, foreign keys enforced, wait instead of failing when busy. */
const CONNECTION_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA synchronous = NORMAL',
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

