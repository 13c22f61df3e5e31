import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportReport, type ImportMapping } from '../../../shared/import/schemas';
import { appWithDemoEstablishments, snapshot } from '../../helpers/services';
import { appPerTest } from '../../helpers/per-test';
import { importJob, type ImportJobName } from '../../helpers/import';

const app = appPerTest(appWithDemoEstablishments);

const HEADERS = [
  'Cód. patrimonial',
  'Instrumento',
  'Marca',
  'N° de serie',
  'Fecha de adquisición',
  'Costo S/',
  'Estado',
  'Establecimiento',
];

async function xlsx(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Inventario');
  ws.getRow(1).values = ['Inventario de instrumentos — INPE Orquestando'];
  rows.forEach((r, i) => (ws.getRow(i + 2).values = r as ExcelJS.CellValue[]));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const job = (name: ImportJobName, uploadId: string, mapping: ImportMapping, mode: 'create' | 'upsert' = 'create') =>
  importJob(app, name, uploadId, mapping, { mode });

describe('importing instruments from the clerks’ spreadsheet', () => {
  it('suggests the columns, reports every bad row before writing, imports all or nothing, then updates by code', async () => {
    const bad = await xlsx([
      HEADERS,
      ['VIO-0001', 'Violín', 'Stentor', 'SN-1', '15/03/2024', '1,250.00', 'Bueno', 'Lurigancho'],
      ['VIO-0002', 'Violin', 'Stentor', 'SN-2', '31/02/2024', 'S/ 1 250.00', 'nuevo', 'EP-LIM-05'],
      ['VIO-0001', 'Guitarra eléctrica', '', '', '', '300', 'bueno', ''],
      ['CAJ-0001', 'Cajón', 'Artesanal', '', '', 'mucho', 'como nuevo', 'E.P. de Marte'],
      ['TRO-0001', 'Trompetilla', 'Bach', '', '', '900', 'bueno', ''],
      ['ZAM-0001', 'Zampoña', 'Artesanal', '', new Date(Date.UTC(2023, 6, 28)), 180, 'Regular', 'Almacén central'],
    ]);
    const up = await app.ok('import.inspect', { target: 'instruments', fileName: 'inventario.xlsx', dataBase64: bad });
    expect(up.rowCount).toBe(6);
    expect(up.suggestedMapping).toMatchObject({
      code: 'Cód. patrimonial',
      type: 'Instrumento',
      brand: 'Marca',
      serialNumber: 'N° de serie',
      acquisitionDate: 'Fecha de adquisición',
      cost: 'Costo S/',
      condition: 'Estado',
      establishment: 'Establecimiento',
    });
    const mapping = up.suggestedMapping as Record<string, string | null>;

    const before = await snapshot(app.db);
    const dry = ImportReport.parse((await job('import.dryRun', up.uploadId, mapping)).result);
    expect(dry).toMatchObject({ total: 6, valid: 1, invalid: 5 });
    const byRow = dry.errors.map((e) => [e.row, e.field, e.message]);
    expect(byRow).toEqual(
      expect.arrayContaining([
        // The same code twice in the file: both rows named.
        [3, 'code', expect.stringContaining('VIO-0001')],
        [5, 'code', expect.stringContaining('VIO-0001')],
        [4, 'acquisitionDate', 'Escriba una fecha válida (dd/mm/aaaa).'],
        [6, 'cost', 'Escriba un monto válido en soles, con hasta dos decimales.'],
        [6, 'condition', expect.stringContaining('Valor no reconocido')],
      ]),
    );
    // A type or an establishment that is not in the register is listed once, for the clerk to map.
    expect(dry.unknownValues.map((u) => [u.field, u.value, u.rows])).toEqual([
      ['type', 'Trompetilla', [7]],
      ['establishment', 'E.P. de Marte', [6]],
    ]);
    const refused = await job('import.run', up.uploadId, mapping);
    expect(refused.state).toBe('failed');
    expect(await snapshot(app.db)).toBe(before);

    const good = await xlsx([
      HEADERS,
      ['VIO-0001', 'Violín', 'Stentor', 'SN-1', '15/03/2024', '1250', 'Bueno', 'Lurigancho'],
      ['VIO-0002', 'violin', 'Stentor', 'SN-2', '28/02/2024', 'S/ 1,250.00', 'nuevo', 'EP-LIM-05'],
      ['ZAM-0001', 'Zampoña', 'Artesanal', '', new Date(Date.UTC(2023, 6, 28)), 180, 'Regular', 'Almacén central'],
      ['CAJ-0001', 'Cajón', 'Artesanal', '', '', '350', 'nuevo', 'Callao'],
    ]);
    const up2 = await app.ok('import.inspect', { target: 'instruments', fileName: 'inventario.xlsx', dataBase64: good });
    const done = await job('import.run', up2.uploadId, mapping);
    expect(done).toMatchObject({ state: 'done', result: { created: 4, updated: 0 } });
    const list = await app.ok('instruments.list', { sort: 'code' });
    expect(
      list.rows.map((r) => [r.code, r.typeName, r.costCentimos, r.status, r.establishmentName, r.condition, r.acquisitionDate]),
    ).toEqual([
      ['CAJ-0001', 'Cajón peruano', 35000, 'asignado', 'E.P. del Callao', 'nuevo', null],
      ['VIO-0001', 'Violín', 125000, 'asignado', 'E.P. de Lurigancho', 'bueno', '2024-03-15'],
      ['VIO-0002', 'Violín', 125000, 'asignado', 'E.P. del Callao', 'nuevo', '2024-02-28'],
      ['ZAM-0001', 'Zampoña', 18000, 'en_almacen', null, 'regular', '2023-07-28'],
    ]);
    const vio1 = list.rows.find((r) => r.code === 'VIO-0001')!;
    const history = await app.ok('instruments.history', { id: vio1.id });
    expect(history.map((m) => m.kind)).toEqual(['asignacion', 'alta']);

    // Upsert: descriptive fields change; where it is and its state come only from movements.
    const again = await xlsx([HEADERS, ['VIO-0001', 'Violín', 'Yamaha', 'SN-1', '15/03/2024', '1300', 'Malo', 'E.P. de Arequipa']]);
    const up3 = await app.ok('import.inspect', { target: 'instruments', fileName: 'inventario.xlsx', dataBase64: again });
    expect(up3.savedMapping).toMatchObject({ code: 'Cód. patrimonial', type: 'Instrumento', establishment: 'Establecimiento' });
    expect(await job('import.run', up3.uploadId, mapping, 'upsert')).toMatchObject({ state: 'done', result: { created: 0, updated: 1 } });
    expect(await app.ok('instruments.get', { id: vio1.id })).toMatchObject({
      brand: 'Yamaha',
      costCentimos: 130000,
      condition: 'bueno',
      establishmentName: 'E.P. de Lurigancho',
    });
  });
});
