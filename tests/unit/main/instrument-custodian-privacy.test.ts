import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLurigancho,
  handOver,
  instrumentUpdateOf,
  newParticipantAt,
  newTeacherAt,
  snapshot,
  testApp,
  validEstablishment,
  type TestApp,
} from '../../helpers/services';

/**
 * A participant (a person deprived of liberty) holding an instrument: the name and INPE
 * code in the custodian's name reach only the roles with the personal-data permission.
 * The hand-over names the participant by id; main records "Nombres Apellidos (CODE)".
 * Each test performs the read as the inventory clerk (no such permission) and checks the
 * name never arrives; the administrador's report that carries it asks a reason and is logged.
 */

const PARTICIPANT = 'Juan Pérez Quispe (PPL-0001)';
const TEACHER = 'Carmen Rojas Salas';
const REASON = 'Inventario anual pedido por la Oficina Regional Lima';

let app: TestApp;
let est: number;
let other: number;
let held: number;
let byTeacher: number;
let participantId: number;
let teacherId: number;

// Reading order (no -layout): a wrapped table cell comes out as its words in sequence.
const pdfText = (path: string) => execFileSync('pdftotext', [path, '-']).toString('utf8');
const xlsxText = async (path: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => JSON.stringify(ws.getSheetValues())).join('\n');
};
const savedPath = (r: { status: string; path?: string }) => {
  if (r.status !== 'saved' || !r.path) throw new Error('not saved');
  return r.path;
};
const exportLog = () =>
  app
    .db('personal_data_exports')
    .where({ channel: 'inventory.reportByEstablishment' })
    .orderBy('id')
    .select('channel', 'reason', 'user_name', 'what');

beforeAll(async () => {
  app = await testApp();
  est = await createLurigancho(app);
  other = (await app.ok('establishments.create', validEstablishment({ code: 'EP-CHO-01', name: 'E.P. de Chorrillos' }))).id;
  const create = (code: string) =>
    app.ok('instruments.create', {
      code,
      typeId: 1,
      costCentimos: 90000,
      funding: 'presupuesto_inpe',
      condition: 'bueno',
      altaDate: '2026-03-01',
      establishmentId: est,
    });
  held = (await create('LUR-001')).id;
  byTeacher = (await create('LUR-002')).id;
  participantId = (await newParticipantAt(app, est, 'PPL-0001', 'Juan', 'Pérez Quispe')).id;
  teacherId = (await newTeacherAt(app, est, 'carmen')).id;
  await app.ok('instruments.move', { instrumentIds: [held], movement: handOver('participante', participantId, '2026-03-05') });
  await app.ok('instruments.move', { instrumentIds: [byTeacher], movement: handOver('docente', teacherId, '2026-03-05') });
}, 60000);
afterAll(() => app.close());

describe('the inventory clerk (no personal-data permission) never receives a participant custodian’s name', () => {
  beforeAll(() => app.signInAs('inventario'));

  it('instruments.list, get and history answer "Nombre reservado" for the participant, the teacher by name', async () => {
    const list = await app.ok('instruments.list', { search: 'LUR' });
    expect(JSON.stringify(list)).not.toMatch(/Juan|Pérez|PPL-0001/);
    expect(list.rows.map((i) => [i.code, i.custodianType, i.custodianName])).toEqual([
      ['LUR-001', 'participante', 'Nombre reservado'],
      ['LUR-002', 'docente', TEACHER],
    ]);

    const one = await app.ok('instruments.get', { id: held });
    expect(one).toMatchObject({ custodianType: 'participante', custodianName: 'Nombre reservado', status: 'asignado' });

    const history = await app.ok('instruments.history', { id: held });
    expect(JSON.stringify(history)).not.toMatch(/Juan|Pérez|PPL-0001/);
    expect(history.find((m) => m.kind === 'entrega')).toMatchObject({ custodianType: 'participante', custodianName: 'Nombre reservado' });
  });

  it('an edit answers the instrument masked too, and the stored custodian stays as recorded', async () => {
    const i = await app.ok('instruments.get', { id: held });
    const updated = await app.ok('instruments.update', instrumentUpdateOf(i, { brand: 'Stentor' }));
    expect(updated).toMatchObject({ brand: 'Stentor', custodianName: 'Nombre reservado' });
    expect(await app.db('instruments').where({ id: held }).first('custodian_name')).toEqual({ custodian_name: PARTICIPANT });
  });

  it('a refused movement does not name the participant in its message', async () => {
    const before = await snapshot(app.db);
    const r = await app.call('instruments.move', { instrumentIds: [held], movement: handOver('docente', teacherId, '2026-04-01') });
    expect(r.ok ? null : r.error.message).toBe('El instrumento LUR-001 está en poder de Nombre reservado: registre primero su devolución.');
    expect(await snapshot(app.db)).toBe(before);
  });

  it('the return is still offered and recorded with the real custodian in the ledger', async () => {
    // The masked name keeps the custodian type: the clerk's screen still knows the instrument is held.
    const i = await app.ok('instruments.get', { id: held });
    expect(i.custodianName).not.toBeNull();
    await app.ok('instruments.move', { instrumentIds: [held], movement: { kind: 'devolucion', date: '2026-04-02' } });
    const row = (await app.db('instrument_movements').where({ instrument_id: held, kind: 'devolucion' }).first('custodian_name')) as {
      custodian_name: string;
    };
    expect(row.custodian_name).toBe(PARTICIPANT);
    const history = await app.ok('instruments.history', { id: held });
    expect(JSON.stringify(history)).not.toMatch(/Juan|PPL-0001/);
    // Hand it back to the participant for the reports below (as the administrador, who sees the name).
    await app.signInAs('administrador');
    await app.ok('instruments.move', { instrumentIds: [held], movement: handOver('participante', participantId, '2026-04-03') });
    await app.signInAs('inventario');
  });

  it('the inventory report by establishment, PDF and XLSX, masks the participant and asks no reason', async () => {
    const pdf = savedPath(await app.ok('inventory.reportByEstablishment', { establishmentId: est, format: 'pdf' }));
    const text = pdfText(pdf);
    expect(text).not.toMatch(/Juan|Pérez|PPL-?\s*0001/);
    // The PDF's narrow column wraps the words: match them across the line breaks.
    expect(text).toMatch(/Nombre\s+reservado\s+\(Participante\)/);
    expect(text).toMatch(/Carmen\s+Rojas\s+Salas/);

    const xlsx = savedPath(await app.ok('inventory.reportByEstablishment', { establishmentId: est, format: 'xlsx' }));
    const cells = await xlsxText(xlsx);
    expect(cells).not.toMatch(/Juan|Pérez|PPL-0001/);
    expect(cells).toContain('Nombre reservado (Participante)');
    expect(cells).toContain(TEACHER);
    expect(await exportLog()).toEqual([]);
  }, 60000);

  it('the instrument register export masks the participant the same way', async () => {
    const csv = savedPath(await app.ok('instruments.export', { filter: {}, format: 'csv', reason: REASON }));
    const text = fs.readFileSync(csv, 'utf8');
    expect(text).not.toMatch(/Juan|Pérez|PPL-0001/);
    expect(text).toContain('Nombre reservado (Participante)');
  });
});

describe('a clerk restricted to one establishment', () => {
  it('cannot have the inventory report of another establishment', async () => {
    await app.signInAs('inventario', { establishmentIds: [other] });
    const files = fs.readdirSync(app.exportDir).length;
    const r = await app.call('inventory.reportByEstablishment', { establishmentId: est, format: 'xlsx' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Su usuario no trabaja con ese establecimiento.' } });
    expect(fs.readdirSync(app.exportDir)).toHaveLength(files);
  });
});

describe('the administrador (personal-data permission)', () => {
  beforeAll(() => app.signInAs('administrador'));

  it('sees the name in the register', async () => {
    expect(await app.ok('instruments.get', { id: held })).toMatchObject({ custodianName: PARTICIPANT });
  });

  it('a report that names a participant asks a reason first, writes no file without it, and is logged with it', async () => {
    const files = fs.readdirSync(app.exportDir).length;
    for (const format of ['pdf', 'xlsx'] as const) {
      const refused = await app.call('inventory.reportByEstablishment', { establishmentId: est, format });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'validation',
          fields: {
            reason:
              'Este reporte lleva los nombres de participantes que tienen instrumentos a su cargo: indique el motivo de la exportación.',
          },
        },
      });
    }
    expect(fs.readdirSync(app.exportDir)).toHaveLength(files);
    expect(await exportLog()).toEqual([]);

    const short = await app.call('inventory.reportByEstablishment', { establishmentId: est, format: 'pdf', reason: 'porque' });
    expect(short.ok ? null : short.error.fields.reason).toBe('Explique el motivo en al menos 10 caracteres.');

    const pdf = savedPath(await app.ok('inventory.reportByEstablishment', { establishmentId: est, format: 'pdf', reason: REASON }));
    // A wrapped cell: pdftotext joins "PPL-" and "0001" without the hyphen.
    expect(pdfText(pdf)).toMatch(/Juan\s+Pérez\s+Quispe\s+\(PPL-?\s*0001\)/);
    const xlsx = savedPath(await app.ok('inventory.reportByEstablishment', { establishmentId: est, format: 'xlsx', reason: REASON }));
    expect(await xlsxText(xlsx)).toContain(PARTICIPANT);
    const what = 'Inventario de E.P. de Lurigancho (con los nombres de los participantes custodios)';
    expect(await exportLog()).toEqual([
      { channel: 'inventory.reportByEstablishment', reason: REASON, user_name: 'Administrador local', what },
      { channel: 'inventory.reportByEstablishment', reason: REASON, user_name: 'Administrador local', what },
    ]);
  }, 60000);

  it('a report of an establishment where no participant holds an instrument needs no reason and is not logged', async () => {
    await app.ok('instruments.create', {
      code: 'CHO-001',
      typeId: 1,
      costCentimos: 1000,
      funding: 'presupuesto_inpe',
      condition: 'bueno',
      altaDate: '2026-03-01',
      establishmentId: other,
    });
    const before = (await exportLog()).length;
    expect(await app.ok('inventory.reportByEstablishment', { establishmentId: other, format: 'xlsx' })).toMatchObject({
      status: 'saved',
      rows: 1,
    });
    expect(await exportLog()).toHaveLength(before);
  });
});
