import type { Knex } from 'knex';

/** The office server's `attachment_blobs`: each content (and its thumbnail) once, by its SHA-256 (files/store.ts DatabaseStore). */

export interface BlobRow {
  content: Buffer;
  thumbnail: Buffer | null;
}

/** Keeps a content (a content already kept stays). */
export async function putBlob(db: Knex, blob: { hash: string; content: Buffer; thumbnail: Buffer | null }): Promise<void> {
  await db('attachment_blobs').insert({ hash: blob.hash, content: blob.content, thumbnail: blob.thumbnail }).onConflict('hash').ignore();
}

/** Whether the content of that hash is kept. */
export async function hasBlob(db: Knex, hash: string): Promise<boolean> {
  return Boolean(await db('attachment_blobs').where({ hash }).first('hash'));
}

/** The content and thumbnail kept under that hash, unchecked. */
export async function blobOf(db: Knex, hash: string): Promise<BlobRow | undefined> {
  return (await db('attachment_blobs').where({ hash }).first('content', 'thumbnail')) as BlobRow | undefined;
}

/** The content kept under that hash, unchecked. */
export async function blobContent(db: Knex, hash: string): Promise<{ content: Buffer } | undefined> {
  return (await db('attachment_blobs').where({ hash }).first('content')) as { content: Buffer } | undefined;
}

/** The thumbnail kept under that hash. */
export async function blobThumbnail(db: Knex, hash: string): Promise<{ thumbnail: Buffer | null } | undefined> {
  return (await db('attachment_blobs').where({ hash }).first('thumbnail')) as { thumbnail: Buffer | null } | undefined;
}

/** Writes a content under its hash: over the kept one (`replace`), or as a new row. */
export async function writeBlob(db: Knex, hash: string, content: Buffer, thumbnail: Buffer | null, replace: boolean): Promise<void> {
  if (replace) await db('attachment_blobs').where({ hash }).update({ content, thumbnail });
  else await db('attachment_blobs').insert({ hash, content, thumbnail });
}
