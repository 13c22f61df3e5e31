import type { Knex } from 'knex';
import { placeStore } from './office-store';
import { FolderStore, attachmentFilePath, sha256, thumbnailFilePath, writeVerified, type AttachmentStore } from './store';
import { attachmentHashes } from './repository/attachments';
import { blobContent, blobOf, writeBlob } from './repository/blobs';

/**
 * Office mode: moving every attachment of the office between its places (the server's
 * database and a shared folder), each file checked by its hash before the new place is used
 * (office/handlers.ts, office.saveAttachmentsFolder).
 */

/** Copies every attachment of the server's database into the folder, each checked by its hash. Returns how many could not be copied. */
async function copyIntoFolder(db: Knex, from: AttachmentStore, folder: string): Promise<{ copied: number; missing: number }> {
  let copied = 0;
  let missing = 0;
  for (const a of await attachmentHashes(db)) {
    const row = await blobOf(db, a.hash);
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
  for (const a of await attachmentHashes(db)) {
    const row = await blobContent(db, a.hash);
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
    await writeBlob(db, a.hash, content, thumbnail, Boolean(row));
    copied++;
  }
  return { copied, missing };
}

/**
 * Moves the office's attachments from the place `before` to `folder` (null: the server's
 * database; `cacheDir` is this PC's cache of it): every file copied and checked by its hash.
 * Answers how many were copied and how many could not be (then the new place must not be used).
 */
export async function moveAttachments(
  db: Knex,
  before: string | null,
  folder: string | null,
  cacheDir: string,
): Promise<{ copied: number; missing: number }> {
  // From the database (or a previous shared folder) into the new folder, every file checked by its hash.
  if (folder) return copyIntoFolder(db, placeStore(db, cacheDir, before, { verify: false }), folder);
  return before ? copyIntoDatabase(db, before) : { copied: 0, missing: 0 };
}
