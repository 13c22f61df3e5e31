import type { Knex } from 'knex';
import { normalizeText } from '../../../shared/format';

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
