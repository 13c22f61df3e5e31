import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPdfPrinter } from '../../../electron/harness/chromium-pdf';
import { translator } from '../../../electron/main/i18n';
import type { CatalogData } from '../../../electron/main/internarte/catalog-data';
import { artistIndex, cssString, formatDimensions } from '../../../electron/main/internarte/catalog/captions';
import { labelsHtml } from '../../../electron/main/internarte/catalog/labels';
import { planImages, placeImage, workImageKey, worksGrid } from '../../../electron/main/internarte/catalog/layout';
import { countPdfPages, makeCatalogPdf } from '../../../electron/main/internarte/catalog/make';
import { catalogHtml } from '../../../electron/main/internarte/catalog/template';
import { AppError } from '../../../electron/main/ipc/errors';
import { formatMoney } from '../../../shared/format';
import { pdfImages, pdfInfo, photoLikeJpeg, poppler, syntheticCatalog } from '../../helpers/catalog';

/**
 * The catalog and the wall labels: the pure templates (what they print, and nothing that is
 * not in CatalogData), then the PDFs as Chromium prints them, read back with poppler.
 */

const t = translator('es-PE');
const count = (html: string, needle: string) => html.split(needle).length - 1;
const noImages = new Map<string, string>();

describe('the catalog template (pure)', () => {
  const data = syntheticCatalog({ works: 7, image: { path: '/x/foto.jpg', width: 2400, height: 3000 } });
  const images = new Map(planImages(data, 'A4', 'one').map((p) => [p.key, `img/${p.key}.jpg`]));

  it('prints the cover, the texts, one page per work in sections, the index and the credits', () => {
    const html = catalogHtml(data, { pageSize: 'A4', layout: 'one', images }, t);
    expect(html).toContain('<title>InternArte: otra forma de libertad</title>');
    expect(html).toContain('<html lang="es-PE">');
    expect(count(html, 'class="page sheet cover"')).toBe(1);
    expect(count(html, 'class="page sheet works layout-one"')).toBe(7);
    expect(count(html, 'class="section-title"')).toBe(3);
    expect(html).toContain('<h2>Presentación</h2>');
    expect(html).toContain('<h2>Texto curatorial</h2>');
    expect(html).toContain('Curaduría: Ana Cárdenas Ñique, Pedro Villanueva');
    expect(html).toContain('<h2>Índice de artistas</h2>');
    expect(html).toContain('<h2>Créditos</h2>');
    // The consent note in every page's margin, and at length in the credits.
    expect(html).toContain(cssString('Obras y nombres publicados con el consentimiento de sus autores vigente al 26/11/2026.'));
    expect(html).toContain('según lo registrado al 26/11/2026');
    // Paragraphs separated by blank lines stay paragraphs.
    expect(html).toContain('<p>¿Qué puede el arte dentro de un penal?');
    // Page numbers are the print engine's own page counter, in the page margin.
    expect(html).toMatch(/@bottom-right \{ content: counter\(page\)/);
    expect(html).toMatch(/@page :first \{\s*@bottom-right \{ content: none; \}/);
  });

  it('cuts the works into two per page and a grid of six (four on A5), section by section', () => {
    const two = catalogHtml(data, { pageSize: 'A4', layout: 'two', images: noImages }, t);
    const sizes = [3, 2, 2]; // 7 works in three sections (synthetic order)
    const bySection = new Map<string, number>();
    for (const w of data.works) bySection.set(w.section!, (bySection.get(w.section!) ?? 0) + 1);
    expect([...bySection.values()]).toEqual(sizes);
    expect(count(two, 'layout-two"')).toBe(sizes.reduce((a, n) => a + Math.ceil(n / 2), 0));
    const many = syntheticCatalog({ works: 13, overrides: () => ({ section: null }) });
    expect(count(catalogHtml(many, { pageSize: 'A4', layout: 'grid', images: noImages }, t), 'layout-grid"')).toBe(3);
    expect(count(catalogHtml(many, { pageSize: 'A5', layout: 'grid', images: noImages }, t), 'layout-grid"')).toBe(4);
    expect(worksGrid('A5', 'grid').perPage).toBe(4);
  });

  it('writes museum captions: artist as given, title in italics with the year, technique, materials, dimensions, establishment, price only if given', () => {
    const html = catalogHtml(data, { pageSize: 'A4', layout: 'one', images }, t);
    const first = html.slice(html.indexOf('data-artwork="1"'), html.indexOf('</figure>', html.indexOf('data-artwork="1"')));
    expect(first).toContain('<div class="c-artist">José Ñaupari Quispe</div>');
    expect(first).toContain('<cite>¿Dónde está mi niñez? ¡Aquí!</cite>, 2020');
    expect(first).toContain('<div class="c-technique">Cerámica de alta temperatura</div>');
    expect(first).toContain('<div class="c-materials">Arcilla, engobes y esmaltes de alta temperatura</div>');
    expect(first).toContain('<div class="c-dims">45.5 × 30 × 20 cm</div>');
    expect(first).toContain('<div class="c-est">E.P. Lurigancho</div>');
    expect(first).toContain(`Precio: ${formatMoney(35000)}`);
    const second = html.slice(html.indexOf('data-artwork="2"'), html.indexOf('</figure>', html.indexOf('data-artwork="2"')));
    expect(second).not.toContain('c-price');
    expect(second).not.toContain('c-materials');
    expect(second).toContain('<div class="c-dims">45.5 × 30 cm</div>');
    expect(formatDimensions({ height: 1234, width: 50, depth: null }, 'en')).toBe('123.4 × 5 cm');
  });

  it('prints exactly the works it is given: a work left out of CatalogData is nowhere in the document', () => {
    const without = { ...data, works: data.works.filter((w) => w.artworkId !== 3) };
    const html = catalogHtml(without, { pageSize: 'A4', layout: 'one', images }, t);
    expect(html).not.toContain('data-artwork="3"');
    expect(html).not.toContain('Añoranza del Ande n.º 3');
    expect(data.works[2]!.artistLabel).toBe('Yawar Pacha');
    expect(html).not.toContain('Yawar Pacha'); // the only work of that artist
    expect(html).not.toContain(workImageKey(3));
  });

  it('gives each section one heading even when the checklist alternates them', () => {
    const alternating = syntheticCatalog({ works: 4, overrides: (_w, i) => ({ section: i % 2 ? 'E.P. de Huancayo' : 'E.P. Lurigancho' }) });
    const html = catalogHtml(alternating, { pageSize: 'A4', layout: 'grid', images: noImages }, t);
    expect(count(html, 'class="section-title">E.P. Lurigancho<')).toBe(1);
    expect(count(html, 'class="section-title">E.P. de Huancayo<')).toBe(1);
    expect(html.indexOf('data-artwork="3"')).toBeLessThan(html.indexOf('data-artwork="2"'));
  });

  it('leaves anonymous artists out of the index, which refers to catalog numbers', () => {
    const idx = artistIndex(data.works);
    expect(idx.map((e) => e.artist)).not.toContain('Anónimo');
    expect(idx.find((e) => e.artist === 'José Ñaupari Quispe')?.numbers).toEqual(['1', '7']);
    // Accents ignored when sorting, as a reader looks names up.
    expect(idx.map((e) => e.artist)).toEqual(['José Ñaupari Quispe', 'Lucía Gutiérrez Ayala', 'M. R. C.', 'Rocío Ñahui', 'Yawar Pacha']);
  });

  it('shows "image not published" for a work without an image, and no image of its own', () => {
    const none = syntheticCatalog({ works: 2, image: null });
    const html = catalogHtml(none, { pageSize: 'A4', layout: 'one', images: noImages }, t);
    expect(count(html, 'class="noimage"')).toBe(2);
    expect(html).not.toContain('<img');
  });

  it('escapes every value: markup in a title cannot reach the document, not even its CSS', () => {
    const evil: CatalogData = {
      ...data,
      exhibition: { ...data.exhibition, title: 'Muestra "</style><script>x()</script>' },
      works: [{ ...data.works[0]!, title: '<img src=x onerror=alert(1)>', artistLabel: '"><b>x</b>' }],
    };
    const html = catalogHtml(evil, { pageSize: 'A4', layout: 'one', images }, t);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>x</b>');
    expect(count(html, '</style>')).toBe(2);
    expect(cssString('a"</style>\\')).toBe('"a\\22 \\3c \\2f style\\3e \\5c "');
  });

  it('the preview has only the first works and neither index nor credits', () => {
    const big = syntheticCatalog({ works: 40 });
    const html = catalogHtml(big, { pageSize: 'A4', layout: 'two', images: noImages, maxWorks: 4 }, t);
    expect(count(html, '<figure class="work"')).toBe(4);
    expect(html).not.toContain('Índice de artistas');
    expect(html).not.toContain('<h2>Créditos</h2>');
  });

  it('plans 300 ppi at the printed size, never more pixels than the original', () => {
    const box = worksGrid('A4', 'one').imageBox;
    const big = placeImage({ width: 2400, height: 3000 }, box);
    expect(big.targetWidthPx).toBeLessThan(2400);
    expect(Math.round((big.targetWidthPx / big.widthMm) * 25.4)).toBe(300);
    const small = placeImage({ width: 400, height: 500 }, box);
    expect([small.targetWidthPx, small.targetHeightPx]).toEqual([400, 500]);
  });

  it('labels: one per work with the same caption, the catalog number and the exhibition', () => {
    const html = labelsHtml(data, t);
    expect(count(html, 'class="label"')).toBe(7);
    expect(html).toContain('<cite>¿Dónde está mi niñez? ¡Aquí!</cite>, 2020');
    expect(html).toContain('Cat. 7');
    expect(html).toContain('<title>Cartelas — InternArte: otra forma de libertad</title>');
  });

  it('speaks English when the catalog is in English', () => {
    const en = syntheticCatalog({ works: 2, lang: 'en' });
    const html = catalogHtml(en, { pageSize: 'Letter', layout: 'one', images: noImages }, translator('en'));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Index of artists');
    expect(html).toContain(cssString('Works and names published with their authors’ consent as of 26/11/2026.'));
    expect(html).toContain('5 December 2026 to 28 February 2027');
  });
});

describe('the catalog PDF as Chromium prints it (poppler reads it back)', () => {
  const printer = createChromiumPdfPrinter();
  let dir: string;
  let bigJpeg: string;
  let smallJpeg: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-catalog-test-'));
    bigJpeg = path.join(dir, 'grande.jpg');
    smallJpeg = path.join(dir, 'pequena.jpg');
    await photoLikeJpeg(bigJpeg, 2400, 3000);
    await photoLikeJpeg(smallJpeg, 400, 500, 200);
  });
  afterAll(async () => {
    await printer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** 4 works: two with the big photo, one with the small one, one without. */
  const sample = (): CatalogData =>
    syntheticCatalog({
      works: 4,
      image: { path: bigJpeg, width: 2400, height: 3000 },
      overrides: (_w, i) =>
        i === 2 ? { image: { path: smallJpeg, width: 400, height: 500, alt: 'pequeña' } } : i === 3 ? { image: null } : {},
    });

  const make = (data: CatalogData, pageSize: 'A4' | 'A5' | 'Letter', layout: 'one' | 'two' | 'grid', name: string) =>
    makeCatalogPdf({ data, pageSize, layout, target: path.join(dir, name), t, platform: printer });

  it('A4, one work per page: pages, size, title, captions with accents, page numbers, embedded fonts, 300 ppi', async () => {
    const made = await make(sample(), 'A4', 'one', 'catalogo.pdf');
    // cover, presentation, curatorial text, 4 works, index, credits
    expect(made).toMatchObject({ works: 4, images: 3, pages: 9 });
    const info = pdfInfo(made.path);
    expect(info['Pages']).toBe('9');
    expect(info['Page size']).toContain('(A4)');
    expect(info['Title']).toBe('InternArte: otra forma de libertad');
    expect(made.pages).toBe(await countPdfPages(made.path));

    const text = poppler('pdftotext', '-layout', made.path, '-');
    for (const s of [
      '¿Dónde está mi niñez? ¡Aquí!',
      'José Ñaupari Quispe',
      'Cerámica de alta temperatura',
      '45.5 × 30 × 20 cm',
      'E.P. Anexo de Mujeres de Chorrillos',
      'Precio: S/',
      '350.00',
      'Índice de artistas',
      'Imagen no publicada',
      'Obras y nombres publicados con el consentimiento de sus autores vigente al 26/11/2026.',
    ]) {
      expect(text).toContain(s);
    }
    // The page number of page 4 (the first work), printed by Chromium in the page margin.
    // Even pages carry it on the left, odd ones on the right, the consent note beside it; the cover has neither.
    const page = (n: number) => poppler('pdftotext', '-f', String(n), '-l', String(n), '-layout', made.path, '-');
    expect(page(4)).toMatch(/^\s*4\s+Obras y nombres publicados/m);
    expect(page(5)).toMatch(/vigente al 26\/11\/2026\.\s+5\s*$/m);
    expect(page(1)).not.toContain('Obras y nombres publicados');
    expect(page(1)).not.toMatch(/^\s*1\s*$/m);

    const fonts = poppler('pdffonts', made.path)
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f.split(/\s+/).slice(-5)[0], f).toBe('yes');
    expect(fonts.join('\n')).toContain('SourceSerif4-Italic');

    const imgs = pdfImages(made.path);
    const works = imgs.filter((i) => i.page >= 4 && i.page <= 7);
    expect(works).toHaveLength(3);
    const big = works.filter((i) => i.width > 400);
    expect(big).toHaveLength(2);
    for (const i of big) {
      expect(i.enc).toBe('jpeg');
      expect(i.width).toBeLessThan(2400); // downsampled to the printed size…
      expect(i.xppi).toBeGreaterThanOrEqual(295); // …at 300 ppi
      expect(i.xppi).toBeLessThanOrEqual(305);
    }
    const small = works.find((i) => i.width <= 400)!;
    expect([small.width, small.height]).toEqual([400, 500]); // never enlarged
    expect(small.xppi).toBeLessThan(100);
  });

  it('A5 and Letter are portrait pages of their size', async () => {
    const a5 = await make(sample(), 'A5', 'two', 'a5.pdf');
    expect(pdfInfo(a5.path)['Page size']).toContain('(A5)');
    const letter = await make(sample(), 'Letter', 'grid', 'carta.pdf');
    expect(pdfInfo(letter.path)['Page size']).toContain('(letter)');
    // grid: a page per section (2 + 1 + 1 works) between the cover and two texts, and the index and credits
    expect(letter.pages).toBe(8);
    const one = await make({ ...sample(), works: sample().works.map((w) => ({ ...w, section: null })) }, 'Letter', 'grid', 'carta-1.pdf');
    expect(one.pages).toBe(6);
  });

  it('the Node printer loads files only from the folder of the document', async () => {
    const own = fs.mkdtempSync(path.join(dir, 'propia-'));
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a33' } })
      .jpeg()
      .toFile(path.join(own, 'a.jpg'));
    const outside = path.join(dir, 'fuera.jpg');
    await sharp({ create: { width: 50, height: 20, channels: 3, background: '#33a' } })
      .jpeg()
      .toFile(outside);
    const html = `<!doctype html><html><body><img src="a.jpg"><img src="${pathToFileURL(outside).href}"><img src="../fuera.jpg"></body></html>`;
    const file = path.join(dir, 'carpeta.pdf');
    await printer.printPdfToFile({ html, pageSize: 'A4', assetsDir: own }, file);
    const sizes = pdfImages(file).map((i) => `${i.width}x${i.height}`);
    expect(sizes).toContain('40x30');
    expect(sizes).not.toContain('50x20');
    // Its own HTML file was removed from the folder afterwards.
    expect(fs.readdirSync(own)).toEqual(['a.jpg']);
    // The next print (in the same page, kept between prints) may not read the last print's folder.
    const next = fs.mkdtempSync(path.join(dir, 'siguiente-'));
    await sharp({ create: { width: 60, height: 10, channels: 3, background: '#3a3' } })
      .jpeg()
      .toFile(path.join(next, 'b.jpg'));
    const html2 = `<!doctype html><html><body><img src="b.jpg"><img src="${pathToFileURL(path.join(own, 'a.jpg')).href}"></body></html>`;
    await printer.printPdfToFile({ html: html2, pageSize: 'A4', assetsDir: next }, file);
    const sizes2 = pdfImages(file).map((i) => `${i.width}x${i.height}`);
    expect(sizes2).toContain('60x10');
    expect(sizes2).not.toContain('40x30');
  });

  it('wall labels: an A4 sheet of eight with the captions', async () => {
    const data = syntheticCatalog({ works: 9 });
    const file = path.join(dir, 'cartelas.pdf');
    fs.writeFileSync(file, await printer.printPdf({ html: labelsHtml(data, t), pageSize: 'A4' }));
    const info = pdfInfo(file);
    expect(info['Pages']).toBe('2');
    expect(info['Page size']).toContain('(A4)');
    const text = poppler('pdftotext', file, '-');
    expect(text).toContain('¿Dónde está mi niñez? ¡Aquí!');
    expect(text).toContain('Cat. 9');
    expect(text).toContain('Rocío Ñahui');
  });

  it('wall labels: 8 on every sheet, the first one too (the title sits in the margin)', async () => {
    const data = syntheticCatalog({ works: 17 });
    const file = path.join(dir, 'cartelas-17.pdf');
    fs.writeFileSync(file, await printer.printPdf({ html: labelsHtml(data, t), pageSize: 'A4' }));
    expect(pdfInfo(file)['Pages']).toBe('3');
    const numbersOn = (page: number) =>
      [...poppler('pdftotext', '-f', String(page), '-l', String(page), file, '-').matchAll(/Cat\. (\d+)/g)]
        .map((m) => Number(m[1]))
        .sort((a, b) => a - b);
    expect(numbersOn(1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(numbersOn(2)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    expect(numbersOn(3)).toEqual([17]);
    // Each sheet says what it is and how to cut it, and its page number.
    for (const page of [1, 2, 3]) {
      const text = poppler('pdftotext', '-f', String(page), '-l', String(page), file, '-');
      expect(text).toContain('Cartelas — InternArte: otra forma de libertad');
      expect(text).toContain('Corte por las líneas de puntos.');
      expect(text).toMatch(new RegExp(`\\b${page}\\s*/\\s*3\\b`));
    }
  });

  it('cancelling stops between images and leaves no file', async () => {
    const controller = new AbortController();
    const target = path.join(dir, 'cancelado', 'catalogo.pdf');
    fs.mkdirSync(path.dirname(target));
    const data = syntheticCatalog({ works: 6, image: { path: bigJpeg, width: 2400, height: 3000 } });
    const seen: number[] = [];
    const job = {
      signal: controller.signal,
      progress: (done: number) => {
        seen.push(done);
        if (done === 2) controller.abort();
      },
    };
    await expect(makeCatalogPdf({ data, pageSize: 'A4', layout: 'one', target, t, platform: printer, job })).rejects.toThrow();
    expect(Math.max(...seen)).toBeLessThan(7);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });

  it('an image that cannot be read stops the catalog with the work named, and no file', async () => {
    const bad = path.join(dir, 'rota.jpg');
    fs.writeFileSync(bad, 'esto no es una imagen');
    const data = syntheticCatalog({ works: 1, image: { path: bad, width: 100, height: 100 } });
    const target = path.join(dir, 'roto.pdf');
    const err = await makeCatalogPdf({ data, pageSize: 'A4', layout: 'one', target, t, platform: printer }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(t((err as AppError).key, (err as AppError).params)).toBe('No se pudo leer la imagen de la obra «Portada». Revise sus fotos.');
    expect(fs.existsSync(target)).toBe(false);
  });
});
