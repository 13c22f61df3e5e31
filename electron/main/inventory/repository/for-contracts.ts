import type { Knex } from 'knex';
import { artFamilies } from '../../../../shared/inventory/rules';
import { numOr0, type Row } from '../../db/rows';

/**
 * What the contracts area's budget needs of the inventory: what INPE's budget bought in a year.
 * - instruments: the musical instruments bought with INPE's budget, acquired that year
 *   (the instrumentos line);
 * - materials: the art equipment (kilns, wheels, easels, tools) bought the same way, and the
 *   consumables' entries that were purchases (quantity × unit cost, dated that year) — the
 *   materiales line.
 * Both read an index: instruments by (acquisition_date, funding), each joined to its type by id;
 * the consumables' ledger is small (a few entries a month per establishment).
 */
export interface InventoryPurchases {
  instruments: number;
  materials: number;
}

export async function inventoryPurchasesCentimos(db: Knex, year: number): Promise<InventoryPurchases> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const art = artFamilies.map(() => '?').join(', ');
  const [bought] = (await db('instruments as i')
    .join('instrument_types as t', 't.id', 'i.type_id')
    .where('i.funding', 'presupuesto_inpe')
    .where('i.acquisition_date', '>=', from)
    .where('i.acquisition_date', '<=', to)
    .select(
      db.raw(`SUM(CASE WHEN t.family IN (${art}) THEN 0 ELSE i.cost_centimos END) AS instruments`, [...artFamilies]),
      db.raw(`SUM(CASE WHEN t.family IN (${art}) THEN i.cost_centimos ELSE 0 END) AS equipment`, [...artFamilies]),
    )) as Row[];
  // A bigint product: 1,000,000 units at S/ 100,000.00 would overflow PostgreSQL's integer.
  const [consumables] = (await db('consumable_movements')
    .where('kind', 'ingreso')
    .whereNotNull('unit_cost_centimos')
    .where('date', '>=', from)
    .where('date', '<=', to)
    .select(db.raw('SUM(CAST(quantity AS BIGINT) * unit_cost_centimos) AS s'))) as Row[];
  return {
    instruments: numOr0(bought?.instruments),
    materials: numOr0(bought?.equipment) + numOr0(consumables?.s),
  };
}

/** The same purchases month by month (index 0 = January): the budget's execution by month. */
export async function inventoryPurchasesByMonth(db: Knex, year: number): Promise<{ instruments: number[]; materials: number[] }> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const art = artFamilies.map(() => '?').join(', ');
  const bought = (await db('instruments as i')
    .join('instrument_types as t', 't.id', 'i.type_id')
    .where('i.funding', 'presupuesto_inpe')
    .where('i.acquisition_date', '>=', from)
    .where('i.acquisition_date', '<=', to)
    .groupByRaw('SUBSTR(i.acquisition_date, 6, 2)')
    .select(
      db.raw('SUBSTR(i.acquisition_date, 6, 2) AS month'),
      db.raw(`SUM(CASE WHEN t.family IN (${art}) THEN 0 ELSE i.cost_centimos END) AS instruments`, [...artFamilies]),
      db.raw(`SUM(CASE WHEN t.family IN (${art}) THEN i.cost_centimos ELSE 0 END) AS equipment`, [...artFamilies]),
    )) as Row[];
  const consumables = (await db('consumable_movements')
    .where('kind', 'ingreso')
    .whereNotNull('unit_cost_centimos')
    .where('date', '>=', from)
    .where('date', '<=', to)
    .groupByRaw('SUBSTR("date", 6, 2)')
    .select(db.raw('SUBSTR("date", 6, 2) AS month'), db.raw('SUM(CAST(quantity AS BIGINT) * unit_cost_centimos) AS s'))) as Row[];
  const instruments = Array<number>(12).fill(0);
  const materials = Array<number>(12).fill(0);
  const at = (r: Row) => Number(r.month) - 1;
  for (const r of bought) {
    const m = at(r);
    if (m < 0 || m > 11) continue;
    instruments[m]! += numOr0(r.instruments);
    materials[m]! += numOr0(r.equipment);
  }
  for (const r of consumables) {
    const m = at(r);
    if (m >= 0 && m < 12) materials[m]! += numOr0(r.s);
  }
  return { instruments, materials };
}
