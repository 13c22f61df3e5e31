import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { migrationSource } from '../../../migrations';
import { checkIntegrity, createKnex } from '../db/connection';
import { createFullBackup, verifyBackup, type BackupResult } from './archive';
import {
  ATTACHMENTS_DIR,
  BackupCheckError,
  DATABASE_FILE,
  copyHashed,
  inside,
  lstatOrNull,
  type Manifest,
  type ManifestFile,
  type Progress,
} from './format';
import { refuseForeignSchema } from './schema';

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
    if (!target.startsWith(root + path.sep) || path.relative(root, target).split(path.sep).includes('..'))
      throw new BackupCheckError('unsafePath', f.file);
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
