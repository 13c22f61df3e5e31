import type { Knex } from 'knex';
import { normalizeText } from '../../../shared/format';
import { ConsumableItemInput, ConsumableMinimum, ConsumableMove } from '../../../shared/inventory/consumable-schemas';
import { consumableCategories, type ConsumableCategory } from '../../../shared/inventory/rules';
import { AppError } from '../ipc/errors';
import { addSchemaErrors, choiceReader, establishmentRegister, readDateCell, refId, textOf as text } from '../import/cells';
import type { Cell, ExistingRecord, FieldErrors, ImportEnv, ImportTarget, RegisterEntry } from '../import/target';
import { importFields } from '../import/target';
import { parseAmountCell } from '../import/values';
import * as repo from './repository';

/**
 * Consumables and their stock from the clerks' spreadsheets: one row is one article's stock
 * at one establishment ("Cuerdas de violín | juego | Música | E.P. Huancayo | 24").
 *
 * Key: the article's name (compared ignoring case and accents, as the form refuses a second
 * "Arcilla"). The same article may come on several rows, one per establishment; the same
 * article twice at the same establishment is refused on both rows (`key.rowKey`).
 *
 *   - An article not registered is created with its unit and category (both required then),
 *     exactly as «Nuevo artículo» does.
 *   - An article already registered is an error in 'create' mode; in 'upsert' mode its row
 *     adds stock to it. Its unit must be the registered one (a quantity in another unit would
 *     be miscounted: refused); its category is not changed by a spreadsheet.
 *   - The quantity (an integer, 0 allowed: the article is only registered or given its
 *     minimum there) is recorded as an ENTRADA (ingreso) of the ledger, as «Registrar entrada»
 *     does, dated by the row (today if empty) with its unit cost when it was a purchase. The
 *     ledger is only appended to: importing the same file twice adds the stock twice, which
 *     the 'create' mode's "ya registrado" guards against for new articles.
 *   - A minimum, when given, is set for that article and establishment as «Fijar mínimo» does.
 *   - A restricted user may record stock only in their establishments.
 */

export interface ConsumableRow {
  name: string;
  unit: string;
  category: ConsumableCategory | null;
  establishmentId: number;
  quantity: number;
  date: string;
  unitCostCentimos: number | null;
  minimum: number | null;
  notes: string | null;
}

interface Item {
  id: number;
  name: string;
  unit: string;
}

interface Ctx {
  items: Map<string, Item>;
  establishments: RegisterEntry[];
  env: ImportEnv;
}

const categories = choiceReader(consumableCategories, 'inventory.consumableCategories', {
  musica: ['music', 'musical', 'instrumentos', 'orquestando'],
  arte: ['art', 'artes', 'artes plasticas', 'ceramica'],
});

/** A whole number of units: a number cell, or digits (with thousands separators) as text. */
function quantityOf(c: Cell | undefined): number | null | 'invalid' {
  if (c === undefined || c === null || text(c) === '') return null;
  if (typeof c === 'number') return Number.isInteger(c) && c >= 0 ? c : 'invalid';
  const s = text(c);
  if (!/^\d{1,3}([.,\s]\d{3})*$|^\d+$/.test(s)) return 'invalid';
  return Number(s.replace(/[.,\s]/g, ''));
}

async function existingItems(db: Knex, keys: string[]): Promise<Map<string, ExistingRecord>> {
  const byName = new Map((await repo.listItems(db)).map((i) => [normalizeText(i.name), i.id]));
  const out = new Map<string, ExistingRecord>();
  for (const k of keys) {
    const id = byName.get(normalizeText(k));
    if (id !== undefined) out.set(k, { id });
  }
  return out;
}

export const consumablesTarget: ImportTarget<ConsumableRow, Ctx> = {
  entity: 'consumables',
  fields: importFields({
    item: 'inventory.consumables.item | material, insumo, consumible, descripcion, nombre, nombre del articulo, bien',
    unit: 'inventory.consumables.unit | unidad de medida, um, u m, medida | opcional',
    category: 'inventory.consumables.category | categoria, tipo, rubro | opcional',
    establishment: 'inventory.consumables.establishment | establecimiento penitenciario, ep, e p, sede, penal, ubicacion | registro',
    quantity: 'inventory.consumables.quantity | cant, cantidad, existencias, stock, saldo, stock inicial',
    unitCost: 'inventory.consumables.unitCost | costo unitario, precio unitario, p unit, costo, precio, valor unitario | opcional',
    date: 'inventory.consumables.date | fecha de ingreso, fecha de entrada | opcional',
    minimum: 'inventory.consumables.minimum | stock minimo, minimo, min | opcional',
    notes: 'inventory.consumables.notes | obs, notas, comentarios | opcional',
  }),

  example: [
    {
      item: 'Arcilla blanca (plantilla)',
      unit: 'kg',
      category: 'Materiales de arte',
      establishment: 'E.P. Lurigancho',
      quantity: 50,
      unitCost: 'S/ 4.50',
      date: '15/03/2026',
      minimum: 10,
      notes: 'Compra de marzo',
    },
  ],

  key: {
    field: 'item',
    existing: existingItems,
    exists: (name) => ({ key: 'inventory.consumables.importExists', params: { name } }),
    // One article at one establishment per file: the same article at another one is another row of stock.
    rowKey: (raw, refs) => {
      const where = refs.establishment;
      const place = where && 'id' in where ? `#${where.id}` : where && 'unknown' in where ? where.unknown : '';
      return text(raw.item) === '' ? null : `${normalizeText(text(raw.item))}@${place}`;
    },
  },

  async prepare(db, env) {
    const items = new Map((await repo.listItems(db)).map((i) => [normalizeText(i.name), { id: i.id, name: i.name, unit: i.unit }]));
    return { items, establishments: await establishmentRegister(db), env };
  },

  register: (ctx, field) => (field === 'establishment' ? ctx.establishments : []),

  parseRow(raw, ctx, refs) {
    const errors: FieldErrors = {};
    const name = text(raw.item);
    const unit = text(raw.unit);
    const known = ctx.items.get(normalizeText(name));

    const chosen = categories.read(raw.category);
    if (chosen === null) errors.category = { key: 'inventory.import.unknownChoice', params: { options: categories.options } };
    if (known) {
      if (unit !== '' && normalizeText(unit) !== normalizeText(known.unit)) {
        errors.unit = { key: 'inventory.consumables.importUnit', params: { name: known.name, unit: known.unit } };
      }
    } else {
      const item = ConsumableItemInput.safeParse({ name, unit, category: chosen ?? undefined });
      if (!item.success) addSchemaErrors(errors, item.error, { name: 'item' });
    }

    const where = refs.establishment;
    // Unknown establishments are listed by the engine, once for the whole file.
    const establishmentId = refId(where) ?? null;
    if (where === null || where === undefined) errors.establishment = { key: 'errors.required' };
    else if (establishmentId !== null && ctx.env.scope !== null && !ctx.env.scope.includes(establishmentId)) {
      errors.establishment = { key: 'import.errors.outOfScope' };
    }

    const quantity = quantityOf(raw.quantity);
    if (quantity === null) errors.quantity = { key: 'errors.required' };
    else if (quantity === 'invalid') errors.quantity = { key: 'inventory.consumables.importQuantity' };

    let unitCostCentimos: number | null = null;
    if (text(raw.unitCost) !== '') {
      const c = parseAmountCell(raw.unitCost);
      if ('error' in c) errors.unitCost = c.error;
      else if (quantity === 0) errors.unitCost = { key: 'inventory.consumables.importCostWithoutQuantity' };
      else unitCostCentimos = c.centimos;
    }

    const day = readDateCell(raw.date);
    if ('error' in day) errors.date = day.error;
    const date = ('iso' in day && day.iso) || ctx.env.now.slice(0, 10);

    // The forms' own schemas: the same rules as typing them in.
    const notes = text(raw.notes) || null;
    const move = ConsumableMove.safeParse({
      itemId: 1,
      establishmentId: establishmentId ?? 1,
      kind: 'ingreso',
      quantity: typeof quantity === 'number' && quantity > 0 ? quantity : 1,
      date,
      recipient: null,
      notes,
      unitCostCentimos,
    });
    if (!move.success) addSchemaErrors(errors, move.error, { unitCostCentimos: 'unitCost' });
    let minimum: number | null = null;
    const min = quantityOf(raw.minimum);
    if (min === 'invalid') errors.minimum = { key: 'inventory.consumables.importQuantity' };
    else if (min !== null) {
      const m = ConsumableMinimum.safeParse({ itemId: 1, establishmentId: establishmentId ?? 1, minimum: min });
      if (m.success) minimum = min;
      else errors.minimum = { key: 'errors.invalid' };
    }

    if (Object.keys(errors).length > 0 || establishmentId === null || typeof quantity !== 'number') return { errors };
    return {
      values: {
        name,
        unit: known?.unit ?? unit,
        category: chosen ?? null,
        establishmentId,
        quantity,
        date,
        unitCostCentimos,
        minimum,
        notes,
      },
    };
  },

  async write(trx, rows, ctx, audit, mode, progress) {
    const { actor, now } = ctx.env;
    const ids = new Map([...ctx.items].map(([k, i]) => [k, i.id]));
    let created = 0;
    let updated = 0;
    let done = 0;
    for (const { values: v } of rows) {
      const key = normalizeText(v.name);
      let itemId = ids.get(key);
      if (ctx.items.has(key)) {
        if (mode !== 'upsert') throw new AppError('conflict', 'inventory.consumables.importExists', { name: v.name });
        updated++;
      } else {
        created++;
        if (itemId === undefined) {
          // A new article on several rows (one per establishment) is created once.
          itemId = await repo.insertItem(trx, v.name, v.unit, v.category!);
          ids.set(key, itemId);
          const item = { id: itemId, name: v.name, unit: v.unit, category: v.category, active: true };
          await audit({ entity: 'consumableItem', entityId: itemId, action: 'import:create', after: item });
        }
      }
      if (v.quantity > 0) {
        const before = await repo.stockOf(trx, itemId!, v.establishmentId);
        const move = { ...v, itemId: itemId!, kind: 'ingreso' as const, recipient: null };
        const id = await repo.insertConsumableMovement(trx, move, actor.name, now);
        const after = await repo.stockOf(trx, itemId!, v.establishmentId);
        const logged = v.unitCostCentimos === null ? after : { ...after, unitCostCentimos: v.unitCostCentimos };
        await audit({ entity: 'consumableMovement', entityId: id, action: 'import:ingreso', before, after: logged });
      }
      if (v.minimum !== null) {
        const before = await repo.stockOf(trx, itemId!, v.establishmentId);
        await repo.setMinimum(trx, itemId!, v.establishmentId, v.minimum);
        const after = await repo.stockOf(trx, itemId!, v.establishmentId);
        await audit({ entity: 'consumableMinimum', entityId: itemId!, action: 'import:set', before, after });
      }
      progress(++done);
    }
    return { created, updated };
  },
};
