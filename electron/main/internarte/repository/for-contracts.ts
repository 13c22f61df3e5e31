import type { Knex } from 'knex';
import { type Row, str } from '../../db/rows';

/**
 * What the contracts' budget asks of InternArte (issue 16): the exhibitions a budget expense
 * may be for (mounting, transport, printing), by id, with their titles.
 */

export interface ExhibitionTarget {
  kind: 'exposicion';
  id: number;
  name: string;
  /** The day it opens, when known. */
  date: string | null;
}

/** The exhibitions open at some time in the year, or with no dates yet, by opening day and title. */
export async function exhibitionTargets(db: Knex, year: number): Promise<ExhibitionTarget[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = (await db('exhibitions')
    .where((q) => q.whereNull('starts_on').orWhere('starts_on', '<=', to))
    .where((q) => q.whereNull('ends_on').orWhere('ends_on', '>=', from))
    .orderBy([{ column: 'starts_on' }, { column: 'title_key' }, { column: 'id' }])
    .select('id', 'title', 'starts_on')) as Row[];
  return rows.map((r) => ({
    kind: 'exposicion',
    id: Number(r.id),
    name: String(r.title),
    date: str(r.starts_on),
  }));
}

/** The titles of these exhibitions (those that exist), by id. */
export async function exhibitionTitles(db: Knex, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await db('exhibitions')
    .whereIn('id', [...new Set(ids)])
    .select('id', 'title')) as Row[];
  return new Map(rows.map((r) => [Number(r.id), String(r.title)]));
}
