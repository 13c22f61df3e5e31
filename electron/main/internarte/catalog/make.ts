import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Translate } from '../../i18n';
import type { JobControl } from '../../jobs/jobs';
import type { PdfRequest, Platform } from '../../platform';
import type { CatalogData, CatalogLayout, CatalogPageSize } from '../catalog-data';
import { prepareImagesInline, prepareImagesToFolder } from './images';
import { planImages } from './layout';
import { catalogHtml } from './template';

/**
 * From CatalogData to the finished catalog: plan the images, prepare them into a private
 * temporary folder (progress per image, cancel between images), print the HTML with
 * Chromium straight to a hidden file beside the target, then rename it into place. A
 * cancelled or failed run leaves no file behind; the temporary folder is always removed.
 */

export interface MakeCatalogRequest {
  data: CatalogData;
  pageSize: CatalogPageSize;
  layout: CatalogLayout;
  /** Where the finished PDF goes (chosen in the save dialog). */
  target: string;
  t: Translate;
  platform: Pick<Platform, 'printPdf' | 'printPdfToFile'>;
  job?: JobControl;
}

export interface MadeCatalog {
  path: string;
  works: number;
  images: number;
  pages: number;
  bytes: number;
}

/** How many works the preview shows: the first two works pages of the layout (at least 2 works). */
export const previewWorks = (layout: CatalogLayout, pageSize: CatalogPageSize) =>
  layout === 'one' ? 3 : layout === 'two' ? 4 : pageSize === 'A5' ? 8 : 12;

async function printToFile(platform: MakeCatalogRequest['platform'], req: PdfRequest, target: string): Promise<void> {
  if (platform.printPdfToFile) await platform.printPdfToFile(req, target);
  else await fs.promises.writeFile(target, await platform.printPdf(req));
}

/** The number of pages of a PDF printed by Chromium (Skia writes each page's dictionary uncompressed). */
export async function countPdfPages(file: string): Promise<number> {
  const needle = Buffer.from('/Type /Page');
  let count = 0;
  let carry = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const buf = Buffer.concat([carry, chunk as Buffer]);
    let at = buf.indexOf(needle);
    let lastEnd = 0;
    while (at !== -1) {
      const after = buf[at + needle.length];
      if (after === undefined) break; // decided with the next chunk
      if (after !== 0x73 /* s: /Type /Pages */) count++;
      lastEnd = at + needle.length;
      at = buf.indexOf(needle, lastEnd);
    }
    const keepFrom = at !== -1 ? at : Math.max(lastEnd, buf.length - needle.length);
    carry = buf.subarray(keepFrom);
  }
  return count;
}

export async function makeCatalogPdf(req: MakeCatalogRequest): Promise<MadeCatalog> {
  const { data, pageSize, layout, target, job } = req;
  const plan = planImages(data, pageSize, layout);
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'arteinpe-catalogo-'));
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    job?.progress(0, plan.length, 'images');
    const images = await prepareImagesToFolder(plan, dir, {
      signal: job?.signal,
      onProgress: (done, total) => job?.progress(done, total, 'images'),
    });
    job?.signal.throwIfAborted();
    const html = catalogHtml(data, { pageSize, layout, images }, req.t);
    job?.progress(plan.length, plan.length, 'print');
    await printToFile(req.platform, { html, pageSize, assetsDir: dir }, partial);
    job?.signal.throwIfAborted();
    const pages = await countPdfPages(partial);
    const bytes = (await fs.promises.stat(partial)).size;
    job?.signal.throwIfAborted();
    await fs.promises.rename(partial, target);
    return { path: target, works: data.works.length, images: plan.filter((p) => p.key.startsWith('work-')).length, pages, bytes };
  } catch (err) {
    await fs.promises.rm(partial, { force: true });
    throw err;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** The preview: the cover, the texts and the first works pages, with small images inlined. */
export async function catalogPreviewHtml(data: CatalogData, pageSize: CatalogPageSize, layout: CatalogLayout, t: Translate) {
  const maxWorks = previewWorks(layout, pageSize);
  const images = await prepareImagesInline(planImages(data, pageSize, layout, maxWorks));
  return {
    html: catalogHtml(data, { pageSize, layout, images, maxWorks }, t),
    worksShown: Math.min(maxWorks, data.works.length),
  };
}
