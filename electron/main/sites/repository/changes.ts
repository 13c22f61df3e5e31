import type { Knex } from 'knex';
import { chunked } from '../rows';
import { numOr0 } from '../../db/rows';

/** The log of this installation's changes to travelling rows (`site_changes`, written by the capture triggers). */

/** One change the triggers wrote. */
export interface SiteChange {
  /** The change's number on this installation (site_changes.id), in the order written. */
  seq: number;
  table: string;
  gid: string;
  gid2: string | null;
  op: 'I' | 'U' | 'D';
  at: string;
  userId: string | null;
  userName: string | null;
}

/** The changes logged after `afterSeq`, in order. */
export async function changesSince(db: Knex, afterSeq = 0): Promise<SiteChange[]> {
  const rows = (await db('site_changes').where('id', '>', afterSeq).orderBy('id')) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    seq: Number(r.id),
    table: String(r.table_name),
    gid: String(r.gid),
    gid2: r.gid2 === null ? null : String(r.gid2),
    op: r.op as SiteChange['op'],
    at: String(r.at),
    userId: r.user_id === null ? null : String(r.user_id),
    userName: r.user_name === null ? null : String(r.user_name),
  }));
}

/** The number of the last change logged here (0: none). */
export async function lastChangeId(db: Knex): Promise<number> {
  const last = (await db('site_changes').max('id as m').first()) as { m: number | null } | undefined;
  return numOr0(last?.m);
}

/** Logs an update of a row (by its gid) again, so that its current version travels in the next package. */
export async function logUpdateAgain(db: Knex, table: string, gid: string, at: string): Promise<void> {
  await db('site_changes').insert({ table_name: table, gid, gid2: null, op: 'U', at });
}

/**
 * The last change here, after `floor`, of the rows of `table` whose (first) gid is one of `gids`,
 * per gid and second gid (a link's), read in chunks.
 */
export async function lastChangesOf(
  db: Knex,
  table: string,
  gids: readonly string[],
  floor: number,
): Promise<Array<{ gid: string; gid2: string | null; last: number }>> {
  const out: Array<{ gid: string; gid2: string | null; last: number }> = [];
  for (const part of chunked(gids)) {
    const changed = (await db('site_changes')
      .where({ table_name: table })
      .whereIn('gid', part)
      .where('id', '>', floor)
      .groupBy('gid', 'gid2')
      .select('gid', 'gid2')
      .max({ last: 'id' })) as Array<{ gid: string; gid2: string | null; last: number }>;
    out.push(...changed);
  }
  return out;
}
