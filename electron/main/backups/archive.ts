import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { backupReasons, type BackupReason } from '../../../shared/backups/schemas';
import { migrationSource, migrations } from '../../../migrations';
import { checkIntegrity, createKnex } from '../db/connection';

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
 */

export const MANIFEST = 'manifest.json';
export const DATABASE_FILE = 'arteinpe.sqlite';
export const ATTACHMENTS_DIR = 'adjuntos';
const FORMAT = 'arteinpe-backup';
const FORMAT_VERSION = 1;

export interface ManifestFile {
  file: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  name: string;
  reason: BackupReason;
  createdAt: string;
  createdBy: string;
  appVersion: string;
  migrations: string[];
  database: ManifestFile;
  attachments: ManifestFile[];
}

/** Why a backup cannot be restored: each reason has its Spanish sentence (backups.errors.*). */
export type BackupProblem = 'notOurs' | 'missingFile' | 'hashMismatch' | 'damaged' | 'newer';

export class BackupCheckError extends Error {
  constructor(
    readonly problem: BackupProblem,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

/** Progress and cancel (a job's control; optional for automatic backups). */
export interface Progress {
  progress?(done: number, total: number, phase?: string): void;
  signal?: AbortSignal;
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** Every regular file under a folder, as forward-slash paths relative to it (hidden temporary files left out). */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk(root, '');
  return out;
}

const CHUNK = 1024 * 1024;

/** Copies a file while hashing it, and flushes it to disk. */
async function copyHashed(src: string, dest: string, onBytes: (n: number) => void, signal?: AbortSignal): Promise<ManifestFile & { file: '' }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const out = await fs.promises.open(dest, 'wx');
  try {
    for await (const chunk of fs.createReadStream(src, { highWaterMark: CHUNK })) {
      signal?.throwIfAborted();
      const b = chunk as Buffer;
      hash.update(b);
      await out.write(b);
      bytes += b.length;
      onBytes(b.length);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  return { file: '', bytes, sha256: hash.digest('hex') };
}

export async function sha256File(file: string, signal?: AbortSignal, onBytes?: (n: number) => void): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
    signal?.throwIfAborted();
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    onBytes?.((chunk as Buffer).length);
  }
  return { sha256: hash.digest('hex'), bytes };
}

function fsyncPath(p: string): void {
  try {
    const fd = fs.openSync(p, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder to flush it; the rename is durable there once done.
  }
}

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

  const sources = listFiles(opts.attachmentsDir);
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
      const copied = await copyHashed(path.join(opts.attachmentsDir, ...rel.split('/')), dest, (n) => {
        done += n;
      }, signal);
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

/** The manifest of a backup folder, or a BackupCheckError('notOurs') when it is not one of ours. */
export function readManifest(folder: string): Manifest {
  let raw: string;
  try {
    raw = fs.readFileSync(path.join(folder, MANIFEST), 'utf8');
  } catch {
    throw new BackupCheckError('notOurs', folder);
  }
  let m: unknown;
  try {
    m = JSON.parse(raw);
  } catch {
    throw new BackupCheckError('damaged', MANIFEST);
  }
  const v = m as Partial<Manifest>;
  const isFile = (f: unknown): f is ManifestFile =>
    typeof f === 'object' && f !== null && typeof (f as ManifestFile).file === 'string' && Number.isInteger((f as ManifestFile).bytes) && /^[0-9a-f]{64}$/.test((f as ManifestFile).sha256);
  if (v.format !== FORMAT) throw new BackupCheckError('notOurs', folder);
  if (
    typeof v.formatVersion !== 'number' ||
    v.formatVersion > FORMAT_VERSION ||
    typeof v.createdAt !== 'string' ||
    !(backupReasons as readonly string[]).includes(String(v.reason)) ||
    !isFile(v.database) ||
    !Array.isArray(v.attachments) ||
    !v.attachments.every(isFile) ||
    !Array.isArray(v.migrations)
  ) {
    throw new BackupCheckError('damaged', MANIFEST);
  }
  return v as Manifest;
}

/** A file named by a manifest, inside the backup folder only (never ../ out of it). */
function inside(folder: string, rel: string): string {
  const full = path.resolve(folder, ...rel.split('/'));
  if (!full.startsWith(path.resolve(folder) + path.sep)) throw new BackupCheckError('damaged', rel);
  return full;
}

/**
 * Checks a backup completely without changing anything: it is ours, every file is there
 * with its size and SHA-256, the database passes SQLite's integrity check, and it was made
 * by this version of the app or an older one.
 */
export async function verifyBackup(folder: string, job?: Progress): Promise<Manifest> {
  const manifest = readManifest(folder);
  const files = [manifest.database, ...manifest.attachments];
  const total = files.reduce((a, f) => a + f.bytes, 0);
  let done = 0;
  job?.progress?.(0, total, 'verify');
  for (const f of files) {
    const full = inside(folder, f.file);
    if (!fs.existsSync(full)) throw new BackupCheckError('missingFile', f.file);
    const { sha256, bytes } = await sha256File(full, job?.signal);
    if (bytes !== f.bytes || sha256 !== f.sha256) throw new BackupCheckError('hashMismatch', f.file);
    done += bytes;
    job?.progress?.(done, total, 'verify');
  }
  const probe = createKnex(path.join(folder, manifest.database.file), { inspect: true });
  try {
    const rows = (await probe.raw('PRAGMA integrity_check').catch(() => [{ integrity_check: 'unreadable' }])) as Array<Record<string, string>>;
    const problems = rows.map((r) => Object.values(r)[0] ?? '').filter((v) => v !== 'ok');
    if (problems.length > 0) throw new BackupCheckError('damaged', manifest.database.file);
    const known = new Set(migrations.map(([n]) => n));
    const applied = (await probe('knex_migrations').pluck('name').catch(() => null)) as string[] | null;
    if (applied === null) throw new BackupCheckError('notOurs', folder);
    if (applied.some((n) => !known.has(n))) throw new BackupCheckError('newer', manifest.appVersion);
  } finally {
    await probe.destroy();
  }
  return manifest;
}

interface RawBackup {
  step(pages: number, cb: (err: Error | null) => void): void;
  finish(cb?: (err: Error | null) => void): void;
  completed: boolean;
  failed: boolean;
}
interface RawConnection {
  backup(file: string, destName: string, sourceName: string, filenameIsDest: boolean, cb?: (err: Error | null) => void): RawBackup;
  exec(sql: string, cb: (err: Error | null) => void): void;
}
interface KnexClient {
  acquireConnection(): Promise<RawConnection>;
  releaseConnection(conn: RawConnection): Promise<void>;
}

/**
 * Replaces the content of the OPEN database with a backup's, through SQLite's online
 * backup API: one transaction on the live connection (a crash midway leaves the old data),
 * while the app keeps its connection. Then runs the migrations a backup from an older
 * version lacks.
 */
async function replaceDatabase(db: Knex, source: string): Promise<string[]> {
  const client = db.client as unknown as KnexClient;
  const conn = await client.acquireConnection();
  try {
    await new Promise<void>((resolve, reject) => {
      const b = conn.backup(source, 'main', 'main', false, (err) => {
        if (err) return reject(err);
        b.step(-1, (stepErr) => {
          if (stepErr) return b.finish(() => reject(stepErr));
          b.finish((finishErr) => (finishErr ? reject(finishErr) : resolve()));
        });
      });
    });
    await new Promise<void>((resolve, reject) =>
      conn.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON', (err) => (err ? reject(err) : resolve())),
    );
  } finally {
    await client.releaseConnection(conn);
  }
  const [, migrated] = (await db.migrate.latest({ migrationSource })) as [number, string[]];
  return migrated;
}

export interface RestoreOutcome {
  manifest: Manifest;
  safetyCopy: BackupResult;
  attachmentsCopied: number;
  migrated: string[];
}

/**
 * Restores a full backup over the current data: checks it first (verifyBackup: nothing
 * is touched when it fails), keeps a full copy of the current state in `backupDir`
 * ("antes-de-restaurar"), replaces the database's content, and puts back every attachment
 * the backup holds that the data folder lacks (attachments are named by content, so one
 * already there is the same file). Attachments added since the backup stay (unreferenced).
 */
export async function restoreFullBackup(opts: {
  db: Knex;
  folder: string;
  attachmentsDir: string;
  backupDir: string;
  createdBy: string;
  appVersion: string;
  now?: string;
  job?: Progress;
}): Promise<RestoreOutcome> {
  const manifest = await verifyBackup(opts.folder, opts.job);
  const safetyCopy = await createFullBackup({
    db: opts.db,
    attachmentsDir: opts.attachmentsDir,
    destDir: opts.backupDir,
    reason: 'antes-de-restaurar',
    createdBy: opts.createdBy,
    appVersion: opts.appVersion,
    now: opts.now,
  });
  let copied = 0;
  for (const f of manifest.attachments) {
    const rel = f.file.slice(ATTACHMENTS_DIR.length + 1);
    const target = path.join(opts.attachmentsDir, ...rel.split('/'));
    if (fs.existsSync(target) && fs.statSync(target).size === f.bytes) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.copyFileSync(inside(opts.folder, f.file), tmp);
    fs.renameSync(tmp, target);
    copied++;
  }
  const migrated = await replaceDatabase(opts.db, path.join(opts.folder, manifest.database.file));
  const check = await checkIntegrity(opts.db);
  if (!check.ok) throw new BackupCheckError('damaged', check.problems.join('; '));
  return { manifest, safetyCopy, attachmentsCopied: copied, migrated };
}
