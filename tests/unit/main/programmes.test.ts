import { describe, expect, it } from 'vitest';
import { donatedInstrument, handOver, snapshot } from '../../helpers/services';
import { filePrinter } from '../../helpers/file-printer';
import { app, appWithPrisonsForEachTest, mark, men, other, participant, session, trumpetType, women, workshop } from './programmes-setup';

/**
 * Programmes through the same pipeline the window uses: the custody change, attendance
 * figures against hand-computed ones, the enrolment rules and the demonstration programme
 * (the reports and certificates: programmes-reports.test.ts).
 */

const printer = filePrinter();
appWithPrisonsForEachTest(printer);

describe('custody change', () => {
  it('a transfer ends the open enrolments at the origin, lists the instruments to recover, and keeps the history', async () => {
    const p = await participant('PPL-0001', 'Juan', 'Pérez', men);
    const w = await workshop(men);
    const g = await app.ok('ensembles.create', { name: 'Banda de prueba', type: 'banda_sinfonica', establishmentId: men });
    await app.ok('enrolments.create', { workshopId: w.id, participantIds: [p.id], date: '2026-03-02' });
    await app.ok('enrolments.create', { ensembleId: g.id, participantIds: [p.id], date: '2026-03-02', partTypeId: await trumpetType() });
    // The inventory: a trumpet in his custody, and one with another participant (handed over by id).
    const trumpet = (code: string) =>
      app.ok('instruments.create', donatedInstrument(code, { costCentimos: 1000, altaDate: '2026-01-10', establishmentId: men }));
    const held = await trumpet('TRP-01');
    const notHis = await trumpet('TRP-02');
    const otro = await participant('PPL-0002', 'Otro', 'Participante', men);
    await app.ok('instruments.move', { instrumentIds: [held.id], movement: handOver('participante', p.id, '2026-03-05') });
    await app.ok('instruments.move', { instrumentIds: [notHis.id], movement: handOver('participante', otro.id, '2026-03-05') });

    // Main writes the participant's name and code as the custodian.
    expect((await app.ok('participants.instruments', { id: p.id }))!.map((i) => [i.code, i.custodianName])).toEqual([
      ['TRP-01', 'Juan Pérez (PPL-0001)'],
    ]);

    const r = await app.ok('participants.custodyChange', {
      participantId: p.id,
      version: p.version,
      kind: 'traslado',
      date: '2026-06-10',
      toEstablishmentId: other,
      documentNumber: 'OF-123',
    });
    expect(r.enrolmentsEnded).toBe(2);
    expect(r.instrumentsToRecover!.map((i) => i.code)).toEqual(['TRP-01']);
    // And goes on the recovery list, by id, until returned or taken to his new establishment.
    expect((await app.ok('custody.recoveries', { participantId: p.id })).map((i) => [i.code, i.reason, i.stillHeld])).toEqual([
      ['TRP-01', 'traslado', true],
    ]);
    expect(r.participant).toMatchObject({ status: 'trasladado', establishmentId: other, openEnrolments: 0 });

    const enrolments = await app.ok('enrolments.list', { participantId: p.id });
    expect(enrolments).toHaveLength(2);
    for (const e of enrolments) expect(e).toMatchObject({ stage: 'retirado', endedOn: '2026-06-10', endReason: 'traslado' });
    const history = await app.ok('participants.history', { id: p.id });
    expect(history.map((m) => [m.kind, m.fromEstablishmentName, m.toEstablishmentName, m.enrolmentsEnded])).toEqual([
      ['traslado', 'E.P. Varones Prueba', 'E.P. Destino Prueba', 2],
      ['alta', null, 'E.P. Varones Prueba', 0],
    ]);
    // The workshop's list no longer counts him, but still shows his closed enrolment.
    expect((await app.ok('workshops.get', { id: w.id })).enrolled).toBe(0);
    expect(await app.ok('enrolments.list', { workshopId: w.id, openOnly: true })).toHaveLength(0);
  });

  it('refusals change nothing: same establishment, a date before the last change, a release of a released participant', async () => {
    const p = await participant('PPL-0003', 'Luis', 'Quispe', men);
    const cases = [
      [
        { kind: 'traslado', toEstablishmentId: men, date: '2026-05-01' },
        'toEstablishmentId',
        'El destino es el mismo establecimiento en el que está el participante.',
      ],
      [{ kind: 'egreso', date: '2026-01-15' }, 'date', 'La fecha no puede ser anterior al último cambio registrado (01/02/2026).'],
      [
        { kind: 'reincorporacion', date: '2026-05-01' },
        'kind',
        '«Reincorporación al programa» no corresponde a un participante en situación «Activo».',
      ],
    ] as const;
    for (const [change, field, message] of cases) {
      const before = await snapshot(app.db);
      const r = await app.call('participants.custodyChange', { participantId: p.id, version: p.version, ...change });
      expect(r).toMatchObject({ ok: false, error: { code: 'validation', fields: { [field]: message } } });
      expect(await snapshot(app.db)).toBe(before);
    }
    const released = await app.ok('participants.custodyChange', {
      participantId: p.id,
      version: p.version,
      kind: 'egreso',
      date: '2026-05-01',
    });
    expect(released.participant.status).toBe('egresado');
    expect(released.instrumentsToRecover).toEqual([]);
    const before = await snapshot(app.db);
    const again = await app.call('participants.custodyChange', {
      participantId: p.id,
      version: released.participant.version,
      kind: 'traslado',
      toEstablishmentId: other,
      date: '2026-06-01',
    });
    expect(again).toMatchObject({ ok: false, error: { fields: { kind: expect.stringContaining('Egresado') } } });
    expect(await snapshot(app.db)).toBe(before);
    // A released participant cannot be enrolled either.
    const w = await workshop(men);
    expect(await app.call('enrolments.create', { workshopId: w.id, participantIds: [p.id], date: '2026-06-01' })).toMatchObject({
      ok: false,
      error: { fields: { participantIds: 'El participante PPL-0003 está «Egresado»: solo se inscribe a participantes activos.' } },
    });
  });
});

describe('attendance', () => {
  it('rate, absences in a row and hours match the hand-computed figures', async () => {
    const ana = await participant('PPL-A', 'Ana', 'Flores', women, 'femenino');
    const rosa = await participant('PPL-B', 'Rosa', 'Mamani', women, 'femenino');
    const w = await workshop(women, { name: 'Coro polifónico', capacity: 10 });
    await app.ok('enrolments.create', { workshopId: w.id, participantIds: [ana.id], date: '2026-03-01' });
    const s1 = await session(w.id, '2026-03-02', 120);
    const s2 = await session(w.id, '2026-03-09', 90);
    // Rosa joins after the second session.
    await app.ok('enrolments.create', { workshopId: w.id, participantIds: [rosa.id], date: '2026-03-10' });
    const s3 = await session(w.id, '2026-03-16', 120);
    const s4 = await session(w.id, '2026-03-23', 60);
    const s5 = await session(w.id, '2026-03-30', 180);
    const notTaken = await session(w.id, '2026-04-06', 120);

    // On s1 only Ana is in the group.
    const sheet1 = await app.ok('attendance.get', { id: s1.id });
    expect(sheet1.rows.map((r) => r.code)).toEqual(['PPL-A']);
    await mark(s1.id, [[ana.id, true]]);
    await mark(s2.id, [[ana.id, true]]);
    await mark(s3.id, [
      [ana.id, false],
      [rosa.id, true],
    ]);
    await mark(s4.id, [
      [ana.id, false],
      [rosa.id, false],
    ]);
    // Before s5: Ana 2 of 4 with 2 absences in a row; Rosa 1 of 2 with 1.
    const sheet5 = await app.ok('attendance.get', { id: s5.id });
    expect(sheet5.rows.map((r) => [r.code, r.rate, r.consecutiveAbsences, r.present])).toEqual([
      ['PPL-A', 0.5, 2, null],
      ['PPL-B', 0.5, 1, null],
    ]);
    await mark(s5.id, [
      [ana.id, false],
      [rosa.id, true],
    ]);
    expect((await app.ok('attendance.get', { id: notTaken.id })).rows.every((r) => r.present === null)).toBe(true);

    const figures = Object.fromEntries((await app.ok('enrolments.list', { workshopId: w.id })).map((e) => [e.participantCode, e]));
    // Ana: s1..s5 counted, present s1 (120) + s2 (90) = 210 min; 2/5; absent s3, s4, s5 in a row.
    expect(figures['PPL-A']).toMatchObject({ sessions: 5, present: 2, rate: 0.4, consecutiveAbsences: 3, minutes: 210, stage: 'activo' });
    // Rosa: s3..s5 counted, present s3 (120) + s5 (180) = 300 min; 2/3; none in a row.
    expect(figures['PPL-B']).toMatchObject({ sessions: 3, present: 2, consecutiveAbsences: 0, minutes: 300, stage: 'activo' });
    expect(figures['PPL-B']!.rate).toBeCloseTo(2 / 3, 10);

    const summary = await app.ok('programmeReports.summary', {});
    expect(summary.alerts.absenceAlerts).toBe(1);
    // Correcting s5 for Ana clears her alert.
    await mark(s5.id, [[ana.id, true]]);
    expect((await app.ok('programmeReports.summary', {})).alerts.absenceAlerts).toBe(0);
    const sessions = await app.ok('sessions.list', { workshopId: w.id });
    expect(sessions.find((s) => s.id === s5.id)).toMatchObject({ attendanceTaken: true, present: 2, marked: 2 });
    expect(sessions.find((s) => s.id === notTaken.id)).toMatchObject({ attendanceTaken: false, marked: 0 });
  });

  it('a list with someone outside the group is refused and nothing is saved', async () => {
    const a = await participant('PPL-C', 'Carlos', 'Huamán', men);
    const stranger = await participant('PPL-D', 'Jorge', 'Chávez', men);
    const w = await workshop(men);
    await app.ok('enrolments.create', { workshopId: w.id, participantIds: [a.id], date: '2026-03-01' });
    const s = await session(w.id, '2026-03-02');
    const before = await snapshot(app.db);
    const r = await app.call('attendance.save', {
      sessionId: s.id,
      marks: [
        { participantId: a.id, present: true },
        { participantId: stranger.id, present: true },
      ],
    });
    expect(r).toMatchObject({
      ok: false,
      error: { fields: { marks: 'La lista incluye 1 persona que no pertenece al grupo en la fecha de la sesión.' } },
    });
    expect(await snapshot(app.db)).toBe(before);
  });
});

describe('enrolment rules', () => {
  it('capacity, establishment and duplicates are refused next to the field, changing nothing', async () => {
    const a = await participant('PPL-E1', 'Uno', 'Prueba', men);
    const b = await participant('PPL-E2', 'Dos', 'Prueba', men);
    const c = await participant('PPL-E3', 'Tres', 'Prueba', women, 'femenino');
    const w = await workshop(men, { capacity: 1 });
    await app.ok('enrolments.create', { workshopId: w.id, participantIds: [a.id], date: '2026-03-01' });
    const cases = [
      [[b.id], 'El taller tiene capacidad para 1 participante; quedan 0 cupos.'],
      [[a.id], 'Ya están inscritos en este grupo: PPL-E1.'],
      [[c.id], 'El participante PPL-E3 está en otro establecimiento.'],
    ] as const;
    for (const [ids, message] of cases) {
      const before = await snapshot(app.db);
      expect(await app.call('enrolments.create', { workshopId: w.id, participantIds: [...ids], date: '2026-03-02' })).toMatchObject({
        ok: false,
        error: { fields: { participantIds: message } },
      });
      expect(await snapshot(app.db)).toBe(before);
    }
  });

  it('the type-ahead finds by code prefix and by any words of the names, without accents', async () => {
    await participant('PPL-7001', 'José Luis', 'Ñaupari Cárdenas', men);
    await participant('PPL-7002', 'María', 'Cárdenas Ríos', women, 'femenino');
    await participant('ABC-1', 'Pedro', 'Llosa', men);
    expect((await app.ok('participants.search', { q: 'ppl-70' })).map((h) => h.code)).toEqual(['PPL-7001', 'PPL-7002']);
    expect((await app.ok('participants.search', { q: 'cardenas jose' })).map((h) => h.code)).toEqual(['PPL-7001']);
    expect((await app.ok('participants.search', { q: 'naupari' }))[0]).toMatchObject({
      firstNames: 'José Luis',
      lastNames: 'Ñaupari Cárdenas',
      establishmentName: 'E.P. Varones Prueba',
    });
    expect((await app.ok('participants.search', { q: 'cardenas', establishmentId: women })).map((h) => h.code)).toEqual(['PPL-7002']);
  });
});

describe('the demonstration programme', () => {
  it('about 520 participants in the 7 programme prisons, with workshops, ensembles, a season and partners', async () => {
    await app.db.transaction(async (trx) => {
      for (const t of ['establishments']) await trx(t).delete();
    });
    await app.ok('demo.load', {});
    const summary = await app.ok('programmeReports.summary', {});
    const participants = (await app.db('participants').count({ n: '*' }))[0] as { n: number };
    expect(Number(participants.n)).toBeGreaterThanOrEqual(520);
    expect(summary.byEstablishment).toHaveLength(7);
    expect(summary.byEstablishment.filter((e) => e.women > 0 && e.men === 0)).toHaveLength(2);
    expect(summary.activeEnsembles).toBeGreaterThanOrEqual(7);
    expect(summary.season?.events).toBe(13);
    expect(summary.alerts.agreementsExpiring.map((a) => a.partnerName)).toEqual(['Ministerio de Educación (MINEDU)']);
    const partners = await app.ok('partners.list', {});
    expect(partners.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Municipalidad Metropolitana de Lima', 'Alianza Francesa de Lima']),
    );
  }, 60000);
});
