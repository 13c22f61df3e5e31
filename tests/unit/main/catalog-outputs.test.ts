import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogExportDone } from '../../../shared/internarte/catalog-schemas';
import { appWithLurigancho, snapshot, type TestApp } from '../../helpers/services';
import { addPhoto, createArtwork, createExhibition, recordConsent, signedForm } from '../../helpers/internarte';
import { pdfImages, pdfInfo, poppler } from '../../helpers/catalog';

/**
 * The catalog and the wall labels end to end, through the channels the window calls:
 * main reads consent at the moment of each output (internarte/outputs.ts) and the PDF
 * shows nothing beyond it, in its text, its images or its metadata.
 */

let app: TestApp;
let est: number;

beforeEach(async () => {
  ({ app, est } = await appWithLurigancho());
});
afterEach(() => app.close());

const REAL_NAME = 'José Luis Quispe Mamani';

/** Four works: all allowed; a pseudonym; exhibit-only (no catalog); none at all. */
async function exhibition() {
  const full = await createArtwork(app, est, { title: 'Vasija ceremonial de Ñaña', artistName: 'Rosa Condori Ñique' });
  const pseudo = await createArtwork(app, est, { title: 'Cóndor en vuelo', artistName: REAL_NAME });
  const exhibitOnly = await createArtwork(app, est, { title: 'Retablo sin catálogo', artistName: 'Pedro Huamán' });
  const none = await createArtwork(app, est, { title: 'Obra sin consentimiento', artistName: 'Juana Ríos' });
  for (const a of [full, pseudo, exhibitOnly, none]) await addPhoto(app, a.id);
  await recordConsent(app, full.id);
  await recordConsent(app, pseudo.id, { naming: 'seudonimo', pseudonym: 'El Cóndor Andino' });
  await recordConsent(app, exhibitOnly.id, { mayCatalog: false });
  const ex = await createExhibition(app, { presentation: '¿Qué es la libertad? ¡Esta muestra responde!' });
  await app.ok('exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: [full.id, pseudo.id, exhibitOnly.id, none.id] });
  return { exhibitionId: ex.id, full, pseudo, exhibitOnly, none };
}

async function exportCatalog(exhibitionId: number) {
  const started = await app.ok('catalog.export', { exhibitionId, pageSize: 'A4', layout: 'one', lang: 'es-PE' });
  if (started.status !== 'started') throw new Error('save dialog cancelled');
  const status = await app.jobs.wait(started.jobId);
  expect(status?.state, JSON.stringify(status?.error)).toBe('done');
  return CatalogExportDone.parse(status!.result);
}

const text = (file: string) => poppler('pdftotext', file, '-');
const metadata = (file: string) => poppler('pdfinfo', file);

describe('catalog.export', () => {
  it('prints only the works with catalog consent, the pseudonym and never the real name (text, metadata)', async () => {
    const { exhibitionId } = await exhibition();
    const done = await exportCatalog(exhibitionId);
    expect(done).toMatchObject({ status: 'saved', works: 2, images: 2 });
    expect(fs.existsSync(done.path)).toBe(true);
    const body = text(done.path);
    expect(body).toContain('Vasija ceremonial de Ñaña');
    expect(body).toContain('Rosa Condori Ñique');
    expect(body).toContain('Cóndor en vuelo');
    expect(body).toContain('El Cóndor Andino');
    expect(body).toContain('¿Qué es la libertad? ¡Esta muestra responde!');
    expect(body).toContain('E.P. de Lurigancho');
    expect(body).not.toContain('Retablo sin catálogo');
    expect(body).not.toContain('Obra sin consentimiento');
    for (const hidden of ['José', 'Quispe', 'Mamani', 'Pedro Huamán', 'Juana']) {
      expect(body).not.toContain(hidden);
      expect(metadata(done.path)).not.toContain(hidden);
    }
    expect(pdfInfo(done.path)['Title']).toBe('InternArte: otra forma de libertad');
    // The cover and the two works' photos; none of the works without consent.
    expect(pdfImages(done.path)).toHaveLength(3);
    // The job said where the file went, and the session may show it in its folder.
    expect(await app.call('files.showInFolder', { path: done.path })).toMatchObject({ ok: true });
  });

  it('a revocation applies to the next catalog', async () => {
    const { exhibitionId, full } = await exhibition();
    expect(text((await exportCatalog(exhibitionId)).path)).toContain('Vasija ceremonial de Ñaña');
    await app.ok('artworks.revokeConsent', { artworkId: full.id, date: '2026-11-20', document: signedForm() });
    const after = await exportCatalog(exhibitionId);
    expect(after.works).toBe(1);
    expect(text(after.path)).not.toContain('Vasija ceremonial de Ñaña');
    expect(text(after.path)).not.toContain('Rosa Condori');
  });

  it('a cancelled save dialog starts nothing and writes nothing', async () => {
    const { exhibitionId } = await exhibition();
    app.nextSave.cancel = true;
    expect(await app.ok('catalog.export', { exhibitionId })).toEqual({ status: 'cancelled' });
    expect(fs.readdirSync(app.exportDir)).toEqual([]);
  });

  it('a cancelled job leaves no file', async () => {
    const { exhibitionId } = await exhibition();
    const started = await app.ok('catalog.export', { exhibitionId });
    if (started.status !== 'started') throw new Error('not started');
    app.jobs.cancel(started.jobId);
    expect((await app.jobs.wait(started.jobId))?.state).toBe('cancelled');
    expect(fs.readdirSync(app.exportDir)).toEqual([]);
  });

  it('refuses an exhibition without publishable works, and an unknown one, changing nothing', async () => {
    const none = await createArtwork(app, est, { title: 'Sin permiso' });
    const ex = await createExhibition(app);
    await app.ok('exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: [none.id] });
    const before = await snapshot(app.db);
    const r = await app.call('catalog.export', { exhibitionId: ex.id });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('no tiene obras con consentimiento') },
    });
    expect(await app.call('catalog.labels', { exhibitionId: ex.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await app.call('catalog.export', { exhibitionId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await snapshot(app.db)).toBe(before);
    expect(fs.readdirSync(app.exportDir)).toEqual([]);
  });
});

describe('catalog.preview', () => {
  it('shows the first pages with inline images, only what consent allows', async () => {
    const { exhibitionId } = await exhibition();
    const p = await app.ok('catalog.preview', { exhibitionId, pageSize: 'A5', layout: 'two', lang: 'es-PE' });
    expect(p).toMatchObject({ worksShown: 2, worksTotal: 2, worksWithoutImage: 0 });
    expect(p.html).toContain('Vasija ceremonial de Ñaña');
    expect(p.html).toContain('El Cóndor Andino');
    expect(p.html).toMatch(/<img src="data:image\/jpeg;base64,/);
    expect(p.html).not.toMatch(/src="(?!data:)/);
    for (const hidden of ['Retablo sin catálogo', 'Obra sin consentimiento', 'Quispe', 'Mamani']) expect(p.html).not.toContain(hidden);
  });
});

describe('catalog.labels', () => {
  it('gives a label to every work allowed to be exhibited, catalog or not', async () => {
    const { exhibitionId } = await exhibition();
    const saved = await app.ok('catalog.labels', { exhibitionId, lang: 'es-PE' });
    if (saved.status !== 'saved') throw new Error('cancelled');
    expect(saved.rows).toBe(3);
    expect(saved.path).toMatch(/cartelas-internarte-otra-forma-de-libertad-\d{4}-\d{2}-\d{2}\.pdf$/);
    const body = text(saved.path);
    expect(body).toContain('Retablo sin catálogo');
    expect(body).toContain('El Cóndor Andino');
    expect(body).not.toContain('Obra sin consentimiento');
    expect(body).not.toContain('Quispe');
    expect(pdfInfo(saved.path)['Page size']).toContain('(A4)');
  });
});
