import type { Knex } from 'knex';

/**
 * An index on the sites' change log by row (issue 20, docs/SITES.md decision 8): reading a
 * package, the receiver asks, for each register row the package changes, whether it changed the
 * row itself since the version the sender last saw (`site_changes` by table and gid, after a change
 * id) — thousands of rows a package, over a log that grows by every write of the installation. The
 * same statement on SQLite and PostgreSQL. Frozen once landed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX site_changes_row_index ON site_changes (table_name, gid)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX site_changes_row_index');
}
