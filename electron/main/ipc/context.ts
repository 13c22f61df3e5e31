import type { Knex } from 'knex';
import type { ChannelName } from '../../../shared/channels';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { Actor } from '../../../shared/app/schemas';
import type { SessionUser } from '../../../shared/auth/schemas';
import type { Locale } from '../../../shared/format';
import type { AuditEntry } from '../audit/audit';
import type { Translate } from '../i18n';
import type { Platform } from '../platform';
import type { AttachmentStore } from '../files/store';
import type { JobRegistry } from '../jobs/jobs';
import type { AppLog } from '../logs/log';

/**
 * The vocabulary every handler speaks: who is calling (Session), what a handler is given
 * (HandlerContext) and its type per channel. The dispatcher (dispatcher.ts) builds the
 * context; auth/access.ts checks the session; nothing here runs.
 */

/** Who is signed in to a Session (auth/access.ts keeps it). */
export interface SessionAuth {
  user: SessionUser | null;
  /** Closed by the idle lock (or by the user): only auth.unlock and auth.signOut answer. */
  locked: boolean;
  /** When the user last did something (ms since epoch, by `clock`). */
  lastActivity: number;
  /** The clock (tests move it forward). */
  clock: () => number;
  /** The account's version when `user` was read: another PC's edit of the account changes it (refreshSessionUser). */
  userVersion: number;
  /** Why the last session ended without the user signing out (an administrator deactivated the account); told on the sign-in screen. */
  ended: 'deactivated' | null;
}

/** Who is using the app and in which language. */
export interface Session {
  /** Who writes are attributed to: the signed-in user (auth/access.ts). */
  actor: Actor;
  /** The signed-in user, the idle lock (auth/access.ts); absent: nobody is signed in. */
  auth?: SessionAuth;
  locale: Locale;
  /** Files this session wrote (exports), the only ones the renderer may ask to reveal. */
  writtenFiles: Set<string>;
}

export const LOCAL_ADMIN: Actor = { id: 'admin-local', name: 'Administrador local' };

export interface HandlerContext {
  /** Inside a write channel: the channel's transaction. */
  db: Knex;
  /**
   * For long aggregate reads that may run side by side (the evaluation page): report
   * connections that see only committed data (db/connection.ts openReports), or db itself.
   */
  reports: Knex;
  session: Session;
  channel: ChannelName;
  /** The request's time, UTC ISO: every row a request writes carries the same one. */
  now: string;
  t: Translate;
  platform: Platform;
  /** Where attachments' contents live: this PC's folder, the office's server or its shared folder (files/store.ts). */
  attachments: AttachmentStore;
  /** Appends an audit entry in the same transaction (write channels only). */
  audit(entry: AuditEntry): Promise<void>;
  /** Long-running jobs (progress, cancel) of this session; see jobs/jobs.ts. */
  jobs: JobRegistry;
  /**
   * Another query channel as this user calls it: the same role check, input schema and
   * establishment scope as a call from the window, so what it answers is what this user may
   * see (a list exported as shown: lists/exports.ts).
   */
  read<K extends ChannelName>(channel: K, input: unknown): Promise<ChannelOutput<K>>;
  /** The app's log (logs/log.ts), when main keeps one: what support needs, redacted. */
  log?: AppLog;
}

export type Handler<K extends ChannelName> = (input: ChannelParsedInput<K>, ctx: HandlerContext) => Promise<ChannelOutput<K>>;

/** One handler per channel of the contract: a missing one is a type error. */
export type Handlers = { [K in ChannelName]: Handler<K> };

/** A domain's handlers: exactly the channels of that domain, each typed by its contract. */
export type DomainHandlers<C extends ChannelName> = { [K in C]: Handler<K> };
