import type { Knex } from 'knex';
import { defaultLocale } from '../../shared/i18n';
import { savedLocale } from './app/handlers';
import { createDispatcher, type Dispatch, type Session } from './ipc/dispatcher';
import { newSessionAuth, NOBODY } from './auth/access';
import { handlers } from './handlers';
import { markReadOnly } from './ipc/audited-write';
import { createJobRegistry, type JobRegistry } from './jobs/jobs';
import type { Platform } from './platform';

export interface Services {
  dispatch: Dispatch;
  session: Session;
  /** Long-running jobs (imports): progress, cancel, status; handlers reach it as ctx.jobs. */
  jobs: JobRegistry;
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
  const dispatch = createDispatcher({ db, handlers, session, platform, jobs, onInternalError: opts.onInternalError });
  return { dispatch, session, jobs };
}
