import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { isPostgres } from '../db/dialect';

/**
 * Change capture (issue 20, docs/SITES.md decision 5; migration 20261210_0028_site_sync): once
 * started (startCapture), the database's triggers append every insert, update and delete of a
 * travelling row to `site_changes` in the writing transaction. Two things are said to them per transaction:
 * who is writing (runAuditedWrite names its actor), and — while a received package is applied —
 * that nothing is to be captured. SQLite reads both from the one-row `site_capture`, PostgreSQL
 * from transaction-local settings; on SQLite the row is put back before the transaction ends, and
 * a transaction rolled back puts it back by itself.
 */

/** One change the triggers wrote. */
export interface SiteChange {
  /** The change's number on this installation (site_changes.id), in the order written. */
  seq: number;
  table: string;
  gid: string;
  gid2: string | null;
  op: 'I' | 'U' | 'D';
  at: string;
  userId: string | null;
  userName: string | null;
}

async function setActor(trx: Knex.Transaction, actor: Actor | null): Promise<void> {
  if (isPostgres(trx)) {
    await trx.raw(`SELECT set_config('arteinpe.user_id', ?, true), set_config('arteinpe.user_name', ?, true)`, [
      actor?.id ?? '',
      actor?.name ?? '',
    ]);
  } else {
    await trx('site_capture')
      .where({ id: 1 })
      .update({ user_id: actor?.id ?? null, user_name: actor?.name ?? null });
  }
}

/** Runs `fn` in `trx` with its captured changes attributed to `actor`. */
export async function attributedTo<T>(trx: Knex.Transaction, actor: Actor, fn: () => Promise<T>): Promise<T> {
  await setActor(trx, actor);
  const out = await fn();
  await setActor(trx, null);
  return out;
}

async function setCapture(trx: Knex.Transaction, on: boolean): Promise<void> {
  if (isPostgres(trx)) await trx.raw(`SELECT set_config('arteinpe.capture', ?, true)`, [on ? 'on' : 'off']);
  else
    await trx('site_capture')
      .where({ id: 1 })
      .update({ paused: on ? 0 : 1 });
}

/**
 * Starts change capture on this installation, for good: when the centre enrols its first site,
 * or a site is installed. Until then nothing is logged (nobody to send it to; the enrolment
 * package is a picture of the data), and ordinary writes pay only the gids.
 */
export async function startCapture(db: Knex): Promise<void> {
  await db('site_capture').where({ id: 1 }).update({ capture: true });
}

/** Whether this installation logs its changes (a site is enrolled, or it is a site). */
export async function capturing(db: Knex): Promise<boolean> {
  const row = (await db('site_capture').where({ id: 1 }).first('capture')) as { capture: unknown } | undefined;
  return row?.capture === true || row?.capture === 1;
}

/**
 * Runs `fn` in `trx` with change capture off: what it writes is not logged (a received package
 * being applied, so nothing echoes back; the copy of a whole database to the office's server).
 * Capture is on again afterwards, whether `fn` succeeded or threw (a rollback restores it too).
 */
export async function withoutCapture<T>(trx: Knex.Transaction, fn: () => Promise<T>): Promise<T> {
  await setCapture(trx, false);
  let out: T;
  try {
    out = await fn();
  } catch (err) {
    // A failed statement may have aborted the transaction (PostgreSQL): its rollback ends the setting anyway.
    await setCapture(trx, true).catch(() => undefined);
    throw err;
  }
  await setCapture(trx, true);
  return out;
}

/** The changes logged after `afterSeq`, in order. */
export async function changesSince(db: Knex, afterSeq = 0): Promise<SiteChange[]> {
  const rows = (await db('site_changes').where('id', '>', afterSeq).orderBy('id')) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    seq: Number(r.id),
    table: String(r.table_name),
    gid: String(r.gid),
    gid2: r.gid2 === null ? null : String(r.gid2),
    op: r.op as SiteChange['op'],
    at: String(r.at),
    userId: r.user_id === null ? null : String(r.user_id),
    userName: r.user_name === null ? null : String(r.user_name),
  }));
}
