import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogExportDone } from '../../../shared/internarte/catalog-schemas';
import { catalogPieces } from '../../../electron/main/internarte/catalog/template';
import { catalogData } from '../../../electron/main/internarte/outputs';
import { translator } from '../../../electron/main/i18n';
import { appWithLurigancho, snapshot, type TestApp } from '../../helpers/services';
import { addPhoto, createArtwork, createExhibition, recordConsent } from '../../helpers/internarte';
import { pdfImages, pdfInfo, poppler } from '../../helpers/catalog';

/**
 * A partner's logo (issue 18: "a partner logo field (SVG or PNG) shown on the cover and in the
 * credits"): set and removed through partners.setLogo / partners.removeLogo, checked in main
 * (a PNG, or an SVG that is only a drawing), kept in the attachment store when replaced or
 * removed, printed on the catalog's credits page with the partner's name under it.
 */

let app: TestApp;
let est: number;
let partnerId: number;
beforeEach(async () => {
  ({ app, est } = await appWithLurigancho());
  partnerId = (await app.ok('partners.create', { name: 'Municipalidad de Lima', type: 'sector_publico' })).id;
});
afterEach(() => app.close());

const logoPng = () =>
  sharp({ create: { width: 600, height: 200, channels: 3, background: '#1d4e89' } })
    .png()
    .toBuffer();
const svg = (inner: string) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#8c2f1b"/>${inner}</svg>`,
  );
const upload = (fileName: string, bytes: Buffer, id = partnerId) => ({ id, fileName, dataBase64: bytes.toString('base64') });

async function lastAudit(channel: string) {
  return (await app.db('audit_log').where({ channel }).orderBy('id', 'desc').first()) as
    { user_name: string; entity_id: string; before_json: string | null; after_json: string | null } | undefined;
}

describe('partners.setLogo', () => {
  it('keeps a PNG byte for byte, shows its thumbnail and logs who set it', async () => {
    const png = await logoPng();
    const d = await app.ok('partners.setLogo', upload('logo-mml.png', png));
    expect(d.logo).toMatchObject({ name: 'logo-mml.png', mime: 'image/png' });
    expect(d.logo!.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect((await app.attachments.read(d.logo!.hash, 'image/png'))!.equals(png)).toBe(true);
    expect((await app.ok('partners.get', { id: partnerId })).logo?.hash).toBe(d.logo!.hash);

    const logged = await lastAudit('partners.setLogo');
    expect(logged).toMatchObject({ user_name: 'Administrador local', entity_id: String(partnerId) });
    expect(JSON.parse(logged!.before_json!)).toEqual({ logo: null });
    expect(JSON.parse(logged!.after_json!)).toEqual({ logo: { hash: d.logo!.hash, name: 'logo-mml.png' } });
  });

  it('keeps an SVG that is only a drawing as it was given; the screens get a drawn JPEG, never the SVG', async () => {
    const drawing = svg('<circle cx="20" cy="20" r="10" fill="url(#g)"/><defs><linearGradient id="g"/></defs>');
    const d = await app.ok('partners.setLogo', upload('logo.svg', drawing));
    expect(d.logo).toMatchObject({ name: 'logo.svg', mime: 'image/svg+xml' });
    expect(d.logo!.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect((await app.attachments.read(d.logo!.hash, 'image/svg+xml'))!.toString('utf8')).toBe(drawing.toString('utf8'));
  });

  it.each([
    ['a script', 'logo.svg', svg('<script>alert(1)</script>')],
    ['an event attribute', 'logo.svg', svg('<rect width="1" height="1" onload="alert(1)"/>')],
    ['an external image', 'logo.svg', svg('<image href="https://example.com/x.png" width="1" height="1"/>')],
  ])('refuses an SVG with %s in Spanish beside the field, changing nothing', async (_what, name, bytes) => {
    const before = await snapshot(app.db);
    const r = await app.call('partners.setLogo', upload(name, bytes));
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        fields: { logo: 'El SVG tiene scripts, eventos o referencias externas: expórtelo solo como dibujo e inténtelo de nuevo.' },
      },
    });
    expect(await snapshot(app.db)).toBe(before);
  });

  it('refuses a JPEG (a logo is a PNG or an SVG) beside the field', async () => {
    const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#123' } })
      .jpeg()
      .toBuffer();
    const r = await app.call('partners.setLogo', upload('logo.jpg', jpeg));
    expect(r).toMatchObject({ ok: false, error: { fields: { logo: 'El logo debe ser una imagen PNG o SVG.' } } });
    expect((await app.ok('partners.get', { id: partnerId })).logo).toBeNull();
  });

  it('is refused to a role that may not edit partners', async () => {
    for (const role of ['consulta', 'exposiciones'] as const) {
      await app.signInAs(role);
      const r = await app.call('partners.setLogo', upload('logo.png', await logoPng()));
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await app.signInAs('programas');
    expect((await app.ok('partners.setLogo', upload('logo.png', await logoPng()))).logo).not.toBeNull();
  });
});

describe('partners.removeLogo', () => {
  it('takes the logo off the partner, keeps the file in the store and says who', async () => {
    const first = (await app.ok('partners.setLogo', upload('viejo.png', await logoPng()))).logo!;
    const drawing = svg('');
    const second = (await app.ok('partners.setLogo', upload('nuevo.svg', drawing))).logo!;
    // Replaced: the old file is still stored.
    expect(await app.attachments.read(first.hash, 'image/png')).not.toBeNull();

    const d = await app.ok('partners.removeLogo', { id: partnerId });
    expect(d.logo).toBeNull();
    expect((await app.attachments.read(second.hash, 'image/svg+xml'))!.toString('utf8')).toBe(drawing.toString('utf8'));
    expect(await app.db('attachments').where({ hash: second.hash }).first('hash')).toBeTruthy();
    const logged = await lastAudit('partners.removeLogo');
    expect(JSON.parse(logged!.before_json!)).toEqual({ logo: { hash: second.hash, name: 'nuevo.svg' } });
    expect(JSON.parse(logged!.after_json!)).toEqual({ logo: null });

    // Nothing left to remove: refused in Spanish.
    expect(await app.call('partners.removeLogo', { id: partnerId })).toMatchObject({
      ok: false,
      error: { message: 'El aliado no tiene logo.' },
    });
  });
});

describe("the catalog's credits", () => {
  async function exhibitionWithPartners() {
    const art = await createArtwork(app, est, { title: 'Vasija de Ñaña' });
    await addPhoto(app, art.id);
    await recordConsent(app, art.id);
    const other = (await app.ok('partners.create', { name: 'Alianza Francesa de Lima', type: 'sociedad_civil' })).id;
    await app.ok('partners.setLogo', upload('logo-mml.png', await logoPng()));
    const ex = await createExhibition(app, { partnerIds: [partnerId, other] });
    await app.ok('exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: [art.id] });
    return ex;
  }

  it("show each partner's logo with its name under it, beside the partners' names line", async () => {
    const ex = await exhibitionWithPartners();
    const data = await catalogData(app.db, app.attachments, ex.id, 'catalog', 'es-PE');
    // The partners come by name: the Municipalidad's logo is the second partner's image.
    expect(data.exhibition.partners.map((p) => [p.name, p.logo !== null])).toEqual([
      ['Alianza Francesa de Lima', false],
      ['Municipalidad de Lima', true],
    ]);
    const images = new Map([['logo-1', 'logo-1.jpg']]);
    const { colophon } = catalogPieces(data, { pageSize: 'A4', layout: 'one', images }, translator('es-PE'));
    expect(colophon).toContain('Alianza Francesa de Lima · Municipalidad de Lima');
    expect(colophon).toMatch(
      /<figure class="partner-logo"><img src="logo-1\.jpg" alt="Municipalidad de Lima"[^>]*><figcaption>Municipalidad de Lima<\/figcaption><\/figure>/,
    );
    // Only partners with a logo get a figure.
    expect(colophon.match(/<figure class="partner-logo">/g)).toHaveLength(1);
  });

  /** The exported A5 catalog of one work per page: its file and its number of pages. */
  async function exportA5(exhibitionId: number) {
    const started = await app.ok('catalog.export', { exhibitionId, pageSize: 'A5', layout: 'one', lang: 'es-PE' });
    if (started.status !== 'started') throw new Error('save dialog cancelled');
    const status = await app.jobs.wait(started.jobId);
    expect(status?.state, JSON.stringify(status?.error)).toBe('done');
    const { path } = CatalogExportDone.parse(status!.result);
    return { path, last: Number(pdfInfo(path).Pages) };
  }

  it('print the logo on the last page of the exported PDF, as on the cover', async () => {
    const ex = await exhibitionWithPartners();
    const { path, last } = await exportA5(ex.id);
    const credits = poppler('pdftotext', '-f', String(last), '-l', String(last), '-layout', path, '-');
    expect(credits).toContain('Municipalidad de Lima');
    // The logo's image (600 × 200 px, prepared at most at 300 ppi of the cover's box) on the cover and on the credits.
    const logos = pdfImages(path).filter((i) => Math.abs(i.width / i.height - 3) < 0.05);
    expect(logos.map((i) => i.page)).toEqual([1, last]);
  });

  it('print an SVG logo as a drawing: sharp lines at any size, not pixels at its stated 120 × 40', async () => {
    const ex = await exhibitionWithPartners();
    await app.ok('partners.setLogo', upload('logo-mml.svg', svg('<circle cx="60" cy="20" r="15" fill="#f2c230"/>')));
    const { path, last } = await exportA5(ex.id);
    // No image of the logo's shape in the file: only the work's photo, on its page.
    expect(pdfImages(path).filter((i) => Math.abs(i.width / i.height - 3) < 0.05)).toEqual([]);
    // Drawn on the cover and on the credits: the logo's colours are on both pages at 150 ppi.
    for (const page of [1, last]) {
      const png = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '150', '-png', path]);
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      let red = 0;
      for (let i = 0; i < data.length; i += info.channels) if (data[i]! === 0x8c && data[i + 1]! === 0x2f && data[i + 2]! === 0x1b) red++;
      expect(red, `page ${page}`).toBeGreaterThan(500);
    }
  });
});
