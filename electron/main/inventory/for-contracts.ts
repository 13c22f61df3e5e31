import type { Knex } from 'knex';
import { numOr0, type Row } from '../db/rows';

/**
 * What the contracts area's budget needs of the inventory: on the instrumentos line, the
 * instruments bought with INPE's budget count as executed in the year they were acquired.
 */
export async function instrumentPurchasesCentimos(db: Knex, year: number): Promise<number> {
  const [row] = (await db('instruments')
    .where('funding', 'presupuesto_inpe')
    .where('acquisition_date', '>=', `${year}-01-01`)
    .where('acquisition_date', '<=', `${year}-12-31`)
    .sum({ s: 'cost_centimos' })) as Row[];
  return numOr0(row?.s);
}
