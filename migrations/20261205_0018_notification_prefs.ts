import type { Knex } from 'knex';

/**
 * The notifications centre (issue 16, item 3): what each user chose to hear about, and what
 * the desktop summary already told them.
 *
 * `notification_prefs`: one row per user and kind of reminder the user muted (contracts about to
 * expire, overdue hand-overs…). No row: the kind is heard. Muted kinds neither count in the bell
 * nor reach the desktop summary.
 *
 * `notification_summaries`: the reminders (by their key, e.g. "contract:12:2026-02-28") that the
 * daily desktop summary already listed to a user, with the Lima day it did. A reminder is listed
 * once; the newest day is when the user last got a summary (at most one a day). Keys of
 * reminders that no longer apply are dropped at the next summary, so one that comes back is new
 * again.
 *
 * Nothing is carried over: there were no notifications before. Frozen once landed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notification_prefs', (t) => {
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('kind', 40).notNullable();
    t.string('muted_at', 30).notNullable();
    t.primary(['user_id', 'kind']);
  });
  await knex.schema.createTable('notification_summaries', (t) => {
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('item_key', 200).notNullable();
    /** The Lima day the summary listed it, yyyy-mm-dd. */
    t.string('summarised_on', 10).notNullable();
    t.primary(['user_id', 'item_key']);
    t.index(['user_id', 'summarised_on']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('notification_summaries');
  await knex.schema.dropTable('notification_prefs');
}
