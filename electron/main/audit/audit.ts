import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { formatDate, formatDateTime } from '../../../shared/format';
import { AppError } from '../ipc/errors';
import { insertAuditRows, latestChange, type AuditRow } from './repository';

export interface AuditEntry {
  entity: string;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

const rowOf = (actor: Actor, channel: string, at: string, entry: AuditEntry): AuditRow => ({
  at,
  user_id: actor.id,
  user_name: actor.name,
  channel,
  entity: entry.entity,
  entity_id: entry.entityId === null ? null : String(entry.entityId),
  action: entry.action,
  before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
  after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
});

/** Appends one entry to the audit log, inside the caller's transaction. */
export async function appendAudit(
  trx: Knex | Knex.Transaction,
  actor: Actor,
  channel: string,
  at: string,
  entry: AuditEntry,
): Promise<void> {
  await insertAuditRows(trx, rowOf(actor, channel, at, entry));
}

/** Appends many entries at once (bulk writes: imports), inside the caller's transaction. */
export async function appendAudits(
  trx: Knex | Knex.Transaction,
  actor: Actor,
  channel: string,
  at: string,
  entries: AuditEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) {
    await insertAuditRows(
      trx,
      entries.slice(i, i + 200).map((e) => rowOf(actor, channel, at, e)),
    );
  }
}

/**
 * Appends entries of different actors and times at once, in their order (a received data
 * package's rows, each under the user who changed it: sites/apply.ts), inside the caller's
 * transaction.
 */
export async function appendAuditBatch(
  trx: Knex | Knex.Transaction,
  items: ReadonlyArray<{ actor: Actor; channel: string; at: string; entry: AuditEntry }>,
): Promise<void> {
  for (let i = 0; i < items.length; i += 200) {
    await insertAuditRows(
      trx,
      items.slice(i, i + 200).map((x) => rowOf(x.actor, x.channel, x.at, x.entry)),
    );
  }
}

/**
 * A save over a newer change (optimistic concurrency): the refusal says who made that
 * change and when, from the audit log's latest entry for the same record in the same
 * domain (the user's transaction is already rolled back). Without one, the plain message.
 */
export async function whoChanged(db: Knex, domain: string, recordId: number | null, err: AppError): Promise<AppError> {
  if (recordId === null) return err;
  try {
    const last = await latestChange(db, domain, recordId);
    if (!last) return err;
    return new AppError(
      'stale',
      'office.errors.staleBy',
      { name: last.user_name, date: formatDate(last.at), time: formatDateTime(last.at).slice(11) },
      err.fields,
    );
  } catch {
    return err;
  }
}
