import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, loadEstablishments } from '../../../electron/main/demo/generate';
import { LOCAL_ADMIN } from '../../../electron/main/ipc/context';
import { testApp, type TestApp } from '../../helpers/services';

/** The inventory's printed documents, checked the way a person would: the text in the PDF and its pages. */

let app: TestApp;
let lurigancho: number;
const ids: number[] = [];

beforeAll(async () => {
  app = await testApp();
  await app.db.transaction(async (trx) => loadEstablishments(trx, await buildDataset(trx, 'demo'), LOCAL_ADMIN, new Date().toISOString()));
  lurigancho = ((await app.db('establishments').where({ name: 'E.P. de Lurigancho' }).first('id')) as { id: number }).id;
  for (const [n, typeId, cost] of [
    [1, 1, 85000],
    [2, 1, 90000],
    [3, 5, 60000],
    [4, 30, 1200050],
  ] as const) {
    const i = await app.ok('instruments.create', {
      code: `LUR-${String(n).padStart(3, '0')}`,
      typeId,
      brand: 'Stentor',
      costCentimos: cost,
      funding: 'presupuesto_inpe',
      condition: n === 3 ? 'malo' : 'bueno',
      altaDate: '2025-06-01',
      establishmentId: lurigancho,
    });
    ids.push(i.id);
  }
}, 60000);
afterAll(() => app.close());

const text = (path: string) => execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
const pages = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())![1]);

describe('inventory documents', () => {
  it('labels: one per instrument with its code, type and establishment, on A4', async () => {
    for (const symbology of ['qr', 'code128'] as const) {
      const r = await app.ok('inventory.labels', { instrumentIds: ids, symbology });
      if (r.status !== 'saved') throw new Error('cancelled');
      const t = text(r.path);
      for (const code of ['LUR-001', 'LUR-002', 'LUR-003', 'LUR-004']) expect(t).toContain(code);
      expect(t).toContain('E.P. de Lurigancho');
      expect(t).toContain('Violín');
      expect(execFileSync('pdfinfo', [r.path]).toString()).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    }
  }, 60000);

  it('inventory by establishment: PDF with totals by family and condition and the value in soles; XLSX with every instrument', async () => {
    const pdf = await app.ok('inventory.reportByEstablishment', { establishmentId: lurigancho, format: 'pdf' });
    if (pdf.status !== 'saved') throw new Error('cancelled');
    const t = text(pdf.path);
    expect(t).toContain('Inventario por establecimiento');
    expect(t).toContain('E.P. de Lurigancho');
    expect(t).toMatch(/Valor total\s+S\/\s?14,350\.50/);
    expect(t).toMatch(/Vientos metal\s+1\s+S\/\s?12,000\.50/);
    expect(t).toContain('Cuerdas frotadas');
    expect(t).toMatch(/Malo/);
    expect(pages(pdf.path)).toBeGreaterThanOrEqual(1);

    const xlsx = await app.ok('inventory.reportByEstablishment', { establishmentId: lurigancho, format: 'xlsx' });
    if (xlsx.status !== 'saved') throw new Error('cancelled');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(5);
    expect(ws.getRow(2).getCell(1).value).toBe('LUR-001');
    const summary = wb.getWorksheet('Resumen')!;
    const rows = summary
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['Cuerdas frotadas', 2, 1750]);
    expect(rows).toContainEqual(['Vientos metal', 1, 12000.5]);
    expect(rows).toContainEqual(['Malo', 1]);
    expect(rows).toContainEqual(['Total', 4, 14350.5]);
  }, 60000);

  it('instruments by condition across prisons, and movements in a period', async () => {
    const byCondition = await app.ok('inventory.reportByCondition', { format: 'xlsx' });
    if (byCondition.status !== 'saved') throw new Error('cancelled');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(byCondition.path);
    const row = wb.worksheets[0]!.getRow(2).values as unknown[];
    expect(row.slice(1, 8)).toEqual(['E.P. de Lurigancho', 0, 3, 0, 1, 0, 4]);

    const movements = await app.ok('inventory.reportMovements', { from: '2025-01-01', to: '2025-12-31', establishmentId: lurigancho });
    expect(movements).toMatchObject({ status: 'saved', rows: 4 });
    const none = await app.ok('inventory.reportMovements', { from: '2024-01-01', to: '2024-12-31', establishmentId: null });
    expect(none).toMatchObject({ status: 'saved', rows: 0 });
  }, 60000);
});
