import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportReport, type ImportMapping } from '../../../shared/import/schemas';
import { appWithDemoEstablishments, snapshot, type TestApp } from '../../helpers/services';
import { importJob, type ImportJobName } from '../../helpers/import';

let app: TestApp;
beforeEach(async () => {
  app = await appWithDemoEstablishments();
});
afterEach(() => app.close());

const HEADERS = ['Código INPE', 'Apellidos', 'Nombres', 'Sexo', 'Año de nacimiento', 'Establecimiento', 'Fecha de alta'];

/** The register as a clerk keeps it: a merged title and a subtitle above the table, a blank row, a TOTAL row at the bottom. */
async function xlsx(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Padrón');
  ws.getRow(1).values = ['PADRÓN DE PARTICIPANTES — PROGRAMA DE ARTE'];
  ws.mergeCells('A1:G1');
  ws.getRow(2).values = ['Oficina Regional Centro'];
  ws.getRow(3).values = HEADERS;
  rows.forEach((r, i) => (ws.getRow(i + 4).values = r as ExcelJS.CellValue[]));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const job = (name: ImportJobName, uploadId: string, mapping: ImportMapping, mode: 'create' | 'upsert' = 'create') =>
  importJob(app, name, uploadId, mapping, { mode });

describe('importing participants from the establishments’ registers', () => {
  it('finds the header below the titles, reports exactly the planted errors by row, writes nothing, then imports all', async () => {
    const messy = await xlsx([
      ['HY-0001', 'Quispe Huamán', 'Juan', 'M', 1990, 'E.P. Huancayo', '02/03/2026'], // 4: good, text date
      ['HY-0002', 'Rojas Salas', 'Pedro', 'Masculino', '1985', 'EP HUANCAYO', new Date(Date.UTC(2026, 2, 9))], // 5: good, Excel date
      [], // 6: blank
      ['HY 0003', 'Torres Vargas', 'Luis', 'H', 1988, 'Huancayo', '02/03/2026'], // 7: bad code
      ['HY-0004', '', 'Carlos', 'M', 1979, 'Huancayo', '02/03/2026'], // 8: surnames missing
      ['HY-0005', 'Condori Apaza', 'José', 'X', 1979, 'Huancayo', '02/03/2026'], // 9: sex unknown
      ['HY-0006', 'Mamani Ccori', 'Raúl', 'M', 2020, 'Huancayo', '02/03/2026'], // 10: a child's birth year
      ['HY-0007', 'Flores Ramos', 'Hugo', 'M', 1980, 'Huancayo', '31/02/2026'], // 11: impossible date
      ['HY-0001', 'Chávez Paredes', 'Jorge', 'M', 1991, 'Huancayo', '02/03/2026'], // 12: the code of row 4 again
      ['HY-0008', 'Huanca Ramos', 'Walter', 'M', 1992, 'E.P. de Marte', '02/03/2026'], // 13: no such establishment
      ['TOTAL', '', '', '', '', '', 9], // 14: totals
    ]);
    const up = await app.ok('import.inspect', { target: 'participants', fileName: 'padron.xlsx', dataBase64: messy });
    expect(up.headerRow).toBe(3);
    expect(up.rowCount).toBe(9);
    // The blank row 6 and the TOTAL row are passed over, each with a note.
    expect(up.skipped.map((s) => s.row)).toEqual([6, 14]);
    expect(up.suggestedMapping).toEqual({
      code: 'Código INPE',
      lastNames: 'Apellidos',
      firstNames: 'Nombres',
      sex: 'Sexo',
      birthYear: 'Año de nacimiento',
      establishment: 'Establecimiento',
      date: 'Fecha de alta',
    });
    const mapping = up.suggestedMapping as Record<string, string | null>;

    const before = await snapshot(app.db);
    const dry = ImportReport.parse((await job('import.dryRun', up.uploadId, mapping)).result);
    expect(dry).toMatchObject({ headerRow: 3, total: 9, valid: 1, invalid: 8, errorRows: 7 });
    expect(dry.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [4, 'code', expect.stringContaining('HY-0001')],
      [7, 'code', expect.stringMatching(/letras, números y guiones/)],
      [8, 'lastNames', 'Este campo es obligatorio.'],
      [9, 'sex', expect.stringContaining('Valor no reconocido')],
      [10, 'birthYear', 'Escriba un año de nacimiento entre 1920 y el de una persona mayor de edad.'],
      [11, 'date', 'Escriba una fecha válida (dd/mm/aaaa).'],
      [12, 'code', expect.stringContaining('HY-0001')],
    ]);
    // The establishment spelled three ways is the same one; one that does not exist is listed once, to map.
    expect(dry.unknownValues.map((u) => [u.field, u.value, u.rows])).toEqual([['establishment', 'E.P. de Marte', [13]]]);
    expect(await snapshot(app.db)).toBe(before);
    expect((await job('import.run', up.uploadId, mapping)).state).toBe('failed');
    expect(await snapshot(app.db)).toBe(before);

    const good = await xlsx([
      ['HY-0001', 'Quispe Huamán', 'Juan', 'M', 1990, 'E.P. Huancayo', '02/03/2026'],
      ['hy-0002', 'Rojas Salas', 'Pedro', 'Masculino', '1985', 'EP HUANCAYO', new Date(Date.UTC(2026, 2, 9))],
      [],
      ['HY-0003', 'Torres Vargas', 'Rosa', 'Mujer', 1988, 'Huancayo', '03/04/2026'],
      ['TOTAL', '', '', '', '', '', 3],
    ]);
    const up2 = await app.ok('import.inspect', { target: 'participants', fileName: 'padron.xlsx', dataBase64: good });
    expect(await job('import.run', up2.uploadId, mapping)).toMatchObject({ state: 'done', result: { created: 3, updated: 0 } });
    const list = await app.ok('participants.list', { sort: 'code' });
    expect(list.rows.map((p) => [p.code, p.lastNames, p.firstNames, p.sex, p.birthYear, p.establishmentName, p.status])).toEqual([
      ['HY-0001', 'Quispe Huamán', 'Juan', 'masculino', 1990, 'E.P. de Huancayo', 'activo'],
      ['HY-0002', 'Rojas Salas', 'Pedro', 'masculino', 1985, 'E.P. de Huancayo', 'activo'],
      ['HY-0003', 'Torres Vargas', 'Rosa', 'femenino', 1988, 'E.P. de Huancayo', 'activo'],
    ]);
    // The alta on the day written, never with day and month swapped (03/04 is 3 April).
    const p3 = list.rows.find((p) => p.code === 'HY-0003')!;
    expect((await app.ok('participants.history', { id: p3.id })).map((m) => [m.kind, m.date])).toEqual([['alta', '2026-04-03']]);
    const p2 = list.rows.find((p) => p.code === 'HY-0002')!;
    expect((await app.ok('participants.history', { id: p2.id })).map((m) => m.date)).toEqual(['2026-03-09']);

    // Upsert: names corrected; the establishment changes only by a transfer, never from a sheet.
    const again = await xlsx([['HY-0003', 'Torres Vargas', 'Rosa Elena', 'F', 1988, 'E.P. de Lurigancho', '03/04/2026']]);
    const up3 = await app.ok('import.inspect', { target: 'participants', fileName: 'padron.xlsx', dataBase64: again });
    expect(up3.savedMapping).toMatchObject({ code: 'Código INPE', establishment: 'Establecimiento' });
    const refusedCreate = ImportReport.parse((await job('import.dryRun', up3.uploadId, mapping)).result);
    expect(refusedCreate.errors.map((e) => [e.row, e.field])).toEqual([[4, 'code']]);
    expect(await job('import.run', up3.uploadId, mapping, 'upsert')).toMatchObject({ state: 'done', result: { created: 0, updated: 1 } });
    expect(await app.ok('participants.get', { id: p3.id })).toMatchObject({
      firstNames: 'Rosa Elena',
      establishmentName: 'E.P. de Huancayo',
    });
    const audit = await app.ok('audit.list', { filter: { entity: 'participant' } });
    expect(JSON.stringify(audit)).not.toContain('Torres');
  });
});
