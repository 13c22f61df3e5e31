import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, type ChannelName } from '../../../shared/channels';
import { snapshot, testApp, validEstablishment, type TestApp } from '../../helpers/services';

/**
 * Every channel of the contract, called through the same pipeline the window uses,
 * once with valid input and with several invalid ones. An invalid call must answer a
 * Spanish message and leave every table exactly as it was.
 */

let app: TestApp;
let seeded: { id: number; version: number };

beforeEach(async () => {
  app = await testApp();
  const e = await app.ok('establishments.create', validEstablishment({ code: 'EP-BASE-01', name: 'E.P. Base' }));
  seeded = { id: e.id, version: e.version };
});
afterEach(() => app.close());

type Case = { input: () => unknown; check?: (data: unknown) => void | Promise<void> };

const valid: { [K in ChannelName]: Case } = {
  'app.info': { input: () => ({}), check: (d) => expect(d).toMatchObject({ locale: 'es-PE', empty: false, demo: false }) },
  'app.setLocale': { input: () => ({ locale: 'en' }), check: () => expect(app.session.locale).toBe('en') },
  'demo.load': {
    // demo.load needs an empty database: remove the seeded row first.
    input: () => ({}),
  },
  'dashboard.summary': { input: () => ({}), check: (d) => expect(d).toMatchObject({ regionalOffices: 8, establishments: 1 }) },
  'files.showInFolder': { input: () => ({ path: '' }) },
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
};

const invalid: { [K in ChannelName]: unknown[] } = {
  'app.info': [{ extra: 1 }, 'texto', 42],
  'app.setLocale': [{}, { locale: 'fr' }, { locale: 1 }, { locale: 'es-PE', x: 1 }],
  'demo.load': [{ scale: 'national' }, [1, 2]],
  'dashboard.summary': [{ establishmentId: 1 }, 'x'],
  'files.showInFolder': [{}, { path: 1 }, { path: '' }, { path: 'x'.repeat(5000) }],
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
};

describe('every channel with valid input', () => {
  for (const name of channelNames) {
    it(`${name} answers ok`, async () => {
      if (name === 'demo.load') await app.ok('establishments.delete', { id: seeded.id });
      let input = valid[name].input();
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
  for (const name of channelNames) {
    it(`${name} refuses ${invalid[name].length} bad payloads in Spanish`, async () => {
      for (const payload of invalid[name]) {
        const before = await snapshot(app.db);
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
      expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: 'El registro ya no existe. Puede haber sido eliminado.' } });
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
