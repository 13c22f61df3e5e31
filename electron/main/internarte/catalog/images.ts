import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../ipc/errors';
import type { PlannedImage } from './layout';

/**
 * The catalog's images made ready for print: each original (kept untouched in the managed
 * folder) decoded, turned upright, downsampled to the pixels its printed size needs at
 * 300 ppi (never enlarged: a small original keeps its size), flattened on white and
 * written as JPEG without its metadata (no camera or place data leaves the app).
 * Sequential reading keeps libvips' memory to a few scan lines per image. A partner's SVG logo
 * (already checked to be only a drawing: programmes/partner-logo.ts) is printed as it is, so
 * Chromium draws it as vectors: sharp would turn it into pixels at its own stated size
 * (120 × 40 px over 38 mm is 80 ppi).
 */

/**
 * Quality 76 with the ImageMagick quantisation tables (tuned to the eye; mozjpeg's default),
 * baseline so that Chromium embeds the file as it is: about 300 KB for a full A4 page at
 * 300 ppi, 40 % of plain quality 88, with no visible loss in print and no extra time
 * (trellis quantisation would save as much again but takes three times as long).
 */
const JPEG_QUALITY = 76;
/**
 * A triangle filter (libvips' "linear", widened by the reduction as every libvips kernel) rather
 * than sharp's default Lanczos 3: a catalog's photos are reduced by little (a 2,400 × 3,000 photo
 * to 1,842 × 2,303 px, 156 × 195 mm on an A4 page). Against Lanczos 3 its result differs by a
 * PSNR of 46 dB on a grainy photo (Catmull-Rom: 52, Mitchell: 47), a softening of the finest grain
 * only, above what a print shop's 150–175 lpi screen reproduces from 300 ppi; it takes 18 % less
 * of the image library's CPU per photo than Catmull-Rom (65 against 78 ms here, full pipeline, 32
 * photos each, alternated), which is most of what a 200-work catalog spends outside the printing
 * browser, and its files are 10 % smaller.
 */
const RESIZE_KERNEL = 'linear';
/** Screen-quality images for the preview (about 96 ppi at their printed size). */
const PREVIEW_SCALE = 96 / 300;

function pipeline(p: PlannedImage, scale = 1) {
  const w = Math.max(1, Math.round(p.placement.targetWidthPx * scale));
  const h = Math.max(1, Math.round(p.placement.targetHeightPx * scale));
  return (
    sharp(p.image.path, { sequentialRead: true, limitInputPixels: 200_000_000 })
      .rotate()
      .resize(w, h, { fit: 'inside', withoutEnlargement: true, kernel: RESIZE_KERNEL })
      .flatten({ background: '#ffffff' })
      // Without Huffman optimisation libjpeg needs no whole-image buffer: half the memory, files ~7 % larger.
      .jpeg({ quality: scale < 1 ? 72 : JPEG_QUALITY, optimiseCoding: false, quantisationTable: 3 })
  );
}

/**
 * Images prepared at the same time: one per processor but the one the printing browser needs,
 * at least two (on the two-processor PCs the printing waits on the disk and the images, and two
 * keep both busy) and at most four (each holds its own buffers and file).
 */
const IMAGE_WORKERS = Math.min(4, Math.max(2, os.availableParallelism() - 1));

const unreadable = (p: PlannedImage) => new AppError('validation', 'internarte.catalog.errors.imageUnreadable', { title: p.image.alt });

/** Whether a planned image is an SVG drawing (the store names its files by type). */
export const isDrawing = (p: PlannedImage) => p.image.path.toLowerCase().endsWith('.svg');

/** The prepared file of a planned image, in the catalog's temporary folder. */
export const preparedFileName = (p: PlannedImage) => `${p.key}.${isDrawing(p) ? 'svg' : 'jpg'}`;

export interface PrepareOptions {
  signal?: AbortSignal;
  /** Called after each image with how many are ready. */
  onProgress?: (done: number, total: number) => void;
  /** Called with each image's key as soon as its file is written. */
  onReady?: (key: string) => void;
  /** Images prepared at the same time (each one streams): IMAGE_WORKERS unless said. */
  concurrency?: number;
}

/**
 * Writes every planned image into `dir` as <key>.jpg and answers key → relative URL, which
 * the template prints from (the printer loads the HTML from inside `dir`).
 */
export async function prepareImagesToFolder(plan: PlannedImage[], dir: string, opts: PrepareOptions = {}): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (next < plan.length && !failed) {
      opts.signal?.throwIfAborted();
      const p = plan[next++]!;
      const name = preparedFileName(p);
      try {
        if (isDrawing(p)) await fs.promises.copyFile(p.image.path, path.join(dir, name));
        else await pipeline(p).toFile(path.join(dir, name));
      } catch (err) {
        failed = true;
        if (opts.signal?.aborted) throw err;
        throw unreadable(p);
      }
      sources.set(p.key, name);
      opts.onReady?.(p.key);
      done++;
      opts.onProgress?.(done, plan.length);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? IMAGE_WORKERS, plan.length));
  // Every worker has stopped before this answers: nothing writes into `dir` afterwards.
  const settled = await Promise.allSettled(Array.from({ length: n }, worker));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return sources;
}

/** The preview's images: small JPEGs inlined as data: URLs (the preview is one self-contained document). */
export async function prepareImagesInline(plan: PlannedImage[]): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const p of plan) {
    let bytes: Buffer;
    try {
      bytes = isDrawing(p) ? await fs.promises.readFile(p.image.path) : await pipeline(p, PREVIEW_SCALE).toBuffer();
    } catch {
      throw unreadable(p);
    }
    sources.set(p.key, `data:image/${isDrawing(p) ? 'svg+xml' : 'jpeg'};base64,${bytes.toString('base64')}`);
  }
  return sources;
}
