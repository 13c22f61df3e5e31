import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, testApp, validEstablishment, type TestApp } from '../../helpers/services';

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
  await app.ok('demo.load', {});
});
afterEach(() => app.close());

const names = (page: { rows: Array<{ name: string }> }) => page.rows.map((r) => r.name);

describe('the establishments list (filtered, sorted and paged in main)', () => {
  it('search ignores case and accents, over code, name and city', async () => {
    expect(names(await app.ok('establishments.list', { search: 'huanuco' }))).toEqual(['E.P. de Huánuco']);
    expect(names(await app.ok('establishments.list', { search: 'FATIMA' }))).toEqual(['E.P. Virgen de Fátima']);
    expect(names(await app.ok('establishments.list', { search: 'ep-sur-02' }))).toEqual(['E.P. de Mujeres de Arequipa']);
    // Every word must match, in any order.
    expect(names(await app.ok('establishments.list', { search: 'chorrillos mujeres' }))).toEqual(['E.P. de Mujeres de Chorrillos']);
    // LIKE wildcards typed by the user are literal.
    expect((await app.ok('establishments.list', { search: '%' })).total).toBe(0);
  });

  it('filters by regional office, population, programme and status', async () => {
    const sur = await app.ok('establishments.list', { regionalOfficeId: 3 });
    expect(sur.rows.every((r) => r.regionalOfficeName === 'Sur')).toBe(true);
    expect(sur.total).toBe(2);

    const women = await app.ok('establishments.list', { population: 'mujeres', inProgramme: true });
    expect(names(women).sort()).toEqual(['E.P. Virgen de Fátima', 'E.P. de Mujeres de Chorrillos']);

    const all = await app.ok('establishments.list', {});
    const target = all.rows[0]!;
    await app.ok('establishments.setActive', { id: target.id, version: target.version, active: false });
    expect((await app.ok('establishments.list', { status: 'inactive' })).rows.map((r) => r.id)).toEqual([target.id]);
    expect((await app.ok('establishments.list', { status: 'active' })).total).toBe(all.total - 1);
    expect((await app.ok('establishments.list', { status: 'all' })).total).toBe(all.total);
  });

  it('sorts by any column both ways, and pages with a total count', async () => {
    const byCode = await app.ok('establishments.list', { sort: 'code', direction: 'desc', pageSize: 10 });
    const codes = byCode.rows.map((r) => r.code);
    expect(codes).toEqual([...codes].sort().reverse());
    expect(byCode.total).toBe(20);

    const page1 = await app.ok('establishments.list', { sort: 'name', pageSize: 10, page: 1 });
    const page2 = await app.ok('establishments.list', { sort: 'name', pageSize: 10, page: 2 });
    expect(page1.rows).toHaveLength(10);
    expect(page2.rows).toHaveLength(10);
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(20);
    // Accents do not push names to the end.
    const sorted = [...names(page1), ...names(page2)];
    expect(sorted.indexOf('E.P. de Huánuco')).toBeLessThan(sorted.indexOf('E.P. de Juliaca'));

    const byRegion = await app.ok('establishments.list', { sort: 'regionalOffice', pageSize: 100 });
    expect(byRegion.rows[0]!.regionalOfficeName).toBe('Lima');
    expect(byRegion.rows.at(-1)!.regionalOfficeName).toBe('Altiplano');
  });
});

describe('deleting and deactivating', () => {
  it('an establishment that other records reference cannot be deleted, but can be deactivated', async () => {
    // Another module's table that points at establishments (as instruments will).
    await app.db.schema.createTable('referencia_prueba', (t) => {
      t.increments('id');
      t.integer('establishment_id').notNullable().references('id').inTable('establishments').onDelete('RESTRICT');
    });
    const e = (await app.ok('establishments.list', { search: 'lurigancho' })).rows[0]!;
    await app.db('referencia_prueba').insert({ establishment_id: e.id });

    const before = await snapshot(app.db);
    const r = await app.call('establishments.delete', { id: e.id });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'in_use',
        message: 'No se puede eliminar el establecimiento E.P. de Lurigancho porque tiene registros asociados. Desactívelo en su lugar.',
      },
    });
    expect(await snapshot(app.db)).toBe(before);

    const off = await app.ok('establishments.setActive', { id: e.id, version: e.version, active: false });
    expect(off).toMatchObject({ active: false, version: e.version + 1 });
    const audit = await app
      .db('audit_log')
      .where({ entity_id: String(e.id) })
      .orderBy('id', 'desc')
      .first();
    expect(audit).toMatchObject({ action: 'deactivate', channel: 'establishments.setActive' });
  });

  it('an establishment nothing references is deleted, and the audit log keeps what it was', async () => {
    const e = await app.ok('establishments.create', validEstablishment());
    await app.ok('establishments.delete', { id: e.id });
    expect(await app.call('establishments.get', { id: e.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const audit = await app.db('audit_log').where({ action: 'delete' }).first();
    expect(JSON.parse(audit.before_json)).toMatchObject({ code: 'EP-TST-01', name: 'E.P. de Prueba' });
  });
});

describe('export of the filtered list', () => {
  it('XLSX holds exactly the filtered rows with Spanish headers', async () => {
    const r = await app.ok('establishments.export', {
      filter: { inProgramme: true },
      format: 'xlsx',
      sort: 'code',
      direction: 'asc',
    });
    if (r.status !== 'saved') throw new Error('cancelled');
    expect(r.rows).toBe(7);
    expect(r.path).toMatch(/establecimientos-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.path);
    const ws = wb.getWorksheet('Establecimientos')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Código',
      'Nombre',
      'Oficina regional',
      'Población',
      'Ciudad',
      'En el programa',
      'Estado',
    ]);
    expect(ws.rowCount).toBe(8);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'EP-LIM-01',
      'E.P. de Lurigancho',
      'Lima',
      'Varones',
      'San Juan de Lurigancho',
      'Sí',
      'Activo',
    ]);
  });

  it('CSV opens in a Spanish Excel: BOM, semicolons, accents intact', async () => {
    const r = await app.ok('establishments.export', { filter: { search: 'fátima' }, format: 'csv' });
    if (r.status !== 'saved') throw new Error('cancelled');
    const bytes = fs.readFileSync(r.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
    expect(lines).toEqual([
      'Código;Nombre;Oficina regional;Población;Ciudad;En el programa;Estado',
      'EP-LIM-08;E.P. Virgen de Fátima;Lima;Mujeres;Chorrillos;Sí;Activo',
    ]);
  });

  it('a cancelled save dialog writes nothing', async () => {
    app.nextSave.cancel = true;
    expect(await app.ok('establishments.export', { filter: {}, format: 'xlsx' })).toEqual({ status: 'cancelled' });
    expect(fs.readdirSync(app.exportDir)).toEqual([]);
  });
});

describe('the demonstration dataset', () => {
  it('loads the seven programme establishments (five for men, two for women) and is labelled as demo', async () => {
    const info = await app.ok('app.info', {});
    expect(info).toMatchObject({ demo: true, empty: false });
    const summary = await app.ok('dashboard.summary', {});
    expect(summary).toMatchObject({
      establishments: 20,
      inProgramme: 7,
      inProgrammeByPopulation: { varones: 5, mujeres: 2, mixto: 0 },
    });
    expect(summary.byRegionalOffice.map((r) => r.total).reduce((a, b) => a + b, 0)).toBe(20);
  });
});
