import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { daysFromNow, today } from '../../helpers/contracts';
import {
  handOver,
  newEnsembleAt,
  newParticipantAt,
  newStaffMember,
  newTeacherAt,
  newViolin,
  type TestApp,
  appWithTwoPrisons,
} from '../../helpers/services';
import { refusedUnchanged } from '../../helpers/refused';

/**
 * Custody by id (issue 15), through the real channel handlers: an instrument is handed over to a
 * teacher, an ensemble, a participant or an INPE staff member of its establishment, chosen by id;
 * main writes the name. Then the hand-overs past their expected return and what each holds.
 */

let app: TestApp, lur: number, cho: number;

beforeEach(async () => {
  ({ app, lur, cho } = await appWithTwoPrisons());
});
afterEach(() => app.close());

const violin = async (code: string, at: number | null = lur) => (await app.ok('instruments.create', newViolin(code, at))).id;
const give = (ids: number[], ...args: Parameters<typeof handOver>) =>
  app.ok('instruments.move', { instrumentIds: ids, movement: handOver(...args) });
/** Marks a staff member or an ensemble inactive through its own channel. */
const deactivateStaff = (s: { id: number; version: number; establishmentId: number; fullName: string; role: string }) =>
  app.ok('staff.update', {
    id: s.id,
    version: s.version,
    establishmentId: s.establishmentId,
    fullName: s.fullName,
    role: s.role,
    active: false,
  });
const deactivateEnsemble = (e: { id: number; version: number; name: string; type: 'banda_sinfonica'; establishmentId: number }) =>
  app.ok('ensembles.update', {
    id: e.id,
    version: e.version,
    name: e.name,
    type: e.type,
    establishmentId: e.establishmentId,
    active: false,
  });
const refused = (call: () => ReturnType<TestApp['call']>) => refusedUnchanged(app, call);

describe('a hand-over names its custodian by id', () => {
  it('a staff member, a teacher, an ensemble and a participant each receive an instrument; main records the name, since and due', async () => {
    const staff = await newStaffMember(app, lur);
    const teacher = await newTeacherAt(app, lur, 'carmen');
    const band = await newEnsembleAt(app, lur);
    const juan = await newParticipantAt(app, lur, 'PPL-0001');
    const cases = [
      ['personal', staff.id, 'Rosa Mamani Flores', '2026-04-30'],
      ['docente', teacher.id, 'Carmen Rojas Salas', null],
      ['elenco', band.id, 'Banda sinfónica de prueba', '2026-12-31'],
      ['participante', juan.id, 'Juan Pérez Quispe (PPL-0001)', null],
    ] as const;
    for (const [n, [type, id, name, due]] of cases.entries()) {
      const v = await violin(`VIO-00${n + 1}`);
      await give([v], type, id, '2026-03-05', due);
      expect(await app.ok('instruments.get', { id: v })).toMatchObject({
        status: 'asignado',
        custodianType: type,
        custodianId: id,
        custodianName: name,
        custodySince: '2026-03-05',
        custodyDue: due,
      });
      const [entrega] = await app.ok('instruments.history', { id: v });
      expect(entrega).toMatchObject({ kind: 'entrega', custodianType: type, custodianId: id, custodianName: name, dueDate: due });
    }
    // The return names who gave it back; the instrument is free again.
    const first = (await app.ok('instruments.list', { search: 'VIO-001' })).rows[0]!;
    await app.ok('instruments.move', {
      instrumentIds: [first.id],
      movement: { kind: 'devolucion', date: '2026-04-10', condition: 'regular' },
    });
    expect(await app.ok('instruments.get', { id: first.id })).toMatchObject({
      custodianType: null,
      custodianId: null,
      custodianName: null,
      custodySince: null,
      custodyDue: null,
      condition: 'regular',
    });
    const [devolucion] = await app.ok('instruments.history', { id: first.id });
    expect(devolucion).toMatchObject({
      kind: 'devolucion',
      custodianType: 'personal',
      custodianId: staff.id,
      custodianName: 'Rosa Mamani Flores',
    });
  });

  it('a selection of the same establishment goes to one custodian at once; of two establishments it is refused', async () => {
    const staff = await newStaffMember(app, lur);
    const ids = [await violin('VIO-101'), await violin('VIO-102'), await violin('VIO-103')];
    expect(await give(ids, 'personal', staff.id, '2026-03-05', '2026-06-05')).toMatchObject({ count: 3 });
    expect((await app.ok('custody.holdings', { custodianType: 'personal', custodianId: staff.id })).current.map((h) => h.code)).toEqual([
      'VIO-101',
      'VIO-102',
      'VIO-103',
    ]);
    const mixed = [await violin('VIO-201'), await violin('VIO-202', cho)];
    const e = await refused(() =>
      app.call('instruments.move', { instrumentIds: mixed, movement: handOver('personal', staff.id, '2026-03-05') }),
    );
    expect(e.fields['movement.custodianId']).toBe(
      'Los instrumentos elegidos están en establecimientos distintos: entréguelos por establecimiento.',
    );
  });

  it('refuses, next to the field and in Spanish, someone of another establishment, inactive or unknown, and a due date before the hand-over', async () => {
    const v = await violin('VIO-001');
    const elsewhere = await newStaffMember(app, cho, 'Luis Quispe Huamán', 'Coordinador de tratamiento');
    const leaving = await newStaffMember(app, lur, 'Ana Flores Condori', 'Psicóloga');
    await deactivateStaff(leaving);
    const here = await newStaffMember(app, lur);
    const teacherElsewhere = await newTeacherAt(app, cho, 'julio');
    const oldBand = await newEnsembleAt(app, lur, 'Coro de prueba');
    await deactivateEnsemble({ ...oldBand, type: 'banda_sinfonica' });
    const released = await newParticipantAt(app, lur, 'PPL-0009', 'Pedro', 'Salas Ramos');
    await app.ok('participants.custodyChange', {
      participantId: released.id,
      version: released.version,
      kind: 'egreso',
      date: '2026-03-01',
    });
    const outsider = await newParticipantAt(app, cho, 'PPL-0010', 'Mario', 'Torres Vega');

    const cases: Array<[ChannelInput<'instruments.move'>['movement'], string, string]> = [
      [
        handOver('personal', elsewhere.id, '2026-03-05'),
        'movement.custodianId',
        'Luis Quispe Huamán no pertenece a E.P. de Lurigancho: elija a alguien de ese establecimiento.',
      ],
      [
        handOver('docente', teacherElsewhere.id, '2026-03-05'),
        'movement.custodianId',
        'Julio César Ramos Huamán no pertenece a E.P. de Lurigancho: elija a alguien de ese establecimiento.',
      ],
      [
        handOver('participante', outsider.id, '2026-03-05'),
        'movement.custodianId',
        'Mario Torres Vega (PPL-0010) no pertenece a E.P. de Lurigancho: elija a alguien de ese establecimiento.',
      ],
      [
        handOver('personal', leaving.id, '2026-03-05'),
        'movement.custodianId',
        'Ana Flores Condori no está activo: elija a alguien activo del establecimiento.',
      ],
      [
        handOver('elenco', oldBand.id, '2026-03-05'),
        'movement.custodianId',
        'Coro de prueba no está activo: elija a alguien activo del establecimiento.',
      ],
      [
        handOver('participante', released.id, '2026-03-05'),
        'movement.custodianId',
        'Pedro Salas Ramos (PPL-0009) no está activo: elija a alguien activo del establecimiento.',
      ],
      [
        handOver('personal', 9999, '2026-03-05'),
        'movement.custodianId',
        'No se encontró a la persona o el elenco elegido. Búsquelo de nuevo.',
      ],
      [
        handOver('elenco', 9999, '2026-03-05'),
        'movement.custodianId',
        'No se encontró a la persona o el elenco elegido. Búsquelo de nuevo.',
      ],
      [
        handOver('personal', here.id, '2026-03-05', '2026-03-04'),
        'movement.dueDate',
        'La fecha de devolución prevista no puede ser anterior a la entrega.',
      ],
    ];
    for (const [movement, field, message] of cases) {
      const e = await refused(() => app.call('instruments.move', { instrumentIds: [v], movement }));
      expect(e, JSON.stringify(movement)).toMatchObject({ code: 'validation', fields: { [field]: message } });
    }
    // A due date on the day of the hand-over is accepted.
    await give([v], 'personal', here.id, '2026-03-05', '2026-03-05');
    expect(await app.ok('instruments.get', { id: v })).toMatchObject({ custodianId: here.id, custodyDue: '2026-03-05' });
  });

  it('the inventory clerk (no personal-data permission) reads a participant of another establishment by code in the refusal', async () => {
    const v = await violin('VIO-001');
    const outsider = await newParticipantAt(app, cho, 'PPL-0010', 'Mario', 'Torres Vega');
    await app.signInAs('inventario');
    const e = await refused(() =>
      app.call('instruments.move', { instrumentIds: [v], movement: handOver('participante', outsider.id, '2026-03-05') }),
    );
    expect(e.fields['movement.custodianId']).toBe('PPL-0010 no pertenece a E.P. de Lurigancho: elija a alguien de ese establecimiento.');
    expect(JSON.stringify(e)).not.toMatch(/Mario|Torres/);
  });
});

describe('the search box of the hand-over form (custody.candidates)', () => {
  it('offers only the active people of the establishment, searched without accents; a participant by code without the permission', async () => {
    await newStaffMember(app, lur, 'Carlos Huamán Ríos', 'Encargado de almacén');
    const gone = await newStaffMember(app, lur, 'Jorge Chávez Salas', 'Técnico de seguridad');
    await deactivateStaff(gone);
    await newStaffMember(app, cho, 'Luis Quispe Huamán', 'Coordinador de tratamiento');
    const juan = await newParticipantAt(app, lur, 'PPL-0001');
    await newParticipantAt(app, cho, 'PPL-0002', 'Mario', 'Torres Vega');
    await newTeacherAt(app, lur, 'carmen');
    await newTeacherAt(app, cho, 'julio');
    await newEnsembleAt(app, lur, 'Coro polifónico de Lurigancho');

    const offered = async (type: ChannelInput<'custody.candidates'>['type'], search = '') =>
      (await app.ok('custody.candidates', { establishmentId: lur, type, search })).map((c) => [c.label, c.detail]);
    expect(await offered('personal')).toEqual([['Carlos Huamán Ríos', 'Encargado de almacén']]);
    expect(await offered('personal', 'huaman')).toEqual([['Carlos Huamán Ríos', 'Encargado de almacén']]);
    expect(await offered('personal', 'quispe')).toEqual([]);
    expect(await offered('docente')).toEqual([['Carmen Rojas Salas', null]]);
    expect(await offered('elenco', 'coro')).toEqual([['Coro polifónico de Lurigancho', 'banda_sinfonica']]);
    expect(await offered('participante')).toEqual([['Juan Pérez Quispe (PPL-0001)', null]]);

    await app.signInAs('inventario');
    const people = await app.ok('custody.candidates', { establishmentId: lur, type: 'participante', search: '' });
    expect(people).toEqual([{ type: 'participante', id: juan.id, label: 'PPL-0001', detail: null }]);

    await app.signInAs('inventario', { establishmentIds: [cho] });
    expect(await app.call('custody.candidates', { establishmentId: lur, type: 'personal', search: '' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Su usuario no trabaja con ese establecimiento.' },
    });
  });
});

describe('hand-overs past their expected return (custody.overdue)', () => {
  /** Six hand-overs: three overdue (30, 12 and 5 days), one due today, one due later, one without a date. */
  async function overdueSetup() {
    const rosa = await newStaffMember(app, lur);
    const luis = await newStaffMember(app, cho, 'Luis Quispe Huamán', 'Coordinador de tratamiento');
    const juan = await newParticipantAt(app, lur, 'PPL-0001');
    await give([await violin('VIO-A')], 'personal', rosa.id, daysFromNow(-60), daysFromNow(-30));
    await give([await violin('VIO-B')], 'participante', juan.id, daysFromNow(-20), daysFromNow(-5));
    await give([await violin('VIO-C', cho)], 'personal', luis.id, daysFromNow(-20), daysFromNow(-12));
    await give([await violin('VIO-D')], 'personal', rosa.id, daysFromNow(-20), today());
    await give([await violin('VIO-E')], 'personal', rosa.id, daysFromNow(-20), daysFromNow(10));
    await give([await violin('VIO-F')], 'personal', rosa.id, daysFromNow(-20));
    return { rosa, luis, juan };
  }
  const codes = async (q: ChannelInput<'custody.overdue'>) => (await app.ok('custody.overdue', q)).rows.map((r) => [r.code, r.daysOverdue]);

  it('lists what is held after its expected return, by establishment, type and days late, sorted', async () => {
    await overdueSetup();
    const all = await app.ok('custody.overdue', {});
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 25 });
    expect(all.rows.map((r) => [r.code, r.daysOverdue, r.establishmentName, r.custodianType, r.custodianName, r.until])).toEqual([
      ['VIO-A', 30, 'E.P. de Lurigancho', 'personal', 'Rosa Mamani Flores', null],
      ['VIO-C', 12, 'E.P. de Chorrillos', 'personal', 'Luis Quispe Huamán', null],
      ['VIO-B', 5, 'E.P. de Lurigancho', 'participante', 'Juan Pérez Quispe (PPL-0001)', null],
    ]);
    expect(await codes({ establishmentId: cho })).toEqual([['VIO-C', 12]]);
    expect(await codes({ custodianType: 'participante' })).toEqual([['VIO-B', 5]]);
    expect(await codes({ custodianType: 'docente' })).toEqual([]);
    // "At least this many days late": the one exactly 5 days late counts from 5, not from 6.
    expect(await codes({ minDays: 5 })).toEqual([
      ['VIO-A', 30],
      ['VIO-C', 12],
      ['VIO-B', 5],
    ]);
    expect(await codes({ minDays: 6 })).toEqual([
      ['VIO-A', 30],
      ['VIO-C', 12],
    ]);
    expect(await codes({ minDays: 12 })).toEqual([
      ['VIO-A', 30],
      ['VIO-C', 12],
    ]);
    expect(await codes({ minDays: 13, establishmentId: lur })).toEqual([['VIO-A', 30]]);
    expect(await codes({ minDays: 0 })).toEqual(await codes({}));
    expect(await codes({ sort: 'due', direction: 'desc' })).toEqual([
      ['VIO-B', 5],
      ['VIO-C', 12],
      ['VIO-A', 30],
    ]);
    expect(await codes({ sort: 'code', direction: 'desc' })).toEqual([
      ['VIO-C', 12],
      ['VIO-B', 5],
      ['VIO-A', 30],
    ]);
    expect(await codes({ sort: 'establishment' })).toEqual([
      ['VIO-C', 12],
      ['VIO-A', 30],
      ['VIO-B', 5],
    ]);
    expect(await codes({ sort: 'custodian' })).toEqual([
      ['VIO-B', 5],
      ['VIO-C', 12],
      ['VIO-A', 30],
    ]);
    // Returned, it is no longer late; the dashboard counts the same.
    expect((await app.ok('custody.summary', {})).overdue).toBe(3);
    const a = (await app.ok('instruments.list', { search: 'VIO-A' })).rows[0]!;
    await app.ok('instruments.move', { instrumentIds: [a.id], movement: { kind: 'devolucion', date: today() } });
    expect((await app.ok('custody.overdue', {})).rows.map((r) => r.code)).toEqual(['VIO-C', 'VIO-B']);
    expect((await app.ok('custody.summary', {})).overdue).toBe(2);
  });

  it('pages through a long list', async () => {
    const rosa = await newStaffMember(app, lur);
    const ids: number[] = [];
    for (let n = 1; n <= 12; n++) ids.push(await violin(`VIO-${String(n).padStart(2, '0')}`));
    await give(ids, 'personal', rosa.id, daysFromNow(-30), daysFromNow(-3));
    const first = await app.ok('custody.overdue', { sort: 'code', pageSize: 10 });
    const second = await app.ok('custody.overdue', { sort: 'code', pageSize: 10, page: 2 });
    expect([first.total, first.rows.length, second.total, second.rows.length]).toEqual([12, 10, 12, 2]);
    expect(second.rows.map((r) => r.code)).toEqual(['VIO-11', 'VIO-12']);
  });

  it('shows a participant by code only to the roles without the personal-data permission', async () => {
    await overdueSetup();
    const participantRow = async () => (await app.ok('custody.overdue', { custodianType: 'participante' })).rows[0]!;
    for (const role of ['inventario', 'consulta'] as const) {
      await app.signInAs(role);
      expect((await participantRow()).custodianName, role).toBe('PPL-0001');
      expect(JSON.stringify(await app.ok('custody.overdue', {}))).not.toMatch(/Juan|Pérez/);
    }
    await app.signInAs('programas');
    expect((await participantRow()).custodianName).toBe('Juan Pérez Quispe (PPL-0001)');
  });

  it('a user restricted to one establishment sees only its hand-overs', async () => {
    await overdueSetup();
    await app.signInAs('inventario', { establishmentIds: [cho] });
    expect(await codes({})).toEqual([['VIO-C', 12]]);
    expect((await app.ok('custody.summary', {})).overdue).toBe(1);
    expect(await app.call('custody.overdue', { establishmentId: lur })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('what a person holds now and held before (custody.holdings)', () => {
  it('now, and before with until when and how it ended: a return, a loss, a stocktake found it elsewhere', async () => {
    const rosa = await newStaffMember(app, lur);
    const [v1, v2, v3, v4] = [await violin('VIO-001'), await violin('VIO-002'), await violin('VIO-003'), await violin('VIO-004')];
    await give([v1], 'personal', rosa.id, '2026-03-01', '2026-04-01');
    await app.ok('instruments.move', { instrumentIds: [v1], movement: { kind: 'devolucion', date: '2026-03-20' } });
    await give([v2], 'personal', rosa.id, '2026-04-01');
    await app.ok('instruments.move', {
      instrumentIds: [v2],
      movement: { kind: 'extravio', date: '2026-05-01', description: 'No se encontró en el pabellón', documentNumber: 'ACTA-EXT-1' },
    });
    await give([v4], 'personal', rosa.id, '2026-04-15');
    // A stocktake at Chorrillos finds VIO-004 there: regularized to Chorrillos, out of Rosa's hands.
    const s = await app.ok('stocktakes.open', { establishmentId: cho });
    await app.ok('stocktakes.count', { id: s.id, code: 'VIO-004' });
    await app.ok('stocktakes.close', { id: s.id, actaNumber: 'AIF-1', date: '2026-06-01', confirm: true });
    await give([v3], 'personal', rosa.id, '2026-05-02', '2026-08-02');
    // Handed over again after its return: one stint before, one now.
    await give([v1], 'personal', rosa.id, '2026-06-10');

    const h = await app.ok('custody.holdings', { custodianType: 'personal', custodianId: rosa.id });
    expect(h.current.map((x) => [x.code, x.since, x.due, x.until, x.endedBy, x.establishmentName])).toEqual([
      ['VIO-003', '2026-05-02', '2026-08-02', null, null, 'E.P. de Lurigancho'],
      ['VIO-001', '2026-06-10', null, null, null, 'E.P. de Lurigancho'],
    ]);
    expect(h.past.map((x) => [x.code, x.since, x.due, x.until, x.endedBy, x.daysOverdue])).toEqual([
      ['VIO-004', '2026-04-15', null, '2026-06-01', 'regularizacion', 0],
      ['VIO-002', '2026-04-01', null, '2026-05-01', 'extravio', 0],
      ['VIO-001', '2026-03-01', '2026-04-01', '2026-03-20', 'devolucion', 0],
    ]);
    // Someone else's holdings are not hers.
    const other = await newStaffMember(app, lur, 'Ana Flores Condori', 'Psicóloga');
    expect(await app.ok('custody.holdings', { custodianType: 'personal', custodianId: other.id })).toEqual({ current: [], past: [] });
    // The same id of another register is another custodian.
    expect(await app.ok('custody.holdings', { custodianType: 'docente', custodianId: rosa.id })).toEqual({ current: [], past: [] });
  });

  it("a participant's holdings name them by code without the permission; a restricted user sees only their establishments'", async () => {
    const juan = await newParticipantAt(app, lur, 'PPL-0001');
    const v = await violin('VIO-001');
    await give([v], 'participante', juan.id, '2026-03-01', daysFromNow(-2));
    await app.ok('instruments.move', { instrumentIds: [v], movement: { kind: 'devolucion', date: '2026-03-20' } });
    await give([v], 'participante', juan.id, '2026-04-01', daysFromNow(-2));
    const query = { custodianType: 'participante', custodianId: juan.id } as const;
    const admin = await app.ok('custody.holdings', query);
    expect([...admin.current, ...admin.past].map((x) => [x.custodianName, x.daysOverdue])).toEqual([
      ['Juan Pérez Quispe (PPL-0001)', 2],
      ['Juan Pérez Quispe (PPL-0001)', 0],
    ]);
    await app.signInAs('inventario');
    const clerk = await app.ok('custody.holdings', query);
    expect([...clerk.current, ...clerk.past].map((x) => x.custodianName)).toEqual(['PPL-0001', 'PPL-0001']);
    expect(JSON.stringify(clerk)).not.toMatch(/Juan|Pérez/);
    await app.signInAs('inventario', { establishmentIds: [cho] });
    expect(await app.ok('custody.holdings', query)).toEqual({ current: [], past: [] });
  });
});
