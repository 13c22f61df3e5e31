import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { budget2026, expenseInput } from '../../helpers/expenses';
import { refusedUnchanged } from '../../helpers/refused';
import { appWithDemo, newEnsembleAt, newParticipantAt, testApp, validEstablishment, type TestApp } from '../../helpers/services';
import { newWorkshop } from '../../helpers/workshop-teachers';

/**
 * Issue 17, item 1, through the same pipeline the window uses (SQLite, and PostgreSQL in its
 * tier): an initiative is registered with a name no other has (case and accents aside), its
 * years, partners and agreements; records of the programme and of other domains (InternArte's
 * exhibitions, the budget's expenses) are linked from its page, each to one initiative at
 * most; its figures for a year are counted from what belongs to it, the participants shown
 * "< 5" under five.
 */

let app: TestApp;
let est: number;
let mml: number;

beforeEach(async () => {
  app = await testApp();
  est = (await app.ok('establishments.create', validEstablishment({ code: 'EP-LUR-01', name: 'E.P. de Lurigancho' }))).id;
  mml = (await app.ok('partners.create', { name: 'Municipalidad Metropolitana de Lima', type: 'sector_publico' })).id;
}, 30000);
afterEach(() => app.close());

const orquestando = (over: Record<string, unknown> = {}) =>
  app.ok('initiatives.create', {
    name: 'INPE Orquestando',
    startYear: 2019,
    description: 'Talleres de educación musical.',
    partnerIds: [mml],
    ...over,
  });
const temporada = () =>
  app.ok('initiatives.create', { name: 'Temporada de recitales', startYear: 2024, description: 'Recitales y conciertos didácticos.' });

const fieldsOf = async (call: () => ReturnType<TestApp['call']>) => (await refusedUnchanged(app, call)).fields;

describe('an initiative', () => {
  it('is registered with its years, partners and agreements, and edited', async () => {
    const marco = await app.ok('agreements.create', {
      partnerId: mml,
      title: 'Arte sin Barreras',
      object: 'Puestas en escena',
      startDate: '2026-01-01',
    });
    const i = await orquestando({ agreementIds: [marco.id] });
    expect(i).toMatchObject({
      name: 'INPE Orquestando',
      startYear: 2019,
      endYear: null,
      active: true,
      partners: [{ id: mml, name: 'Municipalidad Metropolitana de Lima', type: 'sector_publico' }],
      agreements: [{ id: marco.id, title: 'Arte sin Barreras', partnerName: 'Municipalidad Metropolitana de Lima' }],
      counts: { workshops: 0, ensembles: 0, events: 0, exhibitions: 0, expenses: 0 },
    });
    const edited = await app.ok('initiatives.update', {
      id: i.id,
      version: i.version,
      name: 'INPE Orquestando',
      startYear: 2019,
      endYear: 2025,
      description: 'Talleres de educación musical y elencos.',
      partnerIds: [],
      agreementIds: [marco.id],
      active: false,
    });
    expect(edited).toMatchObject({ endYear: 2025, active: false, partners: [], version: 2 });
    expect((await app.ok('initiatives.list', { status: 'inactive' })).map((x) => x.name)).toEqual(['INPE Orquestando']);
    expect(await app.ok('initiatives.list', {})).toEqual([]);
    // An edit over an older version is refused: the other person's change stays.
    const stale = await refusedUnchanged(app, () =>
      app.call('initiatives.update', { id: i.id, version: 1, name: 'Otra', startYear: 2019, description: 'Otra', active: true }),
    );
    expect(stale.code).toBe('stale');
  });

  it('refuses a name another has (case and accents aside), years out of order and an unknown partner, beside the field', async () => {
    await orquestando();
    expect(
      await fieldsOf(() => app.call('initiatives.create', { name: 'inpe ORQUESTANDÓ', startYear: 2020, description: 'Otra' })),
    ).toEqual({
      name: 'Ya existe una iniciativa llamada «inpe ORQUESTANDÓ».',
    });
    expect(
      await fieldsOf(() => app.call('initiatives.create', { name: 'Cerámica', startYear: 2026, endYear: 2025, description: 'Talleres' })),
    ).toEqual({ endYear: 'El año de término no puede ser anterior al de inicio.' });
    expect(
      await fieldsOf(() =>
        app.call('initiatives.create', { name: 'Cerámica', startYear: 2026, description: 'Talleres', partnerIds: [999] }),
      ),
    ).toEqual({ partnerIds: 'Uno de los aliados elegidos no existe.' });
    // Renaming another initiative to the same name is refused too; keeping its own name is not.
    const t = await temporada();
    const rename = { id: t.id, version: t.version, startYear: 2024, description: t.description, active: true };
    expect(await fieldsOf(() => app.call('initiatives.update', { ...rename, name: 'Inpe Orquestando' }))).toEqual({
      name: 'Ya existe una iniciativa llamada «Inpe Orquestando».',
    });
    await app.ok('initiatives.update', { ...rename, name: 'Temporada de recitales' });
  });
});

describe("an initiative's records", () => {
  it('a workshop belongs to one initiative at most: another cannot take it until it is removed', async () => {
    const a = await orquestando();
    const b = await temporada();
    const w = await newWorkshop(app.ok, est);
    expect((await app.ok('initiatives.candidates', { id: b.id, kind: 'workshops' })).map((c) => c.label)).toEqual(['Banda sinfónica']);
    const d = await app.ok('initiatives.assign', { id: a.id, kind: 'workshops', recordIds: [w.id] });
    expect(d.members.workshops).toEqual([
      { id: w.id, label: 'Banda sinfónica', detail: 'E.P. de Lurigancho', date: '2026-03-01', amountCentimos: null },
    ]);
    expect(d.initiative.counts.workshops).toBe(1);
    // No longer offered to the other, and refused if asked for anyway.
    expect(await app.ok('initiatives.candidates', { id: b.id, kind: 'workshops' })).toEqual([]);
    const taken = await refusedUnchanged(app, () => app.call('initiatives.assign', { id: b.id, kind: 'workshops', recordIds: [w.id] }));
    expect(taken.fields).toEqual({
      recordIds: 'Uno de los registros elegidos ya pertenece a la iniciativa «INPE Orquestando». Quítelo de ella primero.',
    });
    // Removing it from the wrong initiative is refused; from its own, it is free again.
    expect(
      (await refusedUnchanged(app, () => app.call('initiatives.unassign', { id: b.id, kind: 'workshops', recordId: w.id }))).message,
    ).toBe('El registro ya no pertenece a esta iniciativa.');
    expect((await app.ok('initiatives.unassign', { id: a.id, kind: 'workshops', recordId: w.id })).members.workshops).toEqual([]);
    expect((await app.ok('initiatives.assign', { id: b.id, kind: 'workshops', recordIds: [w.id] })).initiative.counts.workshops).toBe(1);
    // Every link and removal is in the audit log.
    const entries = (await app.db('audit_log').where({ entity: 'initiative' }).orderBy('id').pluck('action')) as string[];
    expect(entries).toEqual(['create', 'create', 'linkRecords', 'unlinkRecords', 'linkRecords']);
  });

  it('a user of some establishments is offered, and may link, only their workshops', async () => {
    const a = await orquestando();
    const other = (await app.ok('establishments.create', validEstablishment({ code: 'EP-CHO-01', name: 'E.P. de Chorrillos' }))).id;
    const mine = await newWorkshop(app.ok, est);
    const theirs = await newWorkshop(app.ok, other, { name: 'Coro de Chorrillos' });
    await app.signInAs('programas', { establishmentIds: [est] });
    expect((await app.ok('initiatives.candidates', { id: a.id, kind: 'workshops' })).map((c) => c.id)).toEqual([mine.id]);
    expect(
      (await refusedUnchanged(app, () => app.call('initiatives.assign', { id: a.id, kind: 'workshops', recordIds: [theirs.id] }))).fields,
    ).toEqual({ recordIds: 'Uno de los registros elegidos no existe o ya no puede vincularse.' });
    expect((await app.ok('initiatives.assign', { id: a.id, kind: 'workshops', recordIds: [mine.id] })).initiative.counts.workshops).toBe(1);
  });

  it("links another domain's records: exhibitions through InternArte, expenses (never voided ones) through the budget", async () => {
    const a = await orquestando();
    const b = await temporada();
    const x = await app.ok('exhibitions.create', { title: 'InternArte 2026', startsOn: '2026-10-01' });
    await budget2026(app);
    const kept = await app.ok('budget.recordExpense', expenseInput());
    const voided = await app.ok('budget.recordExpense', expenseInput({ documentNumber: 'F001-000124', amountCentimos: 30_000 }));
    await app.ok('budget.voidExpense', { id: voided.id, version: voided.version, reason: 'Comprobante registrado dos veces' });

    expect((await app.ok('initiatives.candidates', { id: a.id, kind: 'expenses' })).map((c) => c.id)).toEqual([kept.id]);
    const d = await app.ok('initiatives.assign', { id: a.id, kind: 'exhibitions', recordIds: [x.id] });
    expect(d.members.exhibitions).toMatchObject([{ id: x.id, label: 'InternArte 2026', date: '2026-10-01' }]);
    const e = await app.ok('initiatives.assign', { id: a.id, kind: 'expenses', recordIds: [kept.id] });
    expect(e.members.expenses).toEqual([
      {
        id: kept.id,
        label: 'Arcilla y esmaltes para el taller de cerámica',
        detail: 'Cerámicas del Sur S.A.C.',
        date: '2026-05-12',
        amountCentimos: 125_050,
      },
    ]);
    // The linked expense is still append-only; the voided one cannot be linked.
    expect((await app.ok('budget.expenses', { year: 2026 })).find((r) => r.id === kept.id)).toMatchObject({ amountCentimos: 125_050 });
    expect(
      (await refusedUnchanged(app, () => app.call('initiatives.assign', { id: a.id, kind: 'expenses', recordIds: [voided.id] }))).fields,
    ).toEqual({ recordIds: 'Uno de los registros elegidos no existe o ya no puede vincularse.' });
    expect(
      (await refusedUnchanged(app, () => app.call('initiatives.assign', { id: b.id, kind: 'exhibitions', recordIds: [x.id] }))).fields
        .recordIds,
    ).toContain('«INPE Orquestando»');
    expect(
      (await refusedUnchanged(app, () => app.call('initiatives.assign', { id: b.id, kind: 'exhibitions', recordIds: [x.id + 50] }))).fields,
    ).toEqual({ recordIds: 'Uno de los registros elegidos no existe o ya no puede vincularse.' });
    await app.ok('initiatives.unassign', { id: a.id, kind: 'exhibitions', recordId: x.id });
    expect((await app.ok('initiatives.assign', { id: b.id, kind: 'exhibitions', recordIds: [x.id] })).members.exhibitions).toHaveLength(1);
  });
});

describe("an initiative's figures for a year", () => {
  it('counts what belongs to it during the year, and shows fewer than five participants as "< 5"', async () => {
    const a = await orquestando();
    const other = await temporada();
    const w1 = await newWorkshop(app.ok, est);
    const w2 = await newWorkshop(app.ok, est, { name: 'Coro 2025', startDate: '2025-03-01', endDate: '2025-12-15' });
    const w3 = await newWorkshop(app.ok, est, { name: 'Cerámica', programme: 'ceramica' });
    const g = await newEnsembleAt(app, est);
    await app.ok('initiatives.assign', { id: a.id, kind: 'workshops', recordIds: [w1.id, w2.id] });
    await app.ok('initiatives.assign', { id: other.id, kind: 'workshops', recordIds: [w3.id] });
    await app.ok('initiatives.assign', { id: a.id, kind: 'ensembles', recordIds: [g.id] });

    const p = [];
    for (const n of [1, 2, 3, 4, 5, 6]) p.push((await newParticipantAt(app, est, `PPL-000${n}`)).id);
    const [p1, p2, p3, p4, p5, p6] = p as [number, number, number, number, number, number];
    await app.ok('enrolments.create', { workshopId: w1.id, participantIds: [p1, p2, p3], date: '2026-03-01' });
    await app.ok('enrolments.create', { ensembleId: g.id, participantIds: [p1, p4], date: '2026-03-01' });
    await app.ok('enrolments.create', { workshopId: w3.id, participantIds: [p5], date: '2026-03-01' });

    // Sessions: two held (attendance taken) of 120 and 90 minutes, one not yet; one in another initiative's workshop.
    const held = async (workshopId: number, date: string, durationMinutes: number, marks: number[]) => {
      const s = await app.ok('sessions.create', { workshopId, date, durationMinutes });
      if (marks.length)
        await app.ok('attendance.save', { sessionId: s.id, marks: marks.map((participantId) => ({ participantId, present: true })) });
    };
    await held(w1.id, '2026-03-02', 120, [p1, p2, p3]);
    await held(w1.id, '2026-03-09', 90, [p1, p2, p3]);
    await held(w1.id, '2026-03-16', 60, []);
    await held(w3.id, '2026-03-02', 120, [p5]);

    const event = (title: string, date: string, internos: number) =>
      app.ok('events.create', {
        type: 'recital',
        title,
        date,
        venueKind: 'establecimiento',
        establishmentId: est,
        audiences: { internos, familiares: 20, personal: 10, externo: 0, autoridades: 3 },
      });
    const e1 = await event('Recital de cuerdas', '2026-05-10', 120);
    const e2 = await event('Recital 2025', '2025-11-01', 50);
    await event('Recital de otro', '2026-06-01', 300);
    await app.ok('initiatives.assign', { id: a.id, kind: 'events', recordIds: [e1.id, e2.id] });

    const x1 = await app.ok('exhibitions.create', { title: 'InternArte 2026', startsOn: '2026-10-01' });
    const x2 = await app.ok('exhibitions.create', { title: 'InternArte 2024', startsOn: '2024-01-10', endsOn: '2024-03-01' });
    await app.ok('initiatives.assign', { id: a.id, kind: 'exhibitions', recordIds: [x1.id, x2.id] });

    await budget2026(app);
    const ex1 = await app.ok('budget.recordExpense', expenseInput());
    const ex2 = await app.ok('budget.recordExpense', expenseInput({ documentNumber: 'F001-000124', amountCentimos: 30_000 }));
    await app.ok('budget.recordExpense', expenseInput({ documentNumber: 'F001-000125', amountCentimos: 99_900 }));
    await app.ok('initiatives.assign', { id: a.id, kind: 'expenses', recordIds: [ex1.id, ex2.id] });
    await app.ok('budget.voidExpense', { id: ex2.id, version: ex2.version, reason: 'Comprobante registrado dos veces' });

    const expected = {
      year: 2026,
      workshops: 1,
      ensembles: 1,
      participants: null,
      sessions: 2,
      hours: 3.5,
      events: 1,
      audience: 153,
      exhibitions: 1,
      partners: 1,
      expensesCentimos: 125_050,
    };
    // Four distinct persons (p1 is in the workshop and the ensemble): shown "< 5".
    expect(await app.ok('initiatives.figures', { id: a.id, year: 2026 })).toEqual(expected);
    // A fifth makes the count visible.
    await app.ok('enrolments.create', { workshopId: w1.id, participantIds: [p6], date: '2026-04-01' });
    expect(await app.ok('initiatives.figures', { id: a.id, year: 2026 })).toEqual({ ...expected, participants: 5 });
    // The year before: the 2025 workshop and event; nobody was enrolled then (0 is no one to protect: shown).
    expect(await app.ok('initiatives.figures', { id: a.id, year: 2025 })).toEqual({
      year: 2025,
      workshops: 1,
      ensembles: 1,
      participants: 0,
      sessions: 0,
      hours: 0,
      events: 1,
      audience: 83,
      exhibitions: 0,
      partners: 1,
      expensesCentimos: 0,
    });
  });
});

describe("the demonstration's initiatives", () => {
  it('are the five of INPE’s description, with the demonstration’s records linked to them', async () => {
    const demo = await appWithDemo();
    try {
      const list = await demo.ok('initiatives.list', {});
      const byName = new Map(list.map((i) => [i.name, i]));
      expect([...byName.keys()].sort()).toEqual([
        'Arte sin Barreras',
        'Capacitación en cerámica de alta temperatura',
        'INPE Orquestando',
        'InternArte: otra forma de libertad',
        'Temporada de recitales y conciertos didácticos',
      ]);
      expect(byName.get('Arte sin Barreras')!.partners.map((p) => p.name)).toEqual(['Municipalidad Metropolitana de Lima']);
      expect(byName.get('InternArte: otra forma de libertad')!.partners.map((p) => p.name)).toEqual([
        'Museo de Artes y Tradiciones Populares — Instituto Riva-Agüero (PUCP)',
      ]);
      const orchestra = byName.get('INPE Orquestando')!;
      expect(orchestra.counts.workshops).toBeGreaterThan(0);
      expect(orchestra.counts.ensembles).toBeGreaterThan(0);
      expect(byName.get('Capacitación en cerámica de alta temperatura')!.counts.workshops).toBeGreaterThan(0);
      expect(byName.get('InternArte: otra forma de libertad')!.counts.exhibitions).toBeGreaterThan(0);
      expect(byName.get('Arte sin Barreras')!.counts.events).toBe(3);
      expect(byName.get('Temporada de recitales y conciertos didácticos')!.counts.events).toBeGreaterThan(0);
      // Every workshop is in INPE Orquestando or ceramics exactly when it is of that programme.
      const d = await demo.ok('initiatives.get', { id: orchestra.id });
      const music = await demo.ok('workshops.list', { programme: 'inpe_orquestando', status: 'all', pageSize: 100 });
      expect(d.members.workshops.map((w) => w.id).sort()).toEqual(music.rows.map((w) => w.id).sort());
    } finally {
      await demo.close();
    }
  }, 120_000);
});
