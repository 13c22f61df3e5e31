import type { Knex } from 'knex';

/**
 * Office mode (issue 8): the same schema on the office's PostgreSQL server.
 *
 * - The ledgers are append-only on the server too. Earlier migrations made them so on
 *   SQLite with triggers; on PostgreSQL the same refusal is one trigger function.
 * - The editable records that still lacked one get a version (optimistic concurrency:
 *   a save names the version the user loaded; a newer one refuses it).
 */
const ledgers = [
  'audit_log',
  'instrument_movements',
  'consumable_movements',
  'contract_events',
  'personal_data_exports',
  'participant_movements',
  'enrolment_stages',
  'partner_donations',
  'artwork_custody',
  'artwork_consents',
  'artwork_condition_reports',
  'artwork_condition_photos',
];

const versioned = ['consumable_items', 'stocktakes'];

export async function up(knex: Knex): Promise<void> {
  for (const table of versioned) {
    if (await knex.schema.hasColumn(table, 'version')) continue;
    await knex.schema.alterTable(table, (t) => {
      t.integer('version').notNullable().defaultTo(1);
    });
  }
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    `CREATE OR REPLACE FUNCTION arteinpe_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
  );
  for (const table of ledgers) {
    if (!(await knex.schema.hasTable(table))) continue;
    await knex.raw(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION arteinpe_append_only()`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    for (const table of ledgers) {
      if (await knex.schema.hasTable(table)) await knex.raw(`DROP TRIGGER IF EXISTS ${table}_append_only ON ${table}`);
    }
    await knex.raw('DROP FUNCTION IF EXISTS arteinpe_append_only()');
  }
  for (const table of versioned) {
    await knex.schema.alterTable(table, (t) => {
      t.dropColumn('version');
    });
  }
}
