import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import { isPostgres } from '../../db/dialect';

/**
 * What the change-capture triggers are told (sites/capture.ts; migration 20261210_0028_site_sync):
 * SQLite reads it from the one-row `site_capture`, PostgreSQL from transaction-local settings.
 */

/** Names the writer of the changes `trx` captures from now on (null: nobody). */
export async function setCaptureActor(trx: Knex.Transaction, actor: Actor | null): Promise<void> {
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

/** Turns capture on or off for what `trx` writes from now on. */
export async function setCaptureOn(trx: Knex.Transaction, on: boolean): Promise<void> {
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
