import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { backupReasons, type BackupReason } from '../../../shared/backups/schemas';
import { migrationSource, migrations } from '../../../migrations';
import { checkIntegrity, createKnex } from '../db/connection';
import { extByMime, THUMBNAIL_DIR } from '../files/store';

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

/**
 * Why a backup cannot be restored: each reason has its Spanish sentence (backups.errors.*).
 * unsafePath: a file name that is not an attachment's (e.g. `../` out of the attachments
 * folder); link: a symbolic link (or junction) in the backup; foreign: a database whose
 * schema is not the one ArteINPE's migrations make.
 */
export type BackupProblem = 'notOurs' | 'missingFile' | 'hashMismatch' | 'damaged' | 'newer' | 'unsafePath' | 'link' | 'foreign';

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

const ATTACHMENT_EXTENSIONS = [...new Set(Object.values(extByMime))];
/** The one shape of a managed attachment's path inside a backup (files/store.ts attachmentFilePath, thumbnailFilePath). */
const ATTACHMENT_PATH = new RegExp(
  `^${ATTACHMENTS_DIR}/(?:([0-9a-f]{2})/([0-9a-f]{64})\\.(?:${ATTACHMENT_EXTENSIONS.join('|')})|${THUMBNAIL_DIR}/[0-9a-f]{64}\\.jpg)$`,
);

/**
 * Whether a manifest entry is a managed attachment, exactly as backups write it: an
 * original `adjuntos/<first 2 hex of its hash>/<sha256>.<ext>` (one of the accepted
 * types) or a thumbnail `adjuntos/miniaturas/<sha256>.jpg`. Nothing else: no `..`, no
 * backslashes, no other folder, no other name.
 */
export function isAttachmentPath(file: string): boolean {
  const m = ATTACHMENT_PATH.exec(file);
  return m !== null && (m[1] === undefined || m[2]!.startsWith(m[1]));
}

/** Whether a file of the attachments folder (a path relative to it) is a managed attachment that backups copy. */
export const isManagedAttachment = (rel: string): boolean => isAttachmentPath(`${ATTACHMENTS_DIR}/${rel}`);

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
  if (!full.startsWith(path.resolve(folder) + path.sep)) throw new BackupCheckError('unsafePath', rel);
  return full;
}

const lstatOrNull = (p: string): fs.Stats | null => {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
};

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
    const rows = (await probe.raw('PRAGMA integrity_check').catch(() => [{ integrity_check: 'unreadable' }])) as Array<Record<string, string>>;
    const problems = rows.map((r) => Object.values(r)[0] ?? '').filter((v) => v !== 'ok');
    if (problems.length > 0) throw new BackupCheckError('damaged', manifest.database.file);
    await appliedMigrations(probe, folder, manifest.appVersion);
  } finally {
    await probe.destroy();
  }
  return manifest;
}

/** The migrations a database says it ran: notOurs without knex's table, newer when one is unknown to this app. */
async function appliedMigrations(db: Knex, what: string, version: string): Promise<string[]> {
  const known = new Set(migrations.map(([n]) => n));
  const applied = (await db('knex_migrations').orderBy('id').pluck('name').catch(() => null)) as string[] | null;
  if (applied === null) throw new BackupCheckError('notOurs', what);
  if (applied.some((n) => typeof n !== 'string' || !known.has(n))) throw new BackupCheckError('newer', version);
  return applied;
}

// ── The schema a database must have ─────────────────────────────────────────────────────

interface SchemaLine {
  /** What it is, for the refusal's message: "tabla x", "disparador y". */
  id: string;
  line: string;
}

const schemaWords: Record<string, string> = { table: 'tabla', index: 'índice', trigger: 'disparador', view: 'vista' };

const normalSql = (sql: string | null) =>
  (sql ?? '')
    .replace(/["`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * A SQLite database's schema as sorted lines: each table's columns (name, type, NOT NULL,
 * primary key, as SQLite reports them, whatever SQL text made them), each index, and each
 * trigger and view with its SQL. Two databases made by the same migrations answer the
 * same lines.
 */
export async function schemaOf(db: Knex): Promise<SchemaLine[]> {
  const objects = (await db.raw(
    "SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY type, name",
  )) as Array<{ type: string; name: string; tbl: string; sql: string | null }>;
  const lines: SchemaLine[] = [];
  for (const o of objects) {
    const id = `${schemaWords[o.type] ?? o.type} ${o.name}`;
    if (o.type === 'table') {
      const virtual = /^\s*create\s+virtual/i.test(o.sql ?? '');
      lines.push({ id, line: `table ${o.name}${virtual ? ` ${normalSql(o.sql)}` : ''}` });
      const cols = (await db.raw('SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?)', [o.name])) as Array<{ name: string; type: string; nn: number; pk: number }>;
      for (const c of cols) lines.push({ id, line: `table ${o.name} column ${c.name} ${String(c.type).toLowerCase()} ${c.nn ? 'not null' : 'null'} pk${c.pk}` });
    } else if (o.type === 'index') {
      lines.push({ id, line: `index ${o.name} on ${o.tbl}` });
    } else {
      lines.push({ id, line: `${o.type} ${o.name} on ${o.tbl}: ${normalSql(o.sql)}` });
    }
  }
  return lines.sort((a, b) => a.line.localeCompare(b.line));
}

const expectedSchemas = new Map<string, Promise<SchemaLine[]>>();

/** The schema ArteINPE's migrations make when exactly `names` have run (a fresh database, made once per set). */
export function migrationsSchema(names: readonly string[]): Promise<SchemaLine[]> {
  const wanted = new Set(names);
  const key = [...wanted].sort().join('\n');
  let made = expectedSchemas.get(key);
  if (!made) {
    made = (async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-esquema-'));
      const db = createKnex(path.join(dir, 'esquema.sqlite'));
      try {
        const source: Knex.MigrationSource<string> = {
          ...migrationSource,
          getMigrations: async () => migrations.map(([n]) => n).filter((n) => wanted.has(n)),
        };
        await db.migrate.latest({ migrationSource: source });
        return await schemaOf(db);
      } finally {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    })();
    expectedSchemas.set(key, made);
    made.catch(() => expectedSchemas.delete(key));
  }
  return made;
}

/**
 * Refuses (foreign) a database whose schema is not exactly the one the app's migrations
 * make for the migrations it says it ran: an extra or changed table, column, index,
 * trigger or view (a trigger could rewrite the audit log or the data on every change).
 */
export async function refuseForeignSchema(db: Knex, what = DATABASE_FILE): Promise<void> {
  const applied = await appliedMigrations(db, what, '');
  const [actual, expected] = await Promise.all([schemaOf(db), migrationsSchema(applied)]);
  const want = new Set(expected.map((l) => l.line));
  const have = new Set(actual.map((l) => l.line));
  const wrong = actual.find((l) => !want.has(l.line)) ?? expected.find((l) => !have.has(l.line));
  if (wrong) throw new BackupCheckError('foreign', wrong.id);
}

// ── Restore ─────────────────────────────────────────────────────────────────────────────

/** A checked backup and what restoring its attachments will copy where: made before anything is written. */
export interface RestorePlan {
  manifest: Manifest;
  /** The backup's database file. */
  database: string;
  copies: Array<{ from: string; to: string; file: ManifestFile }>;
}

/**
 * Everything a restore checks, before it writes anything: the backup (verifyBackup), its
 * database's schema, and where each attachment would go — inside the attachments folder,
 * never over a link or a folder. An attachment already there with its size is the same
 * content (named by its hash) and is not copied again.
 */
export async function prepareRestore(opts: { folder: string; attachmentsDir: string; job?: Progress }): Promise<RestorePlan> {
  const manifest = await verifyBackup(opts.folder, opts.job);
  const database = inside(opts.folder, manifest.database.file);
  const probe = createKnex(database, { inspect: true });
  try {
    await refuseForeignSchema(probe, manifest.database.file);
  } finally {
    await probe.destroy();
  }
  const root = path.resolve(opts.attachmentsDir);
  const copies: RestorePlan['copies'] = [];
  const planned = new Set<string>();
  for (const f of manifest.attachments) {
    const rel = f.file.slice(ATTACHMENTS_DIR.length + 1);
    const target = path.resolve(root, ...rel.split('/'));
    if (!target.startsWith(root + path.sep) || path.relative(root, target).split(path.sep).includes('..')) throw new BackupCheckError('unsafePath', f.file);
    const parent = lstatOrNull(path.dirname(target));
    const existing = lstatOrNull(target);
    if ((parent && !parent.isDirectory()) || (existing && !existing.isFile())) throw new BackupCheckError('unsafePath', f.file);
    if ((existing && existing.size === f.bytes) || planned.has(target)) continue;
    planned.add(target);
    copies.push({ from: inside(opts.folder, f.file), to: target, file: f });
  }
  return { manifest, database, copies };
}

/** Copies a plan's attachments into place (each whole or not at all, checked again against its SHA-256 while copied). */
export async function restoreAttachments(plan: RestorePlan, signal?: AbortSignal): Promise<number> {
  let copied = 0;
  for (const c of plan.copies) {
    fs.mkdirSync(path.dirname(c.to), { recursive: true });
    const tmp = `${c.to}.${process.pid}.tmp`;
    fs.rmSync(tmp, { force: true });
    try {
      const made = await copyHashed(c.from, tmp, () => undefined, signal);
      if (made.sha256 !== c.file.sha256 || made.bytes !== c.file.bytes) throw new BackupCheckError('hashMismatch', c.file.file);
      fs.renameSync(tmp, c.to);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    copied++;
  }
  return copied;
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
 * Restores a full backup over the current data: checks everything first (prepareRestore:
 * nothing is written when it fails), keeps a full copy of the current state in `backupDir`
 * ("antes-de-restaurar"), puts back every attachment the backup holds that the data folder
 * lacks (attachments are named by content, so one already there is the same file),
 * replaces the database's content and runs the migrations an older backup lacks. The
 * restored database must then have exactly the app's schema; if not (or it fails its
 * integrity check), the state from just before is put back and the restore refused.
 * Attachments added since the backup stay (unreferenced).
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
  const plan = await prepareRestore({ folder: opts.folder, attachmentsDir: opts.attachmentsDir, job: opts.job });
  const safetyCopy = await createFullBackup({
    db: opts.db,
    attachmentsDir: opts.attachmentsDir,
    destDir: opts.backupDir,
    reason: 'antes-de-restaurar',
    createdBy: opts.createdBy,
    appVersion: opts.appVersion,
    now: opts.now,
  });
  const copied = await restoreAttachments(plan);
  const migrated = await replaceDatabase(opts.db, plan.database);
  try {
    const check = await checkIntegrity(opts.db);
    if (!check.ok) throw new BackupCheckError('damaged', check.problems.join('; '));
    await refuseForeignSchema(opts.db);
  } catch (err) {
    await replaceDatabase(opts.db, path.join(safetyCopy.path, DATABASE_FILE));
    throw err;
  }
  return { manifest: plan.manifest, safetyCopy, attachmentsCopied: copied, migrated };
}
