import type { Knex } from 'knex';
import type { ConsumableItem, StockRow } from '../../../../shared/inventory/consumable-schemas';
import type { ConsumableCategory } from '../../../../shared/inventory/rules';
import { type Row, toBool, num, numOr0 } from '../../db/rows';
import { getEstablishment, joinEstablishment } from '../../establishments/repository';
import { type Narrow, noNarrow } from './instruments';
import { insertId } from '../../db/writes';

/**
 * Stock per item and establishment is the sum of its movements (an append-only ledger);
 * a pair appears once it has a movement or a minimum.
 */
function stockQuery(db: Knex) {
  const pairs = db
    .select('item_id', 'establishment_id')
    .from('consumable_movements')
    .union((q) => q.select('item_id', 'establishment_id').from('consumable_minimums'));
  const q = db.from(pairs.as('p')).join('consumable_items as i', 'i.id', 'p.item_id');
  return joinEstablishment(q, 'e', 'p.establishment_id')
    .leftJoin('consumable_minimums as m', function () {
      this.on('m.item_id', '=', 'p.item_id').andOn('m.establishment_id', '=', 'p.establishment_id');
    })
    .select(
      'p.item_id',
      'i.name as item_name',
      'i.unit',
      'i.category',
      'p.establishment_id',
      'e.name as establishment_name',
      'm.minimum',
      db.raw(
        '(SELECT COALESCE(SUM(c.quantity), 0) FROM consumable_movements c WHERE c.item_id = p.item_id AND c.establishment_id = p.establishment_id) AS stock',
      ),
    );
}

const toStock = (r: Row): StockRow => {
  const stock = numOr0(r.stock);
  const minimum = num(r.minimum);
  return {
    itemId: Number(r.item_id),
    itemName: String(r.item_name),
    unit: String(r.unit),
    category: String(r.category) as ConsumableCategory,
    establishmentId: Number(r.establishment_id),
    establishmentName: String(r.establishment_name),
    stock,
    minimum,
    low: minimum !== null && stock < minimum,
  };
};

/** `narrow`: a restricted user's establishments (auth/access.ts whereInScope on p.establishment_id). */
export async function stockRows(
  db: Knex,
  establishmentId: number | null,
  lowOnly: boolean,
  narrow: Narrow = noNarrow,
  category: ConsumableCategory | null = null,
): Promise<StockRow[]> {
  const q = stockQuery(db);
  narrow(q);
  if (establishmentId !== null) q.where('p.establishment_id', establishmentId);
  if (category !== null) q.where('i.category', category);
  // Spanish order: accents and "de" do not push names out of place.
  const collator = new Intl.Collator('es', { sensitivity: 'base' });
  const rows = ((await q) as Row[])
    .map(toStock)
    .sort((a, b) => collator.compare(a.establishmentName, b.establishmentName) || collator.compare(a.itemName, b.itemName));
  return lowOnly ? rows.filter((r) => r.low) : rows;
}

/** One item's stock at one establishment (zero, no minimum, before its first movement). */
export async function stockOf(db: Knex, itemId: number, establishmentId: number): Promise<StockRow> {
  const row = (await stockQuery(db).where('p.item_id', itemId).where('p.establishment_id', establishmentId).first()) as Row | undefined;
  if (row) return toStock(row);
  const item = (await db('consumable_items').where({ id: itemId }).first()) as Row;
  const e = await getEstablishment(db, establishmentId);
  return {
    itemId,
    itemName: String(item.name),
    unit: String(item.unit),
    category: String(item.category) as ConsumableCategory,
    establishmentId,
    establishmentName: e!.name,
    stock: 0,
    minimum: null,
    low: false,
  };
}

export async function listItems(db: Knex): Promise<ConsumableItem[]> {
  return ((await db('consumable_items').orderBy('name')) as Row[]).map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    unit: String(r.unit),
    category: String(r.category) as ConsumableCategory,
    active: toBool(r.active),
  }));
}

export async function itemExists(db: Knex, id: number): Promise<boolean> {
  return (await db('consumable_items').where({ id }).first()) !== undefined;
}

/** Every item's name, in no order (duplicates are checked on the normalized name). */
export async function itemNames(db: Knex): Promise<string[]> {
  return ((await db('consumable_items').select('name')) as Array<{ name: string }>).map((r) => r.name);
}

/** The item ids in the order they were created (the demonstration data draws from them). */
export async function itemIds(db: Knex): Promise<number[]> {
  return (await db('consumable_items').orderBy('id').pluck('id')) as number[];
}

export async function insertItem(db: Knex, name: string, unit: string, category: ConsumableCategory): Promise<number> {
  return insertId(db('consumable_items'), { name, unit, category, active: true });
}

/** A movement of stock, as the clerk gave it: an entrega is stored as a negative quantity. */
export interface ConsumableMovementValues {
  itemId: number;
  establishmentId: number;
  kind: 'ingreso' | 'entrega';
  quantity: number;
  date: string;
  recipient: string | null;
  notes: string | null;
  /** What one unit cost (an ingreso that was a purchase), or null. */
  unitCostCentimos: number | null;
}

export async function insertConsumableMovement(db: Knex, m: ConsumableMovementValues, recordedBy: string, now: string): Promise<number> {
  return insertId(db('consumable_movements'), {
    item_id: m.itemId,
    establishment_id: m.establishmentId,
    kind: m.kind,
    quantity: m.kind === 'entrega' ? -m.quantity : m.quantity,
    date: m.date,
    recipient: m.recipient,
    notes: m.notes,
    unit_cost_centimos: m.unitCostCentimos,
    recorded_at: now,
    recorded_by: recordedBy,
  });
}

export async function setMinimum(db: Knex, itemId: number, establishmentId: number, minimum: number): Promise<void> {
  await db('consumable_minimums')
    .insert({ item_id: itemId, establishment_id: establishmentId, minimum })
    .onConflict(['item_id', 'establishment_id'])
    .merge();
}

/** The demonstration data's stock: raw movement and minimum rows, in batches. */
export async function insertDemoStock(db: Knex, movements: Record<string, unknown>[], minimums: Record<string, unknown>[]): Promise<void> {
  await db.batchInsert('consumable_movements', movements, 200);
  await db.batchInsert('consumable_minimums', minimums, 200);
}
