import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseCsv } from '../../../electron/main/import/read';
import { suggestMapping } from '../../../electron/main/import/engine';
import { importTargets } from '../../../electron/main/import/targets';
import { parseYesNo } from '../../../electron/main/establishments/import-target';
import { ImportReport, ImportResult, type ImportMapping } from '../../../shared/import/schemas';
import { snapshot, testApp, validEstablishment, type TestApp } from '../../helpers/services';
import { importJob, type ImportJobName } from '../../helpers/import';

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
});
afterEach(() => app.close());

const HEADERS = ['Código', 'Nombre', 'Oficina regional', 'Población', 'Ciudad', 'En el programa'];
const MAPPING: ImportMapping = {
  code: 'Código',
  name: 'Nombre',
  regionalOffice: 'Oficina regional',
  population: 'Población',
  city: 'Ciudad',
  inProgramme: 'En el programa',
};

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hoja1');
  rows.forEach((r, i) => {
    if (r.length > 0) ws.getRow(i + 1).values = r as ExcelJS.CellValue[];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const b64 = (b: Buffer | string) => (typeof b === 'string' ? Buffer.from(b, 'utf8') : b).toString('base64');

async function inspect(bytes: Buffer, fileName = 'establecimientos.xlsx') {
  return app.ok('import.inspect', { target: 'establishments', fileName, dataBase64: b64(bytes) });
}

const runJob = (name: ImportJobName, uploadId: string, mode: 'create' | 'upsert' = 'create', mapping = MAPPING) =>
  importJob(app, name, uploadId, mapping, { mode });

const goodRows = [
  HEADERS,
  ['EP-HCO-01', 'E.P. de Huánuco', 'Huanuco', 'Varones', 'Huánuco', 'Sí'],
  ['ep-ori-02', 'E.P. de Pucallpa', 'ORI', 'mixto', 'Pucallpa', 'X'],
  ['EP-AQP-03', 'E.P. de Mujeres de Arequipa', 'Sur (Arequipa)', 'MUJERES', 'Arequipa', ''],
  ['EP-LIM-04', 'E.P. Ñaña', 'o.r. lima', 'Varones', 'Lurigancho', 'N'],
];

describe('reading files', () => {
  it('suggests a mapping from labels and synonyms, ignoring case and accents', () => {
    const target = importTargets.establishments;
    expect(
      suggestMapping(target, [
        'CODIGO',
        'Nombre del establecimiento',
        'OFICINA REGIONAL',
        'poblacion',
        'ciudad',
        'En el Programa',
        'Observaciones',
      ]),
    ).toEqual({
      code: 'CODIGO',
      name: 'Nombre del establecimiento',
      regionalOffice: 'OFICINA REGIONAL',
      population: 'poblacion',
      city: 'ciudad',
      inProgramme: 'En el Programa',
    });
    expect(suggestMapping(target, ['Cód.', 'Establecimiento', 'Región', 'Sexo', 'Distrito'])).toEqual({
      code: 'Cód.',
      name: 'Establecimiento',
      regionalOffice: 'Región',
      population: 'Sexo',
      city: 'Distrito',
      inProgramme: null,
    });
    // English headers (the labels of the second language) match too.
    expect(suggestMapping(target, ['Code', 'Name', 'Regional office', 'Population', 'City'])).toMatchObject({
      code: 'Code',
      regionalOffice: 'Regional office',
    });
  });

  it('inspects an XLSX: headers from the first non-empty row, samples, row count', async () => {
    const r = await inspect(await xlsx([[], ...goodRows]));
    expect(r.headers).toEqual(HEADERS);
    expect(r.rowCount).toBe(4);
    expect(r.sampleRows[0]).toEqual(['EP-HCO-01', 'E.P. de Huánuco', 'Huanuco', 'Varones', 'Huánuco', 'Sí']);
    expect(r.suggestedMapping).toEqual(MAPPING);
    expect(r.savedMapping).toBeNull();
    expect(r.fields.map((f) => `${f.label}${f.required ? '*' : ''}`)).toEqual([
      'Código*',
      'Nombre*',
      'Oficina regional*',
      'Población*',
      'Ciudad*',
      'En el programa',
    ]);
  });

  it('reads a CSV with ";" and a UTF-8 BOM with its accents right', async () => {
    const csv = '\uFEFF' + goodRows.map((r) => r.join(';')).join('\r\n') + '\r\n';
    const r = await inspect(Buffer.from(csv, 'utf8'), 'establecimientos.csv');
    expect(r.headers).toEqual(HEADERS);
    expect(r.sampleRows[0]![1]).toBe('E.P. de Huánuco');
    expect(r.sampleRows[3]![1]).toBe('E.P. Ñaña');
  });

  it('reads a Windows-1252 CSV (as Excel in Spanish saves it) with its accents right', async () => {
    const text = goodRows.map((r) => r.join(';')).join('\r\n');
    const bytes = Buffer.from(text, 'latin1'); // every character here is in Latin-1, so this is Windows-1252
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await inspect(bytes, 'ESTABLECIMIENTOS.CSV');
    expect(r.headers).toEqual(HEADERS);
    expect(r.sampleRows.map((s) => s[1])).toContain('E.P. Ñaña');
    expect(r.sampleRows[0]![4]).toBe('Huánuco');
    expect(decodeText(Uint8Array.from([0x80, 0x93, 0x94, 0xe1]))).toBe('€“”á');
  });

  it('parses CSV quoting and detects the delimiter', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n')).toBe(',');
    expect(detectDelimiter('"x;y",b,c\n')).toBe(',');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(parseCsv('a,"b,c","d ""e"""\r\n"línea\nnueva",2,\n', ',')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['línea\nnueva', '2', ''],
    ]);
  });

  it('a comma CSV, with blank and repeated headers and an empty line, keeps Excel row numbers', async () => {
    const csv = 'Código,Nombre,,Nombre\nEP-1,Uno,x,y\n\nEP-2,Dos,,\n';
    const r = await inspect(Buffer.from(csv), 'a.csv');
    expect(r.headers).toEqual(['Código', 'Nombre', 'Columna C', 'Nombre (2)']);
    expect(r.rowCount).toBe(2);
  });

  it('honours Excel\'s "sep=" line and reads UTF-16 ("Texto Unicode") files', async () => {
    const withHint = await inspect(Buffer.from('sep=,\nCódigo,Nombre;con punto y coma\nEP-1,Uno;dos\n'), 'a.csv');
    expect(withHint.headers).toEqual(['Código', 'Nombre;con punto y coma']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Código\tNombre\r\nEP-1\tÑaña\r\n', 'utf16le')]);
    const r = await inspect(utf16, 'unicode.txt');
    expect(r.headers).toEqual(['Código', 'Nombre']);
    expect(r.sampleRows[0]).toEqual(['EP-1', 'Ñaña']);
  });

  it('refuses files it cannot import, in Spanish', async () => {
    const cases: Array<[Buffer, string, string]> = [
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'viejo.xls', 'formato antiguo de Excel (.xls)'],
      [Buffer.from('%PDF-1.4'), 'informe.pdf', 'Solo se pueden importar libros de Excel (.xlsx) y archivos CSV.'],
      [Buffer.from('PK\u0003\u0004basura'), 'roto.xlsx', 'No se pudo leer el archivo.'],
      [Buffer.from('Código;Nombre\n'), 'solo-titulos.csv', 'no hay filas que importar'],
      [Buffer.from(' ; \n\n'), 'vacio.csv', 'El archivo está vacío.'],
    ];
    for (const [bytes, name, message] of cases) {
      const r = await app.call('import.inspect', { target: 'establishments', fileName: name, dataBase64: b64(bytes) });
      expect(r.ok, name).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('validation');
        expect(r.error.message).toContain(message);
      }
    }
    const big = await app.call('import.inspect', { target: 'establishments', fileName: 'x.csv', dataBase64: 'A'.repeat(21_000_000) });
    expect(big).toMatchObject({ ok: false, error: { fields: { dataBase64: expect.stringContaining('demasiado grande') } } });
  });

  it('reads the yes/no column the way clerks write it', () => {
    for (const v of ['Sí', 'si', 'S', 's', 'X', 'x', 'SI', 'yes', true, 1, '1', '✓']) expect(parseYesNo(v), String(v)).toBe(true);
    for (const v of ['No', 'no', 'N', '', null, false, 0, '0']) expect(parseYesNo(v), String(v)).toBe(false);
    for (const v of ['quizá', 'talvez', '2', new Date()]) expect(parseYesNo(v), String(v)).toBeNull();
  });
});

describe('dry run', () => {
  it('lists each bad row with its spreadsheet row number and a Spanish message, and writes nothing', async () => {
    await app.ok('establishments.create', validEstablishment({ code: 'EP-EXISTE-01' }));
    const rows = [
      ['Relación de establecimientos 2026'], // a title row: row 1
      [], // row 2 empty
      HEADERS, // row 3
      ['EP-OK-01', 'E.P. Correcto', 'Lima', 'Varones', 'Lima', 'Sí'], // 4
      ['EP-MAL-01', 'E.P. de Marte', 'Marte', 'Varones', 'Olympus', 'No'], // 5 unknown office
      ['EP-DUP-01', 'E.P. Primero', 'Norte', 'Mujeres', 'Trujillo', ''], // 6 duplicate
      ['EP-DUP-01', 'E.P. Segundo', 'Norte', 'Mujeres', 'Trujillo', ''], // 7 duplicate
      ['EP 99', 'ab', 'Sur', 'Niños', '', 'quizá'], // 8 five errors
      ['EP-EXISTE-01', 'E.P. Ya existe', 'Centro', 'Mixto', 'Huancayo', 'S'], // 9 exists (create mode)
    ];
    const up = await inspect(await xlsx(rows));
    // The title above the table (one cell) is passed over: the headers are in row 3.
    expect(up.headers).toEqual(HEADERS);
    expect(up.rowCount).toBe(6);
    const before = await snapshot(app.db);
    const status = await runJob('import.dryRun', up.uploadId);
    expect(status.state).toBe('done');
    const report = ImportReport.parse(status.result);
    expect(report).toMatchObject({ total: 6, valid: 1, invalid: 5, toCreate: 1, toUpdate: 0, errorCount: 9 });
    const lines = report.errors.map((e) => `${e.row}|${e.column}|${e.value}|${e.message}`);
    expect(lines).toEqual([
      '5|Oficina regional|Marte|No existe la oficina regional «Marte». Escriba su nombre, su sede o su código (por ejemplo: Oriente, Huánuco u ORI).',
      '6|Código|EP-DUP-01|«EP-DUP-01» se repite en las filas 6 y 7 del archivo.',
      '7|Código|EP-DUP-01|«EP-DUP-01» se repite en las filas 6 y 7 del archivo.',
      '8|Código|EP 99|Use solo letras, números y guiones, empezando por una letra o un número.',
      '8|Nombre|ab|Escriba al menos 3 caracteres.',
      '8|Población|Niños|Escriba Varones, Mujeres o Mixto.',
      '8|Ciudad||Este campo es obligatorio.',
      '8|En el programa|quizá|Escriba Sí o No (también vale S, N, X o dejarlo vacío).',
      '9|Código|EP-EXISTE-01|Ya existe un establecimiento con el código EP-EXISTE-01.',
    ]);
    expect(report.errors).toHaveLength(9);
    expect(await snapshot(app.db)).toBe(before);
  });

  it('in upsert mode an existing code counts as an update', async () => {
    await app.ok('establishments.create', validEstablishment({ code: 'EP-HCO-01' }));
    const up = await inspect(await xlsx(goodRows));
    const report = ImportReport.parse((await runJob('import.dryRun', up.uploadId, 'upsert')).result);
    expect(report).toMatchObject({ total: 4, valid: 4, invalid: 0, toCreate: 3, toUpdate: 1, errors: [] });
  });

  it('refuses a mapping that misses a required field or names a column the file does not have', async () => {
    const up = await inspect(await xlsx(goodRows));
    const before = await snapshot(app.db);
    const r = await app.call('import.dryRun', {
      uploadId: up.uploadId,
      mode: 'create',
      mapping: { code: 'Código', name: 'Código', regionalOffice: 'Región', population: null, city: 'Ciudad', color: 'Nombre' },
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: 'Revise los campos marcados.',
        fields: {
          'mapping.name': 'La columna «Código» ya está asignada a otro dato.',
          'mapping.regionalOffice': 'El archivo no tiene la columna «Región».',
          'mapping.population': 'Elija la columna que contiene este dato.',
          'mapping.color': 'Este dato no corresponde a este formulario.',
        },
      },
    });
    expect(await app.call('import.run', { uploadId: 'no-existe', mapping: MAPPING, mode: 'create' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'El archivo ya no está cargado. Vuelva a elegirlo.' },
    });
    expect(await snapshot(app.db)).toBe(before);
  });
});

describe('import', () => {
  it('a file with one bad row imports nothing and fails with the report', async () => {
    const rows = [...goodRows, ['EP-MAL-01', 'E.P. Malo', 'Atlántida', 'Varones', 'Lima', 'Sí']];
    const up = await inspect(await xlsx(rows));
    const before = await snapshot(app.db);
    const status = await runJob('import.run', up.uploadId);
    expect(status).toMatchObject({
      state: 'failed',
      error: { code: 'validation', message: 'Hay 1 fila con errores. No se importó nada.' },
    });
    const report = ImportReport.parse(status.result);
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 6, field: 'regionalOffice', column: 'Oficina regional', value: 'Atlántida' }),
    ]);
    expect(await snapshot(app.db)).toBe(before);
  });

  it('a good file creates every row, one audit entry each, and remembers the mapping', async () => {
    const up = await inspect(await xlsx(goodRows));
    const status = await runJob('import.run', up.uploadId);
    expect(status.state, JSON.stringify(status.error)).toBe('done');
    expect(ImportResult.parse(status.result)).toEqual({ total: 4, created: 4, updated: 0 });

    const list = await app.ok('establishments.list', { sort: 'code' });
    expect(list.rows.map((e) => [e.code, e.name, e.regionalOfficeName, e.population, e.city, e.inProgramme])).toEqual([
      ['EP-AQP-03', 'E.P. de Mujeres de Arequipa', 'Sur', 'mujeres', 'Arequipa', false],
      ['EP-HCO-01', 'E.P. de Huánuco', 'Oriente', 'varones', 'Huánuco', true],
      ['EP-LIM-04', 'E.P. Ñaña', 'Lima', 'varones', 'Lurigancho', false],
      ['EP-ORI-02', 'E.P. de Pucallpa', 'Oriente', 'mixto', 'Pucallpa', true],
    ]);
    const audit = await app.db('audit_log').orderBy('id');
    expect(audit).toHaveLength(4);
    expect(audit.every((a) => a.channel === 'import.run' && a.entity === 'establishment' && a.action === 'create')).toBe(true);
    expect(new Set(audit.map((a) => a.at)).size).toBe(1);
    expect(JSON.parse(audit[0].after_json)).toMatchObject({ code: 'EP-HCO-01', version: 1, updatedBy: 'Administrador local' });

    // The next file of this target proposes the same mapping.
    const next = await inspect(await xlsx(goodRows));
    expect(next.savedMapping).toEqual(MAPPING);
    expect(await app.db('settings').where({ key: 'import.mapping.establishments' }).first()).toBeTruthy();
  });

  it('in upsert mode updates existing establishments by code (new version, updated_by), creates the rest', async () => {
    const existing = await app.ok(
      'establishments.create',
      validEstablishment({ code: 'EP-HCO-01', name: 'Nombre viejo', inProgramme: true }),
    );
    await app.db('establishments').where({ id: existing.id }).update({ updated_by: 'Otra persona' });
    const up = await inspect(
      await xlsx([
        ['Código', 'Nombre', 'Oficina regional', 'Población', 'Ciudad'],
        ['EP-HCO-01', 'E.P. de Huánuco', 'Oriente', 'Varones', 'Huánuco'],
        ['EP-NEW-01', 'E.P. Nuevo', 'Altiplano', 'Mujeres', 'Puno'],
      ]),
    );
    const { inProgramme: _unmapped, ...mapping } = MAPPING;

    // In create mode the existing code is an error.
    const refused = await runJob('import.run', up.uploadId, 'create', mapping);
    expect(refused).toMatchObject({ state: 'failed' });
    expect(ImportReport.parse(refused.result).errors[0]!.message).toBe('Ya existe un establecimiento con el código EP-HCO-01.');

    const status = await runJob('import.run', up.uploadId, 'upsert', mapping);
    expect(ImportResult.parse(status.result)).toEqual({ total: 2, created: 1, updated: 1 });
    const after = await app.ok('establishments.get', { id: existing.id });
    expect(after).toMatchObject({
      name: 'E.P. de Huánuco',
      regionalOfficeName: 'Oriente',
      city: 'Huánuco',
      inProgramme: true, // not in the file: kept
      version: 2,
      updatedBy: 'Administrador local',
    });
    const audit = await app.db('audit_log').where({ channel: 'import.run' }).orderBy('id');
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    expect(JSON.parse(audit[0].before_json).name).toBe('Nombre viejo');
    expect(JSON.parse(audit[0].after_json).name).toBe('E.P. de Huánuco');
  });

  it('reports progress every ~200 rows, and cancelling mid-import rolls everything back', async () => {
    const rows: unknown[][] = [HEADERS];
    for (let i = 1; i <= 1000; i++) rows.push([`EP-T-${i}`, `E.P. de Prueba ${i}`, 'Lima', 'Varones', 'Lima', 'No']);
    const up = await inspect(await xlsx(rows));
    const before = await snapshot(app.db);
    const seen: string[] = [];
    const stop = app.jobs.watch((s) => {
      seen.push(`${s.phase}:${s.done}/${s.total}`);
      if (s.state === 'running' && s.phase === 'write' && s.done >= 400) app.jobs.cancel(s.id);
    });
    const status = await runJob('import.run', up.uploadId);
    stop();
    expect(status).toMatchObject({
      state: 'cancelled',
      error: { code: 'cancelled', message: 'Se canceló la tarea. No se guardó ningún cambio.' },
    });
    expect(seen).toContain('validate:1000/1000');
    expect(seen).toEqual(expect.arrayContaining(['write:0/1000', 'write:200/1000', 'write:400/1000']));
    expect(seen).not.toContain('write:600/1000');
    expect(await snapshot(app.db)).toBe(before);

    // The same upload, not cancelled, imports every row.
    const done = await runJob('import.run', up.uploadId);
    expect(ImportResult.parse(done.result)).toEqual({ total: 1000, created: 1000, updated: 0 });
    expect(await app.db('audit_log').where({ channel: 'import.run' }).count({ n: '*' })).toEqual([{ n: 1000 }]);
  });

  it('the import reads numbers, booleans and formulas as a clerk typed them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Datos');
    ws.addRow(HEADERS);
    ws.addRow([
      101,
      { richText: [{ text: 'E.P. ' }, { text: 'Rico' }] },
      { formula: '"Nor"&" Oriente"', result: 'Nor Oriente' },
      'Varones',
      'Tarapoto',
      true,
    ]);
    const up = await inspect(Buffer.from(await wb.xlsx.writeBuffer()));
    const status = await runJob('import.run', up.uploadId);
    expect(status.state, JSON.stringify(status.result)).toBe('done');
    const [e] = (await app.ok('establishments.list', {})).rows;
    expect(e).toMatchObject({ code: '101', name: 'E.P. Rico', regionalOfficeName: 'Nor Oriente', inProgramme: true });
  });
});
