import type { Knex } from 'knex';

/**
 * The foundation: settings, the audit log, INPE's 8 regional offices and the
 * penitentiary establishments. Frozen once landed: later changes go in new files.
 */

const regionalOffices = [
  { code: 'LIM', name: 'Lima', seat: 'Lima', sort_order: 1 },
  { code: 'NOR', name: 'Norte', seat: 'Chiclayo', sort_order: 2 },
  { code: 'SUR', name: 'Sur', seat: 'Arequipa', sort_order: 3 },
  { code: 'CEN', name: 'Centro', seat: 'Huancayo', sort_order: 4 },
  { code: 'ORI', name: 'Oriente', seat: 'Huánuco', sort_order: 5 },
  { code: 'SOR', name: 'Sur Oriente', seat: 'Cusco', sort_order: 6 },
  { code: 'NOT', name: 'Nor Oriente', seat: 'San Martín', sort_order: 7 },
  { code: 'ALT', name: 'Altiplano', seat: 'Puno', sort_order: 8 },
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('settings', (t) => {
    t.string('key', 100).primary();
    t.text('value').notNullable();
  });

  await knex.schema.createTable('audit_log', (t) => {
    t.increments('id').primary();
    t.string('at', 30).notNullable();
    t.string('user_id', 100).notNullable();
    t.string('user_name', 200).notNullable();
    t.string('channel', 100).notNullable();
    t.string('entity', 100).notNullable();
    t.string('entity_id', 100).nullable();
    t.string('action', 50).notNullable();
    t.text('before_json').nullable();
    t.text('after_json').nullable();
    t.index(['entity', 'entity_id']);
    t.index(['at']);
  });

  await knex.schema.createTable('regional_offices', (t) => {
    t.increments('id').primary();
    t.string('code', 10).notNullable().unique();
    t.string('name', 100).notNullable();
    t.string('seat', 100).notNullable();
    t.integer('sort_order').notNullable();
  });
  await knex('regional_offices').insert(regionalOffices);

  await knex.schema.createTable('establishments', (t) => {
    t.increments('id').primary();
    t.string('code', 20).notNullable().unique();
    t.string('name', 120).notNullable();
    /** Lower case without accents: what the list sorts by. */
    t.string('name_key', 120).notNullable();
    /** Code, name and city, lower case without accents: what the search box looks in. */
    t.string('search_text', 300).notNullable();
    t.integer('regional_office_id').notNullable().references('id').inTable('regional_offices').onDelete('RESTRICT');
    t.string('population', 10).notNullable();
    t.string('city', 80).notNullable();
    t.boolean('in_programme').notNullable().defaultTo(false);
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('updated_by', 200).notNullable();
    t.index(['regional_office_id']);
    t.index(['name_key']);
  });

  // The audit log is a ledger: rows are appended, never changed.
  if (knex.client.config.client === 'sqlite3') {
    await knex.raw(
      `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    );
    await knex.raw(
      `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('establishments');
  await knex.schema.dropTable('regional_offices');
  await knex.schema.dropTable('audit_log');
  await knex.schema.dropTable('settings');
}
