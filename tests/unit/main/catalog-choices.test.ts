import fs from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogExportDone } from '../../../shared/internarte/catalog-schemas';
import { catalogHtml } from '../../../electron/main/internarte/catalog/template';
import { preflight } from '../../../electron/main/internarte/catalog/preflight';
import { catalogData } from '../../../electron/main/internarte/outputs';
import { translator } from '../../../electron/main/i18n';
import { appWithLurigancho, type TestApp } from '../../helpers/services';
import { addPhoto, createArtwork, createExhibition, exhibitionUpdate, recordConsent } from '../../helpers/internarte';
import { pdfInfo, syntheticCatalog } from '../../helpers/catalog';
import { checkPartnerLogo } from '../../../electron/main/programmes/partner-logo';

/**
 * A curator's choices for the catalog (issue 18, item 3) and the preflight before export
 * (item 4): the cover chosen among the works as consent allows, the English texts in an
 * English catalog, the landscape and square papers, what a print shop would reject.
 */

describe('preflight (pure)', () => {
  it('on a made-up exhibition with one small image, finds exactly that image, named with its printed size', () => {
    const big = { path: '/fotos/grande.jpg', width: 3000, height: 4000 };
    const data = syntheticCatalog({
      works: 4,
      image: big,
      overrides: (_w, i) => (i === 2 ? { image: { path: '/fotos/chica.jpg', width: 600, height: 800, alt: 'Obra 3' } } : {}),
    });
    const findings = preflight(data, 'A4', 'one');
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ kind: 'lowResolution', artworkId: 3, label: 'Añoranza del Ande n.º 3' });
    // A4, one per page: the 3 × 4 image fills the 170 × 195 mm box's height, 146.25 × 195 mm: 600 px ÷ 5.76 in = 104 ppi.
    expect(f!.params).toMatchObject({ ppi: 104, widthCm: 14.6, heightCm: 19.5, widthPx: 600, heightPx: 800, number: '3' });
    // The same photo is fine on a grid page (printed smaller).
    expect(preflight(data, 'A4', 'grid').filter((x) => x.kind === 'lowResolution')).toEqual([]);
  });

  it('names a work without a photo and a caption too long for its box', () => {
    const data = syntheticCatalog({
      works: 2,
      image: { path: '/f.jpg', width: 4000, height: 4000 },
      overrides: (_w, i) =>
        i === 0 ? { image: null } : { materials: 'Lana de alpaca, hilos de algodón, tintes naturales de cochinilla y nogal, '.repeat(4) },
    });
    const kinds = preflight(data, 'A4', 'one').map((f) => [f.kind, f.artworkId]);
    expect(kinds).toEqual([
      ['noPhoto', 1],
      ['captionTooLong', 2],
    ]);
    const long = preflight(data, 'A4', 'one').find((f) => f.kind === 'captionTooLong')!;
    expect(Number(long.params.lines)).toBeGreaterThan(Number(long.params.fits));
  });
});

let app: TestApp;
let est: number;
beforeEach(async () => {
  ({ app, est } = await appWithLurigancho());
});
afterEach(() => app.close());

async function twoWorks() {
  const a = await createArtwork(app, est, { title: 'Vasija de Ñaña' });
  const b = await createArtwork(app, est, { title: 'Cóndor en vuelo' });
  await addPhoto(app, a.id, '#b35');
  await addPhoto(app, b.id, '#3b5');
  await recordConsent(app, a.id);
  await recordConsent(app, b.id);
  const ex = await createExhibition(app, {
    presentation: 'Una muestra de los talleres del INPE.',
    curatorialText: 'La libertad es una forma de hacer.',
    titleEn: 'InternArte: another kind of freedom',
    presentationEn: 'An exhibition from the workshops of INPE.',
  });
  await app.ok('exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: [a.id, b.id] });
  return { a, b, ex: await app.ok('exhibitions.get', { id: ex.id }) };
}

describe('the cover', () => {
  it('is the chosen work while its photo may be published, else the first publishable one', async () => {
    const { a, b, ex } = await twoWorks();
    const data = await app.ok('catalog.preview', { exhibitionId: ex.id, lang: 'es-PE' });
    expect(data.worksTotal).toBe(2);
    const first = await catalogData(app.db, app.attachments, ex.id, 'catalog', 'es-PE');
    expect(first.exhibition.cover).toBe(first.works[0]!.image);

    const saved = await app.ok('exhibitions.update', exhibitionUpdate(ex, { coverArtworkId: b.id }));
    expect(saved.coverArtworkId).toBe(b.id);
    const chosen = await catalogData(app.db, app.attachments, ex.id, 'catalog', 'es-PE');
    expect(chosen.exhibition.cover?.path).toBe(chosen.works.find((w) => w.artworkId === b.id)!.image!.path);
    expect(chosen.exhibition.cover?.path).not.toBe(chosen.works[0]!.image!.path);

    // The artist withdraws the photo's publication: the cover falls back to the first work with one.
    await recordConsent(app, b.id, { mayPhotograph: false });
    const after = await catalogData(app.db, app.attachments, ex.id, 'catalog', 'es-PE');
    expect(after.works.find((w) => w.artworkId === b.id)!.image).toBeNull();
    expect(after.exhibition.cover?.path).toBe(after.works.find((w) => w.artworkId === a.id)!.image!.path);
  });

  it('must be a work of the exhibition (refused in Spanish beside the field)', async () => {
    const { ex } = await twoWorks();
    const other = await createArtwork(app, est, { title: 'Obra de otra muestra' });
    const refused = await app.call('exhibitions.update', exhibitionUpdate(ex, { coverArtworkId: other.id }));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { coverArtworkId: 'Elija como portada una obra de la lista de esta exposición.' } },
    });
  });
});

describe('an English catalog', () => {
  it('carries the English texts, the Spanish where one is missing, and the preflight says which', async () => {
    const { ex } = await twoWorks();
    const data = await catalogData(app.db, app.attachments, ex.id, 'catalog', 'en');
    expect(data.exhibition.title).toBe('InternArte: another kind of freedom');
    expect(data.exhibition.presentation).toBe('An exhibition from the workshops of INPE.');
    expect(data.exhibition.curatorialText).toBe('La libertad es una forma de hacer.');
    expect(data.textFallbacks).toEqual(['curatorialText']);
    const html = catalogHtml(data, { pageSize: 'A4', layout: 'one', images: new Map() }, translator('en'));
    expect(html).toContain('An exhibition from the workshops of INPE.');
    expect(html).not.toContain('Una muestra de los talleres del INPE.');

    const spanish = await catalogData(app.db, app.attachments, ex.id, 'catalog', 'es-PE');
    expect(spanish.exhibition.title).toBe('InternArte: otra forma de libertad');
    expect(spanish.exhibition.presentation).toBe('Una muestra de los talleres del INPE.');

    const { findings } = await app.ok('catalog.preflight', { exhibitionId: ex.id, lang: 'en', layout: 'grid', pageSize: 'A5' });
    expect(findings.filter((f) => f.kind === 'missingEnglish').map((f) => f.params.field)).toEqual(['curatorialText']);
  });
});

describe('the landscape and square papers', () => {
  it.each([
    ['A4Landscape', 297, 210],
    ['Square21', 210, 210],
  ] as const)('%s prints on its own paper size', async (pageSize, widthMm, heightMm) => {
    const { ex } = await twoWorks();
    const started = await app.ok('catalog.export', { exhibitionId: ex.id, pageSize, layout: 'two', lang: 'es-PE' });
    if (started.status !== 'started') throw new Error('save dialog cancelled');
    const status = await app.jobs.wait(started.jobId);
    expect(status?.state, JSON.stringify(status?.error)).toBe('done');
    const done = CatalogExportDone.parse(status!.result);
    expect(fs.existsSync(done.path)).toBe(true);
    // "841.92 x 594.96 pts (A4)": Chromium rounds the page to whole CSS pixels (within half a point).
    const [w, h] = /^([\d.]+) x ([\d.]+) pts/.exec(pdfInfo(done.path)['Page size']!)!.slice(1).map(Number);
    expect(Math.abs(w! - (widthMm * 72) / 25.4)).toBeLessThan(0.5);
    expect(Math.abs(h! - (heightMm * 72) / 25.4)).toBeLessThan(0.5);
  });
});

describe("a partner's logo", () => {
  const svg = (inner: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">${inner}</svg>`);

  it('is a PNG or an SVG drawing, read for its size', async () => {
    const png = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#123' } })
      .png()
      .toBuffer();
    expect(await checkPartnerLogo(png, 'logo.png')).toEqual({ mime: 'image/png', width: 300, height: 100 });
    expect(await checkPartnerLogo(svg('<rect width="120" height="40" fill="url(#g)"/>'), 'logo.svg')).toEqual({
      mime: 'image/svg+xml',
      width: 120,
      height: 40,
    });
  });

  it.each([
    ['a script', '<script>alert(1)</script><rect width="1" height="1"/>'],
    ['an event', '<rect width="1" height="1" onload="alert(1)"/>'],
    ['an external image', '<image href="https://example.com/x.png" width="1" height="1"/>'],
    ['an external style', '<style>@import url(http://example.com/a.css);</style>'],
  ])('refuses an SVG with %s, in Spanish beside the field', async (_what, inner) => {
    await expect(checkPartnerLogo(svg(inner), 'logo.svg')).rejects.toMatchObject({
      fields: { logo: { key: 'internarte.choices.errors.logoUnsafe' } },
    });
  });

  it('refuses a JPEG', async () => {
    const jpeg = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#123' } })
      .jpeg()
      .toBuffer();
    await expect(checkPartnerLogo(jpeg, 'logo.jpg')).rejects.toMatchObject({
      fields: { logo: { key: 'internarte.choices.errors.logoType' } },
    });
  });
});
