import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { BackupInfo } from '../../../shared/backups/schemas';
import { createFullBackup, removeLeftovers, type BackupResult } from './archive';
import { readManifest, type Manifest } from './format';
import { limaDay, newest, retention } from './rotation';

/**
 * The backups in the app's own backup folder (the user data folder): listing, the daily
 * automatic backup and its rotation (7 daily, 4 weekly, 12 monthly). The backup made
 * before a migration is an automatic backup too: it counts as its day's backup in the
 * same rotation. Manual backups kept there and the copies made before a restore are
 * limited to the newest few.
 */
export const KEEP_MANUAL = 10;
export const KEEP_BEFORE_RESTORE = 5;

/** The automatic backups, which the 7/4/12 rotation keeps: the daily one and the one before a migration. */
const rotated: readonly string[] = ['automatica', 'antes-de-migrar'];

export interface StoredBackup {
  name: string;
  path: string;
  manifest: Manifest;
}

/** The complete backups in a folder (those with a readable manifest), newest first. */
export function listFullBackups(dir: string): StoredBackup[] {
  if (!fs.existsSync(dir)) return [];
  const out: StoredBackup[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!/^arteinpe-\d{8}-\d{6}-[a-z-]+(-\d+)?$/.test(name)) continue;
    const full = path.join(dir, name);
    try {
      if (!fs.statSync(full).isDirectory()) continue;
      out.push({ name, path: full, manifest: readManifest(full) });
    } catch {
      // Not a complete backup (no manifest): never offered.
    }
  }
  return out.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt) || b.name.localeCompare(a.name));
}

/** What the backups page shows of each. */
export function backupInfos(dir: string): BackupInfo[] {
  const all = listFullBackups(dir);
  const keep = retention(
    all.filter((b) => rotated.includes(b.manifest.reason)).map((b) => ({ name: b.name, createdAt: b.manifest.createdAt })),
  );
  return all.map((b) => ({
    name: b.name,
    reason: b.manifest.reason,
    createdAt: b.manifest.createdAt,
    databaseBytes: b.manifest.database.bytes,
    attachmentFiles: b.manifest.attachments.length,
    attachmentBytes: b.manifest.attachments.reduce((a, f) => a + f.bytes, 0),
    keptAs: keep.get(b.name) ?? [],
  }));
}

/** Removes the backups the rotation no longer keeps; answers their names. */
export function rotate(dir: string): string[] {
  const all = listFullBackups(dir);
  const dated = (...reasons: string[]) =>
    all.filter((b) => reasons.includes(b.manifest.reason)).map((b) => ({ name: b.name, createdAt: b.manifest.createdAt }));
  const keep = new Set<string>([
    ...retention(dated(...rotated)).keys(),
    ...newest(dated('manual'), KEEP_MANUAL),
    ...newest(dated('antes-de-restaurar'), KEEP_BEFORE_RESTORE),
  ]);
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.name)) continue;
    fs.rmSync(b.path, { recursive: true, force: true });
    removed.push(b.name);
  }
  removeLeftovers(dir);
  return removed;
}

/**
 * The daily automatic backup: made when none exists yet for today (Lima's calendar), then
 * the rotation. Called at start and by a timer (electron/main/index.ts).
 */
export async function ensureDailyBackup(opts: {
  db: Knex;
  attachmentsDir: string;
  backupDir: string;
  appVersion: string;
  now?: string;
}): Promise<BackupResult | null> {
  const now = opts.now ?? new Date().toISOString();
  const today = limaDay(now);
  const done = listFullBackups(opts.backupDir).some((b) => rotated.includes(b.manifest.reason) && limaDay(b.manifest.createdAt) === today);
  if (done) return null;
  const made = await createFullBackup({
    db: opts.db,
    attachmentsDir: opts.attachmentsDir,
    destDir: opts.backupDir,
    reason: 'automatica',
    createdBy: 'ArteINPE',
    appVersion: opts.appVersion,
    now,
  });
  rotate(opts.backupDir);
  return made;
}
