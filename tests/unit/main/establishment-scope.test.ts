import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, testApp, validEstablishment, type TestApp } from '../../helpers/services';
import { contractInput, teacher } from '../../helpers/contracts';

/**
 * A user restricted to some establishments (users may be limited to the prisons they
 * work with) sees, counts and exports only those: every list, summary and export of a
 * module with establishments is narrowed in main, and a single record of another
 * establishment is refused — whatever the renderer asks.
 */
let app: TestApp;
let mine: number;
let theirs: number;
type Key =
  | 'myInstrument'
  | 'theirInstrument'
  | 'centralInstrument'
  | 'myStocktake'
  | 'theirStocktake'
  | 'myParticipant'
  | 'theirParticipant'
  | 'myWorkshop'
  | 'theirWorkshop'
  | 'mySession'
  | 'theirSession'
  | 'myEnsemble'
  | 'theirEnsemble'
  | 'myEvent'
  | 'theirEvent'
  | 'externalMine'
  | 'externalTheirs';
const ids = {} as Record<Key, number>;
const audiences = { internos: 100, familiares: 10, personal: 5, externo: 0, autoridades: 2 };
const reason = 'Informe mensual para la dirección del establecimiento';

async function instrument(code: string, establishmentId: number | null) {
  return app.ok('instruments.create', {
    code,
    typeId: 1,
    costCentimos: 10000,
    funding: 'presupuesto_inpe',
    condition: 'bueno',
    altaDate: '2026-03-01',
    establishmentId,
  });
}

async function programmeAt(establishmentId: number, tag: string) {
  const p = await app.ok('participants.create', {
    code: `PPL-${tag}`,
    firstNames: `Nombre${tag}`,
    lastNames: `Apellido${tag}`,
    sex: 'masculino',
    birthYear: 1990,
    establishmentId,
    date: '2026-02-01',
  });
  const w = await app.ok('workshops.create', {
    name: `Taller ${tag}`,
    programme: 'inpe_orquestando',
    discipline: 'Cuerdas',
    establishmentId,
    startDate: '2026-03-01',
    capacity: 20,
  });
  await app.ok('enrolments.create', { workshopId: w.id, participantIds: [p.id], date: '2026-03-01' });
  const s = await app.ok('sessions.create', { workshopId: w.id, date: '2026-03-02', durationMinutes: 120 });
  const g = await app.ok('ensembles.create', { name: `Coro ${tag}`, type: 'coro_polifonico', establishmentId });
  const e = await app.ok('events.create', {
    type: 'recital',
    title: `Recital ${tag}`,
    date: '2026-05-10',
    venueKind: 'establecimiento',
    establishmentId,
    audiences,
  });
  return { p, w, s, g, e };
}

const csvOf = (path: string) => fs.readFileSync(path, 'utf8');

beforeAll(async () => {
  app = await testApp();
  mine = (await app.ok('establishments.create', validEstablishment({ code: 'EP-MIO-01', name: 'E.P. Propio' }))).id;
  theirs = (await app.ok('establishments.create', validEstablishment({ code: 'EP-OTR-01', name: 'E.P. Ajeno' }))).id;
  ids.myInstrument = (await instrument('MIO-0001', mine)).id;
  ids.theirInstrument = (await instrument('AJE-0001', theirs)).id;
  ids.centralInstrument = (await instrument('CEN-0001', null)).id;
  ids.myStocktake = (await app.ok('stocktakes.open', { establishmentId: mine })).id;
  ids.theirStocktake = (await app.ok('stocktakes.open', { establishmentId: theirs })).id;
  await app.ok('consumables.move', { itemId: 1, establishmentId: mine, kind: 'ingreso', quantity: 5, date: '2026-03-01' });
  await app.ok('consumables.move', { itemId: 1, establishmentId: theirs, kind: 'ingreso', quantity: 7, date: '2026-03-01' });
  const a = await programmeAt(mine, 'MIO');
  const b = await programmeAt(theirs, 'AJE');
  Object.assign(ids, {
    myParticipant: a.p.id,
    theirParticipant: b.p.id,
    myWorkshop: a.w.id,
    theirWorkshop: b.w.id,
    mySession: a.s.id,
    theirSession: b.s.id,
    myEnsemble: a.g.id,
    theirEnsemble: b.g.id,
    myEvent: a.e.id,
    theirEvent: b.e.id,
  });
  // Outside the prisons: one concert where my choir sings, one where nobody of mine does.
  ids.externalMine = (
    await app.ok('events.create', {
      type: 'presentacion_externa',
      title: 'Concierto en la plaza',
      date: '2026-06-01',
      venueKind: 'externo',
      venueName: 'Plaza Mayor',
      ensembleIds: [a.g.id],
      audiences,
    })
  ).id;
  ids.externalTheirs = (
    await app.ok('events.create', {
      type: 'presentacion_externa',
      title: 'Concierto en el museo',
      date: '2026-06-02',
      venueKind: 'externo',
      venueName: 'Museo',
      ensembleIds: [b.g.id],
      audiences,
    })
  ).id;
});
afterAll(() => app.close());

describe('the inventory, for a clerk restricted to one establishment', () => {
  beforeAll(() => app.signInAs('inventario', { establishmentIds: [mine] }));

  it('lists, summaries and exports hold only their establishment', async () => {
    const list = await app.ok('instruments.list', {});
    expect(list.rows.map((i) => i.code)).toEqual(['MIO-0001']);
    expect(list.total).toBe(1);
    const summary = await app.ok('inventory.summary', {});
    expect(summary.totalInstruments).toBe(1);
    expect(summary.byEstablishment.map((e) => e.name)).toEqual(['E.P. Propio']);
    expect((await app.ok('stocktakes.list', {})).map((s) => s.establishmentName)).toEqual(['E.P. Propio']);
    expect((await app.ok('consumables.stock', {})).map((s) => [s.establishmentName, s.stock])).toEqual([['E.P. Propio', 5]]);

    const exported = await app.ok('instruments.export', { filter: {}, format: 'csv', reason });
    if (exported.status !== 'saved') throw new Error('cancelled');
    expect(exported.rows).toBe(1);
    expect(csvOf(exported.path)).toContain('MIO-0001');
    expect(csvOf(exported.path)).not.toContain('AJE-0001');
    expect(csvOf(exported.path)).not.toContain('CEN-0001');

    const moves = await app.ok('inventory.reportMovements', { from: '2026-01-01', to: '2026-12-31' });
    expect(moves.status === 'saved' && moves.rows).toBe(1); // the assignment to their establishment only
  });

  it("another establishment's records are refused, and refusing changes nothing", async () => {
    const before = await snapshot(app.db);
    for (const [channel, input] of [
      ['instruments.get', { id: ids.theirInstrument }],
      ['instruments.history', { id: ids.theirInstrument }],
      ['instruments.photos', { id: ids.theirInstrument }],
      ['instruments.get', { id: ids.centralInstrument }],
      ['stocktakes.get', { id: ids.theirStocktake }],
      ['stocktakes.count', { id: ids.theirStocktake, code: 'AJE-0001' }],
      ['stocktakes.acta', { id: ids.theirStocktake }],
      [
        'instruments.move',
        { instrumentIds: [ids.theirInstrument], movement: { kind: 'asignacion', toEstablishmentId: mine, date: '2026-04-01' } },
      ],
      ['inventory.labels', { instrumentIds: [ids.myInstrument, ids.theirInstrument], symbology: 'qr' }],
    ] as const) {
      expect(await app.call(channel, input as never), channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: 'Su usuario no trabaja con ese establecimiento.' },
      });
    }
    expect(await snapshot(app.db)).toBe(before);
    expect(await app.ok('instruments.get', { id: ids.myInstrument })).toMatchObject({ code: 'MIO-0001' });
    expect(await app.ok('stocktakes.get', { id: ids.myStocktake })).toMatchObject({ expected: 1 });
  });
});

describe('the programmes, for a coordinator restricted to one establishment', () => {
  beforeAll(() => app.signInAs('programas', { establishmentIds: [mine] }));

  it('lists, searches, summaries and exports hold only their establishment', async () => {
    expect((await app.ok('participants.list', {})).rows.map((p) => p.code)).toEqual(['PPL-MIO']);
    expect((await app.ok('participants.list', {})).total).toBe(1);
    expect((await app.ok('participants.search', { q: 'PPL' })).map((p) => p.code)).toEqual(['PPL-MIO']);
    expect((await app.ok('workshops.list', {})).rows.map((w) => w.name)).toEqual(['Taller MIO']);
    expect((await app.ok('ensembles.list', {})).map((g) => g.name)).toEqual(['Coro MIO']);
    expect((await app.ok('enrolments.list', { workshopId: ids.myWorkshop })).map((e) => e.participantCode)).toEqual(['PPL-MIO']);
    expect(await app.ok('enrolments.list', { participantId: ids.theirParticipant })).toEqual([]);
    // Their own recital and the external concert where their choir sings; not the other prison's.
    expect((await app.ok('events.list', {})).map((e) => e.title)).toEqual(['Recital MIO', 'Concierto en la plaza']);
    const summary = await app.ok('programmeReports.summary', {});
    expect(summary).toMatchObject({ participants: 1, activeWorkshops: 1, activeEnsembles: 1 });
    expect(summary.byEstablishment.map((e) => e.name)).toEqual(['E.P. Propio']);

    const file = await app.ok('participants.export', { filter: {}, format: 'csv', reason });
    if (file.status !== 'saved') throw new Error('cancelled');
    expect(csvOf(file.path)).toContain('PPL-MIO');
    expect(csvOf(file.path)).not.toContain('PPL-AJE');
  });

  it("another establishment's participants, workshops, attendance, ensembles and events are refused", async () => {
    const before = await snapshot(app.db);
    for (const [channel, input] of [
      ['participants.get', { id: ids.theirParticipant }],
      ['participants.history', { id: ids.theirParticipant }],
      ['participants.instruments', { id: ids.theirParticipant }],
      ['workshops.get', { id: ids.theirWorkshop }],
      ['sessions.list', { workshopId: ids.theirWorkshop }],
      ['attendance.get', { id: ids.theirSession }],
      ['attendance.save', { sessionId: ids.theirSession, marks: [{ participantId: ids.theirParticipant, present: true }] }],
      ['certificates.candidates', { id: ids.theirWorkshop }],
      ['ensembles.get', { id: ids.theirEnsemble }],
      ['events.get', { id: ids.theirEvent }],
      ['events.get', { id: ids.externalTheirs }],
      [
        'enrolments.create',
        { ensembleId: ids.theirEnsemble, participantIds: [ids.theirParticipant], date: '2026-04-01', partVoice: 'soprano' },
      ],
    ] as const) {
      expect(await app.call(channel, input as never), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await snapshot(app.db)).toBe(before);
    expect(await app.ok('events.get', { id: ids.externalMine })).toMatchObject({ title: 'Concierto en la plaza' });
    expect(await app.ok('attendance.get', { id: ids.mySession })).toMatchObject({ rows: [{ code: 'PPL-MIO' }] });
  });

  it('the same role without a restriction sees every establishment', async () => {
    await app.signInAs('programas', { establishmentIds: [] });
    expect((await app.ok('participants.list', {})).total).toBe(2);
    expect(await app.ok('events.list', {})).toHaveLength(4);
    expect((await app.ok('programmeReports.summary', {})).participants).toBe(2);
  });
});

describe('the contracts, for an officer restricted to one establishment', () => {
  let myContract: number;
  let theirContract: number;
  beforeAll(async () => {
    await app.signInAs('administrador');
    const ok: Parameters<typeof teacher>[0] = (name, input) => app.ok(name, input);
    const rosa = (await teacher(ok, 'rosa')).id;
    const julio = (await teacher(ok, 'julio')).id;
    myContract = (await app.ok('contracts.create', contractInput(rosa, mine, { number: 'OS N° 0001-2026' }))).contract.id;
    theirContract = (await app.ok('contracts.create', contractInput(julio, theirs, { number: 'OS N° 0002-2026' }))).contract.id;
    await app.signInAs('contratos', { establishmentIds: [mine] });
  });

  it('lists and exports only the contracts of their establishment, and refuses the others', async () => {
    expect((await app.ok('contracts.list', {})).rows.map((c) => c.number)).toEqual(['OS N° 0001-2026']);
    const file = await app.ok('contracts.export', { filter: {}, format: 'csv' });
    if (file.status !== 'saved') throw new Error('cancelled');
    expect(csvOf(file.path)).toContain('OS N° 0001-2026');
    expect(csvOf(file.path)).not.toContain('OS N° 0002-2026');
    expect(await app.ok('contracts.get', { id: myContract })).toMatchObject({ contract: { number: 'OS N° 0001-2026' } });
    const before = await snapshot(app.db);
    for (const [channel, input] of [
      ['contracts.get', { id: theirContract }],
      ['contracts.summaryPdf', { id: theirContract }],
    ] as const) {
      expect(await app.call(channel, input as never), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await snapshot(app.db)).toBe(before);
  });
});
