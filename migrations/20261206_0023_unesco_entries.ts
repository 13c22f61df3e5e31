import type { Knex } from 'knex';

/**
 * The UNESCO entry's texts per year (issue 17, item 5): what the office writes for the periodic
 * report of the 2005 Convention and the data cannot say — the main features of the measure,
 * whether it was evaluated and the conclusions, the Convention's goals and the cultural domains
 * chosen (JSON arrays of the codes listed in shared/programmes/rules.ts). One row per year, with
 * the version and attribution columns of every record. Nothing is carried over. Frozen once landed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('unesco_entries', (t) => {
    t.increments('id').primary();
    t.integer('year').notNullable().unique();
    t.text('main_features').notNullable();
    t.boolean('evaluated').nullable();
    t.text('conclusions').notNullable();
    t.text('goals').notNullable();
    t.text('domains').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('updated_by', 200).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('unesco_entries');
}
