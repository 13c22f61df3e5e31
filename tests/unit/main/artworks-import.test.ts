import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportReport, type ImportMapping } from '../../../shared/import/schemas';
import { appWithDemoEstablishments, snapshot, type TestApp } from '../../helpers/services';
import { importJob, titledSheet, type ImportJobName } from '../../helpers/import';

let app: TestApp;
let photos: string;
beforeEach(async () => {
  app = await appWithDemoEstablishments();
  // The clerk's folder of photos: two small JPEGs, named as the camera left them.
  photos = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-obras-')), 'fotos');
  fs.mkdirSync(photos);
  for (const [name, r] of [
    ['Obra-01.JPG', 200],
    ['vasija.jpeg', 40],
  ] as const) {
    const jpeg = await sharp({ create: { width: 24, height: 16, channels: 3, background: { r, g: 90, b: 60 } } })
      .jpeg()
      .toBuffer();
    fs.writeFileSync(path.join(photos, name), jpeg);
  }
});
afterEach(async () => {
  await app.close();
  fs.rmSync(path.dirname(photos), { recursive: true, force: true });
});

const HEADERS = [
  'Título de la obra',
  'Artista',
  'E.P.',
  'Técnica',
  'Alto (cm)',
  'Ancho (cm)',
  'Año',
  'Precio S/',
  'Venta',
  'Fecha de recepción',
  'Foto',
];

const xlsx = (rows: unknown[][]) => titledSheet('Obras', ['Registro de obras — InternArte 2026'], rows, 'K1');

const job = (name: ImportJobName, uploadId: string, mapping: ImportMapping, mode: 'create' | 'upsert' = 'create') =>
  importJob(app, name, uploadId, mapping, { mode });

describe('importing artworks, with their photos from a folder', () => {
  it('reports exactly the planted errors by row (a missing photo named), writes nothing, then imports the works and their photos', async () => {
    await app.ok('artworks.create', {
      title: 'Vasija ceremonial',
      artistParticipantId: null,
      artistName: 'Ana Quispe',
      establishmentId: (await app.ok('establishments.list', { pageSize: 100 })).rows.find((e) => e.name === 'E.P. de Huancayo')!.id,
      workshopId: null,
      technique: 'ceramica_alta_temperatura',
      materials: null,
      heightMm: 300,
      widthMm: 200,
      depthMm: null,
      year: 2025,
      priceCentimos: null,
      saleStatus: 'no_a_la_venta',
      notes: null,
    });
    const march = new Date(Date.UTC(2026, 2, 4));
    // Both amount styles, both date styles, three spellings of one establishment.
    const portrait = [
      'Retrato de mi madre',
      'Luis Huamán',
      'E.P. Huancayo',
      'Óleo',
      60,
      '45,5',
      2026,
      'S/ 2,480.50',
      'Disponible',
      '05/03/2026',
      'obra-01',
    ];
    const condor = (photo: string) => [
      'Cóndor',
      'Rosa Ccori',
      'EP HUANCAYO',
      'Tallado',
      30,
      20,
      2025,
      '2.480,50',
      'disponible',
      march,
      photo,
    ];
    const totals = ['TOTAL', '', '', '', '', '', '', 4961, '', '', ''];
    const messy = await xlsx([
      HEADERS, // row 2
      portrait, // 3
      condor('condor.jpg'), // 4: no such photo
      [], // 5: blank
      ['Sin título', '', 'Huancayo', 'Acrílico', 50, 40, '', '', '', '', ''], // 6: no artist
      ['Paisaje', 'Juan Pérez', 'Lurigancho', 'Acuarela', 'abc', 40, 1800, '', '', '31/02/2026', ''], // 7: technique, height, year, date
      ['Paisaje', 'Juan Pérez', 'Lurigancho', 'Dibujo', 20, 30, '', '', 'Vendida', '', ''], // 8: repeated title, sold
      ['Vasija ceremonial', 'Ana Quispe', 'E.P. de Huancayo', 'Cerámica', 30, 20, '', '', '', '', 'VASIJA'], // 9: registered
      totals, // 10
    ]);
    const up = await app.ok('import.inspect', { target: 'artworks', fileName: 'obras.xlsx', dataBase64: messy });
    expect(up.headerRow).toBe(2);
    app.nextFolder.path = photos;
    expect(await app.ok('import.chooseFolder', { uploadId: up.uploadId })).toEqual({ status: 'chosen', folder: 'fotos', files: 2 });
    const mapping = up.suggestedMapping as Record<string, string | null>;
    expect(mapping).toMatchObject({
      title: 'Título de la obra',
      artistName: 'Artista',
      establishment: 'E.P.',
      photo: 'Foto',
      price: 'Precio S/',
    });

    const before = await snapshot(app.db);
    const dry = ImportReport.parse((await job('import.dryRun', up.uploadId, mapping)).result);
    expect(dry.skipped.map((s) => s.row)).toContain(10);
    expect(dry.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [4, 'photo', 'No se encontró la foto «condor.jpg» en la carpeta «fotos».'],
      [6, 'artistName', 'Elija un participante o escriba el nombre del artista (uno de los dos).'],
      [7, 'title', '«Paisaje» se repite en las filas 7 y 8 del archivo.'],
      [7, 'technique', expect.stringContaining('Valor no reconocido')],
      [7, 'height', expect.stringContaining('centímetros')],
      [7, 'year', 'Escriba un año entre 1950 y 2100.'],
      [7, 'receivedOn', 'Escriba una fecha válida (dd/mm/aaaa).'],
      [8, 'title', '«Paisaje» se repite en las filas 7 y 8 del archivo.'],
      [8, 'saleStatus', expect.stringContaining('no se registra como vendida')],
      [9, 'title', expect.stringContaining('Ya está registrada una obra titulada «Vasija ceremonial»')],
    ]);
    expect(dry).toMatchObject({ total: 6, valid: 1, invalid: 5 });
    expect(await snapshot(app.db)).toBe(before);
    expect((await job('import.run', up.uploadId, mapping)).state).toBe('failed');
    expect(await snapshot(app.db)).toBe(before);

    // Corrected, as an update of the registered work too.
    const good = await xlsx([
      HEADERS,
      portrait,
      condor(''),
      ['Vasija ceremonial', 'Otro nombre', 'E.P. de Huancayo', 'Cerámica', 31.5, 20, 2025, '', '', '', 'VASIJA'],
      totals,
    ]);
    const up2 = await app.ok('import.inspect', { target: 'artworks', fileName: 'obras.xlsx', dataBase64: good });
    await app.ok('import.chooseFolder', { uploadId: up2.uploadId });
    const done = await job('import.run', up2.uploadId, mapping, 'upsert');
    expect(done).toMatchObject({ state: 'done', result: { created: 2, updated: 1 } });

    const list = await app.ok('artworks.list', { sort: 'title' });
    expect(
      list.rows.map((a) => [
        a.title,
        a.artistName,
        a.establishmentName,
        a.technique,
        a.heightMm,
        a.widthMm,
        a.priceCentimos,
        a.saleStatus,
        a.photoCount,
      ]),
    ).toEqual([
      ['Cóndor', 'Rosa Ccori', 'E.P. de Huancayo', 'tallado', 300, 200, 248050, 'disponible', 0],
      ['Retrato de mi madre', 'Luis Huamán', 'E.P. de Huancayo', 'pintura_oleo', 600, 455, 248050, 'disponible', 1],
      // The artist stays as recorded; the measures and the photo come from the file.
      ['Vasija ceremonial', 'Ana Quispe', 'E.P. de Huancayo', 'ceramica_alta_temperatura', 315, 200, null, 'no_a_la_venta', 1],
    ]);
    // No consent comes with an import: the works wait for the artist's.
    expect(list.rows.every((a) => !a.consent.recorded)).toBe(true);
    const retrato = list.rows.find((a) => a.title === 'Retrato de mi madre')!;
    const shots = await app.ok('artworks.photos', { id: retrato.id });
    expect(shots.map((p) => [p.originalName, p.isPrimary, p.width])).toEqual([['Obra-01.JPG', true, 24]]);
    // Received on the day the sheet says (dd/mm/aaaa), never day and month swapped.
    const custody = (await app.db('artwork_custody').where({ artwork_id: retrato.id })) as Array<{ date: string }>;
    expect(custody.map((c) => c.date)).toEqual(['2026-03-05']);
  });
});
