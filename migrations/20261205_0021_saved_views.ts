import type { Knex } from 'knex';

/**
 * Saved views (issue 16, item 6): a list's filters, search and order kept under a name, for the
 * user who saved them. `list` names the list (its list channel, e.g. "instruments.list");
 * `state` is the JSON the renderer restores (filters, search, sort), read back through a
 * schema that drops what the list no longer has. A name is unique per user and list.
 *
 * Nothing is carried over: there were no saved views before. Frozen once landed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('saved_views', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('list', 60).notNullable();
    t.string('name', 80).notNullable();
    t.text('state').notNullable();
    t.string('created_at', 30).notNullable();
    t.unique(['user_id', 'list', 'name']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('saved_views');
}
