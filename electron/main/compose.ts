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
import { isPostgres } from './db/dialect';
import { FolderStore, type AttachmentStore } from './files/store';
import { OfficeAttachmentStore, readSharedFolder } from './office/attachments';

export interface Services {
  dispatch: Dispatch;
  session: Session;
  /** Long-running jobs (imports): progress, cancel, status; handlers reach it as ctx.jobs. */
  jobs: JobRegistry;
  /** Where attachments' contents live (files/store.ts); handlers reach it as ctx.attachments. */
  attachments: AttachmentStore;
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
    /** Office mode: overrides the shared attachments folder the administrator set on the server (settings row, office/attachments.ts); null: the server's database. */
    sharedAttachmentsDir?: string | null;
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
  // On this PC's SQLite, the folder beside the database. Office mode: the server's database (each
  // PC caching in its own folder) or the shared folder the administrator chose for the whole office
  // (a settings row on the server, read at start), every read checked against its hash.
  const attachments: AttachmentStore = isPostgres(db)
    ? new OfficeAttachmentStore(db, platform.paths.attachmentsDir, opts.sharedAttachmentsDir !== undefined ? opts.sharedAttachmentsDir : await readSharedFolder(db))
    : new FolderStore(platform.paths.attachmentsDir);
  const dispatch = createDispatcher({ db, handlers, session, platform, jobs, attachments, onInternalError: opts.onInternalError });
  return { dispatch, session, jobs, attachments };
}
