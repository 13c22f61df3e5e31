import type { Knex } from 'knex';

/**
 * The changes of a site's package the centre refused (`site_refusals`), carried back in the next
 * return packages until the site acknowledges them.
 */

/** A refusal to record: the site's change (table and key), why, what it carried, and the package it came in. */
export interface NewRefusal {
  siteId: number;
  table: string;
  key: string;
  reason: string;
  details: unknown;
  packageSeq: number;
  refusedAt: string;
}

/** A refusal as a return package carries it (outbox.ts calls it PackageRefusal). */
export interface ListedRefusal {
  table: string;
  key: string;
  reason: string;
  details: unknown;
  packageSeq: number;
}

/** Whether the same refusal of that row is listed already and not yet acknowledged by the site. */
export async function refusalListed(db: Knex, siteId: number, table: string, key: string, reason: string): Promise<boolean> {
  return Boolean(
    await db('site_refusals').where({ site_id: siteId, table_name: table, row_key: key, reason, acknowledged: false }).first('id'),
  );
}

/** Records a refusal. */
export async function recordRefusal(db: Knex, r: NewRefusal): Promise<void> {
  await db('site_refusals').insert({
    site_id: r.siteId,
    table_name: r.table,
    row_key: r.key,
    reason: r.reason,
    details_json: JSON.stringify(r.details),
    package_seq: r.packageSeq,
    refused_at: r.refusedAt,
  });
}

/** Counts as acknowledged the refusals the site was sent in packages up to `seq` (the last package of the centre's it has read). */
export async function acknowledgeRefusals(db: Knex, siteId: number, seq: number): Promise<void> {
  await db('site_refusals').where({ site_id: siteId }).where('reported_seq', '<=', seq).update({ acknowledged: true });
}

/** Notes the package `seq` as the first to report the refusals not reported yet. */
export async function markRefusalsReported(db: Knex, siteId: number, seq: number): Promise<void> {
  await db('site_refusals').where({ site_id: siteId, acknowledged: false }).whereNull('reported_seq').update({ reported_seq: seq });
}

/** The refusals the site has not acknowledged yet, in order. */
export async function unacknowledgedRefusals(db: Knex, siteId: number): Promise<ListedRefusal[]> {
  const rows = (await db('site_refusals').where({ site_id: siteId, acknowledged: false }).orderBy('id')) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    table: String(r.table_name),
    key: String(r.row_key),
    reason: String(r.reason),
    details: r.details_json === null ? null : JSON.parse(String(r.details_json)),
    packageSeq: Number(r.package_seq),
  }));
}
