import type { Knex } from 'knex';
import type { StockRow } from '../../../shared/instruments/consumable-schemas';
import { normalizeText } from '../../../shared/format';
import { unitFor } from '../../../shared/units';
import { AppError } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import { whereInScope } from '../auth/access';
import { type Row, toBool } from '../db/rows';


/**
 * Stock per item and establishment is the sum of its movements (an append-only ledger);
 * a pair appears once it has a movement or a minimum.
 */
function stockQuery(db: Knex) {
  const pairs = db
    .select('item_id', 'establishment_id')
    .from('consumable_movements')
    .union((q) => q.select('item_id', 'establishment_id').from('consumable_minimums'));
  return db
    .from(pairs.as('p'))
    .join('consumable_items as i', 'i.id', 'p.item_id')
    .join('establishments as e', 'e.id', 'p.establishment_id')
    .leftJoin('consumable_minimums as m', function () {
      this.on('m.item_id', '=', 'p.item_id').andOn('m.establishment_id', '=', 'p.establishment_id');
    })
    .select(
      'p.item_id',
      'i.name as item_name',
      'i.unit',
      'p.establishment_id',
      'e.name as establishment_name',
      'm.minimum',
      db.raw(
        '(SELECT COALESCE(SUM(c.quantity), 0) FROM consumable_movements c WHERE c.item_id = p.item_id AND c.establishment_id = p.establishment_id) AS stock',
      ),
    );
}

const toStock = (r: Row): StockRow => {
  const stock = Number(r.stock ?? 0);
  const minimum = r.minimum === null || r.minimum === undefined ? null : Number(r.minimum);
  return {
    itemId: Number(r.item_id),
    itemName: String(r.item_name),
    unit: String(r.unit),
    establishmentId: Number(r.establishment_id),
    establishmentName: String(r.establishment_name),
    stock,
    minimum,
    low: minimum !== null && stock < minimum,
  };
};

/** `narrow`: a restricted user's establishments (auth/access.ts whereInScope on p.establishment_id). */
export async function stockRows(db: Knex, establishmentId: number | null, lowOnly: boolean, narrow: (q: Knex.QueryBuilder) => void = () => {}): Promise<StockRow[]> {
  const q = stockQuery(db);
  narrow(q);
  if (establishmentId !== null) q.where('p.establishment_id', establishmentId);
  // Spanish order: accents and "de" do not push names out of place.
  const collator = new Intl.Collator('es', { sensitivity: 'base' });
  const rows = ((await q) as Row[])
    .map(toStock)
    .sort((a, b) => collator.compare(a.establishmentName, b.establishmentName) || collator.compare(a.itemName, b.itemName));
  return lowOnly ? rows.filter((r) => r.low) : rows;
}

async function stockOf(db: Knex, itemId: number, establishmentId: number): Promise<StockRow> {
  const row = (await stockQuery(db).where('p.item_id', itemId).where('p.establishment_id', establishmentId).first()) as Row | undefined;
  if (row) return toStock(row);
  const item = (await db('consumable_items').where({ id: itemId }).first()) as Row;
  const e = (await db('establishments').where({ id: establishmentId }).first()) as Row;
  return { itemId, itemName: String(item.name), unit: String(item.unit), establishmentId, establishmentName: String(e.name), stock: 0, minimum: null, low: false };
}

/** A restricted user's stock: that of their establishments. */
export const stockScope = (ctx: HandlerContext) => (q: Knex.QueryBuilder) => {
  whereInScope(ctx.session, q, 'p.establishment_id');
};

async function checkRefs(ctx: HandlerContext, itemId: number, establishmentId: number): Promise<void> {
  const fields: Record<string, { key: string }> = {};
  if (!(await ctx.db('consumable_items').where({ id: itemId }).first())) fields.itemId = { key: 'errors.notFound' };
  const e = (await ctx.db('establishments').where({ id: establishmentId }).first()) as { active: unknown } | undefined;
  if (!e || !toBool(e.active)) fields.establishmentId = { key: 'inventory.errors.unknownEstablishment' };
  if (Object.keys(fields).length) throw new AppError('validation', 'errors.validation', {}, fields);
}

type ConsumableHandlers = Pick<
  Handlers,
  'consumables.items' | 'consumables.createItem' | 'consumables.stock' | 'consumables.move' | 'consumables.setMinimum'
>;

export const consumableHandlers: ConsumableHandlers = {
  'consumables.items': async (_input, ctx) =>
    ((await ctx.db('consumable_items').orderBy('name')) as Row[]).map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      unit: String(r.unit),
      active: toBool(r.active),
    })),

  'consumables.createItem': async ({ name, unit }, ctx) => {
    const existing = ((await ctx.db('consumable_items').select('name')) as Array<{ name: string }>).some(
      (r) => normalizeText(r.name) === normalizeText(name),
    );
    if (existing) {
      throw new AppError('conflict', 'inventory.consumables.duplicateItem', { name }, { name: { key: 'inventory.consumables.duplicateItem', params: { name } } });
    }
    const [row] = (await ctx.db('consumable_items').insert({ name, unit, active: true }).returning('id')) as Array<{ id: number }>;
    const item = { id: row!.id, name, unit, active: true };
    await ctx.audit({ entity: 'consumableItem', entityId: item.id, action: 'create', after: item });
    return item;
  },

  'consumables.stock': ({ establishmentId, lowOnly }, ctx) => stockRows(ctx.db, establishmentId, lowOnly, stockScope(ctx)),

  'consumables.move': async (m, ctx) => {
    await checkRefs(ctx, m.itemId, m.establishmentId);
    const before = await stockOf(ctx.db, m.itemId, m.establishmentId);
    if (m.kind === 'entrega' && m.quantity > before.stock) {
      const params = { stock: before.stock, unit: unitFor(before.stock, before.unit), item: before.itemName, establishment: before.establishmentName, quantity: m.quantity };
      throw new AppError('conflict', 'inventory.consumables.insufficient', params, { quantity: { key: 'inventory.consumables.insufficient', params } });
    }
    const [row] = (await ctx.db('consumable_movements')
      .insert({
        item_id: m.itemId,
        establishment_id: m.establishmentId,
        kind: m.kind,
        quantity: m.kind === 'entrega' ? -m.quantity : m.quantity,
        date: m.date,
        recipient: m.recipient,
        notes: m.notes,
        recorded_at: ctx.now,
        recorded_by: ctx.session.actor.name,
      })
      .returning('id')) as Array<{ id: number }>;
    const after = await stockOf(ctx.db, m.itemId, m.establishmentId);
    await ctx.audit({ entity: 'consumableMovement', entityId: row!.id, action: m.kind, before, after });
    return after;
  },

  'consumables.setMinimum': async ({ itemId, establishmentId, minimum }, ctx) => {
    await checkRefs(ctx, itemId, establishmentId);
    const before = await stockOf(ctx.db, itemId, establishmentId);
    await ctx.db('consumable_minimums')
      .insert({ item_id: itemId, establishment_id: establishmentId, minimum })
      .onConflict(['item_id', 'establishment_id'])
      .merge();
    const after = await stockOf(ctx.db, itemId, establishmentId);
    await ctx.audit({ entity: 'consumableMinimum', entityId: itemId, action: 'set', before, after });
    return after;
  },
};
