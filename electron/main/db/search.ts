import type { Knex } from 'knex';
import { normalizeText } from '../../../shared/format';
import { isPostgres } from './dialect';

/** Escapes LIKE's wildcards so that what the user types is literal (use with ESCAPE '\\'). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The search box: every word typed must appear in `column` (a normalized search key: lower
 * case, no accents), in any order; what the user types is literal (no LIKE wildcards).
 */
export function whereWords(q: Knex.QueryBuilder, column: string, text: string): Knex.QueryBuilder {
  for (const word of normalizeText(text).split(' ').filter(Boolean)) {
    q.whereRaw(`${column} LIKE ? ESCAPE '\\'`, [`%${escapeLike(word)}%`]);
  }
  return q;
}

/**
 * On SQLite, a register's trigram index (FTS5, migration 20261205_0019): only the rows whose
 * key holds every word of three or more letters are read. The LIKE conditions of whereWords
 * still decide; the index only spares reading the others. PostgreSQL has none: nothing added.
 */
function whereIndexed(db: Knex, q: Knex.QueryBuilder, index: { table: string; id: string }, text: string): void {
  if (isPostgres(db)) return;
  const words = normalizeText(text)
    .split(' ')
    .filter((w) => [...w].length >= 3);
  if (words.length === 0) return;
  const match = words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ');
  q.whereRaw(`${index.id} IN (SELECT rowid FROM ${index.table} WHERE ${index.table} MATCH ?)`, [match]);
}

/**
 * The first `limit` rows of `q` whose `column` holds every word of `text` (whereWords), in no
 * particular order (the scan stops once enough are found), and whether there are more:
 * what the global search (search/handlers.ts) asks of each domain's `repository/for-search.ts`.
 * `index`: the register's trigram index and the id column it points at, where it has one.
 */
export async function firstMatches<R>(
  db: Knex,
  q: Knex.QueryBuilder,
  column: string,
  text: string,
  limit: number,
  index?: { table: string; id: string },
): Promise<{ rows: R[]; more: boolean }> {
  if (index) whereIndexed(db, q, index, text);
  const rows = (await whereWords(q, column, text).limit(limit + 1)) as R[];
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}
