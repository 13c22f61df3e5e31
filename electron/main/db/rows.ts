/**
 * Reading database rows into the contract's shapes: one place for the coercions every
 * repository needs (SQLite and PostgreSQL return numbers, booleans and nulls differently).
 */

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/** A nullable text column: null stays null. */
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A nullable text column where an empty text also means "none". */
export const nonEmpty = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** A nullable number column (counts and sums arrive as text from PostgreSQL). */
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A number column where none means zero: a count, a sum over no rows. */
export const numOr0 = (v: unknown): number => Number(v ?? 0);

/** Knex's count() answers a number on SQLite and a string on PostgreSQL. */
export function toCount(row: Record<string, unknown> | undefined, column = 'n'): number {
  const v = row?.[column];
  return typeof v === 'string' ? Number.parseInt(v, 10) : Number(v ?? 0);
}

/** SQLite stores booleans as 0/1; PostgreSQL answers true/false. */
export const toBool = (v: unknown): boolean => v === true || v === 1 || v === '1';

/** A changeable record's version and who changed it last, when: the answers' `stamped` fields (shared/ipc.ts). */
export const stampedOf = (r: Row): { version: number; updatedAt: string; updatedBy: string } => ({
  version: Number(r.version),
  updatedAt: String(r.updated_at),
  updatedBy: String(r.updated_by),
});

/** Who recorded a ledger entry and when: the answers' `recorded` fields (shared/ipc.ts). */
export const recordedOf = (r: Row): { recordedAt: string; recordedBy: string } => ({
  recordedAt: String(r.recorded_at),
  recordedBy: String(r.recorded_by),
});
