import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { BackupReason } from '../../../shared/backups/schemas';
import { createKnex } from '../db/connection';
import {
  ATTACHMENTS_DIR,
  BackupCheckError,
  DATABASE_FILE,
  FORMAT,
  FORMAT_VERSION,
  MANIFEST,
  copyHashed,
  fsyncPath,
  inside,
  isAttachmentPath,
  isManagedAttachment,
  listFiles,
  lstatOrNull,
  readManifest,
  sha256File,
  stamp,
  type Manifest,
  type ManifestFile,
  type Progress,
} from './format';
import { appliedMigrations } from './schema';

/**
 * A full backup is a folder:
 *
 *   arteinpe-20261126-103000-manual/
 *     manifest.json        what it holds, with the SHA-256 and size of every file
 *     arteinpe.sqlite      a consistent copy of the database (VACUUM INTO)
 *     adjuntos/…           the managed attachments, as they are in the data folder
 *
 * It is written under a hidden temporary name and renamed when complete, so a crash or a
 * power cut never leaves something that looks like a backup and is not. A restore checks
 * everything (manifest, every file's hash, the database's integrity, the app version)
 * before touching the current data. Plain Node: the app, the harness, the tests, the bench.
 *
 * A backup may come from anywhere (a USB stick): a restore trusts nothing in it. Every
 * attachment must have the exact name files/store.ts gives a managed attachment
 * (`adjuntos/<2 hex>/<sha256>.<ext>`, or its thumbnail `adjuntos/miniaturas/<sha256>.jpg`),
 * the folder must hold no symbolic link, and the database must have exactly the schema
 * the app's migrations make (tables, columns, indexes, triggers, views).
 */

const PARTIAL = /^\.(arteinpe-.+)\.partial-(\d+)$/;

const alive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes what backups interrupted by a crash left behind (their temporary folders). */
export function removeLeftovers(dir: string): number {
  let removed = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const name of fs.readdirSync(dir)) {
    const m = PARTIAL.exec(name);
    if (m && !alive(Number(m[2]))) {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

export interface BackupResult {
  name: string;
  path: string;
  manifest: Manifest;
  totalBytes: number;
}

/**
 * Writes a full backup into `destDir`. The database copy is consistent (VACUUM INTO, while
 * the app keeps working); attachments are copied and hashed; the manifest is written last
 * and the folder renamed into place. Cancelling (signal) removes everything written.
 */
export async function createFullBackup(opts: {
  db: Knex;
  attachmentsDir: string;
  destDir: string;
  reason: BackupReason;
  createdBy: string;
  appVersion: string;
  now?: string;
  job?: Progress;
}): Promise<BackupResult> {
  const now = opts.now ?? new Date().toISOString();
  fs.mkdirSync(opts.destDir, { recursive: true });
  removeLeftovers(opts.destDir);
  let name = `arteinpe-${stamp(now)}-${opts.reason}`;
  for (let i = 2; fs.existsSync(path.join(opts.destDir, name)); i++) name = `arteinpe-${stamp(now)}-${opts.reason}-${i}`;
  const tmp = path.join(opts.destDir, `.${name}.partial-${process.pid}`);
  const final = path.join(opts.destDir, name);
  const signal = opts.job?.signal;

  // Only the managed attachments (named by their hash): a file being written (its .tmp) or
  // anything else in the folder is no attachment and would make the backup unrestorable.
  const sources = listFiles(opts.attachmentsDir).filter(isManagedAttachment);
  const sizes = sources.map((f) => fs.statSync(path.join(opts.attachmentsDir, f)).size);
  fs.mkdirSync(tmp);
  try {
    // 1. The database, consistent, then flushed and hashed.
    opts.job?.progress?.(0, 1, 'database');
    const dbCopy = path.join(tmp, DATABASE_FILE);
    await opts.db.raw('VACUUM INTO ?', [dbCopy]);
    signal?.throwIfAborted();
    fsyncPath(dbCopy);
    const dbHash = await sha256File(dbCopy, signal);
    const applied = createKnex(dbCopy, { inspect: true });
    let applied_migrations: string[] = [];
    try {
      applied_migrations = (await applied('knex_migrations').orderBy('id').pluck('name')) as string[];
    } catch {
      applied_migrations = [];
    } finally {
      await applied.destroy();
    }

    // 2. The attachments, copied and hashed.
    const total = sizes.reduce((a, b) => a + b, 0);
    let done = 0;
    opts.job?.progress?.(0, total, 'attachments');
    const attachments: ManifestFile[] = [];
    for (const rel of sources) {
      signal?.throwIfAborted();
      const dest = path.join(tmp, ATTACHMENTS_DIR, ...rel.split('/'));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const copied = await copyHashed(
        path.join(opts.attachmentsDir, ...rel.split('/')),
        dest,
        (n) => {
          done += n;
        },
        signal,
      );
      attachments.push({ file: `${ATTACHMENTS_DIR}/${rel}`, bytes: copied.bytes, sha256: copied.sha256 });
      opts.job?.progress?.(done, total, 'attachments');
    }

    // 3. The manifest, last; then the folder takes its name.
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      name,
      reason: opts.reason,
      createdAt: now,
      createdBy: opts.createdBy,
      appVersion: opts.appVersion,
      migrations: applied_migrations,
      database: { file: DATABASE_FILE, bytes: dbHash.bytes, sha256: dbHash.sha256 },
      attachments,
    };
    const manifestPath = path.join(tmp, MANIFEST);
    fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    fsyncPath(manifestPath);
    signal?.throwIfAborted();
    fs.renameSync(tmp, final);
    fsyncPath(opts.destDir);
    return { name, path: final, manifest, totalBytes: dbHash.bytes + total };
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Refuses a backup folder that is, or holds anywhere, a symbolic link or a junction: the
 * check would read, and a restore copy, a file from elsewhere on the PC.
 */
function refuseLinks(folder: string): void {
  if (lstatOrNull(folder)?.isSymbolicLink()) throw new BackupCheckError('link', path.basename(folder));
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) throw new BackupCheckError('link', r);
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
    }
  };
  walk(folder, '');
}

/**
 * Checks a backup completely without changing anything: it is ours, it names only the
 * database and managed attachments (their exact paths), it holds no link, every file is
 * there with its size and SHA-256, the database passes SQLite's integrity check, and it
 * was made by this version of the app or an older one.
 */
export async function verifyBackup(folder: string, job?: Progress): Promise<Manifest> {
  if (lstatOrNull(path.join(folder, MANIFEST))?.isSymbolicLink()) throw new BackupCheckError('link', MANIFEST);
  const manifest = readManifest(folder);
  refuseLinks(folder);
  if (manifest.database.file !== DATABASE_FILE) throw new BackupCheckError('unsafePath', manifest.database.file);
  for (const a of manifest.attachments) if (!isAttachmentPath(a.file)) throw new BackupCheckError('unsafePath', a.file);
  const files = [manifest.database, ...manifest.attachments];
  const total = files.reduce((a, f) => a + f.bytes, 0);
  let done = 0;
  job?.progress?.(0, total, 'verify');
  for (const f of files) {
    const full = inside(folder, f.file);
    if (!lstatOrNull(full)?.isFile()) throw new BackupCheckError('missingFile', f.file);
    const { sha256, bytes } = await sha256File(full, job?.signal);
    if (bytes !== f.bytes || sha256 !== f.sha256) throw new BackupCheckError('hashMismatch', f.file);
    done += bytes;
    job?.progress?.(done, total, 'verify');
  }
  const probe = createKnex(path.join(folder, manifest.database.file), { inspect: true });
  try {
    const rows = (await probe.raw('PRAGMA integrity_check').catch(() => [{ integrity_check: 'unreadable' }])) as Array<
      Record<string, string>
    >;
    const problems = rows.map((r) => Object.values(r)[0] ?? '').filter((v) => v !== 'ok');
    if (problems.length > 0) throw new BackupCheckError('damaged', manifest.database.file);
    await appliedMigrations(probe, folder, manifest.appVersion);
  } finally {
    await probe.destroy();
  }
  return manifest;
}
