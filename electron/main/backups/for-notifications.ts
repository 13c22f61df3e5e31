import fs from 'node:fs';
import path from 'node:path';
import type { NotificationItem } from '../../../shared/notifications/schemas';
import { backupInfos } from './store';

/**
 * What the notifications centre asks of the backups: whether the last backup of this PC is more
 * than two days old (or there is none), or the last automatic attempt failed. The failure is
 * written beside the backups by the daily schedule (schedule.ts) and cleared by a backup made
 * after it.
 */

/** How old the last backup may be before it is a reminder. */
export const BACKUP_MAX_AGE_MS = 2 * 24 * 3600 * 1000;
const FAILURE_FILE = 'ultimo-fallo.json';

/** Records that the automatic backup failed at `at` (UTC ISO); never throws. */
export function recordBackupFailure(backupDir: string, at: string): void {
  try {
    fs.mkdirSync(backupDir, { recursive: true });
    fs.writeFileSync(path.join(backupDir, FAILURE_FILE), JSON.stringify({ at }));
  } catch {
    // The folder itself cannot be written: the backup's age will tell.
  }
}

function lastFailure(backupDir: string): string | null {
  try {
    const at = (JSON.parse(fs.readFileSync(path.join(backupDir, FAILURE_FILE), 'utf8')) as { at?: unknown }).at;
    return typeof at === 'string' ? at : null;
  } catch {
    return null;
  }
}

export function backupReminders(backupDir: string, now: string): { total: number; items: NotificationItem[] } {
  const last = backupInfos(backupDir)[0]?.createdAt ?? null;
  const failed = lastFailure(backupDir);
  const reason =
    failed !== null && (last === null || failed > last)
      ? 'failed'
      : last === null
        ? 'never'
        : Date.parse(now) - Date.parse(last) > BACKUP_MAX_AGE_MS
          ? 'old'
          : null;
  if (reason === null) return { total: 0, items: [] };
  const item: NotificationItem = {
    key: `backup:${reason}:${reason === 'failed' ? failed : (last ?? '')}`,
    kind: 'backupOverdue',
    label: last ?? '',
    detail: null,
    date: reason === 'failed' ? failed : last,
    days: last === null ? null : Math.floor((Date.parse(now) - Date.parse(last)) / (24 * 3600 * 1000)),
    reason,
    target: { page: 'backups', id: null },
  };
  return { total: 1, items: [item] };
}
