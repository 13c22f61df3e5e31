import type { Knex } from 'knex';
import { defaultLocale } from '../../shared/i18n';
import { savedLocale } from './app/handlers';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import type { Session } from './ipc/context';
import { newSessionAuth, NOBODY } from './auth/access';
import { handlers } from './handlers';
import { markReadOnly } from './ipc/audited-write';
import { createJobRegistry, type JobRegistry } from './jobs/jobs';
import type { Platform } from './platform';
import type { AttachmentStore } from './files/store';
import { attachmentStoreFor, readSharedFolder } from './files/office-store';
import type { AppLog } from './logs/log';
import { closeReports, openReports } from './db/connection';

export interface Services {
  dispatch: Dispatch;
  session: Session;
  /** Long-running jobs (imports): progress, cancel, status; handlers reach it as ctx.jobs. */
  jobs: JobRegistry;
  /** Where attachments' contents live (files/store.ts); handlers reach it as ctx.attachments. */
  attachments: AttachmentStore;
  /** Closes what the services opened beside the database (the report connections); call it before closing the database. */
  close(): Promise<void>;
}

/**
 * The composition root shared by the Electron main process, the browser harness, the
 * tests and the bench: one database, one platform, one dispatcher over every handler.
 */
export async function createServices(
  db: Knex,
  platform: Platform,
  opts: {
    onInternalError?: (channel: string, err: unknown) => void;
    clock?: () => number;
    /** Office mode: the server's schema is newer than this app (db/server.ts); every write is refused. */
    readOnly?: { unknownMigrations: string[] };
    /** The app's log (logs/log.ts): slow channels, the window's error reports. */
    log?: AppLog;
  } = {},
): Promise<Services> {
  if (opts.readOnly) markReadOnly(db, opts.readOnly);
  const session: Session = {
    // Nobody is signed in until the sign-in screen (or the first-run administrator) says who.
    actor: NOBODY,
    auth: newSessionAuth(opts.clock),
    locale: (await savedLocale(db)) ?? defaultLocale,
    writtenFiles: new Set(),
  };
  const jobs = createJobRegistry({ session, onInternalError: opts.onInternalError });
  // Where attachments live, chosen in one place (files/office-store.ts): this PC's folder, or in office
  // mode the place the administrator chose for the whole office (a settings row on the server), read at start.
  const attachments = attachmentStoreFor(db, platform.paths.attachmentsDir, await readSharedFolder(db));
  // Long aggregate reads (the evaluation page) read side by side on their own connections.
  const reports = openReports(db);
  const dispatch = createDispatcher({
    db,
    reports,
    handlers,
    session,
    platform,
    jobs,
    attachments,
    onInternalError: opts.onInternalError,
    log: opts.log,
  });
  return { dispatch, session, jobs, attachments, close: () => closeReports(db, reports) };
}
