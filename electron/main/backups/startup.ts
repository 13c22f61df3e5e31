import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { checkIntegrity, createKnex } from '../db/connection';
import { ATTACHMENTS_DIR, DATABASE_FILE, MANIFEST, stamp } from './format';
import { prepareRestore, restoreAttachments, type RestorePlan } from './restore';
import { refuseForeignSchema } from './schema';

/**
 * The start-up's side of backups, on a database that is closed (damaged): the backups' database
 * files newest first and the restore of one in place of the file (electron/main/index.ts), and
 * the single-file copies made before full backups existed.
 */

/** A backup that cannot be restored; reason names the startup.backup* message. */
export class BackupError extends Error {
  constructor(
    readonly reason: 'missing' | 'damaged',
    readonly backupPath: string,
  ) {
    super(`backup ${reason}: ${backupPath}`);
  }
}

/**
 * A consistent copy of the open database through SQLite's VACUUM INTO (never a plain
 * copy of an open file). Answers the new file's path.
 */
export async function backupDatabase(db: Knex, backupDir: string, reason: string, now = new Date()): Promise<string> {
  fs.mkdirSync(backupDir, { recursive: true });
  let target = path.join(backupDir, `arteinpe-${stamp(now.toISOString())}-${reason}.sqlite`);
  for (let i = 2; fs.existsSync(target); i++) {
    target = path.join(backupDir, `arteinpe-${stamp(now.toISOString())}-${reason}-${i}.sqlite`);
  }
  await db.raw('VACUUM INTO ?', [target]);
  return target;
}

/**
 * The backups' database files in a folder, newest first: the copies made before a
 * migration (arteinpe-….sqlite) and the database of each full backup folder
 * (arteinpe-…/arteinpe.sqlite, see archive.ts).
 */
export function listBackups(backupDir: string): string[] {
  if (!fs.existsSync(backupDir)) return [];
  return fs
    .readdirSync(backupDir)
    .flatMap((f) => {
      if (/^arteinpe-.*\.sqlite$/.test(f)) return [path.join(backupDir, f)];
      const inFolder = path.join(backupDir, f, DATABASE_FILE);
      return /^arteinpe-[^.]*$/.test(f) && fs.existsSync(path.join(backupDir, f, MANIFEST)) && fs.existsSync(inFolder) ? [inFolder] : [];
    })
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs || b.localeCompare(a));
}

export const latestBackup = (backupDir: string): string | null => listBackups(backupDir)[0] ?? null;

/**
 * Puts a backup in place of a damaged database (the start-up's "restore the latest
 * backup"). A full backup (a folder: arteinpe.sqlite beside its manifest.json) goes through
 * the same checks as any restore (restore.ts prepareRestore: every file's SHA-256,
 * only attachment paths, no links, the app's schema) and brings its attachments back into
 * `attachmentsDir` too; an older single-file copy is checked for integrity and schema. All
 * checks run before anything is written; the damaged file (and its WAL) is kept aside,
 * never deleted. The database must be closed. A refusal is a BackupError or a
 * BackupCheckError (backups.errors.*).
 */
export async function restoreBackup(
  backupPath: string,
  dbPath: string,
  now = new Date(),
  opts: { attachmentsDir?: string } = {},
): Promise<{ damagedPath: string | null; attachmentsCopied: number }> {
  if (!fs.existsSync(backupPath)) throw new BackupError('missing', backupPath);
  const folder = path.dirname(backupPath);
  let plan: RestorePlan | null = null;
  if (path.basename(backupPath) === DATABASE_FILE && fs.existsSync(path.join(folder, MANIFEST))) {
    plan = await prepareRestore({ folder, attachmentsDir: opts.attachmentsDir ?? path.join(path.dirname(dbPath), ATTACHMENTS_DIR) });
  } else {
    const probe = createKnex(backupPath, { inspect: true });
    try {
      const report = await checkIntegrity(probe);
      if (!report.ok) throw new BackupError('damaged', backupPath);
      await refuseForeignSchema(probe, path.basename(backupPath));
    } finally {
      await probe.destroy();
    }
  }
  let damagedPath: string | null = null;
  if (fs.existsSync(dbPath)) {
    damagedPath = `${dbPath}.danado-${stamp(now.toISOString())}`;
    fs.renameSync(dbPath, damagedPath);
  }
  for (const suffix of ['-wal', '-shm']) {
    const side = dbPath + suffix;
    if (fs.existsSync(side)) fs.renameSync(side, (damagedPath ?? dbPath) + suffix);
  }
  const attachmentsCopied = plan ? await restoreAttachments(plan) : 0;
  fs.copyFileSync(plan?.database ?? backupPath, dbPath);
  return { damagedPath, attachmentsCopied };
}
