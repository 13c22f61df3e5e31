import type { Knex } from 'knex';
import { limaToday } from '../../../shared/contracts/rules';
import { notificationKinds, type NotificationItem } from '../../../shared/notifications/schemas';
import { checkIdle, refreshSessionUser } from '../auth/access';
import type { AttachmentStore } from '../files/store';
import { translator, type Translate } from '../i18n';
import type { HandlerContext, Session } from '../ipc/context';
import { readOnlyReason } from '../ipc/audited-write';
import type { JobRegistry } from '../jobs/jobs';
import type { Platform } from '../platform';
import { remindersOf } from './reminders';
import { lastSummaryDay, recordSummary, summarisedKeys } from './repository';

/**
 * The desktop summary: at most once a (Lima) day, one notification of the operating system
 * (platform.notify, Windows' action centre in the app) telling the signed-in user the reminders
 * that are NEW to them — the kinds they hear, never one told before. The app checks shortly after
 * it starts and then every few minutes (scheduleDesktopSummaries), so the first summary comes
 * soon after signing in and the next on the next day. Nothing here imports Electron: the clock
 * and the timers are given, and the browser harness has no notify (nothing is shown there).
 */

export interface SummaryDeps {
  db: Knex;
  session: Session;
  platform: Platform;
  attachments: AttachmentStore;
  jobs: JobRegistry;
}

export interface Summary {
  title: string;
  body: string;
  keys: string[];
}

/** The notification's text: how many new reminders, then one line per kind. */
export function summaryText(t: Translate, fresh: readonly NotificationItem[]): Pick<Summary, 'title' | 'body'> {
  const lines = notificationKinds
    .map((kind) => ({ kind, count: fresh.filter((i) => i.kind === kind).length }))
    .filter((x) => x.count > 0)
    .map((x) => t(`notifications.desktop.kinds.${x.kind}`, { count: x.count }));
  return { title: t('notifications.desktop.title', { count: fresh.length }), body: lines.join('\n') };
}

/** What a handler is given, for reading the session's reminders at `now` outside a request (the schedule, tests). */
export const readingContext = (deps: SummaryDeps, now: string): HandlerContext => ({
  db: deps.db,
  reports: deps.db,
  session: deps.session,
  channel: 'notifications.list',
  now,
  t: translator(deps.session.locale),
  platform: deps.platform,
  attachments: deps.attachments,
  jobs: deps.jobs,
  audit: () => Promise.reject(new Error('reading the reminders writes no audited records')),
  read: () => Promise.reject(new Error('the reminders read their own tables')),
});

/**
 * Shows today's summary if the user signed in (and not locked) has not had one today and has
 * new reminders; answers what it showed, or null.
 */
export async function summariseNew(deps: SummaryDeps, now: string): Promise<Summary | null> {
  const { db, session } = deps;
  // The account as it is now (deactivated or its role changed on another PC), and not while the session is locked.
  if (!session.auth?.user || (await refreshSessionUser(db, session, 'notifications.list'))) return null;
  const user = session.auth.user;
  if (checkIdle(session) || user.mustChangePassword) return null;
  // Office mode on a newer server's schema: nothing is written, so nothing is summarised (the bell still counts).
  if (readOnlyReason(db)) return null;
  const today = limaToday(now);
  if ((await lastSummaryDay(db, user.id)) === today) return null;
  const ctx = readingContext(deps, now);
  const list = await remindersOf(ctx);
  const told = await summarisedKeys(db, user.id);
  const fresh = list.items.filter((i) => !told.has(i.key));
  if (fresh.length === 0) return null;
  const keys = fresh.map((i) => i.key);
  await recordSummary(
    db,
    user.id,
    list.items.map((i) => i.key),
    keys,
    today,
  );
  const text = summaryText(ctx.t, fresh);
  deps.platform.notify?.(text.title, text.body);
  return { ...text, keys };
}

/** The timers the schedule uses (Node's by default; tests give their own). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  setInterval(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  clearInterval(handle: unknown): void;
}

const nodeTimers: Timers = {
  setTimeout: (fn, ms) => {
    const h = setTimeout(fn, ms);
    h.unref?.();
    return h;
  },
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms);
    h.unref?.();
    return h;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

/**
 * Checks for a summary shortly after start and then every `everyMs` (a check after today's
 * summary costs one query). Errors are reported, never thrown. Answers the stop.
 */
export function scheduleDesktopSummaries(opts: {
  deps: SummaryDeps;
  clock?: () => number;
  timers?: Timers;
  firstDelayMs?: number;
  everyMs?: number;
  onError: (err: unknown) => void;
  /** After each check, with what it showed (tests wait on it). */
  onChecked?: (shown: Summary | null) => void;
}): () => void {
  const timers = opts.timers ?? nodeTimers;
  const clock = opts.clock ?? Date.now;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    let shown: Summary | null = null;
    try {
      shown = await summariseNew(opts.deps, new Date(clock()).toISOString());
    } catch (err) {
      opts.onError(err);
    } finally {
      running = false;
      opts.onChecked?.(shown);
    }
  };
  const first = timers.setTimeout(() => void run(), opts.firstDelayMs ?? 15_000);
  const every = timers.setInterval(() => void run(), opts.everyMs ?? 60_000);
  return () => {
    timers.clearTimeout(first);
    timers.clearInterval(every);
  };
}
