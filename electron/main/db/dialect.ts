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

/** Knex's count() answers a number on SQLite and a string on PostgreSQL. */
export function toCount(row: Record<string, unknown> | undefined, column = 'n'): number {
  const v = row?.[column];
  return typeof v === 'string' ? Number.parseInt(v, 10) : Number(v ?? 0);
}

/** SQLite stores booleans as 0/1; PostgreSQL answers true/false. */
export const toBool = (v: unknown): boolean => v === true || v === 1 || v === '1';
