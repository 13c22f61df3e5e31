import type { Knex } from 'knex';
import { numOr0 as n, type Row } from '../../db/rows';

/**
 * What the inventory offers the evaluation page (issue 17): instruments (things, counted) by
 * condition in each establishment, today. Those written off or lost are no longer there.
 */
export async function instrumentConditions(
  db: Knex,
  establishmentIds: number[] | null,
): Promise<Array<{ establishmentId: number; condition: string; count: number }>> {
  const q = db('instruments as i').whereNotNull('i.establishment_id').whereNotIn('i.status', ['de_baja', 'extraviado']);
  if (establishmentIds) q.whereIn('i.establishment_id', establishmentIds);
  const rows = (await q
    .groupBy('i.establishment_id', 'i.condition')
    .select('i.establishment_id', 'i.condition', db.raw('COUNT(*) AS c'))) as Row[];
  return rows.map((r) => ({ establishmentId: n(r.establishment_id), condition: String(r.condition), count: n(r.c) }));
}
