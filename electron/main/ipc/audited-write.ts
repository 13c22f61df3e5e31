import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { AppError } from './errors';
import { appendAudit, appendAudits, type AuditEntry } from '../audit/audit';
import { attributedTo } from '../sites/capture';

const readOnlyDatabases = new WeakMap<Knex, { unknownMigrations: string[] }>();

/**
 * Office mode: the server's schema is newer than this app (migrations it does not know,
 * db/server.ts). Every write through runAuditedWrite — every write channel and every job
 * that writes — is then refused with "actualice la aplicación"; reading still works.
 */
export function markReadOnly(db: Knex, why: { unknownMigrations: string[] }): void {
  readOnlyDatabases.set(db, why);
}

export const readOnlyReason = (db: Knex) => readOnlyDatabases.get(db) ?? null;

/** A write that left no audit entry: refused, and its transaction rolled back. */
export class MissingAudit extends Error {}

/** Appends one audit entry inside the running write's transaction; `many` appends several at once (bulk writes). */
export type Audit = ((entry: AuditEntry) => Promise<void>) & { many(entries: AuditEntry[]): Promise<void> };

/**
 * The one way anything writes on a user's behalf: `fn` runs inside ONE transaction and
 * gets an `audit` that appends entries to that same transaction, attributed to the
 * session's actor, the channel and `now`. If `fn` throws (or is cancelled by throwing),
 * or wrote without any audit entry, everything is rolled back. Used by the IPC dispatcher
 * for write channels and by long-running jobs that write (imports).
 */
export async function runAuditedWrite<T>(
  db: Knex,
  session: { actor: Actor },
  channel: string,
  fn: (trx: Knex.Transaction, audit: Audit) => Promise<T>,
  now: string = new Date().toISOString(),
): Promise<T> {
  if (readOnlyDatabases.has(db)) throw new AppError('read_only', 'office.errors.outdatedApp');
  return db.transaction(async (trx) => {
    let audited = 0;
    const audit: Audit = Object.assign(
      async (entry: AuditEntry) => {
        audited++;
        await appendAudit(trx, session.actor, channel, now, entry);
      },
      {
        many: async (entries: AuditEntry[]) => {
          audited += entries.length;
          await appendAudits(trx, session.actor, channel, now, entries);
        },
      },
    );
    // The changes the triggers capture (sites/capture.ts) name the same actor as the audit entries.
    const out = await attributedTo(trx, session.actor, () => fn(trx, audit));
    if (audited === 0) throw new MissingAudit(`${channel} wrote without an audit entry`);
    return out;
  });
}
