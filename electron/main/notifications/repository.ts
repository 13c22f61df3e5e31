import type { Knex } from 'knex';
import type { NotificationKind } from '../../../shared/notifications/schemas';
import type { Row } from '../db/rows';

/** The notifications' own tables (migration 0018): the kinds each user muted, and what the desktop summary already told them. */

export async function mutedKinds(db: Knex, userId: number): Promise<Set<string>> {
  const rows = (await db('notification_prefs').where({ user_id: userId }).select('kind')) as Row[];
  return new Set(rows.map((r) => String(r.kind)));
}

/** Mutes or hears again a kind; answers whether anything changed. */
export async function setMuted(db: Knex, userId: number, kind: NotificationKind, muted: boolean, now: string): Promise<boolean> {
  if (!muted) return (await db('notification_prefs').where({ user_id: userId, kind }).delete()) > 0;
  if (await db('notification_prefs').where({ user_id: userId, kind }).first('kind')) return false;
  await db('notification_prefs').insert({ user_id: userId, kind, muted_at: now });
  return true;
}

/** The keys the desktop summary already listed to the user. */
export async function summarisedKeys(db: Knex, userId: number): Promise<Set<string>> {
  const rows = (await db('notification_summaries').where({ user_id: userId }).select('item_key')) as Row[];
  return new Set(rows.map((r) => String(r.item_key)));
}

/** The last Lima day a summary was shown to the user, or null. */
export async function lastSummaryDay(db: Knex, userId: number): Promise<string | null> {
  const row = (await db('notification_summaries').where({ user_id: userId }).max({ day: 'summarised_on' }).first()) as Row | undefined;
  return row?.day ? String(row.day) : null;
}

/**
 * One summary told: the keys that no longer apply are forgotten (a reminder that comes back is
 * new again) and the new ones are kept with the day, in one transaction.
 */
export async function recordSummary(
  db: Knex,
  userId: number,
  current: readonly string[],
  told: readonly string[],
  day: string,
): Promise<void> {
  await db.transaction(async (trx) => {
    const kept = new Set(current);
    const old = (await trx('notification_summaries').where({ user_id: userId }).select('item_key')) as Row[];
    const gone = old.map((r) => String(r.item_key)).filter((k) => !kept.has(k));
    for (let i = 0; i < gone.length; i += 500)
      await trx('notification_summaries')
        .where({ user_id: userId })
        .whereIn('item_key', gone.slice(i, i + 500))
        .delete();
    for (let i = 0; i < told.length; i += 200)
      await trx('notification_summaries').insert(told.slice(i, i + 200).map((k) => ({ user_id: userId, item_key: k, summarised_on: day })));
  });
}
