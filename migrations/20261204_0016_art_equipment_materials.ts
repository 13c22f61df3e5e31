import type { Knex } from 'knex';

/**
 * Art equipment and materials, not only instruments (issue 15, item 6).
 *
 * - The inventory's types gain three families for the ceramics and plastic-arts workshops
 *   (kilns, wheels, easels, tools): their items are registered, moved, counted and labelled
 *   as instruments are (the same tables, ledger and stocktake). The types below are added,
 *   except where a type of the same name (accents and case aside) is already there.
 * - `consumable_items.category`: 'musica' (strings, reeds, drumheads: every item so far) or
 *   'arte' (clay, glazes, paints). The art materials below are added the same way.
 * - `consumable_movements.unit_cost_centimos`: what one unit cost, when an ingreso was a
 *   purchase (optional); quantity × unit cost is executed on the budget's materiales line in
 *   the year of its date. Plain nullable column, so SQLite adds it without rebuilding the
 *   ledger and its append-only triggers. Frozen once landed.
 */

const key = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const artTypes: Array<[family: string, names: string[]]> = [
  [
    'equipo_ceramica',
    ['Horno cerámico de alta temperatura', 'Torno de alfarero', 'Extrusora de arcilla', 'Laminadora de arcilla', 'Mesa de modelado'],
  ],
  ['equipo_artes_plasticas', ['Caballete', 'Mesa de dibujo', 'Prensa de grabado']],
  ['herramientas_arte', ['Juego de herramientas de modelado', 'Juego de espátulas', 'Balanza de esmaltes']],
];

const artMaterials: Array<[name: string, unit: string]> = [
  ['Arcilla de alta temperatura (gres)', 'kg'],
  ['Arcilla roja', 'kg'],
  ['Esmalte cerámico', 'kg'],
  ['Engobe', 'kg'],
  ['Óxidos colorantes', 'kg'],
  ['Pintura acrílica', 'frasco'],
  ['Pintura al óleo', 'tubo'],
  ['Pinceles', 'juego'],
  ['Lienzo', 'unidad'],
  ['Papel para dibujo', 'pliego'],
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('consumable_items', (t) => {
    t.string('category', 20).notNullable().defaultTo('musica');
  });
  await knex.schema.alterTable('consumable_movements', (t) => {
    t.integer('unit_cost_centimos').nullable();
  });

  const typeKeys = new Set(((await knex('instrument_types').select('name')) as Array<{ name: string }>).map((r) => key(r.name)));
  const types = artTypes.flatMap(([family, names]) =>
    names.filter((name) => !typeKeys.has(key(name))).map((name) => ({ name, name_key: key(name), family, active: true, version: 1 })),
  );
  if (types.length > 0) await knex('instrument_types').insert(types);

  const itemKeys = new Set(((await knex('consumable_items').select('name')) as Array<{ name: string }>).map((r) => key(r.name)));
  const items = artMaterials
    .filter(([name]) => !itemKeys.has(key(name)))
    .map(([name, unit]) => ({ name, unit, category: 'arte', active: true }));
  if (items.length > 0) await knex('consumable_items').insert(items);
}

export async function down(knex: Knex): Promise<void> {
  const families = artTypes.map(([family]) => family);
  await knex('instrument_types').whereIn('family', families).whereNotIn('id', knex('instruments').select('type_id')).delete();
  await knex('consumable_items')
    .where('category', 'arte')
    .whereNotIn('id', knex('consumable_movements').select('item_id'))
    .whereNotIn('id', knex('consumable_minimums').select('item_id'))
    .delete();
  // SQLite's knex dropColumn rebuilds the table, which the foreign keys to consumable_items refuse
  // and which would lose the ledger's append-only triggers; SQLite ≥ 3.35 drops a plain column in place.
  if (knex.client.config.client === 'sqlite3') {
    await knex.raw('ALTER TABLE consumable_movements DROP COLUMN unit_cost_centimos');
    await knex.raw('ALTER TABLE consumable_items DROP COLUMN category');
    return;
  }
  await knex.schema.alterTable('consumable_movements', (t) => {
    t.dropColumn('unit_cost_centimos');
  });
  await knex.schema.alterTable('consumable_items', (t) => {
    t.dropColumn('category');
  });
}
