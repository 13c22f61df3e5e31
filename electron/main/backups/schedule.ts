import type { Knex } from 'knex';
import { recordBackupFailure } from './for-notifications';
import { ensureDailyBackup } from './store';

/**
 * The daily automatic backup while the app is open: a first check shortly after start,
 * then every hour (a PC left on overnight makes the next day's at the first check after
 * midnight). Errors are reported, never thrown: a failed backup must not stop the app.
 * electron/main/index.ts starts it; the answer stops it.
 */
export function scheduleDailyBackups(opts: {
  db: Knex;
  attachmentsDir: string;
  backupDir: string;
  appVersion: string;
  onError: (err: unknown) => void;
  /** A backup was made (its folder's name): for the log. */
  onDone?: (name: string) => void;
  firstDelayMs?: number;
  everyMs?: number;
}): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const made = await ensureDailyBackup(opts);
      if (made) opts.onDone?.(made.name);
    } catch (err) {
      // The notifications centre tells the administrator (for-notifications.ts).
      recordBackupFailure(opts.backupDir, new Date().toISOString());
      opts.onError(err);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), opts.firstDelayMs ?? 60_000);
  const every = setInterval(() => void run(), opts.everyMs ?? 3_600_000);
  first.unref?.();
  every.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
