import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogData } from '../../../electron/main/internarte/outputs';
import { appWithLurigancho, type TestApp } from '../../helpers/services';
import { addPhoto, createArtwork, createExhibition, exhibitionUpdate, recordConsent } from '../../helpers/internarte';

/**
 * Consent enforcement in main: what the catalog, the wall labels and the exported
 * checklist may show of each work, read at the moment each output is made.
 */

let app: TestApp;
let est: number;

beforeEach(async () => {
  ({ app, est } = await appWithLurigancho());
});
afterEach(() => app.close());

const data = (exhibitionId: number, purpose: 'catalog' | 'labels', lang: 'es-PE' | 'en' = 'es-PE') =>
  catalogData(app.db, app.platform.paths, exhibitionId, purpose, lang);

async function exhibitionWith(...artworkIds: number[]) {
  const ex = await createExhibition(app);
  await app.ok('exhibitions.addWorks', { exhibitionId: ex.id, artworkIds });
  return ex.id;
}

describe('catalogData', () => {
  it('leaves out a work without catalog consent from the catalog, and one without exhibit consent from the labels', async () => {
    const full = await createArtwork(app, est, { title: 'Vasija con todo permitido' });
    const noCatalog = await createArtwork(app, est, { title: 'Retablo sin catálogo' });
    const none = await createArtwork(app, est, { title: 'Obra sin consentimiento' });
    await recordConsent(app, full.id);
    await recordConsent(app, noCatalog.id, { mayCatalog: false });
    const id = await exhibitionWith(full.id, noCatalog.id, none.id);

    const catalog = await data(id, 'catalog');
    expect(catalog.works.map((w) => w.title)).toEqual(['Vasija con todo permitido']);
    const labels = await data(id, 'labels');
    expect(labels.works.map((w) => w.title)).toEqual(['Vasija con todo permitido', 'Retablo sin catálogo']);
    expect(JSON.stringify(catalog)).not.toContain('Obra sin consentimiento');
  });

  it('names the artist as consent allows and never leaks the real name behind a pseudonym, initials or anonymity', async () => {
    const real = 'José Luis Quispe Mamani';
    const pseudo = await createArtwork(app, est, { title: 'Cóndor', artistName: real });
    const initials = await createArtwork(app, est, { title: 'Cántaro', artistName: 'Ñusta Huamán de la Cruz' });
    const anon = await createArtwork(app, est, { title: 'Tejido', artistName: 'María Quispe' });
    const named = await createArtwork(app, est, { title: 'Puma', artistName: 'Rosa Condori' });
    for (const a of [pseudo, initials, anon, named]) await addPhoto(app, a.id);
    await recordConsent(app, pseudo.id, { naming: 'seudonimo', pseudonym: 'El Cóndor Andino' });
    await recordConsent(app, initials.id, { naming: 'iniciales' });
    await recordConsent(app, anon.id, { naming: 'anonimo' });
    await recordConsent(app, named.id);
    const id = await exhibitionWith(pseudo.id, initials.id, anon.id, named.id);

    for (const purpose of ['catalog', 'labels'] as const) {
      for (const lang of ['es-PE', 'en'] as const) {
        const out = await data(id, purpose, lang);
        const labels = Object.fromEntries(out.works.map((w) => [w.title, [w.artistLabel, w.anonymous, w.image?.alt]]));
        expect(labels['Cóndor']).toEqual(['El Cóndor Andino', false, expect.stringContaining('El Cóndor Andino')]);
        expect(labels['Cántaro']?.[0]).toBe('Ñ. H. C.');
        expect(labels['Tejido']?.slice(0, 2)).toEqual([lang === 'en' ? 'Anonymous' : 'Anónimo', true]);
        expect(labels['Puma']?.[0]).toBe('Rosa Condori');
        // Not in any field, the alt texts and the cover included.
        const text = JSON.stringify(out);
        for (const hidden of ['José', 'Quispe', 'Mamani', 'Ñusta', 'Huamán', 'María']) expect(text).not.toContain(hidden);
      }
    }
  });

  it('gives the image only with photo consent and the price only with sale consent', async () => {
    const a = await createArtwork(app, est, { title: 'Con foto y venta', priceCentimos: 120000, saleStatus: 'disponible' });
    const b = await createArtwork(app, est, { title: 'Sin foto ni venta', priceCentimos: 90000, saleStatus: 'disponible' });
    await addPhoto(app, a.id);
    await addPhoto(app, b.id, '#35b');
    await recordConsent(app, a.id);
    await recordConsent(app, b.id, { mayPhotograph: false, maySell: false });
    const out = await data(await exhibitionWith(a.id, b.id), 'catalog');
    const [withAll, without] = out.works;
    expect(withAll).toMatchObject({ priceCentimos: 120000, image: { width: 60, height: 80 } });
    expect(fs.existsSync(withAll!.image!.path)).toBe(true);
    expect(without).toMatchObject({ image: null, priceCentimos: null });
    expect(out.exhibition.cover?.path).toBe(withAll!.image!.path);
  });

  it('applies a revocation to the next output made after it', async () => {
    const a = await createArtwork(app, est, { title: 'Retirada por su autor' });
    await addPhoto(app, a.id);
    await recordConsent(app, a.id, { naming: 'seudonimo', pseudonym: 'Wayra' });
    const id = await exhibitionWith(a.id);
    expect((await data(id, 'catalog')).works).toHaveLength(1);

    await app.ok('artworks.revokeConsent', { artworkId: a.id, date: '2026-11-20', notes: 'El autor retira su autorización' });
    const after = await data(id, 'catalog');
    expect(after.works).toHaveLength(0);
    expect(after.exhibition.cover).toBeNull();
    expect((await data(id, 'labels')).works).toHaveLength(0);
    // The history keeps both entries; the latest decides.
    const history = await app.ok('artworks.consents', { id: a.id });
    expect(history.map((h) => h.revocation)).toEqual([true, false]);
  });

  it('keeps the checklist order, numbers and sections by the exhibition’s mode', async () => {
    const a = await createArtwork(app, est, { title: 'Primera', technique: 'pintura_oleo' });
    const b = await createArtwork(app, est, { title: 'Segunda', technique: 'retablo' });
    for (const w of [a, b]) await recordConsent(app, w.id);
    const id = await exhibitionWith(a.id, b.id);
    await app.ok('exhibitions.moveWork', { exhibitionId: id, artworkId: b.id, direction: 'up' });
    await app.ok('exhibitions.updateWork', { exhibitionId: id, artworkId: a.id, catalogNumber: '7', section: 'Sala 2' });
    const ex = await app.ok('exhibitions.get', { id });
    await app.ok('exhibitions.update', exhibitionUpdate(ex, { sectionMode: 'tecnica' }));
    const out = await data(id, 'catalog');
    expect(out.works.map((w) => [w.catalogNumber, w.title, w.section])).toEqual([
      ['2', 'Segunda', 'Retablo'],
      ['7', 'Primera', 'Pintura al óleo'],
    ]);
    await app.ok('exhibitions.update', exhibitionUpdate(ex, { version: ex.version + 1, sectionMode: 'libre' }));
    expect((await data(id, 'labels')).works.map((w) => w.section)).toEqual([null, 'Sala 2']);
  });
});

describe('the checklist export', () => {
  it('holds only works that may be exhibited, with the artist as consent allows', async () => {
    const a = await createArtwork(app, est, { title: 'Exhibible', artistName: 'Juan Pérez Rojas' });
    const b = await createArtwork(app, est, { title: 'Solo catálogo', artistName: 'Ana Torres' });
    await recordConsent(app, a.id, { naming: 'iniciales', maySell: false });
    await recordConsent(app, b.id, { mayExhibit: false });
    const id = await exhibitionWith(a.id, b.id);
    const saved = await app.ok('exhibitions.exportChecklist', { exhibitionId: id, format: 'xlsx' });
    if (saved.status !== 'saved') throw new Error('not saved');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved.path);
    const sheet = wb.worksheets[0]!;
    const cells = sheet.getSheetValues().flat().map(String).join('|');
    expect(cells).toContain('Exhibible');
    expect(cells).toContain('J. P. R.');
    expect(cells).not.toContain('Solo catálogo');
    expect(cells).not.toContain('Juan');
    expect(cells).not.toContain('Ana Torres');
    expect(sheet.rowCount).toBe(2);
  });
});
