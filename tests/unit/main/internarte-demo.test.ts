import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { artworkImage, seedArtworksForBench } from '../../../electron/main/internarte/demo';
import { catalogData } from '../../../electron/main/internarte/outputs';
import { testApp, validEstablishment, type TestApp } from '../../helpers/services';

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
});
afterEach(() => app.close());

describe('InternArte demonstration data', () => {
  it('loads works with photos, consents of every kind and the exhibition at the Riva-Agüero museum', async () => {
    await app.ok('demo.load', {});
    const works = await app.ok('artworks.list', { pageSize: 50 });
    expect(works.total).toBe(20);
    expect(works.rows.every((w) => w.photoCount === 1 && w.thumbnail?.startsWith('data:image/jpeg'))).toBe(true);
    const namings = new Set(works.rows.filter((w) => w.consent.recorded).map((w) => w.consent.naming));
    expect(namings).toEqual(new Set(['nombre_completo', 'iniciales', 'seudonimo', 'anonimo']));
    expect(works.rows.some((w) => !w.consent.recorded)).toBe(true);
    expect(works.rows.some((w) => w.artistParticipantId !== null)).toBe(true);

    const exhibitions = await app.ok('exhibitions.list', {});
    expect(exhibitions.rows).toMatchObject([{ title: 'InternArte: otra forma de libertad', workCount: 16 }]);
    const ex = exhibitions.rows[0]!;
    expect(ex.partners.map((p) => p.name)).toContain('Museo de Artes y Tradiciones Populares — Instituto Riva-Agüero (PUCP)');
    expect(ex.openLoans).toBeGreaterThan(0);
    const summary = await app.ok('artworks.summary', {});
    expect(summary).toMatchObject({ works: 20, exhibitionsRunning: 1, onLoan: ex.openLoans });
    // "Sin consentimiento" counts the same works on the dashboard and in the list's filter (none recorded, or revoked).
    expect((await app.ok('artworks.list', { consent: 'sin_consentimiento' })).total).toBe(summary.withoutConsent);
    expect(summary.withoutConsent).toBe(4);

    // The catalog leaves out what consent withholds; the revoked work is out.
    const catalog = await catalogData(app.db, app.platform.paths, ex.id, 'catalog', 'es-PE');
    expect(catalog.works.length).toBeGreaterThan(5);
    expect(catalog.works.length).toBeLessThan(16);
    expect(catalog.works.map((w) => w.artistLabel)).toContain('Wayra');
  });
});

describe('seedArtworksForBench', () => {
  it('creates N works with the given photo, all consented, on one exhibition’s checklist', async () => {
    await app.ok('establishments.create', validEstablishment({ code: 'EP-B-01', name: 'E.P. Bench' }));
    const img = path.join(app.dir, 'obra.jpg');
    fs.writeFileSync(img, await artworkImage({ colors: ['#345', '#eee'], shape: 'vessel', title: 'x' }, 240, 300));
    const { exhibitionId, artworkIds } = await app.db.transaction((trx) =>
      seedArtworksForBench(trx, app.platform.paths, { count: 12, imagePath: img }),
    );
    expect(artworkIds).toHaveLength(12);
    const catalog = await catalogData(app.db, app.platform.paths, exhibitionId, 'catalog', 'es-PE');
    expect(catalog.works).toHaveLength(12);
    expect(catalog.works.every((w) => w.image?.width === 240 && w.image.height === 300)).toBe(true);
  });
});
