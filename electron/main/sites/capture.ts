import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { setCaptureActor, setCaptureOn } from './repository/capture';

/**
 * Change capture (issue 20, docs/SITES.md decision 5; migration 20261210_0028_site_sync): once
 * started (startCapture), the database's triggers append every insert, update and delete of a
 * travelling row to site_changes in the writing transaction. Two things are said to them per transaction:
 * who is writing (runAuditedWrite names its actor), and — while a received package is applied —
 * that nothing is to be captured. SQLite reads both from the one-row site_capture, PostgreSQL
 * from transaction-local settings; on SQLite the row is put back before the transaction ends, and
 * a transaction rolled back puts it back by itself.
 */

/** Runs `fn` in `trx` with its captured changes attributed to `actor`. */
export async function attributedTo<T>(trx: Knex.Transaction, actor: Actor, fn: () => Promise<T>): Promise<T> {
  await setCaptureActor(trx, actor);
  const out = await fn();
  await setCaptureActor(trx, null);
  return out;
}

/**
 * Runs `fn` in `trx` with change capture off: what it writes is not logged (a received package
 * being applied, so nothing echoes back; the copy of a whole database to the office's server).
 * Capture is on again afterwards, whether `fn` succeeded or threw (a rollback restores it too).
 */
export async function withoutCapture<T>(trx: Knex.Transaction, fn: () => Promise<T>): Promise<T> {
  await setCaptureOn(trx, false);
  let out: T;
  try {
    out = await fn();
  } catch (err) {
    // A failed statement may have aborted the transaction (PostgreSQL): its rollback ends the setting anyway.
    await setCaptureOn(trx, true).catch(() => undefined);
    throw err;
  }
  await setCaptureOn(trx, true);
  return out;
}
