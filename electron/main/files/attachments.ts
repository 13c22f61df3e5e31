import path from 'node:path';
import type { Knex } from 'knex';
import sharp from 'sharp';
import { AppError } from '../ipc/errors';
import { isHash, sha256, storeOf, type StoreOrFolder } from './store';
import { findAttachment, insertAttachment, fromRow, type AttachmentRow, type StoredAttachment } from './repository/attachments';

export { attachmentFilePath, thumbnailFilePath, THUMBNAIL_DIR, FolderStore, DatabaseStore, type AttachmentStore } from './store';

/**
 * Managed attachments (instrument photos, artwork photos, scanned actas and contracts):
 * contents named by their SHA-256, kept by an AttachmentStore (files/store.ts: the folder
 * beside the database, or the office's server) and referenced from the attachments' rows (files/repository/attachments.ts). The same bytes stored twice are one file and
 * one row. Originals are kept byte for byte (for print); images also get a small JPEG
 * thumbnail for the screens. Plain Node: the app, the harness and the tests share it.
 */

/** 'logo': a partner's logo, a PNG or an SVG already checked to be only a drawing (programmes/partner-logo.ts). */
export type AttachmentKind = 'image' | 'document' | 'logo';

/** Thumbnails fit inside this square, never upscaled. */
export const THUMBNAIL_MAX_PX = 320;

/** The image formats accepted, by sharp's format name, with their MIME type and file extension. */
const imageFormats: Record<string, { mime: string; ext: string }> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  tiff: { mime: 'image/tiff', ext: 'tif' },
  gif: { mime: 'image/gif', ext: 'gif' },
};

const imageMimes = new Set(Object.values(imageFormats).map((f) => f.mime));

const megabytes = (bytes: number): number => Number((bytes / (1024 * 1024)).toFixed(1));

interface Inspected {
  mime: string;
  width: number | null;
  height: number | null;
  thumbnail: Buffer | null;
}

/** A logo's formats: a PNG, or an SVG drawing (its thumbnail is drawn by sharp, the screens never see the SVG itself). */
const logoFormats: Record<string, { mime: string; ext: string }> = {
  png: imageFormats.png!,
  svg: { mime: 'image/svg+xml', ext: 'svg' },
};

/** Decodes an image fully (a truncated or disguised file fails here); null when it is not an accepted image. */
async function inspectImage(bytes: Buffer, formats = imageFormats): Promise<Inspected | null> {
  try {
    const meta = await sharp(bytes).metadata();
    const format = formats[meta.format];
    if (!format) return null;
    const thumbnail = await sharp(bytes)
      .autoOrient()
      .resize(THUMBNAIL_MAX_PX, THUMBNAIL_MAX_PX, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
    // As it is seen: a phone photo taken upright reports its upright size.
    const size = meta.autoOrient ?? meta;
    return { mime: format.mime, width: size.width ?? null, height: size.height ?? null, thumbnail };
  } catch {
    return null;
  }
}

/** The screens' thumbnail of an image's bytes, made as when it was stored; null when they are not an accepted image. */
export async function thumbnailOf(bytes: Buffer): Promise<Buffer | null> {
  return (await inspectImage(bytes))?.thumbnail ?? null;
}

const isPdf = (bytes: Buffer): boolean => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/**
 * Validates and stores one uploaded file, inside the caller's transaction for the row.
 * Refusals (AppError 'validation') happen before anything is written.
 */
export async function storeAttachment(
  db: Knex,
  store: StoreOrFolder,
  file: { name: string; bytes: Buffer },
  opts: { kind: AttachmentKind; maxBytes: number },
  actor: { id: string; name: string },
  now: string,
): Promise<StoredAttachment> {
  const name = path.basename(file.name.replace(/\\/g, '/')).slice(0, 255) || 'archivo';
  if (file.bytes.length > opts.maxBytes) throw new AppError('validation', 'errors.fileTooLarge', { name, max: megabytes(opts.maxBytes) });

  let inspected: Inspected | null;
  if (opts.kind === 'document' && isPdf(file.bytes)) {
    inspected = { mime: 'application/pdf', width: null, height: null, thumbnail: null };
  } else {
    inspected = await inspectImage(file.bytes, opts.kind === 'logo' ? logoFormats : imageFormats);
    if (!inspected) throw new AppError('validation', opts.kind === 'document' ? 'errors.notADocument' : 'errors.notAnImage', { name });
  }

  const hash = sha256(file.bytes);
  // The content first: a row never points at a missing content.
  await storeOf(store).put(db, { hash, mime: inspected.mime, content: file.bytes, thumbnail: inspected.thumbnail });

  const existing = await findAttachment(db, hash);
  if (existing) return existing;
  const row: AttachmentRow = {
    hash,
    original_name: name,
    mime: inspected.mime,
    size_bytes: file.bytes.length,
    width: inspected.width,
    height: inspected.height,
    created_at: now,
    created_by: actor.name,
  };
  await insertAttachment(db, row);
  return fromRow(row);
}

const dataUrl = (mime: string, bytes: Buffer | null): string | null => (bytes ? `data:${mime};base64,${bytes.toString('base64')}` : null);

/** The thumbnail as a data: URL for the renderer (its CSP allows data: images); null if there is none. */
export async function thumbnailDataUrl(store: StoreOrFolder, hash: string): Promise<string | null> {
  if (!isHash(hash)) return null;
  return dataUrl('image/jpeg', await storeOf(store).thumbnail(hash));
}

/**
 * The untouched original of an image attachment as a data: URL, e.g. for a printed catalog;
 * null otherwise. Chromium draws JPEG, PNG, WebP and GIF, not TIFF: print TIFFs through
 * printableImageDataUrl.
 */
export async function imageDataUrl(store: StoreOrFolder, hash: string, mime: string): Promise<string | null> {
  if (!isHash(hash) || !mime.startsWith('image/') || !imageMimes.has(mime)) return null;
  return dataUrl(mime, await storeOf(store).read(hash, mime));
}

/** An image attachment as Chromium can print it: the original, or for a TIFF a lossless PNG of it. */
export async function printableImageDataUrl(store: StoreOrFolder, hash: string, mime: string): Promise<string | null> {
  if (mime !== 'image/tiff') return imageDataUrl(store, hash, mime);
  if (!isHash(hash)) return null;
  const original = await storeOf(store).read(hash, mime);
  if (!original) return null;
  try {
    const png = await sharp(original).autoOrient().png().toBuffer();
    return `data:image/png;base64,${png.toString('base64')}`;
  } catch {
    return null;
  }
}
