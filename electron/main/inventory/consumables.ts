import { normalizeText } from '../../../shared/format';
import { unitFor } from '../../../shared/units';
import { AppError, fieldError } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { refusedEstablishments } from '../establishments/repository';
import * as repo from './repository';
import { stockScope } from './scope';

/**
 * Consumables (strings, reeds, sticks…; clay, glazes, paints for the art workshops): stock per
 * item and establishment is the sum of its movements (an append-only ledger,
 * repository/consumables.ts), each below its minimum flagged low. An ingreso that was a purchase
 * carries its unit cost, executed on the budget's materiales line (repository/for-contracts.ts).
 */

async function checkRefs(ctx: HandlerContext, itemId: number, establishmentId: number): Promise<void> {
  const fields: Record<string, { key: string }> = {};
  if (!(await repo.itemExists(ctx.db, itemId))) fields.itemId = { key: 'errors.notFound' };
  if ((await refusedEstablishments(ctx.db, [establishmentId])).size > 0)
    fields.establishmentId = { key: 'inventory.errors.unknownEstablishment' };
  if (Object.keys(fields).length) throw new AppError('validation', 'errors.validation', {}, fields);
}

type ConsumableChannel =
  'consumables.items' | 'consumables.createItem' | 'consumables.stock' | 'consumables.move' | 'consumables.setMinimum';

export const consumableHandlers: DomainHandlers<ConsumableChannel> = {
  'consumables.items': (_input, ctx) => repo.listItems(ctx.db),

  'consumables.createItem': async ({ name, unit, category }, ctx) => {
    const existing = (await repo.itemNames(ctx.db)).some((n) => normalizeText(n) === normalizeText(name));
    if (existing) throw fieldError('name', 'inventory.consumables.duplicateItem', { name }, 'conflict');
    const item = { id: await repo.insertItem(ctx.db, name, unit, category), name, unit, category, active: true };
    await ctx.audit({ entity: 'consumableItem', entityId: item.id, action: 'create', after: item });
    return item;
  },

  'consumables.stock': ({ establishmentId, lowOnly, category }, ctx) =>
    repo.stockRows(ctx.db, establishmentId, lowOnly, stockScope(ctx), category),

  'consumables.move': async (m, ctx) => {
    await checkRefs(ctx, m.itemId, m.establishmentId);
    const before = await repo.stockOf(ctx.db, m.itemId, m.establishmentId);
    if (m.kind === 'entrega' && m.quantity > before.stock) {
      const params = {
        stock: before.stock,
        unit: unitFor(before.stock, before.unit),
        item: before.itemName,
        establishment: before.establishmentName,
        quantity: m.quantity,
      };
      throw fieldError('quantity', 'inventory.consumables.insufficient', params, 'conflict');
    }
    const id = await repo.insertConsumableMovement(ctx.db, m, ctx.session.actor.name, ctx.now);
    const after = await repo.stockOf(ctx.db, m.itemId, m.establishmentId);
    // A purchase's unit cost is what reaches the budget's materiales line: the entry says it.
    const logged = m.unitCostCentimos === null ? after : { ...after, unitCostCentimos: m.unitCostCentimos };
    await ctx.audit({ entity: 'consumableMovement', entityId: id, action: m.kind, before, after: logged });
    return after;
  },

  'consumables.setMinimum': async ({ itemId, establishmentId, minimum }, ctx) => {
    await checkRefs(ctx, itemId, establishmentId);
    const before = await repo.stockOf(ctx.db, itemId, establishmentId);
    await repo.setMinimum(ctx.db, itemId, establishmentId, minimum);
    const after = await repo.stockOf(ctx.db, itemId, establishmentId);
    await ctx.audit({ entity: 'consumableMinimum', entityId: itemId, action: 'set', before, after });
    return after;
  },
};
