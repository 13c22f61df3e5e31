import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, type ChannelName } from '../../../shared/channels';
import { snapshot, validEstablishment } from '../../helpers/services';
import { filePrinter } from '../../helpers/file-printer';
import { app, closeApp, domainInvalid, openApp, seeded, viewState } from './channels-setup';

/**
 * Every channel of the contract, called through the same pipeline the window uses,
 * once with valid input and with several invalid ones. An invalid call must answer a
 * Spanish message and leave every table exactly as it was. Here the invalid ones and the
 * refusals the data makes; the valid calls are in channels-valid.test.ts.
 */

const printer = filePrinter();

const invalid: { [K in ChannelName]: unknown[] } = {
  ...domainInvalid,
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

describe('every channel with invalid input changes nothing', () => {
  // One app for the whole describe: every case proves it left every table as it found it, so
  // each one starts from the same fresh database (a case that wrote would fail itself).
  beforeAll(() => openApp(printer));
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
  beforeEach(() => openApp(printer));
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
