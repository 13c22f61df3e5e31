import type { Knex } from 'knex';

/**
 * The exchange of data packages between a site and the centre (issue 20, docs/SITES.md
 * decisions 6–8), its bookkeeping beside `installation` and `sites` (migration 0029):
 *
 * - `installation.applied_change_id`, `sites.applied_change_id`: the highest change
 *   (`site_changes.id`) *of the peer* this installation has applied — sent in every package so the
 *   peer can advance its acknowledged id. `sites.enrolled_change_id`: the centre's last change id
 *   when the site was enrolled (what the enrolment package already showed it).
 * - `site_seen`: per peer and register row (table + key), the peer's change id of the last version
 *   this installation applied from it — the `base` a later change of the row carries back.
 * - `site_conflicts`: a register changed on both sides since they last met: both versions (JSON),
 *   the base, when it was found, and the clerk's later choice.
 * - `site_refusals`: a received change the centre refused (a ledger's state machine), with its
 *   reason; carried back to the site in the next return package until the site acknowledges it.
 *
 * Frozen once landed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('installation', (t) => {
    t.bigInteger('applied_change_id').notNullable().defaultTo(0);
  });
  await knex.schema.alterTable('sites', (t) => {
    t.bigInteger('applied_change_id').notNullable().defaultTo(0);
    t.bigInteger('enrolled_change_id').notNullable().defaultTo(0);
  });
  await knex.schema.createTable('site_seen', (t) => {
    t.string('peer_id', 36).notNullable();
    t.string('table_name', 60).notNullable();
    t.string('row_key', 140).notNullable();
    t.bigInteger('peer_change_id').notNullable();
    t.primary(['peer_id', 'table_name', 'row_key']);
  });
  await knex.schema.createTable('site_conflicts', (t) => {
    t.increments('id');
    t.integer('site_id').notNullable().references('id').inTable('sites').onDelete('RESTRICT');
    t.string('table_name', 60).notNullable();
    t.string('row_key', 140).notNullable();
    t.text('local_json').notNullable();
    t.text('incoming_json').notNullable();
    t.bigInteger('base').notNullable();
    t.integer('package_seq').notNullable();
    t.string('detected_at', 30).notNullable();
    t.string('resolved_at', 30).nullable();
    t.string('resolved_by', 200).nullable();
    t.string('choice', 20).nullable(); // centro | sede | combinado
    t.index(['site_id', 'resolved_at']);
  });
  await knex.schema.createTable('site_refusals', (t) => {
    t.increments('id');
    t.integer('site_id').notNullable().references('id').inTable('sites').onDelete('RESTRICT');
    t.string('table_name', 60).notNullable();
    t.string('row_key', 140).notNullable();
    t.string('reason', 60).notNullable();
    t.text('details_json').nullable();
    t.integer('package_seq').notNullable();
    t.string('refused_at', 30).notNullable();
    t.integer('reported_seq').nullable(); // the return package that first carried it
    t.boolean('acknowledged').notNullable().defaultTo(false);
    t.index(['site_id', 'acknowledged']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('site_refusals');
  await knex.schema.dropTable('site_conflicts');
  await knex.schema.dropTable('site_seen');
  await knex.schema.alterTable('sites', (t) => {
    t.dropColumn('enrolled_change_id');
    t.dropColumn('applied_change_id');
  });
  await knex.schema.alterTable('installation', (t) => {
    t.dropColumn('applied_change_id');
  });
}
