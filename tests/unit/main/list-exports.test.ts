import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { exportLists } from '../../../shared/lists/schemas';
import { appWithTwoPrisons, newStaffMember, snapshot, testApp, type TestApp } from '../../helpers/services';

/** Issue 16, item 6: every list exports, through lists.export for the lists without an export of their own. */

let app: TestApp;
afterEach(() => app.close());

const rowsOf = async (path: string): Promise<string[][]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow((r) =>
    out.push((r.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')))),
  );
  return out;
};

describe('a list exported as it is shown', () => {
  it('every list of the demo exports as XLSX with its headers and every row, all pages', async () => {
    app = await testApp();
    await app.ok('demo.load', {});
    for (const list of exportLists) {
      const people = list === 'custody.overdue' || list === 'custody.recoveries';
      const query = list === 'budget.expenses' ? { year: 2026 } : {};
      const saved = await app.ok('lists.export', { list, query, format: 'xlsx', reason: people ? 'Seguimiento mensual de préstamos' : '' });
      if (saved.status !== 'saved') throw new Error(list);
      const rows = await rowsOf(saved.path);
      expect(rows.length - 1, list).toBe(saved.rows);
      // Headers in Spanish, never an untranslated key such as «inventory.types.name».
      expect(
        rows[0]!.filter((h) => h === '' || /^[a-z]+(\.[a-zA-Z]+)+$/.test(h)),
        list,
      ).toEqual([]);
    }
    // A paged list: every page, not the first 25.
    const teachers = await app.ok('teachers.list', { page: 1, pageSize: 10 });
    const file = await app.ok('lists.export', { list: 'teachers.list', query: { page: 1, pageSize: 10 }, format: 'xlsx' });
    expect(file).toMatchObject({ status: 'saved', rows: teachers.total });
  }, 120_000);

  it('keeps the filters on screen, and reads amounts and dates as Excel does', async () => {
    const { app: a, lur, cho } = await appWithTwoPrisons();
    app = a;
    await newStaffMember(app, lur, 'Rosa Mamani Flores');
    await newStaffMember(app, cho, 'Ana Quispe Rojas');
    const saved = await app.ok('lists.export', { list: 'staff.list', query: { establishmentId: cho }, format: 'csv' });
    if (saved.status !== 'saved') throw new Error('not saved');
    const csv = fs.readFileSync(saved.path, 'utf8');
    expect(csv).toContain('Ana Quispe Rojas');
    expect(csv).not.toContain('Rosa Mamani Flores');
  });

  it('a list that names custodians asks why, and logs the file like every personal-data export', async () => {
    const { app: a, lur } = await appWithTwoPrisons();
    app = a;
    const before = await snapshot(app.db);
    const r = await app.call('lists.export', { list: 'custody.overdue', query: { establishmentId: lur }, format: 'xlsx', reason: '' });
    expect(r.ok ? null : r.error.fields.reason).toBe('Este campo es obligatorio.');
    expect(await snapshot(app.db)).toBe(before);
    await app.ok('lists.export', { list: 'custody.overdue', query: {}, format: 'xlsx', reason: 'Informe de préstamos vencidos' });
    expect(await app.db('personal_data_exports').select('channel', 'reason')).toEqual([
      { channel: 'lists.export', reason: 'Informe de préstamos vencidos' },
    ]);
  });

  it('honours roles and establishments: the read-only role exports nothing; a user of one prison exports only hers', async () => {
    const { app: a, lur, cho } = await appWithTwoPrisons();
    app = a;
    await newStaffMember(app, lur, 'Rosa Mamani Flores');
    await newStaffMember(app, cho, 'Ana Quispe Rojas');
    await app.signInAs('consulta');
    expect(await app.call('lists.export', { list: 'staff.list', query: {}, format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await app.signInAs('inventario', { establishmentIds: [lur] });
    expect(await app.call('lists.export', { list: 'staff.list', query: { establishmentId: cho }, format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const mine = await app.ok('lists.export', { list: 'staff.list', query: {}, format: 'csv' });
    if (mine.status !== 'saved') throw new Error('not saved');
    expect(fs.readFileSync(mine.path, 'utf8')).not.toContain('Ana Quispe Rojas');
    expect(await app.call('lists.export', { list: 'users.list', query: {}, format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
