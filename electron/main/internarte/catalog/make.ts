import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PDFPage } from 'pdf-lib';
import type { Translate } from '../../i18n';
import type { JobControl } from '../../jobs/jobs';
import type { PdfRequest, Platform } from '../../platform';
import type { CatalogData, CatalogLayout, CatalogPageSize } from '../catalog-data';
import { preparedFileName, prepareImagesInline, prepareImagesToFolder } from './images';
import { PdfJoiner } from './join';
import { COVER_IMAGE_KEY, fallbackPaper, planImages } from './layout';
import { coverBleedBox, fillBox, finishPrintShopPage, printShopCss, printShopSheet, PT_PER_MM } from './print-shop';
import { catalogDocument, catalogHtml, catalogPieces, type CatalogPieces } from './template';

/**
 * From CatalogData to the finished catalog: plan the images, prepare them in print order
 * into a private temporary folder (progress per image until the last is written, cancel
 * between images) while Chromium prints the catalog in parts, each part once its own images
 * are written (a short first part, then about 40 pieces at a time, a short last one: see
 * catalogParts), each part printed to the temporary folder (the printer reuses one browser page,
 * blanked between parts, instead of starting a renderer per part) and joined at once into
 * a hidden file beside the target (join.ts), then rename it into place. The browser holds
 * one part at a time, so its memory does not grow with the number of works. A cancelled or
 * failed run leaves no file behind; the temporary folder is always removed.
 *
 * Page numbers continue across parts: each part after the first starts with one or two
 * empty pages, dropped when joining, so that its first real page is a left or right page as
 * in the whole book and never the `@page :first` page, and sets `counter-reset: page N`.
 * The print-shop catalog (print-shop.ts) also ends on a multiple of 4 pages: blank pages go
 * before the credits, which stay the last page.
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
  /** For the print shop: bleed, crop marks, TrimBox and BleedBox, pages a multiple of 4. */
  printShop?: boolean;
  /** Works pages per printed part. */
  pagesPerPart?: number;
}

/**
 * Works pages per printed part. Each print costs Chromium about half a second of CPU whatever
 * its length (a 1-page print as much), so fewer, longer parts are faster: 40 against 20 took
 * the browser's CPU for 200 works from 17-19 s to 11-14 s (500 works: 40 to 27 s) in alternated
 * runs, its peak 410-530 MB as with 20 (it holds the images' files, not their pixels); parts of
 * 60 reached 565 MB of the 600 allowed.
 */
export const PAGES_PER_PART = 40;
/**
 * The first and last parts are shorter: the first starts printing once its few images are
 * written, and the last, printed after the last image while the image library has nothing
 * left to do, keeps that tail short.
 */
const FIRST_PART = 8;
const LAST_PART = 10;

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

/**
 * The catalog's pieces in print order cut into parts of at most `pagesPerPart` pieces (the
 * cover and texts count as one, each works page as one): a small catalog is one part. A
 * longer one starts with a part of at most FIRST_PART pieces and ends with one of at most
 * LAST_PART; the parts between share the rest evenly. The credits are left out with
 * `withoutColophon` (the print shop's blank pages go before them).
 */
export function catalogParts(pieces: CatalogPieces, pagesPerPart = PAGES_PER_PART, withoutColophon = false): string[] {
  const all = [pieces.front, ...pieces.works, pieces.index, withoutColophon ? '' : pieces.colophon].filter(Boolean);
  if (all.length <= pagesPerPart) return all.length ? [all.join('\n')] : [];
  const first = Math.min(FIRST_PART, pagesPerPart);
  const last = Math.min(LAST_PART, pagesPerPart, all.length - first);
  const middle = all.length - first - last;
  const count = Math.ceil(middle / pagesPerPart);
  const sizes = [
    first,
    ...Array.from({ length: count }, (_, i) => Math.floor((middle * (i + 1)) / count) - Math.floor((middle * i) / count)),
    last,
  ];
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes.filter((n) => n > 0)) {
    parts.push(all.slice(at, at + size).join('\n'));
    at += size;
  }
  return parts;
}

export async function makeCatalogPdf(req: MakeCatalogRequest): Promise<MadeCatalog> {
  const { data, pageSize, layout, target, job, t, printShop = false } = req;
  const plan = planImages(data, pageSize, layout).map((p) =>
    printShop && p.key === COVER_IMAGE_KEY ? { ...p, placement: fillBox(p.image, coverBleedBox(pageSize)) } : p,
  );
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'arteinpe-catalogo-'));
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  let joiner: PdfJoiner | null = null;
  let joining: Promise<void> = Promise.resolve();
  let preparing: Promise<unknown> = Promise.resolve();
  const stop = new AbortController();
  try {
    job?.progress(0, plan.length, 'images');
    // The images are prepared in print order while the parts print: each part waits for its own.
    const images = new Map(plan.map((p) => [p.key, preparedFileName(p)]));
    const ready = new Set<string>();
    let wake = () => undefined as void;
    let prepared = false;
    preparing = prepareImagesToFolder(plan, dir, {
      signal: job ? AbortSignal.any([stop.signal, job.signal]) : stop.signal,
      // The progress shows the images until the last is written, then the parts left to print.
      onProgress: (done, total) => job?.progress(done, total, 'images'),
      onReady: (key) => {
        ready.add(key);
        wake();
      },
    }).finally(() => {
      prepared = true;
      wake();
    });
    preparing.catch(() => undefined); // awaited below, or before the clean-up
    /** Answers once every image `body` shows is written (rejects with the preparation's error). */
    const imagesOf = async (body: string) => {
      const keys = plan.filter((p) => body.includes(`src="${preparedFileName(p)}"`)).map((p) => p.key);
      while (!keys.every((k) => ready.has(k))) {
        if (prepared) return void (await preparing); // every image written, or its error
        await new Promise<void>((resolve) => (wake = resolve));
      }
    };
    job?.signal.throwIfAborted();
    const fonts: Array<[string, string]> = [[t('internarte.catalog.doc.fonts'), t('internarte.catalog.doc.fontsValue')]];
    const opts = { pageSize, layout, images, colophonExtra: printShop ? fonts : undefined };
    const pieces = catalogPieces(data, opts, t);
    const parts = catalogParts(pieces, req.pagesPerPart, printShop);
    const colophonPart = printShop ? pieces.colophon : '';
    const extraCss = printShop ? printShopCss(pageSize) : '';
    const finishPage = printShop ? (page: PDFPage) => finishPrintShopPage(page, pageSize) : undefined;
    let printed = 0;
    /** Prints one part to the temporary folder, its first real page numbered `before + 1`. */
    const printPart = async (body: string, before: number) => {
      await imagesOf(body);
      job?.signal.throwIfAborted();
      const blanks = before === 0 ? 0 : before % 2 === 1 ? 1 : 2;
      const html = catalogDocument(
        data,
        opts,
        t,
        // Not empty: two empty blocks in a row would make a single page.
        '<section class="page"><div style="height:1px"></div></section>\n'.repeat(blanks) + body,
        blanks ? `${extraCss}\nhtml { counter-reset: page ${before - blanks}; }\n` : extraCss,
      );
      const file = path.join(dir, `parte-${printed++}.pdf`);
      await printToFile(req.platform, { html, ...fallbackPaper(pageSize), assetsDir: dir }, file);
      job?.signal.throwIfAborted();
      return { file, blanks };
    };
    const join = async (into: PdfJoiner, part: { file: string; blanks: number }) => {
      await into.addPart(await fs.promises.readFile(part.file), part.blanks, finishPage);
      await fs.promises.rm(part.file, { force: true });
    };
    const out = await PdfJoiner.create(partial);
    joiner = out;
    const total = parts.length + (colophonPart ? 1 : 0);
    // Chromium prints the next part while pdf-lib joins the last one (its pages counted first, for the numbers).
    let pages = 0;
    for (const [i, body] of parts.entries()) {
      if (prepared) job?.progress(i, total, 'print');
      const part = await printPart(body, pages);
      pages += (await countPdfPages(part.file)) - part.blanks;
      await joining;
      joining = join(out, part);
      joining.catch(() => undefined); // awaited in turn, or before the clean-up
    }
    await joining;
    if (colophonPart) {
      job?.progress(parts.length, total, 'print');
      let padding = (4 - ((out.pageCount + 1) % 4)) % 4;
      let colophon = await printPart(colophonPart, out.pageCount + padding);
      const colophonPages = (await countPdfPages(colophon.file)) - colophon.blanks;
      const needed = (4 - ((out.pageCount + colophonPages) % 4)) % 4;
      if (needed !== padding) {
        // Credits longer than a page: printed again with the right page numbers.
        padding = needed;
        colophon = await printPart(colophonPart, out.pageCount + padding);
      }
      const sheet = printShopSheet(pageSize);
      for (let i = 0; i < padding; i++) await out.addBlank(sheet.widthMm * PT_PER_MM, sheet.heightMm * PT_PER_MM, finishPage);
      await join(out, colophon);
    }
    await preparing;
    job?.progress(total, total, 'print');
    const done = await out.finish({ title: data.exhibition.title, lang: data.lang });
    joiner = null;
    job?.signal.throwIfAborted();
    await fs.promises.rename(partial, target);
    return {
      path: target,
      works: data.works.length,
      images: plan.filter((p) => p.key.startsWith('work-')).length,
      pages: done.pages,
      bytes: done.bytes,
    };
  } catch (err) {
    stop.abort();
    await joining.catch(() => undefined);
    await joiner?.abandon();
    await fs.promises.rm(partial, { force: true });
    throw err;
  } finally {
    // No image is written into the folder once it is removed.
    await preparing.catch(() => undefined);
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
