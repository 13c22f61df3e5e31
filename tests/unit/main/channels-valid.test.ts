import fs from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, type ChannelName } from '../../../shared/channels';
import { snapshot, validEstablishment } from '../../helpers/services';
import { refusedOnThisPc } from './office-channel-cases';
import { siteRefusedOnServer } from './site-channel-cases';
import { onPostgres } from '../../helpers/pg';
import { type Case, saved } from '../../helpers/channel-cases';
import { filePrinter } from '../../helpers/file-printer';
import { app, closeApp, domainValid, openApp, seeded, viewState } from './channels-setup';

/**
 * Every channel of the contract, called through the same pipeline the window uses, once with
 * valid input (its invalid inputs: channels.test.ts).
 */

const printer = filePrinter();

/** An instrument registered in the central warehouse, for the inventory channels. */
async function instrument(code = 'INS-0001', establishmentId: number | null = null) {
  return app.ok('instruments.create', {
    code,
    typeId: 1,
    costCentimos: 125000,
    funding: 'presupuesto_inpe',
    condition: 'bueno',
    altaDate: '2026-03-01',
    establishmentId,
  });
}
async function openStocktake() {
  return app.ok('stocktakes.open', { establishmentId: seeded.id });
}
const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#b33' } })
    .png()
    .toBuffer();

/** A small establishments CSV inspected for import: its uploadId and a mapping that fits it. */
const importCsv = 'Código;Nombre;Oficina regional;Población;Ciudad\nEP-IMP-01;E.P. Importado;Oriente;Varones;Huánuco\n';
const importMapping = { code: 'Código', name: 'Nombre', regionalOffice: 'Oficina regional', population: 'Población', city: 'Ciudad' };
async function importUpload() {
  const dataBase64 = Buffer.from(importCsv, 'utf8').toString('base64');
  return (await app.ok('import.inspect', { target: 'establishments', fileName: 'e.csv', dataBase64 })).uploadId;
}
async function importJob(kind: 'import.dryRun' | 'import.run' = 'import.dryRun') {
  return (await app.ok(kind, { uploadId: await importUpload(), mapping: importMapping, mode: 'create' })).jobId;
}

/** In the PostgreSQL tier: channels office mode refuses (the server's backups are made by whoever runs the server). */
const refusedOnServer = {
  'backups.create': { destination: 'local' },
  'backups.restore': { source: { kind: 'local', name: 'arteinpe-20260101-000000-manual' }, confirm: true },
  ...siteRefusedOnServer,
};

const valid: { [K in ChannelName]: Case } = {
  ...domainValid,
  'search.global': { input: () => ({ q: 'E.P. Base' }), check: (d) => expect(d).toEqual({ groups: [] }) },
  'instrumentTypes.list': { input: () => ({}), check: (d) => expect((d as unknown[]).length).toBeGreaterThan(50) },
  'instrumentTypes.create': {
    input: () => ({ name: 'Cuatro venezolano', family: 'cuerdas_pulsadas' }),
    check: (d) => expect(d).toMatchObject({ name: 'Cuatro venezolano', active: true, instrumentCount: 0 }),
  },
  'instrumentTypes.update': {
    input: async () => {
      const [first] = await app.ok('instrumentTypes.list', {});
      return { id: first!.id, version: first!.version, name: `${first!.name} (sinfónico)`, family: first!.family, active: false };
    },
    check: (d) => expect(d).toMatchObject({ active: false, version: 2 }),
  },
  'instruments.list': { input: async () => (await instrument(), {}), check: (d) => expect(d).toMatchObject({ total: 1 }) },
  'instruments.get': {
    input: async () => ({ id: (await instrument()).id }),
    check: (d) => expect(d).toMatchObject({ status: 'en_almacen' }),
  },
  'instruments.history': {
    input: async () => ({ id: (await instrument('INS-0002', seeded.id)).id }),
    check: (d) => expect((d as Array<{ kind: string }>).map((m) => m.kind)).toEqual(['asignacion', 'alta']),
  },
  'instruments.donations': { input: () => ({}), check: (d) => expect(d).toEqual([]) },
  'instruments.create': {
    input: () => ({ code: 'ins-9', typeId: 2, costCentimos: 0, funding: 'donacion', condition: 'nuevo', altaDate: '2026-01-15' }),
    check: (d) => expect(d).toMatchObject({ code: 'INS-9', status: 'en_almacen', condition: 'nuevo', movementCount: 1 }),
  },
  'instruments.update': {
    input: async () => {
      const i = await instrument();
      return { id: i.id, version: i.version, code: i.code, typeId: i.typeId, costCentimos: 99900, funding: 'aliado', brand: 'Yamaha' };
    },
    check: (d) => expect(d).toMatchObject({ brand: 'Yamaha', costCentimos: 99900, funding: 'aliado' }),
  },
  'instruments.move': {
    input: async () => ({
      instrumentIds: [(await instrument()).id],
      movement: { kind: 'asignacion', toEstablishmentId: seeded.id, date: '2026-03-02' },
    }),
    check: (d) => expect(d).toMatchObject({ count: 1 }),
  },
  'instruments.export': {
    input: async () => (await instrument(), { filter: {}, format: 'csv', reason: 'Inventario anual para la auditoría' }),
    check: saved,
  },
  'instruments.photos': { input: async () => ({ id: (await instrument()).id }), check: (d) => expect(d).toEqual([]) },
  'inventory.settings': { input: () => ({}), check: (d) => expect(d).toEqual({ codeMask: '' }) },
  'inventory.setSettings': {
    input: () => ({ codeMask: 'inpe-9999-999999' }),
    check: (d) => expect(d).toEqual({ codeMask: 'INPE-9999-999999' }),
  },
  'instruments.addPhoto': {
    input: async () => ({ id: (await instrument()).id, fileName: 'violin.png', dataBase64: (await png()).toString('base64') }),
    check: (d) => expect(d).toMatchObject([{ originalName: 'violin.png', isPrimary: true, width: 40, height: 30 }]),
  },
  'instruments.setPrimaryPhoto': {
    input: async () => {
      const i = await instrument();
      const [p] = await app.ok('instruments.addPhoto', { id: i.id, fileName: 'a.png', dataBase64: (await png()).toString('base64') });
      return { id: i.id, hash: p!.hash };
    },
    check: (d) => expect(d).toMatchObject([{ isPrimary: true }]),
  },
  'instruments.removePhoto': {
    input: async () => {
      const i = await instrument();
      const [p] = await app.ok('instruments.addPhoto', { id: i.id, fileName: 'a.png', dataBase64: (await png()).toString('base64') });
      return { id: i.id, hash: p!.hash };
    },
    check: (d) => expect(d).toEqual([]),
  },
  'stocktakes.list': { input: async () => (await openStocktake(), {}), check: (d) => expect(d).toHaveLength(1) },
  'stocktakes.open': { input: () => ({ establishmentId: seeded.id }), check: (d) => expect(d).toMatchObject({ status: 'abierto' }) },
  'stocktakes.get': { input: async () => ({ id: (await openStocktake()).id }), check: (d) => expect(d).toMatchObject({ expected: 0 }) },
  'stocktakes.count': {
    input: async () => ({ id: (await openStocktake()).id, code: 'no-existe-1' }),
    check: (d) => expect(d).toMatchObject({ result: 'unknown', line: { code: 'NO-EXISTE-1' } }),
  },
  'stocktakes.uncount': {
    input: async () => {
      const s = await openStocktake();
      await app.ok('stocktakes.count', { id: s.id, code: 'X-1' });
      return { id: s.id, code: 'X-1' };
    },
    check: (d) => expect(d).toEqual({ removed: true }),
  },
  'stocktakes.close': {
    input: async () => ({ id: (await openStocktake()).id, actaNumber: 'ACTA-1', date: '2026-11-20', confirm: true }),
    check: (d) => expect(d).toMatchObject({ stocktake: { status: 'cerrado' }, movements: 0 }),
  },
  'stocktakes.acta': { input: async () => ({ id: (await openStocktake()).id }), check: saved },
  'consumables.items': { input: () => ({}), check: (d) => expect((d as unknown[]).length).toBeGreaterThan(5) },
  'consumables.createItem': {
    input: () => ({ name: 'Parche de timbal', unit: 'unidad', category: 'musica' }),
    check: (d) => expect(d).toMatchObject({ active: true, category: 'musica' }),
  },
  'consumables.stock': { input: () => ({}), check: (d) => expect(d).toEqual([]) },
  'consumables.move': {
    input: () => ({ itemId: 1, establishmentId: seeded.id, kind: 'ingreso', quantity: 12, date: '2026-11-01' }),
    check: (d) => expect(d).toMatchObject({ stock: 12, low: false }),
  },
  'consumables.setMinimum': {
    input: () => ({ itemId: 1, establishmentId: seeded.id, minimum: 5 }),
    check: (d) => expect(d).toMatchObject({ stock: 0, minimum: 5, low: true }),
  },
  'inventory.summary': {
    input: async () => (await instrument(), {}),
    check: (d) => expect(d).toMatchObject({ totalInstruments: 1, totalValueCentimos: 125000 }),
  },
  'inventory.labels': { input: async () => ({ instrumentIds: [(await instrument()).id], symbology: 'qr' }), check: saved },
  'inventory.reportByEstablishment': {
    input: async () => (await instrument('INS-7', seeded.id), { establishmentId: seeded.id, format: 'xlsx' }),
    check: saved,
  },
  'inventory.reportByCondition': { input: () => ({ format: 'xlsx' }), check: saved },
  'inventory.reportMovements': { input: () => ({ from: '2026-01-01', to: '2026-12-31' }), check: saved },
  'app.info': { input: () => ({}), check: (d) => expect(d).toMatchObject({ locale: 'es-PE', empty: false, demo: false }) },
  'app.setLocale': { input: () => ({ locale: 'en' }), check: () => expect(app.session.locale).toBe('en') },
  'demo.load': {
    // demo.load needs an empty database: remove the seeded row first.
    input: () => ({}),
  },
  'dashboard.summary': { input: () => ({}), check: (d) => expect(d).toMatchObject({ regionalOffices: 8, establishments: 1 }) },
  'dashboard.charts': {
    input: () => ({}),
    check: (d) => expect(d).toMatchObject({ instruments: { total: 0 }, attendance: expect.any(Array) }),
  },
  'files.showInFolder': { input: () => ({ path: '' }) },
  'app.reportError': { input: () => ({ source: 'error', message: 'x is undefined', stack: '' }) },
  'regionalOffices.list': { input: () => ({}), check: (d) => expect(d).toHaveLength(8) },
  'establishments.list': {
    input: () => ({ search: 'base' }),
    check: (d) => expect(d).toMatchObject({ total: 1, page: 1, pageSize: 25 }),
  },
  'establishments.get': { input: () => ({ id: seeded.id }), check: (d) => expect(d).toMatchObject({ code: 'EP-BASE-01' }) },
  'establishments.create': {
    input: () => validEstablishment(),
    check: (d) => expect(d).toMatchObject({ code: 'EP-TST-01', active: true, version: 1 }),
  },
  'establishments.update': {
    input: () => ({ ...validEstablishment({ code: 'EP-BASE-01', name: 'E.P. Base renombrado' }), ...seeded }),
    check: (d) => expect(d).toMatchObject({ name: 'E.P. Base renombrado', version: 2 }),
  },
  'establishments.setActive': {
    input: () => ({ ...seeded, active: false }),
    check: (d) => expect(d).toMatchObject({ active: false, version: 2 }),
  },
  'establishments.delete': { input: () => ({ id: seeded.id }), check: (d) => expect(d).toEqual({ deleted: true }) },
  'establishments.export': {
    input: () => ({ filter: {}, format: 'xlsx' }),
    check: (d) => {
      const r = d as { status: string; path: string; rows: number };
      expect(r.status).toBe('saved');
      expect(r.rows).toBe(1);
      expect(fs.existsSync(r.path)).toBe(true);
    },
  },
  'jobs.status': {
    input: async () => ({ id: await importJob() }),
    check: async (d) => {
      expect(d).toMatchObject({ kind: 'import.dryRun', state: expect.stringMatching(/running|done/) });
      expect(await app.jobs.wait((d as { id: string }).id)).toMatchObject({ state: 'done' });
    },
  },
  'jobs.cancel': {
    input: async () => ({ id: await importJob('import.run') }),
    check: async (d) => {
      const s = await app.jobs.wait((d as { id: string }).id);
      expect(s!.state).toMatch(/cancelled|done/);
    },
  },
  'import.inspect': {
    input: () => ({ target: 'establishments', fileName: 'e.csv', dataBase64: Buffer.from(importCsv).toString('base64') }),
    check: (d) => expect(d).toMatchObject({ rowCount: 1, headers: Object.values(importMapping), suggestedMapping: importMapping }),
  },
  'import.dryRun': {
    input: async () => ({ uploadId: await importUpload(), mapping: importMapping, mode: 'create' }),
    check: async (d) => {
      const s = await app.jobs.wait((d as { jobId: string }).jobId);
      expect(s).toMatchObject({ state: 'done', result: { total: 1, valid: 1, toCreate: 1, errors: [] } });
    },
  },
  'import.chooseFolder': {
    // The test platform's dialog answers its next folder (a fresh one, still empty).
    input: async () => {
      fs.mkdirSync(app.nextFolder.path!, { recursive: true });
      return { uploadId: await importUpload() };
    },
    check: (d) => expect(d).toEqual({ status: 'chosen', folder: 'usb', files: expect.any(Number) }),
  },
  'import.run': {
    input: async () => ({ uploadId: await importUpload(), mapping: importMapping, mode: 'upsert' }),
    check: async (d) => {
      const s = await app.jobs.wait((d as { jobId: string }).jobId);
      expect(s).toMatchObject({ state: 'done', result: { total: 1, created: 1, updated: 0 } });
    },
  },
  'lists.views': { input: () => ({ list: 'instruments.list' }), check: (d) => expect(d).toEqual([]) },
  'lists.saveView': {
    input: () => ({ list: 'instruments.list', name: 'Violines en mal estado', state: viewState }),
    check: (d) => expect(d).toEqual([{ id: expect.any(Number), name: 'Violines en mal estado', state: viewState }]),
  },
  'lists.export': {
    input: () => ({ list: 'regionalOffices.list', query: {}, format: 'csv' }),
    check: (d) => {
      const r = d as { status: string; path: string; rows: number };
      expect(r).toMatchObject({ status: 'saved', rows: 8 });
      expect(fs.readFileSync(r.path, 'utf8')).toContain('Oficina regional');
    },
  },
  'lists.removeView': {
    input: async () => {
      const [v] = await app.ok('lists.saveView', { list: 'workshops.list', name: 'Talleres de Lima', state: viewState });
      return { list: 'workshops.list', id: v!.id };
    },
    check: (d) => expect(d).toEqual([]),
  },
  'import.template': {
    input: () => ({ target: 'establishments', format: 'xlsx' }),
    check: (d) => {
      const r = d as { status: string; path: string; rows: number };
      expect(r.status).toBe('saved');
      expect(r.rows).toBe(2);
      expect(fs.existsSync(r.path)).toBe(true);
    },
  },
};

describe('every channel with valid input', () => {
  beforeEach(() => openApp(printer));
  afterEach(closeApp);
  for (const name of channelNames) {
    it(`${name} answers ok`, async () => {
      if (onPostgres() && name in refusedOnServer) {
        // Office mode refuses these by design, in Spanish, changing nothing.
        const before = await snapshot(app.db);
        const r = await app.call(name, refusedOnServer[name as keyof typeof refusedOnServer] as never);
        expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('servidor de la oficina') } });
        expect(await snapshot(app.db)).toBe(before);
        return;
      }
      if (!onPostgres() && name in refusedOnThisPc) {
        // "Este equipo" refuses what only the office server shares, in Spanish, changing nothing.
        const before = await snapshot(app.db);
        const r = await app.call(name, refusedOnThisPc[name as keyof typeof refusedOnThisPc] as never);
        expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('servidor de la oficina') } });
        expect(await snapshot(app.db)).toBe(before);
        return;
      }
      if (name === 'demo.load') await app.ok('establishments.delete', { id: seeded.id });
      let input = await valid[name].input();
      if (name === 'files.showInFolder') {
        const exported = await app.ok('establishments.export', { filter: {}, format: 'csv' });
        if (exported.status !== 'saved') throw new Error('export cancelled');
        input = { path: exported.path };
      }
      const r = await app.call(name, input as never);
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
      if (r.ok) await valid[name].check?.(r.data);
    });
  }
});
