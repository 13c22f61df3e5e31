import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportReport, type ImportMapping } from '../../../shared/import/schemas';
import { appWithDemoEstablishments, newParticipantAt, snapshot, type TestApp } from '../../helpers/services';
import { importJob, titledSheet } from '../../helpers/import';
import { newWorkshop } from '../../helpers/workshop-teachers';

let app: TestApp;
beforeEach(async () => {
  app = await appWithDemoEstablishments();
});
afterEach(() => app.close());

/** A choir in Huancayo with three sessions in March, five members (one since the 20th) and a painter from another workshop. */
async function choir() {
  const est = (await app.db('establishments').where({ name: 'E.P. de Huancayo' }).first('id')) as { id: number };
  const workshop = (name: string) => newWorkshop(app.ok, est.id, { name, discipline: 'Canto', endDate: '2026-07-31' });
  const w = await workshop('Canto coral');
  const other = await workshop('Pintura');
  const p = async (code: string, first: string, last: string) => (await newParticipantAt(app, est.id, code, first, last)).id;
  const ids = [
    await p('HY-0001', 'Juan', 'Quispe Huamán'),
    await p('HY-0002', 'Pedro', 'Rojas Salas'),
    await p('HY-0003', 'Luis', 'Torres Vargas'),
    await p('HY-0005', 'Jorge', 'Chávez Paredes'),
  ];
  const late = await p('HY-0004', 'Hugo', 'Flores Ramos');
  const painter = await p('HY-0009', 'Raúl', 'Mamani Ccori');
  await app.ok('enrolments.create', { workshopId: w.id, participantIds: ids, date: '2026-03-01' });
  await app.ok('enrolments.create', { workshopId: w.id, participantIds: [late], date: '2026-03-20' });
  await app.ok('enrolments.create', { workshopId: other.id, participantIds: [painter], date: '2026-03-01' });
  const sessions: number[] = [];
  for (const date of ['2026-03-02', '2026-03-09', '2026-03-16']) {
    sessions.push((await app.ok('sessions.create', { workshopId: w.id, date, durationMinutes: 120 })).id);
  }
  return { workshopId: w.id, sessions };
}

/** The teacher's sheet: a merged title and a subtitle above, a column per session (text dates and an Excel date), a TOTAL row. */
async function sheet(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Asistencia');
  ws.getRow(1).values = ['REGISTRO DE ASISTENCIA — TALLER CANTO CORAL'];
  ws.mergeCells('A1:G1');
  ws.getRow(2).values = ['E.P. Huancayo — marzo de 2026'];
  ws.getRow(3).values = ['N°', 'Código', 'Apellidos y nombres', '02/03/2026', new Date(Date.UTC(2026, 2, 9)), '16/03/2026', '23/03/2026'];
  rows.forEach((r, i) => (ws.getRow(i + 4).values = r as ExcelJS.CellValue[]));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const marksOf = async (sessionId: number) =>
  Object.fromEntries((await app.ok('attendance.get', { id: sessionId })).rows.map((r) => [r.code, r.present]));

describe('importing attendance from the teachers’ sheets', () => {
  it('reads a column per session date, reports exactly the planted errors by row and column, writes nothing, then imports', async () => {
    const { workshopId, sessions } = await choir();
    const messy = await sheet([
      [1, 'HY-0001', 'Quispe Huamán, Juan', 'A', 'A', 'F', ''], // 4: good — but its code comes again in row 12
      [2, 'HY-0002', 'Rojas Salas, Pedro', 'P', 1, 0, ''], // 5: good
      [], // 6: blank
      [3, 'HY-0003', 'Torres Vargas, Luis', 'A', '?', 'J', ''], // 7: marks the clerk has yet to map
      [4, 'HY-0004', 'Flores Ramos, Hugo', 'A', '', '', ''], // 8: marked before joining the group
      [5, 'HY-0009', 'Mamani Ccori, Raúl', 'A', '', '', ''], // 9: of another workshop
      [6, 'HY-0005', 'Chávez Paredes, Jorge', '', '', '', 'A'], // 10: a date with no session
      [7, 'HY-0099', 'Nadie, Nadie', 'A', '', '', ''], // 11: nobody by that code
      [8, 'HY-0001', 'Quispe Huamán, Juan', '', '', 'A', ''], // 12: the code of row 4 again
      ['TOTAL', '', '', 6, 2, 2, 1], // 13: totals
    ]);
    const up = await app.ok('import.inspect', {
      target: 'attendance',
      fileName: 'asistencia.xlsx',
      dataBase64: messy,
      fixed: { workshop: workshopId },
    });
    expect(up.headerRow).toBe(3);
    expect(up.rowCount).toBe(8);
    // The blank row and the totals row are passed over, and the clerk is told so.
    expect(up.skipped).toEqual([
      { row: 6, message: 'Fila 6: está en blanco; se pasa por alto.' },
      { row: 13, message: 'Fila 13: es una fila de totales; se pasa por alto.' },
    ]);
    // The workshop was chosen on its page: only the participant's column is asked for; the Excel date reads as the clerk sees it.
    expect(up.fields.map((f) => f.key)).toEqual(['participant']);
    expect(up.suggestedMapping.participant).toBe('Código');
    expect(up.headers).toContain('09/03/2026');
    const mapping: ImportMapping = { participant: 'Código' };

    const before = await snapshot(app.db);
    const dry = ImportReport.parse((await importJob(app, 'import.dryRun', up.uploadId, mapping)).result);
    expect(dry).toMatchObject({ headerRow: 3, total: 8, valid: 1, invalid: 7, errorRows: 5 });
    expect(dry.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [4, 'Código', expect.stringContaining('HY-0001')],
      [8, '02/03/2026', 'El participante no estaba en el grupo el 02/03/2026.'],
      [9, 'Código', '«HY-0009» no está inscrito en el taller Canto coral.'],
      [
        10,
        '23/03/2026',
        'No hay una sesión del 23/03/2026 en este taller. Regístrela en «Sesiones» (con su duración) y vuelva a importar.',
      ],
      [12, 'Código', expect.stringContaining('HY-0001')],
    ]);
    // Every distinct mark once, with how many rows hold it and what it is read as; "?" and J wait for the clerk.
    const [present, absent, none] = [1, 2, 3];
    expect(dry.unknownValues.map((u) => [u.field, u.column, u.value, u.count, u.matched ?? null])).toEqual([
      ['participant', 'Código', 'HY-0099', 1, null],
      ['mark', 'Marcas de asistencia', 'A', 7, present],
      ['mark', 'Marcas de asistencia', 'F', 1, absent],
      ['mark', 'Marcas de asistencia', 'P', 1, present],
      ['mark', 'Marcas de asistencia', '1', 1, present],
      ['mark', 'Marcas de asistencia', '0', 1, absent],
      ['mark', 'Marcas de asistencia', '?', 1, null],
      ['mark', 'Marcas de asistencia', 'J', 1, null],
    ]);
    expect(dry.unknownValues.find((u) => u.value === 'J')!.suggestions.map((e) => e.label)).toEqual([
      'Ausente',
      'Sin marca (no se registra)',
    ]);
    expect(dry.registers.mark).toEqual([
      { id: absent, label: 'Ausente' },
      { id: present, label: 'Presente' },
      { id: none, label: 'Sin marca (no se registra)' },
    ]);
    expect((await importJob(app, 'import.run', up.uploadId, mapping)).state).toBe('failed');
    expect(await snapshot(app.db)).toBe(before);

    const good = await sheet([
      [1, 'HY-0001', 'Quispe Huamán, Juan', 'A', 'A', 'F', ''],
      [2, 'HY-0002', 'Rojas Salas, Pedro', 'P', 1, 0, ''],
      [],
      [3, 'HY-0003', 'Torres Vargas, Luis', 'x', 'F', 'J', ''],
      [4, 'HY-0004', 'Flores Ramos, Hugo', '', '', '', ''],
      ['TOTAL', '', '', 3, 2, 0, 0],
    ]);
    const up2 = await app.ok('import.inspect', {
      target: 'attendance',
      fileName: 'asistencia.xlsx',
      dataBase64: good,
      fixed: { workshop: workshopId },
    });
    // J is never read on its own: the import waits until the clerk says what it means.
    expect(await importJob(app, 'import.run', up2.uploadId, mapping)).toMatchObject({ state: 'failed' });
    expect(await importJob(app, 'import.run', up2.uploadId, mapping, { values: { mark: { j: { id: absent } } } })).toMatchObject({
      state: 'done',
      result: { total: 4, created: 9, updated: 0 },
    });
    expect(await marksOf(sessions[0]!)).toEqual({ 'HY-0001': true, 'HY-0002': true, 'HY-0003': true, 'HY-0005': null });
    expect(await marksOf(sessions[1]!)).toEqual({ 'HY-0001': true, 'HY-0002': true, 'HY-0003': false, 'HY-0005': null });
    // J was mapped to Ausente; HY-0004 (from the 20th) is on no March sheet before then.
    expect(await marksOf(sessions[2]!)).toEqual({ 'HY-0001': false, 'HY-0002': false, 'HY-0003': false, 'HY-0005': null });

    // The same sheet again adds nothing; a corrected one replaces the mark it changes.
    const rows = async () => Number(((await app.db('attendance').count({ n: '*' })) as Array<{ n: number }>)[0]!.n);
    const count = await rows();
    const up3 = await app.ok('import.inspect', {
      target: 'attendance',
      fileName: 'asistencia.xlsx',
      dataBase64: good,
      fixed: { workshop: workshopId },
    });
    // What J means was remembered.
    expect(up3.savedValues).toEqual({ mark: { j: { id: absent } } });
    expect(await importJob(app, 'import.run', up3.uploadId, mapping, { mode: 'upsert', values: up3.savedValues! })).toMatchObject({
      state: 'done',
      result: { created: 0, updated: 0 },
    });
    expect(await rows()).toBe(count);
    const fixed = await sheet([[2, 'Rojas Salas, Pedro', 'Rojas Salas Pedro', '', '', 'A', '']]);
    const up4 = await app.ok('import.inspect', {
      target: 'attendance',
      fileName: 'asistencia.xlsx',
      dataBase64: fixed,
      fixed: { workshop: workshopId },
    });
    // By name this time: the participant column is the names' one.
    expect(await importJob(app, 'import.run', up4.uploadId, { participant: 'Apellidos y nombres' }, { mode: 'upsert' })).toMatchObject({
      state: 'done',
      result: { created: 0, updated: 1 },
    });
    expect((await marksOf(sessions[2]!))['HY-0002']).toBe(true);
    expect(await rows()).toBe(count);
  });

  it('reads the workshop from a "Taller" column when the import is not opened from a workshop', async () => {
    const { workshopId, sessions } = await choir();
    const dataBase64 = await titledSheet(
      'Asistencia',
      [],
      [
        ['Taller', 'Participante', '02/03/2026'],
        ['Canto coral', 'HY-0001', 'A'],
        ['Talle de marte', 'HY-0002', 'A'],
      ],
    );
    const up = await app.ok('import.inspect', { target: 'attendance', fileName: 'asistencia.xlsx', dataBase64 });
    expect(up.suggestedMapping).toEqual({ participant: 'Participante', workshop: 'Taller' });
    const dry = ImportReport.parse((await importJob(app, 'import.dryRun', up.uploadId, up.suggestedMapping as ImportMapping)).result);
    expect(dry.errors).toEqual([]);
    // The workshop waits for the clerk; the mark A is listed as read (Presente).
    expect(dry.unknownValues.map((u) => [u.field, u.value, u.rows, u.matched ?? null])).toEqual([
      ['workshop', 'Talle de marte', [3], null],
      ['mark', 'A', [2, 3], 1],
    ]);
    const done = await importJob(app, 'import.run', up.uploadId, up.suggestedMapping as ImportMapping, {
      values: { workshop: { [dry.unknownValues[0]!.key]: { id: workshopId } } },
    });
    expect(done.state).toBe('done');
    expect(await marksOf(sessions[0]!)).toMatchObject({ 'HY-0001': true, 'HY-0002': true });
  });

  it('reads each mark as the clerk says: a known one given another meaning, J left unmarked, ✓ and Sí present', async () => {
    const { workshopId, sessions } = await choir();
    const dataBase64 = await titledSheet(
      'Asistencia',
      [],
      [
        ['Participante', '02/03/2026', '09/03/2026'],
        ['HY-0001', '✓', 'J'],
        ['HY-0002', 'Sí', 'X'],
        ['HY-0003', 'x', ''],
      ],
    );
    const up = await app.ok('import.inspect', {
      target: 'attendance',
      fileName: 'asistencia.xlsx',
      dataBase64,
      fixed: { workshop: workshopId },
    });
    const mapping: ImportMapping = { participant: 'Participante' };
    const listed = (r: ImportReport) => r.unknownValues.map((u) => [u.value, u.key, u.count, u.matched ?? null]);
    const dry = ImportReport.parse((await importJob(app, 'import.dryRun', up.uploadId, mapping)).result);
    expect(listed(dry)).toEqual([
      ['✓', '✓', 1, 1],
      ['J', 'j', 1, null],
      ['Sí', 'si', 1, 1],
      ['X', 'x', 2, 1],
    ]);
    expect(dry).toMatchObject({ valid: 2, invalid: 1 });

    // This teacher's X is an absence; J is left out (the register has no "justified").
    const values = { mark: { j: { id: 3 }, x: { id: 2 } } };
    const again = ImportReport.parse((await importJob(app, 'import.dryRun', up.uploadId, mapping, { values })).result);
    expect(listed(again)).toEqual([
      ['✓', '✓', 1, 1],
      ['J', 'j', 1, 3],
      ['Sí', 'si', 1, 1],
      ['X', 'x', 2, 2],
    ]);
    expect(again).toMatchObject({ valid: 3, invalid: 0 });
    expect(await importJob(app, 'import.run', up.uploadId, mapping, { values })).toMatchObject({ state: 'done', result: { created: 4 } });
    expect(await marksOf(sessions[0]!)).toEqual({ 'HY-0001': true, 'HY-0002': true, 'HY-0003': false, 'HY-0005': null });
    expect(await marksOf(sessions[1]!)).toEqual({ 'HY-0001': null, 'HY-0002': false, 'HY-0003': null, 'HY-0005': null });
  });
});
