import type { Knex } from 'knex';

/**
 * The instrument inventory: types by family, the register, the append-only movements
 * ledger (current state is derived from it and cached on the instrument in the same
 * transaction), physical stocktakes, consumables, and managed attachments (photos).
 * Frozen once landed.
 */

const types: Array<[family: string, names: string[]]> = [
  ['cuerdas_frotadas', ['Violín', 'Viola', 'Violonchelo', 'Contrabajo']],
  ['cuerdas_pulsadas', ['Guitarra clásica', 'Guitarra eléctrica', 'Bajo eléctrico', 'Charango', 'Mandolina', 'Arpa', 'Bandurria']],
  [
    'vientos_madera',
    [
      'Flauta traversa',
      'Flautín',
      'Oboe',
      'Clarinete',
      'Clarinete bajo',
      'Fagot',
      'Saxofón alto',
      'Saxofón tenor',
      'Saxofón barítono',
      'Quena',
      'Quenacho',
      'Zampoña',
      'Antara',
    ],
  ],
  ['vientos_metal', ['Trompeta', 'Corno francés', 'Trombón', 'Trombón bajo', 'Bombardino', 'Tuba', 'Sousafón']],
  [
    'percusion',
    [
      'Cajón peruano',
      'Bombo sinfónico',
      'Tambor redoblante',
      'Platillos de choque',
      'Timbales sinfónicos',
      'Xilófono',
      'Glockenspiel',
      'Batería',
      'Congas',
      'Bongós',
      'Quijada de burro',
      'Cajita',
      'Bombo andino',
      'Güiro',
      'Maracas',
      'Triángulo',
    ],
  ],
  ['teclados', ['Piano vertical', 'Piano digital', 'Teclado electrónico', 'Acordeón']],
  ['audio_accesorios', ['Amplificador', 'Consola de sonido', 'Micrófono', 'Atril', 'Metrónomo', 'Afinador']],
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('attachments', (t) => {
    t.string('hash', 64).primary(); // SHA-256 of the content: the file's name in the managed folder
    t.string('original_name', 255).notNullable();
    t.string('mime', 100).notNullable();
    t.integer('size_bytes').notNullable();
    t.integer('width').nullable();
    t.integer('height').nullable();
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
  });

  await knex.schema.createTable('instrument_types', (t) => {
    t.increments('id').primary();
    t.string('name', 100).notNullable().unique();
    t.string('name_key', 100).notNullable();
    t.string('family', 30).notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('version').notNullable().defaultTo(1);
    t.index(['family']);
  });
  const rows = types.flatMap(([family, names]) =>
    names.map((name) => ({
      name,
      name_key: name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase(),
      family,
      active: true,
      version: 1,
    })),
  );
  await knex('instrument_types').insert(rows);

  await knex.schema.createTable('instruments', (t) => {
    t.increments('id').primary();
    t.string('code', 40).notNullable().unique(); // código patrimonial
    t.string('serial_number', 80).nullable();
    t.integer('type_id').notNullable().references('id').inTable('instrument_types').onDelete('RESTRICT');
    t.string('brand', 80).nullable();
    t.string('model', 80).nullable();
    t.string('acquisition_date', 10).nullable();
    t.bigInteger('cost_centimos').notNullable().defaultTo(0);
    t.string('funding', 20).notNullable(); // presupuesto_inpe | donacion | aliado
    t.string('supplier', 160).nullable();
    t.string('supplier_document', 80).nullable();
    t.text('notes').nullable();
    t.string('search_text', 400).notNullable();
    // Derived from the movements, cached in the same transaction as each movement; never typed.
    t.string('status', 20).notNullable();
    t.string('condition', 20).notNullable();
    t.integer('establishment_id').nullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.integer('transit_to_establishment_id').nullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('custodian_type', 20).nullable(); // docente | elenco | participante
    t.string('custodian_name', 160).nullable();
    t.integer('movement_count').notNullable().defaultTo(0);
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('updated_by', 200).notNullable();
    t.index(['establishment_id', 'status']);
    t.index(['type_id']);
    t.index(['status']);
  });

  await knex.schema.createTable('instrument_movements', (t) => {
    t.increments('id').primary();
    t.integer('instrument_id').notNullable().references('id').inTable('instruments').onDelete('RESTRICT');
    t.integer('seq').notNullable(); // 1, 2, 3… per instrument
    t.string('kind', 30).notNullable();
    t.string('date', 10).notNullable(); // the day it happened (dd/mm/aaaa on screen)
    t.string('recorded_at', 30).notNullable();
    t.string('recorded_by', 200).notNullable();
    t.integer('from_establishment_id').nullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.integer('to_establishment_id').nullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('custodian_type', 20).nullable();
    t.string('custodian_name', 160).nullable();
    t.string('condition', 20).nullable();
    t.string('document_number', 80).nullable(); // acta, resolución, orden de servicio
    t.string('person', 160).nullable(); // who sent / received
    t.string('provider', 160).nullable();
    t.bigInteger('cost_centimos').nullable();
    t.text('description').nullable();
    t.string('batch_id', 40).nullable(); // a bulk movement: one id for the whole selection
    t.integer('stocktake_id').nullable();
    // The state the movement left, so the history reads without replaying it.
    t.string('status_after', 20).notNullable();
    t.integer('establishment_after_id').nullable();
    t.unique(['instrument_id', 'seq']);
    t.index(['date']);
    t.index(['batch_id']);
  });

  await knex.schema.createTable('instrument_photos', (t) => {
    t.increments('id').primary();
    t.integer('instrument_id').notNullable().references('id').inTable('instruments').onDelete('CASCADE');
    t.string('attachment_hash', 64).notNullable().references('hash').inTable('attachments').onDelete('RESTRICT');
    t.boolean('is_primary').notNullable().defaultTo(false);
    t.string('added_at', 30).notNullable();
    t.string('added_by', 200).notNullable();
    t.unique(['instrument_id', 'attachment_hash']);
  });

  await knex.schema.createTable('stocktakes', (t) => {
    t.increments('id').primary();
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('status', 20).notNullable(); // abierto | cerrado
    t.string('opened_at', 30).notNullable();
    t.string('opened_by', 200).notNullable();
    t.string('closed_at', 30).nullable();
    t.string('closed_by', 200).nullable();
    t.string('acta_number', 80).nullable();
    t.string('acta_date', 10).nullable();
    t.text('notes').nullable();
    /** At close: the result as it stood (found, missing, elsewhere, unknown), kept for the signed acta. */
    t.text('closed_result_json').nullable();
    t.index(['establishment_id', 'status']);
  });

  await knex.schema.createTable('stocktake_counts', (t) => {
    t.increments('id').primary();
    t.integer('stocktake_id').notNullable().references('id').inTable('stocktakes').onDelete('RESTRICT');
    t.string('code', 40).notNullable();
    t.integer('instrument_id').nullable().references('id').inTable('instruments').onDelete('RESTRICT');
    t.string('condition', 20).nullable();
    t.string('counted_at', 30).notNullable();
    t.string('counted_by', 200).notNullable();
    t.unique(['stocktake_id', 'code']);
  });

  await knex.schema.createTable('consumable_items', (t) => {
    t.increments('id').primary();
    t.string('name', 120).notNullable().unique();
    t.string('unit', 30).notNullable();
    t.boolean('active').notNullable().defaultTo(true);
  });
  await knex('consumable_items').insert(
    [
      ['Juego de cuerdas de violín', 'juego'],
      ['Juego de cuerdas de guitarra', 'juego'],
      ['Juego de cuerdas de charango', 'juego'],
      ['Caña de clarinete', 'unidad'],
      ['Caña de saxofón alto', 'unidad'],
      ['Parche de redoblante', 'unidad'],
      ['Parche de bombo', 'unidad'],
      ['Resina (colofonia)', 'unidad'],
      ['Boquilla de trompeta', 'unidad'],
      ['Aceite para válvulas', 'frasco'],
      ['Baquetas', 'par'],
    ].map(([name, unit]) => ({ name, unit, active: true })),
  );

  await knex.schema.createTable('consumable_movements', (t) => {
    t.increments('id').primary();
    t.integer('item_id').notNullable().references('id').inTable('consumable_items').onDelete('RESTRICT');
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('kind', 20).notNullable(); // ingreso | entrega
    t.integer('quantity').notNullable(); // signed: + ingreso, − entrega
    t.string('date', 10).notNullable();
    t.string('recipient', 160).nullable();
    t.text('notes').nullable();
    t.string('recorded_at', 30).notNullable();
    t.string('recorded_by', 200).notNullable();
    t.index(['item_id', 'establishment_id']);
  });

  await knex.schema.createTable('consumable_minimums', (t) => {
    t.integer('item_id').notNullable().references('id').inTable('consumable_items').onDelete('RESTRICT');
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.integer('minimum').notNullable();
    t.primary(['item_id', 'establishment_id']);
  });

  // Ledgers are appended, never rewritten.
  if (knex.client.config.client === 'sqlite3') {
    for (const table of ['instrument_movements', 'consumable_movements']) {
      await knex.raw(
        `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      );
      await knex.raw(
        `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      );
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'consumable_minimums',
    'consumable_movements',
    'consumable_items',
    'stocktake_counts',
    'stocktakes',
    'instrument_photos',
    'instrument_movements',
    'instruments',
    'instrument_types',
    'attachments',
  ]) {
    await knex.schema.dropTable(table);
  }
}
