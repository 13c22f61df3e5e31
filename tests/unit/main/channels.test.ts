import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, type ChannelName } from '../../../shared/channels';
import { snapshot, testApp, validEstablishment, type TestApp } from '../../helpers/services';
import { programmeCases } from './programme-channel-cases';
import { contractChannelCases } from './contracts-channel-cases';
import { authChannelCases } from './auth-channel-cases';
import { internarteCases } from './internarte-channel-cases';
import { catalogCases } from './catalog-channel-cases';
import { custodyCases } from './custody-channel-cases';
import { workshopTeacherCases } from './workshop-teacher-channel-cases';
import { initiativeCases } from './initiative-channel-cases';
import { populationCases } from './population-channel-cases';
import { expenseCases } from './expenses-channel-cases';
import { notificationCases } from './notification-channel-cases';
import { paperCases } from './paper-channel-cases';
import { evaluationCases } from './evaluation-channel-cases';
import { officeCases, refusedOnThisPc } from './office-channel-cases';
import { siteCases, siteRefusedOnServer } from './site-channel-cases';
import { onPostgres } from '../../helpers/pg';
import { type Case, saved } from '../../helpers/channel-cases';
import { filePrinter } from '../../helpers/file-printer';

/**
 * Every channel of the contract, called through the same pipeline the window uses,
 * once with valid input and with several invalid ones. An invalid call must answer a
 * Spanish message and leave every table exactly as it was.
 */

let app: TestApp;
let seeded: { id: number; version: number };
const printer = filePrinter();

/** A fresh app with one establishment: for each case that writes (beforeEach), or for a describe of cases that must change nothing (beforeAll). */
async function openApp() {
  app = await testApp({ printer });
  const e = await app.ok('establishments.create', validEstablishment({ code: 'EP-BASE-01', name: 'E.P. Base' }));
  seeded = { id: e.id, version: e.version };
}
const closeApp = () => app.close();
const contractCases = contractChannelCases(() => ({ app, establishmentId: seeded.id }));
const authCases = authChannelCases(() => ({ app, establishmentId: seeded.id }));

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

const programme = programmeCases(() => ({ app, seeded }));
const internarte = internarteCases(() => ({ app, seeded }));
const catalog = catalogCases(() => ({ app, seeded }));
const custody = custodyCases(() => ({ app, seeded }));
const workshopTeachers = workshopTeacherCases(() => ({ app, seeded }));
const initiatives = initiativeCases(() => ({ app, seeded }));
const population = populationCases(() => ({ app, seeded }));
const expenses = expenseCases(() => ({ app, seeded }));
const notifications = notificationCases(() => ({ app, seeded }));
const papers = paperCases(() => ({ app, seeded }));
const evaluation = evaluationCases(() => ({ app, seeded }));
const office = officeCases(() => ({ app }));
const sites = siteCases(() => ({ app, seeded }));

/** In the PostgreSQL tier: channels office mode refuses (the server's backups are made by whoever runs the server). */
const refusedOnServer = {
  'backups.create': { destination: 'local' },
  'backups.restore': { source: { kind: 'local', name: 'arteinpe-20260101-000000-manual' }, confirm: true },
  ...siteRefusedOnServer,
};

const viewState = { search: 'vio', filters: { condition: 'malo', typeId: null }, sort: { column: 'code', direction: 'asc' as const } };

const valid: { [K in ChannelName]: Case } = {
  ...programme.valid,
  ...internarte.valid,
  ...catalog.valid,
  ...custody.valid,
  ...workshopTeachers.valid,
  ...initiatives.valid,
  ...population.valid,
  ...expenses.valid,
  ...notifications.valid,
  ...papers.valid,
  ...evaluation.valid,
  ...office.valid,
  ...sites.valid,
  ...contractCases.valid,
  ...authCases.valid,
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

const invalid: { [K in ChannelName]: unknown[] } = {
  ...programme.invalid,
  ...internarte.invalid,
  ...catalog.invalid,
  ...custody.invalid,
  ...workshopTeachers.invalid,
  ...initiatives.invalid,
  ...population.invalid,
  ...expenses.invalid,
  ...notifications.invalid,
  ...papers.invalid,
  ...evaluation.invalid,
  ...office.invalid,
  ...sites.invalid,
  ...contractCases.invalid,
  ...authCases.invalid,
  'search.global': [{}, { q: 'a' }, { q: '--' }, { q: 'x'.repeat(101) }, { q: 'violin', kind: 'instrument' }],
  'instrumentTypes.list': [{ family: 'x' }],
  'instrumentTypes.create': [{}, { name: 'x', family: 'percusion' }, { name: 'Bombo', family: 'metales' }],
  'instrumentTypes.update': [
    { id: 1, name: 'Violín' },
    { id: 1, version: 1, name: 'Violín', family: 'percusion', active: 'sí' },
  ],
  'instruments.list': [{ status: 'perdido' }, { establishmentId: 'almacen' }, { sort: 'precio' }, { pageSize: 1000 }],
  'instruments.get': [{}, { id: 'INS-1' }],
  'instruments.history': [{ id: 0 }],
  'instruments.donations': [{ partnerId: 1 }],
  'instruments.create': [
    {},
    { code: 'A B?', typeId: 1, costCentimos: 0, funding: 'donacion', condition: 'nuevo', altaDate: '2026-01-01' },
    { code: 'A-1', typeId: 1, costCentimos: 10.5, funding: 'donacion', condition: 'nuevo', altaDate: '2026-01-01' },
    { code: 'A-1', typeId: 1, costCentimos: -1, funding: 'donacion', condition: 'nuevo', altaDate: '2026-01-01' },
    { code: 'A-1', typeId: 1, costCentimos: 0, funding: 'regalo', condition: 'nuevo', altaDate: '2026-01-01' },
    { code: 'A-1', typeId: 1, costCentimos: 0, funding: 'donacion', condition: 'roto', altaDate: '2026-01-01' },
    { code: 'A-1', typeId: 1, costCentimos: 0, funding: 'donacion', condition: 'nuevo', altaDate: '31/02/2026' },
    { code: 'A-1', typeId: 1, costCentimos: 0, funding: 'donacion', condition: 'nuevo', altaDate: '2026-02-31' },
    { code: 'A-1', typeId: 1, costCentimos: 0, funding: 'donacion', condition: 'nuevo', altaDate: '2026-01-01', status: 'asignado' },
  ],
  'instruments.update': [
    { id: 1, code: 'A-1' },
    { id: 1, version: 1, code: '', typeId: 1, costCentimos: 0, funding: 'donacion' },
  ],
  'instruments.move': [
    { instrumentIds: [], movement: { kind: 'asignacion', toEstablishmentId: 1, date: '2026-01-01' } },
    { instrumentIds: [1], movement: { kind: 'teletransporte', date: '2026-01-01' } },
    { instrumentIds: [1], movement: { kind: 'despacho', toEstablishmentId: 1, date: '2026-01-01' } },
    { instrumentIds: [1], movement: { kind: 'baja', date: '2026-01-01', description: 'roto' } },
    { instrumentIds: [1], movement: { kind: 'recepcion', person: 'Ana', date: '2026-01-01' } },
    { instrumentIds: ['1'], movement: { kind: 'extravio', description: 'x', date: '2026-01-01' } },
  ],
  'instruments.export': [
    { filter: {}, format: 'pdf', reason: 'Inventario anual' },
    { filter: { status: 'x' }, format: 'xlsx', reason: 'Inventario anual' },
    { filter: {}, format: 'xlsx' },
  ],
  'instruments.photos': [{ id: 'x' }],
  'inventory.settings': [{ codeMask: '' }],
  'inventory.setSettings': [{ codeMask: '[0-9]+' }, { codeMask: 'X'.repeat(41) }, { mask: '9' }],
  'instruments.addPhoto': [
    { id: 1, fileName: 'a.png' },
    { id: 1, fileName: 'a.png', dataBase64: 'no es base64!' },
    { id: 1, fileName: '', dataBase64: 'AAAA' },
  ],
  'instruments.setPrimaryPhoto': [{ id: 1, hash: '../../etc/passwd' }],
  'instruments.removePhoto': [{ id: 1 }],
  'stocktakes.list': [{ status: 'pendiente' }],
  'stocktakes.open': [{}, { establishmentId: 'Lurigancho' }],
  'stocktakes.get': [{ id: null }],
  'stocktakes.count': [{ id: 1 }, { id: 1, code: '' }, { id: 1, code: 'A', condition: 'roto' }],
  'stocktakes.uncount': [{ id: 1 }],
  'stocktakes.close': [
    { id: 1, actaNumber: 'A-1', date: '2026-01-01' },
    { id: 1, actaNumber: 'A-1', date: '2026-01-01', confirm: false },
    { id: 1, actaNumber: '', date: '2026-01-01', confirm: true },
  ],
  'stocktakes.acta': [{}],
  'consumables.items': [{ all: true }],
  'consumables.createItem': [
    { name: 'Cuerdas', category: 'musica' },
    { name: 'C', unit: 'u', category: 'musica' },
    { name: 'Arcilla', unit: 'kg' },
    { name: 'Arcilla', unit: 'kg', category: 'escultura' },
  ],
  'consumables.stock': [{ establishmentId: 'x' }, { category: 'pintura' }],
  'consumables.move': [
    { itemId: 1, establishmentId: 1, kind: 'ingreso', quantity: 0, date: '2026-01-01' },
    { itemId: 1, establishmentId: 1, kind: 'ingreso', quantity: 1.5, date: '2026-01-01' },
    { itemId: 1, establishmentId: 1, kind: 'robo', quantity: 1, date: '2026-01-01' },
    { itemId: 1, establishmentId: 1, kind: 'entrega', quantity: -3, date: '2026-01-01' },
    { itemId: 1, establishmentId: 1, kind: 'ingreso', quantity: 1, date: '2026-01-01', unitCostCentimos: 12.5 },
    { itemId: 1, establishmentId: 1, kind: 'ingreso', quantity: 1, date: '2026-01-01', unitCostCentimos: -1 },
    { itemId: 1, establishmentId: 1, kind: 'entrega', quantity: 1, date: '2026-01-01', unitCostCentimos: 100 },
  ],
  'consumables.setMinimum': [
    { itemId: 1, establishmentId: 1, minimum: -1 },
    { itemId: 1, establishmentId: 1 },
  ],
  'inventory.summary': [{ establishmentId: 1 }],
  'inventory.labels': [
    { instrumentIds: [], symbology: 'qr' },
    { instrumentIds: [1], symbology: 'datamatrix' },
  ],
  'inventory.reportByEstablishment': [{ establishmentId: 1, format: 'docx' }, { format: 'pdf' }],
  'inventory.reportByCondition': [{ format: 'pdf' }],
  'inventory.reportMovements': [{ from: '2026-12-31', to: '2026-01-01' }, { from: '2026-01-01' }],
  'app.info': [{ extra: 1 }, 'texto', 42],
  'app.setLocale': [{}, { locale: 'fr' }, { locale: 1 }, { locale: 'es-PE', x: 1 }],
  'demo.load': [{ scale: 'national' }, [1, 2]],
  'dashboard.summary': [{ establishmentId: 1 }, 'x'],
  'dashboard.charts': [{ establishmentId: 1 }, 'x'],
  'files.showInFolder': [{}, { path: 1 }, { path: '' }, { path: 'x'.repeat(5000) }],
  'app.reportError': [{}, { source: 'render', message: 'x', stack: 'y'.repeat(9000) }, { source: 'other', message: '', stack: '' }],
  'regionalOffices.list': [{ page: 1 }, 7],
  'establishments.list': [
    { page: 0 },
    { pageSize: 7 },
    { sort: 'password' },
    { direction: 'up' },
    { regionalOfficeId: 'Lima' },
    { search: 'x'.repeat(101) },
    { population: 'otros' },
    { status: 'borrado' },
    { where: '1=1' },
  ],
  'establishments.get': [{}, { id: 'uno' }, { id: -1 }, { id: 1.5 }],
  'establishments.create': [
    {},
    validEstablishment({ code: '' }),
    validEstablishment({ code: 'EP LIM 01' }),
    validEstablishment({ code: 'X'.repeat(21) }),
    validEstablishment({ name: 'ab' }),
    validEstablishment({ name: 'n'.repeat(121) }),
    validEstablishment({ regionalOfficeId: 0 }),
    validEstablishment({ population: 'adultos' }),
    validEstablishment({ city: '' }),
    validEstablishment({ inProgramme: 'sí' }),
    { ...validEstablishment(), id: 5 },
  ],
  'establishments.update': [
    validEstablishment(),
    { ...validEstablishment(), id: 'x', version: 1 },
    { ...validEstablishment({ name: '' }), id: 1, version: 1 },
    { ...validEstablishment(), id: 1, version: -1 },
  ],
  'establishments.setActive': [{ id: 1 }, { id: 1, version: 1, active: 'no' }, { id: 1, active: true }],
  'establishments.delete': [{}, { id: '1' }, { id: 0 }],
  'establishments.export': [{ filter: {} }, { filter: {}, format: 'pdf' }, { format: 'xlsx' }, { filter: { page: 2 }, format: 'csv' }],
  'jobs.status': [{}, { id: 1 }, { id: '' }, { id: 'a b' }, { id: 'x'.repeat(65) }, { id: 'abc', extra: 1 }],
  'jobs.cancel': [{}, { id: null }, { id: '../x' }, { id: 'abc', force: true }],
  'import.inspect': [
    {},
    { target: 'participantes', fileName: 'a.csv', dataBase64: 'YQ==' },
    { target: 'establishments', fileName: '', dataBase64: 'YQ==' },
    { target: 'establishments', fileName: 'a.csv', dataBase64: '' },
    { target: 'establishments', fileName: 'a.csv', dataBase64: 'no es base64!' },
    { target: 'establishments', fileName: 'a.csv', dataBase64: 'A'.repeat(21_000_000) },
    { target: 'establishments', fileName: 'a.csv', dataBase64: 'YQ==', path: '/etc/passwd' },
  ],
  'import.dryRun': [
    {},
    { uploadId: 'abc', mapping: {}, mode: 'borrar' },
    { uploadId: '', mapping: {}, mode: 'create' },
    { uploadId: 'abc', mapping: { code: 5 }, mode: 'create' },
    { uploadId: 'abc', mapping: { 'mal campo': 'A' }, mode: 'create' },
    { uploadId: 'abc', mapping: 'Código', mode: 'create' },
  ],
  'import.chooseFolder': [{}, { uploadId: '' }, { uploadId: 7 }, { uploadId: 'abc', path: '/etc' }],
  'import.run': [
    { uploadId: 'abc', mapping: {} },
    { uploadId: 'abc', mapping: {}, mode: 'upsert', dryRun: false },
    { uploadId: 7, mapping: {}, mode: 'create' },
  ],
  'lists.views': [{}, { list: 'users.lista' }],
  'lists.saveView': [
    { list: 'instruments.list', name: '', state: viewState },
    { list: 'instruments.list', name: 'x'.repeat(81), state: viewState },
    { list: 'instruments.list', name: 'A', state: { ...viewState, extra: 1 } },
    { list: 'instruments.list', name: 'A', state: { ...viewState, filters: { 'mal clave': 'x' } } },
    { list: 'instruments.list', name: 'A', state: { ...viewState, sort: { column: 'code', direction: 'up' } } },
  ],
  'lists.export': [
    { list: 'participants.list', query: {}, format: 'csv' },
    { list: 'staff.list', query: {}, format: 'pdf' },
    { list: 'staff.list', query: { establishmentId: 'x' }, format: 'csv' },
    { list: 'custody.overdue', query: {}, format: 'csv', reason: 'corto' },
  ],
  'lists.removeView': [{ list: 'instruments.list' }, { list: 'instruments.list', id: 0 }],
  'import.template': [
    {},
    { target: 'participantes', format: 'xlsx' },
    { target: 'establishments', format: 'pdf' },
    { target: 'establishments' },
  ],
};

describe('every channel with valid input', () => {
  beforeEach(openApp);
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

describe('every channel with invalid input changes nothing', () => {
  // One app for the whole describe: every case proves it left every table as it found it, so
  // each one starts from the same fresh database (a case that wrote would fail itself).
  beforeAll(openApp);
  afterAll(closeApp);
  for (const name of channelNames) {
    it(`${name} refuses ${invalid[name].length} bad payloads in Spanish`, async () => {
      // Every table as it was before the first payload: each refusal must leave exactly that.
      const before = await snapshot(app.db);
      for (const payload of invalid[name]) {
        const r = await app.call(name, payload as never);
        expect(r.ok, `${name} accepted ${JSON.stringify(payload)}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('validation');
          expect(r.error.message).toBe('Revise los campos marcados.');
          for (const m of Object.values(r.error.fields)) expect(m).toMatch(/[a-záéíóúñ]/i);
        }
        expect(await snapshot(app.db)).toBe(before);
      }
    });
  }
});

describe('refusals of valid-looking input that the data forbids', () => {
  beforeEach(openApp);
  afterEach(closeApp);
  it('a duplicate code is refused next to the code field, and nothing is written', async () => {
    const before = await snapshot(app.db);
    const r = await app.call('establishments.create', validEstablishment({ code: 'ep-base-01' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('conflict');
      expect(r.error.fields.code).toBe('Ya existe un establecimiento con el código EP-BASE-01.');
    }
    expect(await snapshot(app.db)).toBe(before);
  });

  it('an unknown regional office is refused next to its field', async () => {
    const r = await app.call('establishments.create', validEstablishment({ regionalOfficeId: 99 }));
    expect(r).toMatchObject({ ok: false, error: { fields: { regionalOfficeId: 'La oficina regional elegida no existe.' } } });
  });

  it('an edit over a newer version is refused as stale and keeps the newer data', async () => {
    await app.ok('establishments.update', { ...validEstablishment({ code: 'EP-BASE-01', name: 'Primera edición' }), ...seeded });
    const before = await snapshot(app.db);
    const r = await app.call('establishments.update', {
      ...validEstablishment({ code: 'EP-BASE-01', name: 'Edición vieja' }),
      ...seeded,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'stale' } });
    expect(await snapshot(app.db)).toBe(before);
    expect((await app.ok('establishments.get', { id: seeded.id })).name).toBe('Primera edición');
  });

  it('a missing record answers not_found', async () => {
    for (const name of ['establishments.get', 'establishments.delete'] as const) {
      const r = await app.call(name, { id: 9999 });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'not_found', message: 'El registro ya no existe. Puede haber sido eliminado.' },
      });
    }
  });

  it('demo data is refused on a database that is not empty', async () => {
    const before = await snapshot(app.db);
    expect(await app.call('demo.load', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await snapshot(app.db)).toBe(before);
  });

  it('only files this session exported can be shown in their folder', async () => {
    const r = await app.call('files.showInFolder', { path: '/etc/passwd' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(app.shown).toEqual([]);
  });

  it('an unknown channel is refused', async () => {
    expect(await app.call('establishments.drop' as never, {} as never)).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });
});
