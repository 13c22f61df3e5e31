import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPdfPrinter } from '../../../electron/harness/chromium-pdf';
import { translator } from '../../../electron/main/i18n';
import { makeCatalogPdf, type MakeCatalogRequest } from '../../../electron/main/internarte/catalog/make';
import { BLEED_MM, PT_PER_MM, TRIM_OFFSET_MM } from '../../../electron/main/internarte/catalog/print-shop';
import { AppError } from '../../../electron/main/ipc/errors';
import { pdfInfo, photoLikeJpeg, poppler, syntheticCatalog } from '../../helpers/catalog';

/**
 * The catalog printed in parts and joined (page numbers continue, left and right pages
 * stay), and the print-shop catalog: bleed, crop marks, TrimBox/BleedBox, a multiple of 4
 * pages with the blank pages before the credits, the bundled fonts, read back with poppler
 * (text, fonts, pixels) and pdf-lib (boxes).
 */

const t = translator('es-PE');
let dir: string;
let photo: string;
const printer = createChromiumPdfPrinter();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogo-imprenta-'));
  photo = path.join(dir, 'foto.jpg');
  await photoLikeJpeg(photo, 2400, 3000);
}, 60_000);

afterAll(async () => {
  await printer.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const make = (name: string, more: Partial<MakeCatalogRequest> = {}) =>
  makeCatalogPdf({
    data: syntheticCatalog({ works: 5, image: { path: photo, width: 2400, height: 3000 } }),
    pageSize: 'A4',
    layout: 'one',
    target: path.join(dir, name),
    t,
    platform: printer,
    pagesPerPart: 2,
    ...more,
  });

/** Each page's text, pdftotext -layout, without blank lines. */
const pageLines = (file: string, page: number) =>
  poppler('pdftotext', '-layout', '-f', String(page), '-l', String(page), file, '-')
    .split('\n')
    .filter((l) => l.trim());

/** A page rendered in grey at 100 dpi: the darkness at a point given in mm from the sheet's top-left corner (0 white, 255 black). */
function rendered(file: string, page: number) {
  const prefix = path.join(dir, `r-${path.basename(file)}-${page}`);
  execFileSync('pdftoppm', ['-gray', '-r', '100', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const pgm = fs.readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const width = Number(header[1]);
  const start = header[0].length;
  const px = (mm: number) => Math.floor((mm * 100) / 25.4);
  return { dark: (xMm: number, yMm: number) => 255 - pgm[start + px(yMm) * width + px(xMm)]! };
}

describe('the catalog printed in parts', () => {
  it('joins the parts with page numbers that continue, even pages numbered on the left and odd ones on the right', async () => {
    // Parts of 3 pieces: cover to work 2 (5 pages), works 3 to 5 (one empty page first), index and credits (two empty pages first).
    const made = await make('pantalla.pdf', { pagesPerPart: 3 });
    // cover, presentation, curatorial text, 5 works, index, credits: no blank pages on screen
    expect(made.pages).toBe(10);
    expect(pdfInfo(made.path)['Page size']).toContain('(A4)');
    expect(pdfInfo(made.path)['Title']).toBe('InternArte: otra forma de libertad');
    expect(pageLines(made.path, 1).join(' ')).not.toMatch(/\b1\s*$/); // the cover has no number
    for (let page = 2; page <= 10; page++) {
      const foot = pageLines(made.path, page).at(-1)!;
      expect(foot, `page ${page}`).toMatch(page % 2 === 0 ? new RegExp(`^\\s*${page}\\s`) : new RegExp(`\\s${page}\\s*$`));
    }
    expect(pageLines(made.path, 4)[0]).toContain('E.P. Lurigancho');
    expect(pageLines(made.path, 10)[0]).toContain('Créditos');
    // The joined file is written object by object: its cross-reference table points at each of them
    // (poppler would quietly rebuild a broken one, so it is read here byte by byte).
    const bytes = fs.readFileSync(made.path).toString('latin1');
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(bytes)![1]);
    const [head, range, ...entries] = bytes.slice(xrefAt, bytes.indexOf('trailer', xrefAt)).trim().split('\n');
    expect(head).toBe('xref');
    const size = Number(range!.split(' ')[1]);
    expect(entries.length).toBe(size);
    let objects = 0;
    entries.forEach((e, n) => {
      if (!e.startsWith('0000000000')) {
        objects++;
        expect(bytes.startsWith(`${n} 0 obj\n`, Number(e.slice(0, 10))), `object ${n}`).toBe(true);
      }
    });
    expect(objects).toBe(size - 1);
  }, 120_000);

  it('cancelled while printing the parts, it leaves no file', async () => {
    const controller = new AbortController();
    const target = path.join(dir, 'cancelado', 'catalogo.pdf');
    fs.mkdirSync(path.dirname(target));
    const phases: string[] = [];
    // The parts' progress shows once every image is written (images.ts works ahead of the
    // printer; on a busy machine that may be a few parts in): cancelled at the first part
    // reported after the first one, whichever that is.
    let stoppedAt: number | null = null;
    const job = {
      signal: controller.signal,
      progress: (done: number, _total: number, phase?: string) => {
        phases.push(`${phase}:${done}`);
        if (phase === 'print' && done >= 1 && stoppedAt === null) {
          stoppedAt = done;
          controller.abort();
        }
      },
    };
    await expect(make('x.pdf', { target, job })).rejects.toThrow();
    expect(stoppedAt).not.toBeNull();
    // The part after it never started, and nothing is left beside the target.
    expect(phases).not.toContain(`print:${stoppedAt! + 1}`);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  }, 120_000);

  it('a photo that cannot be read in a later part (prepared while the first parts print) stops the catalog with the work named, and no file', async () => {
    const bad = path.join(dir, 'rota.jpg');
    fs.writeFileSync(bad, 'esto no es una imagen');
    const target = path.join(dir, 'roto', 'catalogo.pdf');
    fs.mkdirSync(path.dirname(target));
    const data = syntheticCatalog({
      works: 5,
      image: { path: photo, width: 2400, height: 3000 },
      overrides: (w, i) => (i === 4 && w.image ? { image: { ...w.image, path: bad } } : {}),
    });
    const err = (await make('x.pdf', { data, target }).catch((e: unknown) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(t(err.key, err.params)).toBe('No se pudo leer la imagen de la obra «Obra 5». Revise sus fotos.');
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  }, 120_000);
});

describe('the print-shop catalog', () => {
  let file: string;
  let pages: number;
  beforeAll(async () => {
    const made = await make('imprenta.pdf', { printShop: true });
    file = made.path;
    pages = made.pages;
  }, 120_000);

  it('sets every page TrimBox (the A4 page) 3 mm inside its BleedBox, inside its MediaBox', async () => {
    const doc = await PDFDocument.load(fs.readFileSync(file));
    expect(doc.getPageCount()).toBe(pages);
    const mm = (pt: number) => pt / PT_PER_MM;
    for (const page of doc.getPages()) {
      const media = page.getMediaBox();
      const trim = page.getTrimBox();
      const bleed = page.getBleedBox();
      expect(mm(trim.width)).toBeCloseTo(210, 1);
      expect(mm(trim.height)).toBeCloseTo(297, 1);
      expect(mm(trim.x - bleed.x)).toBeCloseTo(BLEED_MM, 2);
      expect(mm(trim.y - bleed.y)).toBeCloseTo(BLEED_MM, 2);
      expect(mm(bleed.x + bleed.width - trim.x - trim.width)).toBeCloseTo(BLEED_MM, 2);
      expect(mm(bleed.y + bleed.height - trim.y - trim.height)).toBeCloseTo(BLEED_MM, 2);
      expect(bleed.x).toBeGreaterThan(media.x);
      expect(bleed.y).toBeGreaterThan(media.y);
      expect(bleed.x + bleed.width).toBeLessThan(media.x + media.width);
      expect(bleed.y + bleed.height).toBeLessThan(media.y + media.height);
      expect(mm(media.width)).toBeCloseTo(210 + 2 * TRIM_OFFSET_MM, 0);
    }
  });

  it('has a multiple of 4 pages: blank pages before the credits, which are the last page, with fonts, date and consent', () => {
    // 10 pages of catalog + 2 blank pages
    expect(pages).toBe(12);
    expect(pageLines(file, 9)[0]).toContain('Índice de artistas');
    expect(pageLines(file, 10)).toEqual([]);
    expect(pageLines(file, 11)).toEqual([]);
    const last = pageLines(file, 12).join('\n');
    expect(last).toContain('Créditos');
    expect(last).toMatch(/Tipografías\s+Source Serif 4 y Source Sans 3/i);
    expect(last).toContain('Catálogo elaborado con ArteINPE el 26/11/2026.');
    expect(last).toContain('con el consentimiento expreso de sus autores');
    // Page numbers count the blank pages: the credits are page 12, on the left.
    expect(pageLines(file, 12).at(-1)).toMatch(/^\s*12\s/);
    // No blank page anywhere else (never between works).
    for (let page = 1; page <= 9; page++) expect(pageLines(file, page).length, `page ${page}`).toBeGreaterThan(2);
  });

  it('draws the crop marks in the slug, outside the bleed, and nothing else outside the trim of a text page', () => {
    const r = rendered(file, 2);
    const o = TRIM_OFFSET_MM;
    // Top-left corner: a horizontal mark on the trim's top edge and a vertical one on its left edge, in the slug.
    expect(r.dark(3, o)).toBeGreaterThan(60);
    expect(r.dark(o, 3)).toBeGreaterThan(60);
    // Bottom-right corner.
    expect(r.dark(o + 210 + 4.5, o + 297)).toBeGreaterThan(60);
    expect(r.dark(o + 210, o + 297 + 4.5)).toBeGreaterThan(60);
    // Between the trim and 3.5 mm outside it (the bleed and its edge): white all around.
    let darkest = 0;
    for (let x = o - 3.5; x <= o + 210 + 3.5; x += 0.25) {
      for (const y of [o - 3.2, o - 1.5, o + 297 + 1.5, o + 297 + 3.2]) darkest = Math.max(darkest, r.dark(x, y));
    }
    for (let y = o - 3.5; y <= o + 297 + 3.5; y += 0.25) {
      for (const x of [o - 3.2, o - 1.5, o + 210 + 1.5, o + 210 + 3.2]) darkest = Math.max(darkest, r.dark(x, y));
    }
    expect(darkest).toBeLessThan(8);
  });

  it('prints the cover photo full bleed: it reaches the bleed edge and stops there', () => {
    const r = rendered(file, 1);
    const edge = TRIM_OFFSET_MM - BLEED_MM;
    // The photo-like JPEG is a warm, mid-toned picture: well away from white.
    for (const x of [edge + 0.4, 105, TRIM_OFFSET_MM + 210 + BLEED_MM - 0.4]) expect(r.dark(x, edge + 0.4)).toBeGreaterThan(25);
    expect(r.dark(edge + 0.4, 40)).toBeGreaterThan(25);
    // Outside the bleed, beside the photo (away from the marks): white.
    expect(r.dark(edge - 1, 40)).toBeLessThan(8);
    expect(r.dark(105, edge - 1)).toBeLessThan(8);
  });

  it('embeds only the bundled fonts', () => {
    const rows = poppler('pdffonts', file)
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+(SourceSerif4|SourceSans3)\S*\s/);
      expect(row).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // emb, sub
    }
  });
});
