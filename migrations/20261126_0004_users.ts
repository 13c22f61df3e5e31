import type { Knex } from 'knex';

/**
 * Users and roles, and the log of exports that carried personal data. Passwords are kept
 * only as scrypt hashes with a per-user salt. Frozen once landed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.increments('id').primary();
    t.string('username', 40).notNullable().unique(); // lower case; never changes (the audit log names users by it)
    t.string('full_name', 120).notNullable();
    t.string('role', 20).notNullable();
    t.string('password_hash', 300).notNullable(); // scrypt$N$r$p$salt$hash (base64)
    t.boolean('must_change_password').notNullable().defaultTo(false);
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('failed_attempts').notNullable().defaultTo(0);
    t.string('locked_until', 30).nullable();
    t.string('last_sign_in_at', 30).nullable();
    t.string('password_changed_at', 30).nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('created_by', 200).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('updated_by', 200).notNullable();
  });

  // A user restricted to some establishments; none listed: every establishment. An
  // establishment a user is restricted to cannot be deleted (never widen a restriction silently).
  await knex.schema.createTable('user_establishments', (t) => {
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    t.primary(['user_id', 'establishment_id']);
  });

  // Every file with personal data (participants' names and codes) that left the app: who, when, what, why.
  await knex.schema.createTable('personal_data_exports', (t) => {
    t.increments('id').primary();
    t.string('at', 30).notNullable();
    t.string('user_id', 100).notNullable();
    t.string('user_name', 200).notNullable();
    t.string('channel', 100).notNullable();
    t.string('what', 200).notNullable();
    t.text('reason').notNullable();
    t.integer('rows').notNullable();
    t.string('file_name', 255).notNullable();
    t.index(['at']);
  });

  if (knex.client.config.client === 'sqlite3') {
    await knex.raw(
      `CREATE TRIGGER personal_data_exports_no_update BEFORE UPDATE ON personal_data_exports BEGIN SELECT RAISE(ABORT, 'personal_data_exports is append-only'); END`,
    );
    await knex.raw(
      `CREATE TRIGGER personal_data_exports_no_delete BEFORE DELETE ON personal_data_exports BEGIN SELECT RAISE(ABORT, 'personal_data_exports is append-only'); END`,
    );
  }
  // The audit viewer filters by user and by entity.
  await knex.schema.alterTable('audit_log', (t) => {
    t.index(['user_id', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('audit_log', (t) => {
    t.dropIndex(['user_id', 'at']);
  });
  await knex.schema.dropTable('personal_data_exports');
  await knex.schema.dropTable('user_establishments');
  await knex.schema.dropTable('users');
}
