import type { Knex } from 'knex';

/** The conflicts a site's package met at the centre (`site_conflicts`): both versions of a row, until a clerk chooses. */

/** A conflict to record: the site's row (by table and key), this installation's version and the site's, as package rows. */
export interface NewConflict {
  siteId: number;
  table: string;
  key: string;
  local: unknown;
  incoming: unknown;
  base: number;
  packageSeq: number;
  detectedAt: string;
}

/** Records a conflict met while applying a site's package. */
export async function recordConflict(db: Knex, c: NewConflict): Promise<void> {
  await db('site_conflicts').insert({
    site_id: c.siteId,
    table_name: c.table,
    row_key: c.key,
    local_json: JSON.stringify(c.local),
    incoming_json: JSON.stringify(c.incoming),
    base: c.base,
    package_seq: c.packageSeq,
    detected_at: c.detectedAt,
  });
}

/** The rows (table and key) in an open conflict with that site. */
export async function openConflictRows(db: Knex, siteId: number): Promise<Array<{ table: string; key: string }>> {
  const open = (await db('site_conflicts').where({ site_id: siteId }).whereNull('resolved_at').select('table_name', 'row_key')) as Array<{
    table_name: string;
    row_key: string;
  }>;
  return open.map((r) => ({ table: r.table_name, key: r.row_key }));
}
