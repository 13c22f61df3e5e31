import type { Knex } from 'knex';
import type { Condition, Status } from '../../../../shared/inventory/rules';
import { num, numOr0, type Row, str, toCount } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';
import type { Narrow } from './instruments';

/** The inventory's totals: instruments and their value by establishment and condition, and by status. */

export interface SummaryCell {
  /** null: the central warehouse. */
  establishmentId: number | null;
  name: string | null;
  condition: Condition;
  count: number;
  valueCentimos: number;
}

/** How many instruments in `statuses`, and their cost, per establishment and condition. `narrow`: on i.establishment_id, i.transit_to_establishment_id. */
export async function countsByEstablishmentAndCondition(db: Knex, statuses: readonly Status[], narrow: Narrow): Promise<SummaryCell[]> {
  const q = db('instruments as i');
  narrow(q);
  const rows = (await joinEstablishment(q, 'e', 'i.establishment_id', 'left')
    .whereIn('i.status', statuses)
    .groupBy('i.establishment_id', 'e.name', 'i.condition')
    .select('i.establishment_id', 'e.name', 'i.condition')
    .count({ n: '*' })
    .sum({ value: 'i.cost_centimos' })) as Row[];
  return rows.map((r) => ({
    establishmentId: num(r.establishment_id),
    name: str(r.name),
    condition: r.condition as Condition,
    count: toCount(r),
    valueCentimos: numOr0(r.value),
  }));
}

/** How many instruments are in each of `statuses` (a status with none is absent). `narrow`: as above. */
export async function countsByStatus(db: Knex, statuses: readonly Status[], narrow: Narrow): Promise<Map<Status, number>> {
  const q = db('instruments as i');
  narrow(q);
  const rows = (await q.whereIn('status', statuses).groupBy('status').select('status').count({ n: '*' })) as Row[];
  return new Map(rows.map((r) => [r.status as Status, toCount(r)]));
}
