import type { Knex } from 'knex';

/**
 * Follow-up after release (issue 17, item 3), aggregate only: a release (`egreso`) in the custody
 * ledger may record whether the person wishes to continue artistic practice and a referral to a
 * partner's cultural programme, with a short note.
 *
 * - `participant_movements.continues_practice`: yes, no, or null (not asked or not known).
 * - `participant_movements.referral_partner_id`: the partner the person was referred to, by id.
 * - `participant_movements.referral_note`: up to 200 characters.
 *
 * Added with a plain `ALTER TABLE … ADD COLUMN`, which SQLite and PostgreSQL both accept without
 * rebuilding the table, so its append-only triggers stay as they are; dropped the same way.
 * Nothing is carried over: no release recorded these before. Frozen once landed.
 */

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE participant_movements ADD COLUMN continues_practice boolean NULL');
  await knex.raw(
    'ALTER TABLE participant_movements ADD COLUMN referral_partner_id integer NULL REFERENCES partners (id) ON DELETE RESTRICT',
  );
  await knex.raw('ALTER TABLE participant_movements ADD COLUMN referral_note varchar(200) NULL');
  await knex.raw('CREATE INDEX participant_movements_referral_partner_id_index ON participant_movements (referral_partner_id)');
  await knex.raw('CREATE INDEX participant_movements_kind_date_index ON participant_movements (kind, date)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX participant_movements_kind_date_index');
  await knex.raw('DROP INDEX participant_movements_referral_partner_id_index');
  await knex.raw('ALTER TABLE participant_movements DROP COLUMN referral_note');
  await knex.raw('ALTER TABLE participant_movements DROP COLUMN referral_partner_id');
  await knex.raw('ALTER TABLE participant_movements DROP COLUMN continues_practice');
}
