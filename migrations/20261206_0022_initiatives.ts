import type { Knex } from 'knex';

/**
 * Initiatives (issue 17, item 1): the programme's lines of activity as INPE reports them (the
 * season of recitals and educational concerts, Arte sin Barreras, InternArte, the ceramics
 * capacity building, INPE Orquestando…).
 *
 * - `initiatives`: a name (unique without case or accents: `name_key`, checked in code and
 *   held here), its first year and, if it ended, its last, a description, active or not.
 * - `initiative_partners`, `initiative_agreements`: its partners and agreements, by id.
 * - `initiative_id` on `workshops`, `ensembles`, `events`, `exhibitions` and `budget_expenses`:
 *   the one initiative a record belongs to (optional). Added with a plain `ALTER TABLE … ADD
 *   COLUMN … REFERENCES`, which SQLite and PostgreSQL both accept without rebuilding the tables,
 *   so their triggers (append-only expenses, the search index of workshops) stay as they are;
 *   dropped the same way.
 *
 * Nothing is carried over: no record named an initiative before. Frozen once landed.
 */

const linked = ['workshops', 'ensembles', 'events', 'exhibitions', 'budget_expenses'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('initiatives', (t) => {
    t.increments('id').primary();
    t.string('name', 200).notNullable();
    t.string('name_key', 200).notNullable().unique();
    t.integer('start_year').notNullable();
    t.integer('end_year').nullable();
    t.text('description').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('updated_by', 200).notNullable();
  });

  await knex.schema.createTable('initiative_partners', (t) => {
    t.integer('initiative_id').notNullable().references('id').inTable('initiatives').onDelete('CASCADE');
    t.integer('partner_id').notNullable().references('id').inTable('partners').onDelete('RESTRICT');
    t.primary(['initiative_id', 'partner_id']);
    t.index(['partner_id']);
  });

  await knex.schema.createTable('initiative_agreements', (t) => {
    t.integer('initiative_id').notNullable().references('id').inTable('initiatives').onDelete('CASCADE');
    t.integer('agreement_id').notNullable().references('id').inTable('agreements').onDelete('RESTRICT');
    t.primary(['initiative_id', 'agreement_id']);
    t.index(['agreement_id']);
  });

  for (const table of linked) {
    await knex.raw(`ALTER TABLE ${table} ADD COLUMN initiative_id integer NULL REFERENCES initiatives (id) ON DELETE RESTRICT`);
    await knex.raw(`CREATE INDEX ${table}_initiative_id_index ON ${table} (initiative_id)`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of linked) {
    await knex.raw(`DROP INDEX ${table}_initiative_id_index`);
    await knex.raw(`ALTER TABLE ${table} DROP COLUMN initiative_id`);
  }
  await knex.schema.dropTable('initiative_agreements');
  await knex.schema.dropTable('initiative_partners');
  await knex.schema.dropTable('initiatives');
}
