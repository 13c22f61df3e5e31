import type { Knex } from 'knex';
import { getSetting } from '../app/repository';
import { isPostgres } from '../db/dialect';
import { thumbnailOf } from './attachments';
import { attachmentMime } from './repository/attachments';
import { DatabaseStore, FolderStore, attachmentFilePath, isHash, writeVerified, type AttachmentBlob, type AttachmentStore } from './store';

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

/**
 * Where this PC keeps attachments: the ONE choice of the app's store (compose.ts, the
 * dispatcher's default). On this PC's SQLite, the folder beside the database. Office mode:
 * OfficeAttachmentStore over the office's place (`sharedFolder`, the settings row read at
 * start): the server's database, each PC caching in its own folder, or the shared folder,
 * every read checked against its hash.
 */
export function attachmentStoreFor(db: Knex, attachmentsDir: string, sharedFolder: string | null = null): AttachmentStore {
  return isPostgres(db) ? new OfficeAttachmentStore(db, attachmentsDir, sharedFolder) : new FolderStore(attachmentsDir);
}

/**
 * The store of one office place: a shared folder (its originals checked against their
 * hashes when `verify`), or else the server's database with this PC's cache folder.
 */
export function placeStore(root: Knex, cacheDir: string, folder: string | null, opts: { verify: boolean }): AttachmentStore {
  return folder ? new FolderStore(folder, { verify: opts.verify }) : new DatabaseStore(root, cacheDir);
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
    return placeStore(this.root, this.cacheDir, folder, { verify: true });
  }

  /** The thumbnail of a shared folder's image, made here from its checked original; null for a PDF or a missing file. */
  private async verifiedThumbnail(store: AttachmentStore, hash: string): Promise<Buffer | null> {
    if (!isHash(hash)) return null;
    const kept = this.thumbnails.get(hash);
    if (kept) return kept;
    const mime = await attachmentMime(this.root, hash);
    if (!mime || !mime.startsWith('image/')) return null;
    const original = await store.read(hash, mime);
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
    return this.retry(
      () => this.current.read(hash, mime),
      (r) => r !== null,
    );
  }

  thumbnail(hash: string): Promise<Buffer | null> {
    return this.retry(
      () => (this.folder ? this.verifiedThumbnail(this.current, hash) : this.current.thumbnail(hash)),
      (r) => r !== null,
    );
  }

  localPath(hash: string, mime: string): Promise<string | null> {
    return this.retry(
      () => (this.folder ? this.verifiedLocalPath(this.current, hash, mime) : this.current.localPath(hash, mime)),
      (r) => r !== null,
    );
  }
}
