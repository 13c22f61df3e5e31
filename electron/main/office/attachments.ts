import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { ChannelName } from '../../../shared/channels';
import type { AttachmentsFolderSettings } from '../../../shared/office/schemas';
import { getSetting, setSetting } from '../app/settings';
import { isPostgres } from '../db/dialect';
import { thumbnailOf } from '../files/attachments';
import { DatabaseStore, FolderStore, attachmentFilePath, isHash, thumbnailFilePath, writeOnce, type AttachmentBlob, type AttachmentStore } from '../files/store';
import type { Handlers, HandlerContext } from '../ipc/context';
import { AppError } from '../ipc/errors';

/**
 * Office mode (issue 8): where the whole office keeps its attachments. ONE value on the
 * server (settings row `office.attachmentsFolder`), never per PC, so that photos never split
 * between PCs: absent, they live in the server's database (DatabaseStore); present, in
 * that shared folder (FolderStore), typically a Windows share like \\servidor\arteinpe\adjuntos.
 */
export const SHARED_FOLDER_KEY = 'office.attachmentsFolder';

export async function readSharedFolder(db: Knex): Promise<string | null> {
  if (!isPostgres(db)) return null;
  const value = await getSetting(db, SHARED_FOLDER_KEY);
  return value && value.trim() ? value : null;
}

/** Thumbnails derived on this PC from verified originals of the shared folder, kept in memory (a few KB each). */
const VERIFIED_THUMBNAILS_KEPT = 500;

/**
 * The store of a PC in office mode. It starts with the place read at start, and follows a
 * change made on another PC: before keeping a new attachment it reads the office's value in
 * the caller's transaction, and when a content is not found where it looked, it reads the
 * value again and looks in the new place. So a PC that was open during the change never
 * keeps a photo where the others do not look.
 *
 * A shared folder is writable by other people and machines: every original read from it
 * is checked against its hash and a changed one refused in Spanish (files/store.ts
 * AttachmentChanged); a thumbnail, which no hash names, is not taken from the folder but
 * made on this PC from the checked original; a file a consumer needs on disk is the checked
 * copy in this PC's own folder.
 */
export class OfficeAttachmentStore implements AttachmentStore {
  private current: AttachmentStore;
  private folder: string | null;
  constructor(
    private readonly root: Knex,
    private readonly cacheDir: string,
    folder: string | null,
  ) {
    this.folder = folder;
    this.current = this.storeFor(folder);
  }

  get kind(): 'folder' | 'database' {
    return this.current.kind;
  }

  /** The shared folder in use; null: the server's database. */
  get sharedFolder(): string | null {
    return this.folder;
  }

  private readonly thumbnails = new Map<string, Buffer>();

  private storeFor(folder: string | null): AttachmentStore {
    return folder ? new FolderStore(folder, { verify: true }) : new DatabaseStore(this.root, this.cacheDir);
  }

  /** The thumbnail of a shared folder's image, made here from its checked original; null for a PDF or a missing file. */
  private async verifiedThumbnail(store: AttachmentStore, hash: string): Promise<Buffer | null> {
    if (!isHash(hash)) return null;
    const kept = this.thumbnails.get(hash);
    if (kept) return kept;
    const row = (await this.root('attachments').where({ hash }).first('mime')) as { mime: string } | undefined;
    if (!row || !row.mime.startsWith('image/')) return null;
    const original = await store.read(hash, row.mime);
    const thumb = original ? await thumbnailOf(original) : null;
    if (!thumb) return null;
    if (this.thumbnails.size >= VERIFIED_THUMBNAILS_KEPT) this.thumbnails.delete(this.thumbnails.keys().next().value!);
    this.thumbnails.set(hash, thumb);
    return thumb;
  }

  /** A real file for a shared folder's original: the checked bytes, copied into this PC's own folder. */
  private async verifiedLocalPath(store: AttachmentStore, hash: string, mime: string): Promise<string | null> {
    const bytes = await store.read(hash, mime);
    if (!bytes) return null;
    const local = attachmentFilePath(this.cacheDir, hash, mime);
    await writeVerified(local, bytes, hash);
    return local;
  }

  use(folder: string | null): void {
    if (folder === this.folder) return;
    this.folder = folder;
    this.current = this.storeFor(folder);
  }

  /** Reads the office's value again; true when it changed. */
  private async refresh(db: Knex): Promise<boolean> {
    const folder = await readSharedFolder(db);
    if (folder === this.folder) return false;
    this.use(folder);
    return true;
  }

  private async retry<T>(look: () => Promise<T>, found: (r: T) => boolean): Promise<T> {
    const first = await look();
    if (found(first) || !(await this.refresh(this.root))) return first;
    return look();
  }

  async put(db: Knex, blob: AttachmentBlob): Promise<void> {
    await this.refresh(db);
    await this.current.put(db, blob);
  }

  has(hash: string, mime: string): Promise<boolean> {
    return this.retry(() => this.current.has(hash, mime), Boolean);
  }

  read(hash: string, mime: string): Promise<Buffer | null> {
    return this.retry(() => this.current.read(hash, mime), (r) => r !== null);
  }

  thumbnail(hash: string): Promise<Buffer | null> {
    return this.retry(() => (this.folder ? this.verifiedThumbnail(this.current, hash) : this.current.thumbnail(hash)), (r) => r !== null);
  }

  localPath(hash: string, mime: string): Promise<string | null> {
    return this.retry(() => (this.folder ? this.verifiedLocalPath(this.current, hash, mime) : this.current.localPath(hash, mime)), (r) => r !== null);
  }
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const readOrNull = async (file: string): Promise<Buffer | null> => {
  try {
    return await fs.promises.readFile(file);
  } catch {
    return null;
  }
};

/** Whether this PC can write in the folder: it exists, is a folder, and a probe file can be written and removed. */
export async function folderWritable(folder: string): Promise<boolean> {
  try {
    if (!(await fs.promises.stat(folder)).isDirectory()) return false;
    const probe = path.join(folder, `.arteinpe-prueba-${randomBytes(6).toString('hex')}.tmp`);
    await fs.promises.writeFile(probe, 'ArteINPE', { flag: 'wx' });
    await fs.promises.rm(probe);
    return true;
  } catch {
    return false;
  }
}

/** A file with exactly that content (by its hash): a damaged one with that name is replaced. */
async function writeVerified(target: string, bytes: Buffer, hash: string | null): Promise<boolean> {
  const existing = await readOrNull(target);
  if (existing && (hash ? sha256(existing) === hash : existing.equals(bytes))) return true;
  if (existing) await fs.promises.rm(target, { force: true });
  await writeOnce(target, bytes);
  const back = await readOrNull(target);
  return !!back && (hash ? sha256(back) === hash : back.equals(bytes));
}

interface AttachmentRow {
  hash: string;
  mime: string;
}
interface BlobRow {
  content: Buffer;
  thumbnail: Buffer | null;
}

const attachmentRows = async (db: Knex): Promise<AttachmentRow[]> => (await db('attachments').select('hash', 'mime').orderBy('hash')) as AttachmentRow[];

/** Copies every attachment of the server's database into the folder, each checked by its hash. Returns how many could not be copied. */
async function copyIntoFolder(db: Knex, from: AttachmentStore, folder: string): Promise<{ copied: number; missing: number }> {
  let copied = 0;
  let missing = 0;
  for (const a of await attachmentRows(db)) {
    const row = (await db('attachment_blobs').where({ hash: a.hash }).first('content', 'thumbnail')) as BlobRow | undefined;
    let content: Buffer | null = row ? Buffer.from(row.content) : null;
    if (!content || sha256(content) !== a.hash) content = await from.read(a.hash, a.mime);
    if (!content || sha256(content) !== a.hash) {
      missing++;
      continue;
    }
    if (!(await writeVerified(attachmentFilePath(folder, a.hash, a.mime), content, a.hash))) {
      missing++;
      continue;
    }
    const thumb = row?.thumbnail ? Buffer.from(row.thumbnail) : await from.thumbnail(a.hash);
    if (thumb) await writeVerified(thumbnailFilePath(folder, a.hash), thumb, null);
    copied++;
  }
  return { copied, missing };
}

/** Copies every attachment of the shared folder back into the server's database, each checked by its hash. */
async function copyIntoDatabase(db: Knex, folder: string): Promise<{ copied: number; missing: number }> {
  const files = new FolderStore(folder);
  let copied = 0;
  let missing = 0;
  for (const a of await attachmentRows(db)) {
    const row = (await db('attachment_blobs').where({ hash: a.hash }).first('content')) as { content: Buffer } | undefined;
    if (row && sha256(Buffer.from(row.content)) === a.hash) {
      copied++;
      continue;
    }
    const content = await files.read(a.hash, a.mime);
    if (!content || sha256(content) !== a.hash) {
      missing++;
      continue;
    }
    const thumbnail = await files.thumbnail(a.hash);
    if (row) await db('attachment_blobs').where({ hash: a.hash }).update({ content, thumbnail });
    else await db('attachment_blobs').insert({ hash: a.hash, content, thumbnail });
    copied++;
  }
  return { copied, missing };
}

type Channel = Extract<ChannelName, 'settings.attachmentsFolder' | 'settings.saveAttachmentsFolder'>;

/** The host of the database server this PC is connected to (as configured), to compare with the shared folder's. */
export function serverHostOf(db: Knex): string | null {
  const connection = (db.client as { config?: { connection?: unknown } }).config?.connection;
  if (typeof connection !== 'object' || connection === null) return null;
  const host = (connection as { host?: unknown }).host;
  return typeof host === 'string' && host ? host : null;
}

async function current(db: Knex): Promise<AttachmentsFolderSettings> {
  if (!isPostgres(db)) return { available: false, place: 'database', folder: null, count: 0, serverHost: null };
  const folder = await readSharedFolder(db);
  const counted = (await db('attachments').count({ n: '*' }).first()) as { n: number | string } | undefined;
  return { available: true, place: folder ? 'folder' : 'database', folder, count: Number(counted?.n ?? 0), serverHost: serverHostOf(db) };
}

const localOnly = () => new AppError('conflict', 'office.attachments.errors.localOnly');

export const officeAttachmentHandlers: Pick<Handlers, Channel> = {
  'settings.attachmentsFolder': async (_input, ctx) => current(ctx.db),

  'settings.saveAttachmentsFolder': async ({ folder }, ctx: HandlerContext) => {
    if (!isPostgres(ctx.db)) throw localOnly();
    const before = await readSharedFolder(ctx.db);
    if (folder === before) return current(ctx.db);
    let moved: { copied: number; missing: number };
    if (folder) {
      if (!path.isAbsolute(folder) && !path.win32.isAbsolute(folder)) {
        throw new AppError('validation', 'office.attachments.errors.notAbsolute', { folder }, { folder: { key: 'office.attachments.errors.notAbsolute', params: { folder } } });
      }
      if (!(await folderWritable(folder))) {
        throw new AppError('validation', 'office.attachments.errors.notWritable', { folder }, { folder: { key: 'office.attachments.errors.notWritable', params: { folder } } });
      }
      // From the database (or a previous shared folder) into the new folder, every file checked by its hash.
      moved = await copyIntoFolder(ctx.db, before ? new FolderStore(before) : new DatabaseStore(ctx.db, ctx.platform.paths.attachmentsDir), folder);
    } else {
      moved = before ? await copyIntoDatabase(ctx.db, before) : { copied: 0, missing: 0 };
    }
    if (moved.missing > 0) throw new AppError('conflict', 'office.attachments.errors.missing', { count: moved.missing, folder: before ?? '' });
    if (folder) await setSetting(ctx.db, SHARED_FOLDER_KEY, folder);
    else await ctx.db('settings').where({ key: SHARED_FOLDER_KEY }).delete();
    await ctx.audit({
      entity: 'attachments_place',
      entityId: null,
      action: 'configure',
      before: { place: before ? 'folder' : 'database', folder: before },
      after: { place: folder ? 'folder' : 'database', folder, filesCopied: moved.copied },
    });
    if (ctx.attachments instanceof OfficeAttachmentStore) ctx.attachments.use(folder);
    return current(ctx.db);
  },
};
