import type { Knex } from 'knex';
/**
 * The one place where the SQL dialects differ (SQLite today, PostgreSQL for office mode).
 */

interface DbError {
  code?: string;
  errno?: number;
  message?: string;
}

const asDbError = (err: unknown): DbError => (typeof err === 'object' && err !== null ? (err as DbError) : {});

export function isUniqueViolation(err: unknown): boolean {
  const e = asDbError(err);
  if (e.code === '23505') return true; // PostgreSQL
  return e.code === 'SQLITE_CONSTRAINT' && /UNIQUE constraint failed/i.test(e.message ?? '');
}

export function isForeignKeyViolation(err: unknown): boolean {
  const e = asDbError(err);
  if (e.code === '23503') return true; // PostgreSQL
  return e.code === 'SQLITE_CONSTRAINT' && /FOREIGN KEY constraint failed/i.test(e.message ?? '');
}

/** Whether a knex instance (or transaction) talks to PostgreSQL (office mode) rather than SQLite. */
export const isPostgres = (db: Knex): boolean => (db.client as { config: { client: unknown } }).config.client === 'pg';

/** The rows of a db.raw SELECT: SQLite answers them as they are, PostgreSQL inside a result object. */
export const rawRows = (db: Knex, result: unknown): Array<Record<string, unknown>> =>
  isPostgres(db) ? (result as { rows: Array<Record<string, unknown>> }).rows : (result as Array<Record<string, unknown>>);

/**
 * Locks the rows a write is about to derive state from, before it reads them: on
 * PostgreSQL SELECT … FOR UPDATE in id order (two clerks moving the same instruments
 * queue up, without deadlock, and the second reads the first's result and gets the state
 * machine's refusal); on SQLite nothing, a write transaction already runs alone.
 */
export async function lockRows(db: Knex, table: string, ids: number[]): Promise<void> {
  if (!isPostgres(db) || ids.length === 0) return;
  const sorted = [...ids].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += 1000) {
    await db(table)
      .whereIn('id', sorted.slice(i, i + 1000))
      .orderBy('id')
      .forUpdate()
      .select('id');
  }
}

/**
 * After rows were inserted with explicit ids (the demonstration dataset, the copy to the
 * server), PostgreSQL's sequences must move past them; SQLite needs nothing.
 */
export async function resetSequences(db: Knex): Promise<void> {
  if (!isPostgres(db)) return;
  const rows = (await db.raw(
    `SELECT c.table_name AS t FROM information_schema.columns c
       JOIN information_schema.tables x ON x.table_schema = c.table_schema AND x.table_name = c.table_name AND x.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.column_name = 'id' AND c.column_default LIKE 'nextval(%'`,
  )) as { rows: Array<{ t: string }> };
  for (const { t } of rows.rows) {
    await db.raw(
      `SELECT setval(pg_get_serial_sequence(?, 'id'), GREATEST(COALESCE((SELECT MAX(id) FROM ??), 0), 1), (SELECT MAX(id) FROM ??) IS NOT NULL)`,
      [t, t, t],
    );
  }
}

/**
 * What Promise.all does for queries, one after another: on PostgreSQL a transaction is one
 * connection, which takes one query at a time (pg 8 warns about overlapping ones and pg 9
 * refuses them). Knex builders start only when awaited, so pass them as they are; wrap
 * anything that starts at once (an async function's call) in `later`.
 */
export async function inTurn<T extends readonly unknown[] | []>(items: T): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const out: unknown[] = [];
  for (const item of items) out.push(await item);
  return out as { -readonly [P in keyof T]: Awaited<T[P]> };
}

/**
 * Queries side by side where the connection allows it (a pool: report connections, a
 * PostgreSQL pool), one after another inside a transaction (one connection). Pass them as
 * for inTurn.
 */
export async function together<T extends readonly unknown[] | []>(
  db: Knex,
  items: T,
): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  if (db.isTransaction) return inTurn(items);
  return (await Promise.all(items)) as { -readonly [P in keyof T]: Awaited<T[P]> };
}

/** A promise-like that starts its work only when inTurn awaits it. */
export const later = <T>(start: () => PromiseLike<T>): PromiseLike<T> => ({
  then: (ok, ko) => start().then(ok, ko),
});

/** The month (yyyy-mm) of an ISO date or timestamp column, as SQL both dialects read (dates are stored as text). */
export const monthOf = (column: string): string => `substr(${column}, 1, 7)`;

/**
 * SQL for an ISO date expression plus n whole months, as ISO text, the day clamped to the
 * month's last day on both dialects (31 Jan + 1 month → 28 Feb; SQLite alone would answer 3 Mar).
 */
export function addMonthsSql(db: Knex, expr: string, n: number): string {
  const k = Math.trunc(n);
  if (isPostgres(db)) return `to_char((${expr})::date + interval '${k} months', 'YYYY-MM-DD')`;
  return `min(date(${expr}, '+${k} months'), date(${expr}, 'start of month', '+${k + 1} months', '-1 day'))`;
}

/**
 * A table with its alias, read through the index named on SQLite (`INDEXED BY`): for the rare
 * query whose best plan the planner misses (a scan of a covering index in the GROUP BY's order
 * against a range search plus a sort). On PostgreSQL, the plain table: its planner chooses.
 * Both names are the app's own (never user input).
 */
export function indexedBy(db: Knex, table: string, alias: string, index: string): Knex.QueryBuilder {
  if (isPostgres(db)) return db(`${table} as ${alias}`);
  return db.from(db.raw('?? AS ?? INDEXED BY ??', [table, alias, index]));
}
