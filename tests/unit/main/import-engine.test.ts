import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../electron/main/import/engine';
import { importTargets } from '../../../electron/main/import/targets';
import { registerKey } from '../../../electron/main/import/values';
import { ImportReport, ImportResult, type ImportMapping, type ImportValueMapping } from '../../../shared/import/schemas';
import { appWithDemoEstablishments, snapshot } from '../../helpers/services';
import { appPerTest } from '../../helpers/per-test';
import { importJob, type ImportJobName } from '../../helpers/import';

/**
 * The import engine, shared by every importer, against the spreadsheets clerks really
 * have: merged title rows above the header, a totals row at the bottom, names that do
 * not quite match the registers, and several problems per row — all reported by ONE dry
 * run, each with its row number as Excel shows it.
 */

const app = appPerTest(appWithDemoEstablishments);

const HEADERS = [
  'Cód. patrimonial',
  'Descripción del bien',
  'Marca',
  'Fecha de adquisición',
  'Valor (S/)',
  'Estado',
  'Establecimiento Penitenciario',
];

/** A workbook as the office exports it: two merged title rows, an empty row, then the table (header in row 4). */
async function workbook(rows: unknown[][], extra?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Inventario');
  ws.getRow(1).values = ['INSTITUTO NACIONAL PENITENCIARIO'];
  ws.mergeCells('A1:G1');
  ws.getRow(2).values = ['Inventario de instrumentos musicales — INPE Orquestando 2026'];
  ws.mergeCells('A2:G2');
  ws.getRow(4).values = HEADERS;
  rows.forEach((r, i) => (ws.getRow(i + 5).values = r as ExcelJS.CellValue[]));
  extra?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const inspect = (dataBase64: string) => app.ok('import.inspect', { target: 'instruments', fileName: 'inventario.xlsx', dataBase64 });

const job = (name: ImportJobName, uploadId: string, mapping: ImportMapping, more: Parameters<typeof importJob>[4] = {}) =>
  importJob(app, name, uploadId, mapping, more);

async function establishmentId(name: string): Promise<number> {
  const page = await app.ok('establishments.list', { search: name });
  const e = page.rows.find((r) => r.name === name);
  if (!e) throw new Error(`no ${name}`);
  return e.id;
}
async function typeId(name: string): Promise<number> {
  const t = (await app.ok('instrumentTypes.list', {})).find((r) => r.name === name);
  if (!t) throw new Error(`no ${name}`);
  return t.id;
}

describe('the header row', () => {
  it('is the row that names the fields, below merged titles; the clerk sees which and may choose another', async () => {
    const up = await inspect(
      await workbook([
        ['VIO-0101', 'Violín', 'Stentor', '15/03/2024', '1,250.00', 'Bueno', 'Lurigancho'],
        ['VIO-0102', 'Viola', 'Stentor', '', '980', 'Bueno', 'Callao'],
      ]),
    );
    // exceljs repeats a merged title in every cell it covers: the title is NOT taken as the headers.
    expect(up.headerRow).toBe(4);
    expect(up.headers).toEqual(HEADERS);
    expect(up.rowCount).toBe(2);
    expect(up.suggestedMapping).toMatchObject({
      code: 'Cód. patrimonial',
      type: 'Descripción del bien',
      acquisitionDate: 'Fecha de adquisición',
      cost: 'Valor (S/)',
      condition: 'Estado',
      establishment: 'Establecimiento Penitenciario',
    });
    // The rows offered instead: the first rows of the file, each read as the header row.
    expect(up.headerChoices.map((c) => c.headerRow)).toEqual([1, 2, 4, 5, 6]);
    expect(up.headerChoices[0]!.headers.slice(0, 2)).toEqual(['INSTITUTO NACIONAL PENITENCIARIO', 'INSTITUTO NACIONAL PENITENCIARIO (2)']);
    expect(up.headerChoices[0]!.suggestedMapping.code).toBeNull();
    expect(up.headerChoices.find((c) => c.headerRow === 4)).toMatchObject({ headers: HEADERS, rowCount: 2 });

    // Another header row, chosen by the clerk: the file is read from it.
    const fifth = up.headerChoices.find((c) => c.headerRow === 5)!;
    expect(fifth.headers[0]).toBe('VIO-0101');
    const report = ImportReport.parse(
      (await job('import.dryRun', up.uploadId, { code: 'VIO-0101', type: 'Violín' }, { headerRow: 5 })).result,
    );
    expect(report).toMatchObject({ headerRow: 5, total: 1, valid: 1 });

    // A row that is not among the first ones is refused, in Spanish, beside the choice.
    const r = await app.call('import.dryRun', { uploadId: up.uploadId, mapping: up.suggestedMapping, mode: 'create', headerRow: 3 });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', fields: { headerRow: expect.stringContaining('La fila 3') } } });
  });

  it('knows the headers clerks use for the type, the establishment and the cost', () => {
    const target = importTargets.instruments;
    expect(suggestMapping(target, ['Código', 'Denominación', 'Sede', 'Importe'])).toMatchObject({
      type: 'Denominación',
      establishment: 'Sede',
      cost: 'Importe',
    });
    expect(suggestMapping(target, ['Código', 'Descripción del bien', 'EP', 'Valor'])).toMatchObject({
      type: 'Descripción del bien',
      establishment: 'EP',
      cost: 'Valor',
    });
    expect(suggestMapping(target, ['Código', 'Tipo', 'Establecimiento Penitenciario', 'Valor (S/)'])).toMatchObject({
      establishment: 'Establecimiento Penitenciario',
      cost: 'Valor (S/)',
    });
  });
});

describe('one dry run reports every problem', () => {
  it('merged titles, a totals row, unknown values and duplicates hidden behind other errors: all at once, with their rows', async () => {
    await app.ok('instruments.create', {
      code: 'EXI-0001',
      typeId: await typeId('Trombón'),
      costCentimos: 100000,
      funding: 'presupuesto_inpe',
      condition: 'bueno',
      altaDate: '2026-03-01',
      establishmentId: await establishmentId('E.P. de Lurigancho'),
    });
    const file = await workbook(
      [
        ['VIO-0101', 'Violín', 'Stentor', '15/03/2024', '1,250.00', 'Bueno', 'E.P. de Mujeres Chorrillos'], // 5: correct
        ['TRP-0001', 'Trompetilla', 'Bach', '', '900', 'bueno', 'EP Mujeres de Chorrillos'], // 6: unknown type; same code as row 9
        ['EXI-0001', 'Trombón', 'Yamaha', '', '1.234', 'bueno', 'Lurigancho'], // 7: already registered; doubtful amount
        ['VIO-0102', 'Violín 4/4', 'Cremona', '', '480', 'nuevo', 'E.P. de Marte'], // 8: unknown type and establishment
        ['TRP-0001', 'Trompeta', '', '31/02/2024', '300', 'como nuevo', ''], // 9: same code as row 6; bad date; bad condition
        ['VIO-0103', 'violin 4/4', '', '', '480', 'nuevo', 'e.p. de marte'], // 10: the same unknown values as row 8
        ['TOTAL', '', '', '', 'S/ 3,410.00', '', ''], // 11: totals (text)
      ],
      (ws) => {
        ws.getCell('E12').value = { formula: 'SUM(E5:E10)', result: 3410 } as ExcelJS.CellFormulaValue; // 12: totals (a formula)
      },
    );
    const up = await inspect(file);
    expect(up.headerRow).toBe(4);
    expect(up.rowCount).toBe(6);
    expect(up.skipped.map((s) => s.message)).toEqual([
      'Fila 11: es una fila de totales; se pasa por alto.',
      'Fila 12: es una fila de totales; se pasa por alto.',
    ]);

    const before = await snapshot(app.db);
    const status = await job('import.dryRun', up.uploadId, up.suggestedMapping);
    expect(status.state).toBe('done');
    const report = ImportReport.parse(status.result);
    expect(report).toMatchObject({ headerRow: 4, total: 6, valid: 1, invalid: 5, toCreate: 1 });
    expect(report.errors.map((e) => `${e.row}|${e.column}|${e.value}|${e.message}`)).toEqual([
      '6|Cód. patrimonial|TRP-0001|«TRP-0001» se repite en las filas 6 y 9 del archivo.',
      '7|Cód. patrimonial|EXI-0001|Ya existe un instrumento con el código patrimonial EXI-0001.',
      '7|Valor (S/)|1.234|El monto «1.234» es dudoso: no se sabe si el separador marca los miles o los céntimos. Escríbalo sin separador de miles (1234) o con sus dos decimales (1234.00).',
      '9|Cód. patrimonial|TRP-0001|«TRP-0001» se repite en las filas 6 y 9 del archivo.',
      '9|Fecha de adquisición|31/02/2024|Escriba una fecha válida (dd/mm/aaaa).',
      '9|Estado|como nuevo|Valor no reconocido. Use uno de: nuevo, bueno, regular, malo, inoperativo.',
    ]);
    // Each unknown value once, with its rows, and the closest records.
    expect(report.unknownValues.map((u) => [u.field, u.column, u.value, u.count, u.rows])).toEqual([
      ['type', 'Descripción del bien', 'Trompetilla', 1, [6]],
      ['type', 'Descripción del bien', 'Violín 4/4', 2, [8, 10]],
      ['establishment', 'Establecimiento Penitenciario', 'E.P. de Marte', 2, [8, 10]],
    ]);
    expect(report.unknownValues[0]!.suggestions[0]!.label).toBe('Trompeta');
    expect(report.unknownValues[1]!.suggestions[0]!.label).toBe('Violín');
    expect(report.registers.type!.map((t) => t.label)).toContain('Trombón');
    expect(report.skipped.map((s) => s.row)).toEqual([11, 12]);
    expect(await snapshot(app.db)).toBe(before);

    // The import refuses the same file and writes nothing.
    const refused = await job('import.run', up.uploadId, up.suggestedMapping);
    expect(refused).toMatchObject({ state: 'failed', error: { message: 'Hay 5 filas con errores. No se importó nada.' } });
    expect(await snapshot(app.db)).toBe(before);
  });

  it('says which blank rows inside the table it passed over, a run of them in one note, but not the formatted rows below it', async () => {
    const file = await workbook(
      [
        ['VIO-0101', 'Violín', 'Stentor', '15/03/2024', '1,250.00', 'Bueno', 'Lurigancho'], // 5
        [], // 6: blank
        ['VIO-0102', 'Viola', 'Stentor', '', '980', 'Bueno', 'Callao'], // 7
        [], // 8 to 10: blank
        [],
        [' ', '', ''], // only spaces
        ['VIO-0103', 'Violín', 'Stentor', '', '980', 'Bueno', 'Callao'], // 11
      ],
      (ws) => {
        // Excel keeps the borders of an empty table's last rows: nothing to say of them.
        for (let r = 12; r <= 30; r++) ws.getCell(`A${r}`).border = { top: { style: 'thin' } };
      },
    );
    const up = await inspect(file);
    expect(up.rowCount).toBe(3);
    expect(up.skipped).toEqual([
      { row: 6, message: 'Fila 6: está en blanco; se pasa por alto.' },
      { row: 8, message: 'Filas 8 a 10: están en blanco; se pasan por alto.' },
    ]);
    const report = ImportReport.parse((await job('import.dryRun', up.uploadId, up.suggestedMapping)).result);
    expect(report.skipped).toEqual(up.skipped);
    expect(report.total).toBe(3);
  });

  it('matches register names without regard to case, accents, dots, spaces and the words E.P., de, del, la', () => {
    expect(registerKey('E.P. de Mujeres Chorrillos')).toBe(registerKey('E.P. de Mujeres de Chorrillos'));
    expect(registerKey('EP  mujeres   de  CHORRILLOS')).toBe(registerKey('E. P. de Mujeres de Chorrillos'));
    expect(registerKey('Callao')).toBe(registerKey('E.P. del Callao'));
    expect(registerKey('violin')).toBe(registerKey('Violín'));
    expect(registerKey('Violín 4/4')).not.toBe(registerKey('Violín'));
  });
});

describe('values that are not in a register', () => {
  it('are mapped once by the clerk (or created, for types), imported, and remembered for the next file', async () => {
    const file = await workbook([
      ['VIO-0201', 'Violín 4/4', 'Cremona', '', '480', 'nuevo', 'E.P. de Mujeres Chorrillos'],
      ['TRB-0001', 'Trombón de vara', 'Yamaha', '', '2500', 'bueno', 'Penal de Marte'],
      ['VIO-0202', 'VIOLIN 4/4', 'Cremona', '', '480', 'nuevo', 'penal de marte'],
    ]);
    const up = await inspect(file);
    const mapping = up.suggestedMapping;
    const first = ImportReport.parse((await job('import.dryRun', up.uploadId, mapping)).result);
    expect(first).toMatchObject({ valid: 0, invalid: 3, errors: [] });
    expect(first.unknownValues.map((u) => [u.value, u.count])).toEqual([
      ['Violín 4/4', 2],
      ['Trombón de vara', 1],
      ['Penal de Marte', 2],
    ]);
    const [violin, trombone, marte] = first.unknownValues as [
      (typeof first.unknownValues)[0],
      (typeof first.unknownValues)[0],
      (typeof first.unknownValues)[0],
    ];
    expect(trombone.suggestions[0]!.label).toBe('Trombón');

    const lurigancho = await establishmentId('E.P. de Lurigancho');
    const values: ImportValueMapping = {
      type: { [violin.key]: { id: await typeId('Violín') }, [trombone.key]: { create: 'vientos_metal' } },
      establishment: { [marte.key]: { id: lurigancho } },
    };
    const before = await snapshot(app.db);
    const second = ImportReport.parse((await job('import.dryRun', up.uploadId, mapping, { values })).result);
    expect(second).toMatchObject({ valid: 3, invalid: 0, toCreate: 3, unknownValues: [], errors: [] });
    expect(second.newValues).toEqual([{ field: 'type', value: 'Trombón de vara', option: 'vientos_metal', count: 1 }]);
    expect(await snapshot(app.db)).toBe(before);

    const done = await job('import.run', up.uploadId, mapping, { values });
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(ImportResult.parse(done.result)).toEqual({ total: 3, created: 3, updated: 0 });
    const list = await app.ok('instruments.list', { sort: 'code' });
    expect(list.rows.map((r) => [r.code, r.typeName, r.establishmentName])).toEqual([
      ['TRB-0001', 'Trombón de vara', 'E.P. de Lurigancho'],
      ['VIO-0201', 'Violín', 'E.P. de Mujeres de Chorrillos'],
      ['VIO-0202', 'Violín', 'E.P. de Lurigancho'],
    ]);
    const created = (await app.ok('instrumentTypes.list', {})).find((t) => t.name === 'Trombón de vara');
    expect(created).toMatchObject({ family: 'vientos_metal', active: true });
    const typeAudit = await app.db('audit_log').where({ channel: 'import.run', entity: 'instrumentType' });
    expect(typeAudit).toHaveLength(1);

    // The next file proposes the same values: the clerk does not map them again.
    const next = await inspect(await workbook([['VIO-0203', 'violín 4/4', '', '', '', '', 'Penal de Marte']]));
    expect(next.savedValues).toEqual({
      type: { [violin.key]: { id: await typeId('Violín') } },
      establishment: { [marte.key]: { id: lurigancho } },
    });
    const again = ImportReport.parse((await job('import.dryRun', next.uploadId, mapping, { values: next.savedValues! })).result);
    expect(again).toMatchObject({ valid: 1, invalid: 0, unknownValues: [] });
  });
});

describe('a user restricted to one establishment', () => {
  let mine: number;
  let theirs: number;
  beforeEach(async () => {
    mine = await establishmentId('E.P. de Lurigancho');
    theirs = await establishmentId('E.P. del Callao');
    await app.ok('instruments.create', {
      code: 'AJE-0001',
      typeId: await typeId('Violín'),
      costCentimos: 50000,
      funding: 'presupuesto_inpe',
      condition: 'bueno',
      altaDate: '2026-03-01',
      establishmentId: theirs,
    });
    await app.signInAs('inventario', { establishmentIds: [mine] });
  });

  it('cannot create instruments in another establishment (named, mapped, or none) through an import', async () => {
    const up = await inspect(
      await workbook([
        ['MIO-0001', 'Violín', '', '', '100', 'bueno', 'Lurigancho'], // 5: theirs to keep
        ['AJE-0002', 'Violín', '', '', '100', 'bueno', 'E.P. del Callao'], // 6: another establishment
        ['AJE-0003', 'Violín', '', '', '100', 'bueno', 'Almacén central'], // 7: none of theirs
        ['AJE-0004', 'Violín', '', '', '100', 'bueno', 'Penal del puerto'], // 8: mapped below to Callao
      ]),
    );
    const before = await snapshot(app.db);
    const dry = await job('import.dryRun', up.uploadId, up.suggestedMapping);
    const report = ImportReport.parse(dry.result);
    // A restricted user is offered only their own establishments for an unknown value.
    expect(report.registers.establishment!.map((e) => e.id)).toEqual([mine]);
    const puerto = report.unknownValues.find((u) => u.value === 'Penal del puerto')!;
    const values = { establishment: { [puerto.key]: { id: theirs } } };

    for (const name of ['import.dryRun', 'import.run'] as const) {
      const status = await job(name, up.uploadId, up.suggestedMapping, { values });
      const r = ImportReport.parse(status.result);
      expect(r, name).toMatchObject({ valid: 1, invalid: 3 });
      expect(
        r.errors.map((e) => `${e.row}|${e.value}|${e.message}`),
        name,
      ).toEqual([
        '6|E.P. del Callao|Su usuario no trabaja con ese establecimiento: solo puede importar registros de los suyos.',
        '7|Almacén central|Indique uno de sus establecimientos: su usuario no puede registrar instrumentos fuera de ellos (ni en el almacén central).',
        '8|Penal del puerto|Su usuario no trabaja con ese establecimiento: solo puede importar registros de los suyos.',
      ]);
      if (name === 'import.run') expect(status.state).toBe('failed');
    }
    expect(await snapshot(app.db)).toBe(before);
  });

  it("cannot rewrite another establishment's instruments in update mode", async () => {
    const up = await inspect(await workbook([['AJE-0001', 'Viola', 'Otra marca', '', '1', 'malo', 'Lurigancho']]));
    const before = await snapshot(app.db);
    for (const name of ['import.dryRun', 'import.run'] as const) {
      const status = await job(name, up.uploadId, up.suggestedMapping, { mode: 'upsert' });
      expect(
        ImportReport.parse(status.result).errors.map((e) => `${e.row}|${e.message}`),
        name,
      ).toEqual(['5|El instrumento AJE-0001 está en un establecimiento con el que su usuario no trabaja: no puede modificarlo.']);
    }
    expect(await snapshot(app.db)).toBe(before);
    await app.signInAs('administrador');
    const page = await app.ok('instruments.list', { search: 'AJE-0001' });
    expect(page.rows[0]).toMatchObject({ code: 'AJE-0001', typeName: 'Violín', establishmentName: 'E.P. del Callao' });
  });
});
