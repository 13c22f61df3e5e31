import type { Knex } from 'knex';
import type { Row } from '../../db/rows';
import { chunked } from '../rows';

/** The versions of a peer's rows applied or met here (`site_seen`): the `base` of a row sent back to that peer. */

/** The peer's change id of the last version of each of these rows of `table` seen here, by row key, read in chunks. */
export async function seenVersions(db: Knex, peerId: string, table: string, keys: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunked(keys)) {
    const seen = (await db('site_seen')
      .where({ peer_id: peerId, table_name: table })
      .whereIn('row_key', part)
      .select('row_key', 'peer_change_id')) as Array<{ row_key: string; peer_change_id: number }>;
    for (const r of seen) out.set(String(r.row_key), Number(r.peer_change_id));
  }
  return out;
}

/** Writes the versions of the peer applied or met here (`site_seen`), many per statement. */
export async function writeSeen(trx: Knex.Transaction, rows: readonly Row[]): Promise<void> {
  for (const part of chunked(rows, 200)) await trx('site_seen').insert(part).onConflict(['peer_id', 'table_name', 'row_key']).merge();
}
