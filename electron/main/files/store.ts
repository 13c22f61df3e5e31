import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { defaultLocale } from '../../../shared/i18n';
import { translator } from '../i18n';
import { AppError } from '../ipc/errors';
import { blobOf, blobThumbnail, hasBlob, putBlob, type BlobRow } from './repository/blobs';

/**
 * Where the bytes of the attachments live (issue 8): one interface, two places.
 *
 * - FolderStore: a folder of files named by the SHA-256 of their content — the folder beside
 *   this PC's SQLite file, or in office mode a shared folder the administrator names.
 * - DatabaseStore: the office's server database (its attachment_blobs: files/repository/blobs.ts), which every PC
 *   reaches; each PC keeps a local cache folder so that a file that must be a real file
 *   (a catalog's images for Chromium, sharp) is fetched once per PC.
 *
 * Either way the attachments' rows keep the name, type and size, and the same content
 * stored twice is kept once. files/office-store.ts attachmentStoreFor chooses the store; handlers
 * reach it as ctx.attachments.
 */
export interface AttachmentBlob {
  hash: string;
  mime: string;
  content: Buffer;
  /** The small JPEG of an image; null for a PDF. */
  thumbnail: Buffer | null;
}

export interface AttachmentStore {
  readonly kind: 'folder' | 'database';
  /** Keeps a content (idempotent). `db` is the caller's transaction: on the server the blob commits or rolls back with the row. */
  put(db: Knex, blob: AttachmentBlob): Promise<void>;
  /** Whether the content of that hash is kept. */
  has(hash: string, mime: string): Promise<boolean>;
  /** The original bytes; null when missing. */
  read(hash: string, mime: string): Promise<Buffer | null>;
  /** The JPEG thumbnail; null when the attachment has none (a PDF) or it is missing. */
  thumbnail(hash: string): Promise<Buffer | null>;
  /** A real file with the original (for consumers that need a path); null when missing. */
  localPath(hash: string, mime: string): Promise<string | null>;
}

export const THUMBNAIL_DIR = 'miniaturas';

const HASH = /^[0-9a-f]{64}$/;
export const isHash = (hash: string): boolean => HASH.test(hash);

/** Extensions of the accepted types (files/attachments.ts accepts exactly these). */
export const extByMime: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/tiff': 'tif',
  'image/gif': 'gif',
  /** Only a partner's logo (kind 'logo', checked to be a plain drawing first: programmes/partner-logo.ts). */
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
};

/** Where the original of an attachment lives in a folder: `<dir>/<hash[0..2]>/<hash>.<ext>`. */
export function attachmentFilePath(attachmentsDir: string, hash: string, mime: string): string {
  if (!isHash(hash)) throw new RangeError(`not an attachment hash: ${JSON.stringify(hash)}`);
  const ext = extByMime[mime];
  if (!ext) throw new RangeError(`not an attachment type: ${JSON.stringify(mime)}`);
  return path.join(attachmentsDir, hash.slice(0, 2), `${hash}.${ext}`);
}

/** Where the JPEG thumbnail of an image attachment lives in a folder. */
export function thumbnailFilePath(attachmentsDir: string, hash: string): string {
  if (!isHash(hash)) throw new RangeError(`not an attachment hash: ${JSON.stringify(hash)}`);
  return path.join(attachmentsDir, THUMBNAIL_DIR, `${hash}.jpg`);
}

/** Writes a file whole or not at all; an existing file with that name is the same content and stays. */
export async function writeOnce(target: string, bytes: Buffer): Promise<void> {
  if (fs.existsSync(target)) return;
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.promises.writeFile(tmp, bytes, { flag: 'wx' });
    await fs.promises.rename(tmp, target);
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
}

export const readOrNull = async (file: string): Promise<Buffer | null> => {
  try {
    return await fs.promises.readFile(file);
  } catch {
    return null;
  }
};

/** The SHA-256 of bytes (or of text as UTF-8), in hex: what attachments are named by. */
export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** A file with exactly that content (by its hash, or byte for byte without one): a damaged one with that name is replaced. */
export async function writeVerified(target: string, bytes: Buffer, hash: string | null): Promise<boolean> {
  const existing = await readOrNull(target);
  if (existing && (hash ? sha256(existing) === hash : existing.equals(bytes))) return true;
  if (existing) await fs.promises.rm(target, { force: true });
  await writeOnce(target, bytes);
  const back = await readOrNull(target);
  return !!back && (hash ? sha256(back) === hash : back.equals(bytes));
}

/**
 * A file of a shared folder whose content no longer has the hash it is named by (someone
 * with access to the share changed or replaced it): refused with a Spanish message that
 * names the file, never used.
 */
export class AttachmentChanged extends AppError {
  constructor(readonly file: string) {
    super('conflict', 'office.attachments.errors.changed', { file });
    // Callers that pass on only an error's message (an export's reason) still say it in Spanish.
    this.message = translator(defaultLocale)('office.attachments.errors.changed', { file });
  }
}

/** Attachments as files in a folder (this PC's, or a shared folder of the office). */
export class FolderStore implements AttachmentStore {
  readonly kind = 'folder' as const;
  /**
   * verify: every original read is checked against the hash it is named by, and a changed
   * one is refused (AttachmentChanged) — for the office's shared folder, which other people
   * and machines can write. This PC's own folder is as trusted as its database file.
   */
  constructor(
    readonly dir: string,
    readonly opts: { verify?: boolean } = {},
  ) {}

  /** The original's bytes, checked when this store verifies; null when missing. */
  private async original(hash: string, mime: string): Promise<Buffer | null> {
    const file = attachmentFilePath(this.dir, hash, mime);
    const bytes = await readOrNull(file);
    if (bytes && this.opts.verify && sha256(bytes) !== hash) throw new AttachmentChanged(file);
    return bytes;
  }

  async put(_db: Knex, blob: AttachmentBlob): Promise<void> {
    // Files first: a row never points at a missing file. A rolled-back transaction leaves at
    // most an unreferenced file, which the next store of the same bytes reuses.
    await writeOnce(attachmentFilePath(this.dir, blob.hash, blob.mime), blob.content);
    if (blob.thumbnail) await writeOnce(thumbnailFilePath(this.dir, blob.hash), blob.thumbnail);
  }

  async has(hash: string, mime: string): Promise<boolean> {
    return isHash(hash) && Boolean(extByMime[mime]) && fs.existsSync(attachmentFilePath(this.dir, hash, mime));
  }

  async read(hash: string, mime: string): Promise<Buffer | null> {
    if (!isHash(hash) || !extByMime[mime]) return null;
    return this.original(hash, mime);
  }

  /** The thumbnail file as it is (it is not named by its own hash; files/office-store.ts derives verified ones for a shared folder). */
  async thumbnail(hash: string): Promise<Buffer | null> {
    if (!isHash(hash)) return null;
    return readOrNull(thumbnailFilePath(this.dir, hash));
  }

  async localPath(hash: string, mime: string): Promise<string | null> {
    if (!(await this.has(hash, mime))) return null;
    // A consumer reads the path later (a catalog's images): the file is checked now.
    if (this.opts.verify && !(await this.original(hash, mime))) return null;
    return attachmentFilePath(this.dir, hash, mime);
  }
}

/**
 * Attachments in the office's server database, content-addressed (attachment_blobs), with
 * a cache folder on this PC: what this PC stored or once fetched is read from the cache.
 * Reads go through the app's own connection pool (`root`), never a caller's transaction.
 */
export class DatabaseStore implements AttachmentStore {
  readonly kind = 'database' as const;
  private readonly cache: FolderStore;
  constructor(
    private readonly root: Knex,
    readonly cacheDir: string,
  ) {
    this.cache = new FolderStore(cacheDir);
  }

  async put(db: Knex, blob: AttachmentBlob): Promise<void> {
    await putBlob(db, blob);
    // The cache is content-addressed too: a rolled-back transaction leaves a file nobody references.
    await this.cache.put(db, blob);
  }

  async has(hash: string, mime: string): Promise<boolean> {
    if (!isHash(hash) || !extByMime[mime]) return false;
    return hasBlob(this.root, hash);
  }

  /** The blob from the server, checked against its hash (a damaged one is treated as missing). */
  private async fetch(hash: string, mime: string): Promise<BlobRow | null> {
    if (!isHash(hash) || !extByMime[mime]) return null;
    const row = await blobOf(this.root, hash);
    if (!row || sha256(Buffer.from(row.content)) !== hash) return null;
    const content = Buffer.from(row.content);
    const thumbnail = row.thumbnail ? Buffer.from(row.thumbnail) : null;
    await this.cache.put(this.root, { hash, mime, content, thumbnail });
    return { content, thumbnail };
  }

  async read(hash: string, mime: string): Promise<Buffer | null> {
    return (await this.cache.read(hash, mime)) ?? (await this.fetch(hash, mime))?.content ?? null;
  }

  async thumbnail(hash: string): Promise<Buffer | null> {
    const cached = await this.cache.thumbnail(hash);
    if (cached || !isHash(hash)) return cached;
    const row = await blobThumbnail(this.root, hash);
    if (!row?.thumbnail) return null;
    const thumb = Buffer.from(row.thumbnail);
    await writeOnce(thumbnailFilePath(this.cacheDir, hash), thumb);
    return thumb;
  }

  async localPath(hash: string, mime: string): Promise<string | null> {
    if (await this.cache.has(hash, mime)) return attachmentFilePath(this.cacheDir, hash, mime);
    return (await this.fetch(hash, mime)) ? attachmentFilePath(this.cacheDir, hash, mime) : null;
  }
}

/** A store, or a folder given by its path (tests, the demonstration data, the bench). */
export type StoreOrFolder = AttachmentStore | string;
export const storeOf = (s: StoreOrFolder): AttachmentStore => (typeof s === 'string' ? new FolderStore(s) : s);
