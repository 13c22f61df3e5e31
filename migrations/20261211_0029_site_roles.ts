import type { Knex } from 'knex';

/**
 * Offline prison sites (issue 20, docs/SITES.md decision 1): the role of an installation and the
 * sites a centre has enrolled.
 *
 * - `installation` (at most one row, id 1): this installation's role — `central` or `sede` —,
 *   its own id (a UUID, what package headers name it by), its name, its two public keys in clear
 *   and its two private keys sealed (`private_keys`, with `key_seal` saying how: `secrets`, the
 *   operating system's protected storage of this PC; `server`, a key derived with scrypt from the
 *   office server's connection secret, which every office PC holds). A sede also keeps its
 *   establishment, the centre's id, name and public keys, and its counters of the package
 *   exchange with the centre. Without a row the installation is `central` (every database
 *   before this migration); the centre's row is written when it enrols its first site.
 * - `sites` (at the centre): one per enrolled establishment, with the site's installation id,
 *   public keys and their fingerprints, when and by whom it was enrolled, and the counters of the
 *   exchange with it (decisions 6 and 7): the last package number sent to it and read from it,
 *   and the last change (`site_changes.id`) it has acknowledged.
 *
 * Frozen once landed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('installation', (t) => {
    t.integer('id').primary(); // always 1: the one row
    t.string('role', 10).notNullable(); // central | sede
    t.string('installation_id', 36).notNullable().unique();
    t.string('name', 200).notNullable();
    t.text('sign_public').notNullable();
    t.text('box_public').notNullable();
    t.text('private_keys').notNullable();
    t.string('key_seal', 10).notNullable(); // secrets | server
    t.integer('establishment_id').nullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('centre_id', 36).nullable();
    t.string('centre_name', 200).nullable();
    t.text('centre_sign_public').nullable();
    t.text('centre_box_public').nullable();
    t.integer('last_sent_seq').notNullable().defaultTo(0);
    t.integer('last_received_seq').notNullable().defaultTo(0);
    t.bigInteger('acked_change_id').notNullable().defaultTo(0);
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
  });

  await knex.schema.createTable('sites', (t) => {
    t.increments('id');
    t.integer('establishment_id').notNullable().unique().references('id').inTable('establishments').onDelete('RESTRICT');
    t.string('installation_id', 36).notNullable().unique();
    t.string('name', 200).notNullable();
    t.text('sign_public').notNullable();
    t.text('box_public').notNullable();
    t.string('sign_fingerprint', 40).notNullable();
    t.string('box_fingerprint', 40).notNullable();
    t.string('enrolled_at', 30).notNullable();
    t.string('enrolled_by', 200).notNullable();
    t.integer('last_sent_seq').notNullable().defaultTo(0);
    t.integer('last_received_seq').notNullable().defaultTo(0);
    t.bigInteger('acked_change_id').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sites');
  await knex.schema.dropTable('installation');
}
