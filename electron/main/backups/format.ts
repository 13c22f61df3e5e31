import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupReason } from '../../../shared/backups/schemas';
import { backupReasons } from '../../../shared/backups/schemas';
import { extByMime, THUMBNAIL_DIR } from '../files/store';

/**
 * What a backup folder is made of (backups/archive.ts writes and checks it): its files'
 * names, the manifest, the one shape of an attachment's path, why a backup is refused, and
 * the copying and hashing every step uses.
 */

export const MANIFEST = 'manifest.json';
export const DATABASE_FILE = 'arteinpe.sqlite';
export const ATTACHMENTS_DIR = 'adjuntos';
export const FORMAT = 'arteinpe-backup';
export const FORMAT_VERSION = 1;

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

/** A time as backups name it: 20261126-103000. */
export const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

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
export async function copyHashed(
  src: string,
  dest: string,
  onBytes: (n: number) => void,
  signal?: AbortSignal,
): Promise<ManifestFile & { file: '' }> {
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

export async function sha256File(
  file: string,
  signal?: AbortSignal,
  onBytes?: (n: number) => void,
): Promise<{ sha256: string; bytes: number }> {
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

export function fsyncPath(p: string): void {
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
    typeof f === 'object' &&
    f !== null &&
    typeof (f as ManifestFile).file === 'string' &&
    Number.isInteger((f as ManifestFile).bytes) &&
    /^[0-9a-f]{64}$/.test((f as ManifestFile).sha256);
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
export function inside(folder: string, rel: string): string {
  const full = path.resolve(folder, ...rel.split('/'));
  if (!full.startsWith(path.resolve(folder) + path.sep)) throw new BackupCheckError('unsafePath', rel);
  return full;
}

export const lstatOrNull = (p: string): fs.Stats | null => {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
};
