import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appWithDemoPrisons, newParticipantAt, testApp, type TestApp } from '../../helpers/services';
import { refusedUnchanged } from '../../helpers/refused';
import {
  authorise,
  budget,
  carriedOverWorkshop,
  conformityInput,
  contractInput,
  period,
  signedContract,
  teacher,
  type Ok,
} from '../../helpers/contracts';

/**
 * Issue 15, item 4, the contracts' side: a contract covers workshops of its establishments by
 * id; a monthly conformity shows the sessions the contract's teacher held that month in them
 * and the hours from attendance, and a month without sessions is signed off with a warning;
 * the names typed before links existed are linked or dismissed by a clerk.
 */

let app: TestApp, ok: Ok, est: Record<string, number>;

beforeEach(async () => {
  ({ app, ok, est } = await appWithDemoPrisons());
  await budget(ok);
  if (period(4).slice(0, 4) !== period(0).slice(0, 4)) await budget(ok, Number(period(4).slice(0, 4)));
});
afterEach(() => app.close());

const LURIGANCHO = 'E.P. de Lurigancho';
const CHORRILLOS = 'E.P. de Mujeres de Chorrillos';

const workshop = (name: string, at: string) =>
  app.ok('workshops.create', {
    name,
    programme: 'inpe_orquestando',
    discipline: 'Música',
    establishmentId: est[at]!,
    startDate: '2025-01-01',
    capacity: 30,
  });

/** What a refusal says next to each field; nothing is written. */
const refused = <K extends Parameters<TestApp['call']>[0]>(name: K, input: Parameters<TestApp['call']>[1] & object) =>
  refusedUnchanged(app, () => app.call(name, input as never));

describe('a contract covers workshops of its establishments, by id', () => {
  it('links the chosen workshops; one of another establishment, or inactive, is refused next to the field', async () => {
    const t = await teacher(ok);
    const band = await workshop('Banda sinfónica', LURIGANCHO);
    const choir = await workshop('Coro polifónico', LURIGANCHO);
    const elsewhere = await workshop('Cerámica', CHORRILLOS);
    const { contract } = await ok(
      'contracts.create',
      contractInput(t.id, est[LURIGANCHO]!, { establishments: [{ establishmentId: est[LURIGANCHO]!, workshopIds: [choir.id, band.id] }] }),
    );
    expect(contract.establishments).toEqual([
      {
        establishmentId: est[LURIGANCHO],
        name: LURIGANCHO,
        workshops: null,
        linkedWorkshops: [
          { id: band.id, name: 'Banda sinfónica' },
          { id: choir.id, name: 'Coro polifónico' },
        ],
      },
    ]);
    expect(await ok('contracts.workshopOptions', { establishmentIds: [est[LURIGANCHO]!] })).toEqual([
      { id: band.id, name: 'Banda sinfónica', establishmentId: est[LURIGANCHO], active: true },
      { id: choir.id, name: 'Coro polifónico', establishmentId: est[LURIGANCHO], active: true },
    ]);

    const other = contractInput(t.id, est[LURIGANCHO]!, {
      number: 'OS N° 0200-2026',
      establishments: [{ establishmentId: est[LURIGANCHO]!, workshopIds: [elsewhere.id] }],
    });
    expect(await refused('contracts.create', other)).toMatchObject({
      code: 'validation',
      fields: { 'establishments.0.workshopIds': 'El taller elegido no es de este establecimiento o está inactivo.' },
    });
    expect(
      await refused('contracts.create', {
        ...other,
        establishments: [{ establishmentId: est[LURIGANCHO]!, workshopIds: [band.id, band.id] }],
      }),
    ).toMatchObject({ fields: { 'establishments.0.workshopIds': 'Un taller está elegido dos veces.' } });
    // A workshop closed since: no new contract covers it; the draft that covered it keeps it on an edit.
    await app.db('workshops').where({ id: choir.id }).update({ active: false });
    expect(
      await refused('contracts.create', { ...other, establishments: [{ establishmentId: est[LURIGANCHO]!, workshopIds: [choir.id] }] }),
    ).toMatchObject({ fields: { 'establishments.0.workshopIds': 'El taller elegido no es de este establecimiento o está inactivo.' } });
    const { contract: kept } = await ok('contracts.update', {
      ...contractInput(t.id, est[LURIGANCHO]!, { establishments: [{ establishmentId: est[LURIGANCHO]!, workshopIds: [choir.id] }] }),
      id: contract.id,
      version: contract.version,
    });
    expect(kept.establishments[0]!.linkedWorkshops).toEqual([{ id: choir.id, name: 'Coro polifónico' }]);
  });

  it('an edit keeps the text typed before links existed; a renewal carries the workshops and the text', async () => {
    const t = await teacher(ok);
    await authorise(ok, t.id, est[LURIGANCHO]!);
    const band = await workshop('Banda sinfónica', LURIGANCHO);
    const { contract } = await ok('contracts.create', contractInput(t.id, est[LURIGANCHO]!));
    await carriedOverWorkshop(app.db, contract.id, est[LURIGANCHO]!, 'Orquesta de cámara');
    const { contract: edited } = await ok('contracts.update', {
      ...contractInput(t.id, est[LURIGANCHO]!, { establishments: [{ establishmentId: est[LURIGANCHO]!, workshopIds: [band.id] }] }),
      id: contract.id,
      version: contract.version,
    });
    expect(edited.establishments).toMatchObject([
      { workshops: 'Orquesta de cámara', linkedWorkshops: [{ id: band.id, name: 'Banda sinfónica' }] },
    ]);
    const signed = (
      await ok('contracts.activate', { id: edited.id, version: edited.version, signedOn: edited.startDate, confirmOverBudget: true })
    ).contract;
    const renewal = await ok('contracts.renew', {
      id: signed.id,
      number: 'OS N° 0300-2027',
      startDate: '2099-01-01',
      endDate: '2099-06-30',
      amountCentimos: 250_000,
    });
    expect(renewal.contract.establishments).toMatchObject([
      { workshops: 'Orquesta de cámara', linkedWorkshops: [{ id: band.id, name: 'Banda sinfónica' }] },
    ]);
  });
});

describe('the monthly conformity shows what the teacher delivered', () => {
  it('counts the sessions the teacher led in the contract’s workshops that month, and the hours of those with attendance', async () => {
    const t = await teacher(ok);
    const other = await teacher(ok, 'julio');
    await authorise(ok, t.id, est[LURIGANCHO]!);
    const band = await workshop('Banda sinfónica', LURIGANCHO);
    const choir = await workshop('Coro polifónico', LURIGANCHO);
    const notCovered = await workshop('Cuerdas', LURIGANCHO);
    const contract = await signedContract(ok, t.id, est[LURIGANCHO]!, {
      establishments: [{ establishmentId: est[LURIGANCHO]!, workshopIds: [band.id, choir.id] }],
    });
    // The band names her as its teacher: its sessions recorded before a session named who led it count as hers.
    await app.db('workshop_teachers').insert({ workshop_id: band.id, teacher_id: t.id });
    const month = period(-1);
    const p = await ok('participants.create', {
      code: 'PPL-0001',
      firstNames: 'Juan',
      lastNames: 'Pérez Quispe',
      sex: 'masculino',
      birthYear: 1988,
      establishmentId: est[LURIGANCHO]!,
      date: '2025-01-01',
    });
    await ok('enrolments.create', { workshopId: band.id, participantIds: [p.id], date: '2025-01-02' });
    await ok('enrolments.create', { workshopId: notCovered.id, participantIds: [p.id], date: '2025-01-02' });
    const session = async (w: number, date: string, minutes: number, ledBy: number | null, attended: boolean) => {
      const s = await ok('sessions.create', { workshopId: w, date, durationMinutes: minutes });
      if (ledBy !== null) await app.db('workshop_sessions').where({ id: s.id }).update({ teacher_id: ledBy });
      if (attended) await ok('attendance.save', { sessionId: s.id, marks: [{ participantId: p.id, present: true }] });
    };
    await session(band.id, `${month}-03`, 120, t.id, true); // hers, attendance taken
    await session(band.id, `${month}-10`, 90, null, true); // before sessions named a teacher: the band's teacher
    await session(band.id, `${month}-17`, 60, t.id, false); // hers, attendance not taken yet
    await session(band.id, `${month}-24`, 120, other.id, true); // led by another teacher
    await session(choir.id, `${month}-05`, 120, null, false); // the choir names no teacher: nobody's
    await session(notCovered.id, `${month}-06`, 120, t.id, true); // a workshop the contract does not cover
    await session(band.id, `${period(-2)}-28`, 120, t.id, true); // another month

    const delivered = await ok('conformities.delivered', { contractId: contract.id, period: month });
    expect(delivered).toEqual({ workshops: 2, sessions: 3, attendedSessions: 2, minutes: 210 });

    const f = await ok('conformities.create', conformityInput(contract.id, -1));
    expect(f.delivered).toEqual(delivered);
    const list = await ok('conformities.list', { contractId: contract.id });
    expect(list.rows.map((r) => [r.period, r.delivered.sessions, r.delivered.minutes])).toEqual([[month, 3, 210]]);
  });

  it('a page of conformities of two teachers and two months gives each row its own teacher’s sessions of its own month', async () => {
    const rosa = await teacher(ok);
    const julio = await teacher(ok, 'julio');
    await authorise(ok, rosa.id, est[LURIGANCHO]!);
    await authorise(ok, julio.id, est[LURIGANCHO]!);
    const band = await workshop('Banda sinfónica', LURIGANCHO);
    const choir = await workshop('Coro polifónico', LURIGANCHO);
    const hers = await signedContract(ok, rosa.id, est[LURIGANCHO]!, {
      establishments: [{ establishmentId: est[LURIGANCHO]!, workshopIds: [band.id, choir.id] }],
    });
    const his = await signedContract(ok, julio.id, est[LURIGANCHO]!, {
      number: 'OS N° 0200-2026',
      establishments: [{ establishmentId: est[LURIGANCHO]!, workshopIds: [band.id] }],
    });
    // The band names both: its sessions that name no one count for each of them.
    await app.db('workshop_teachers').insert([
      { workshop_id: band.id, teacher_id: rosa.id },
      { workshop_id: band.id, teacher_id: julio.id },
    ]);
    const p = await newParticipantAt(app, est[LURIGANCHO]!, 'PPL-0002', 'Juan', 'Pérez Quispe', { date: '2025-01-01' });
    await ok('enrolments.create', { workshopId: band.id, participantIds: [p.id], date: '2025-01-02' });
    const session = async (w: number, date: string, minutes: number, ledBy: number | null, attended: boolean) => {
      const s = await ok('sessions.create', { workshopId: w, date, durationMinutes: minutes });
      if (ledBy !== null) await app.db('workshop_sessions').where({ id: s.id }).update({ teacher_id: ledBy });
      if (attended) await ok('attendance.save', { sessionId: s.id, marks: [{ participantId: p.id, present: true }] });
    };
    const [last, before] = [period(-1), period(-2)];
    await session(band.id, `${last}-03`, 120, rosa.id, true);
    await session(band.id, `${last}-10`, 90, null, true); // both teachers'
    await session(choir.id, `${last}-05`, 60, julio.id, false); // his, in a workshop his contract does not cover
    await session(band.id, `${before}-12`, 45, julio.id, true);
    await session(choir.id, `${before}-14`, 30, rosa.id, false);
    await session(band.id, `${before}-20`, 75, rosa.id, true);
    for (const [contract, months] of [
      [hers, -1],
      [hers, -2],
      [his, -1],
      [his, -2],
    ] as const)
      await ok('conformities.create', conformityInput(contract.id, months, { receiptNumber: `E001-${contract.id}${-months}` }));

    const list = await ok('conformities.list', { pageSize: 25 });
    const rows = list.rows.map((r) => [r.contractNumber, r.period, r.delivered]);
    expect(rows).toHaveLength(4);
    expect(rows).toEqual(
      expect.arrayContaining([
        [hers.number, last, { workshops: 2, sessions: 2, attendedSessions: 2, minutes: 210 }],
        [hers.number, before, { workshops: 2, sessions: 2, attendedSessions: 1, minutes: 75 }],
        [his.number, last, { workshops: 1, sessions: 1, attendedSessions: 1, minutes: 90 }],
        [his.number, before, { workshops: 1, sessions: 1, attendedSessions: 1, minutes: 45 }],
      ]),
    );
    // Each row as the month alone answers it (the form before saving).
    for (const r of list.rows)
      expect(await ok('conformities.delivered', { contractId: r.contractId, period: r.period })).toEqual(r.delivered);
  });

  it('a month without sessions is signed off all the same, and shows none', async () => {
    const t = await teacher(ok);
    await authorise(ok, t.id, est[LURIGANCHO]!);
    const band = await workshop('Banda sinfónica', LURIGANCHO);
    const contract = await signedContract(ok, t.id, est[LURIGANCHO]!, {
      establishments: [{ establishmentId: est[LURIGANCHO]!, workshopIds: [band.id] }],
    });
    const f = await ok('conformities.create', conformityInput(contract.id, -2));
    expect(f).toMatchObject({ status: 'pendiente_pago', delivered: { workshops: 1, sessions: 0, attendedSessions: 0, minutes: 0 } });
    // Without workshops, nothing can be counted: the conformity says so.
    const bare = await signedContract(ok, (await teacher(ok, 'julio')).id, est[CHORRILLOS]!, { number: 'OS N° 0400-2026' });
    expect(await ok('conformities.delivered', { contractId: bare.id, period: period(-1) })).toEqual({
      workshops: 0,
      sessions: 0,
      attendedSessions: 0,
      minutes: 0,
    });
  });
});

describe('workshop names typed before links existed ("sin vincular")', () => {
  it('a clerk links one to a workshop of its establishment, or dismisses it; the typed text stays', async () => {
    const t = await teacher(ok);
    const band = await workshop('Banda sinfónica', LURIGANCHO);
    const elsewhere = await workshop('Banda sinfónica', CHORRILLOS);
    const contract = await signedContract(ok, t.id, est[LURIGANCHO]!);
    const first = await carriedOverWorkshop(app.db, contract.id, est[LURIGANCHO]!, 'Banda sinfonica de vientos');
    const second = await carriedOverWorkshop(app.db, contract.id, est[LURIGANCHO]!, 'Taller de verano');

    expect((await ok('contracts.workshopReviews', {})).map((r) => [r.contractNumber, r.establishmentName, r.originalText])).toEqual([
      [contract.number, LURIGANCHO, 'Banda sinfonica de vientos'],
      [contract.number, LURIGANCHO, 'Taller de verano'],
    ]);
    expect(await refused('contracts.linkWorkshop', { id: first, workshopId: elsewhere.id })).toMatchObject({
      fields: { workshopId: 'El taller elegido no es de este establecimiento o está inactivo.' },
    });
    expect(await ok('contracts.linkWorkshop', { id: first, workshopId: band.id })).toMatchObject({
      status: 'vinculado',
      workshopId: band.id,
      workshopName: 'Banda sinfónica',
      resolvedBy: 'Administrador local',
    });
    expect((await ok('contracts.get', { id: contract.id })).contract.establishments).toMatchObject([
      { workshops: 'Taller de verano', linkedWorkshops: [{ id: band.id, name: 'Banda sinfónica' }] },
    ]);
    expect(await refused('contracts.linkWorkshop', { id: first, workshopId: band.id })).toMatchObject({
      code: 'conflict',
      message: 'Este texto ya fue vinculado o descartado.',
    });
    expect(await ok('contracts.dismissWorkshop', { id: second })).toMatchObject({ status: 'descartado', workshopId: null });
    expect(await ok('contracts.workshopReviews', {})).toEqual([]);
    expect((await ok('contracts.workshopReviews', { status: 'vinculado' })).map((r) => r.originalText)).toEqual([
      'Banda sinfonica de vientos',
    ]);
    const audited = await app
      .db('audit_log')
      .where({ entity: 'contract', entity_id: String(contract.id) })
      .orderBy('id')
      .pluck('action');
    expect(audited.slice(-2)).toEqual(['linkWorkshop', 'dismissWorkshop']);
  });
});

describe('the demonstration', () => {
  it('its contracts cover its workshops by id, its conformities show the sessions held, and a typed name waits "sin vincular"', async () => {
    const fresh = await testApp();
    try {
      await fresh.ok('demo.load', {});
      const contracts = (await fresh.ok('contracts.list', { pageSize: 100 })).rows;
      const covered = contracts.filter((c) => c.establishments.some((e) => e.linkedWorkshops.length > 0));
      expect(covered.length).toBeGreaterThanOrEqual(8);
      // A linked workshop is one of that establishment's, and its name needs no typed text beside it.
      for (const c of covered)
        for (const e of c.establishments) {
          const here = (await fresh.ok('contracts.workshopOptions', { establishmentIds: [e.establishmentId] })).map((w) => w.id);
          expect(e.linkedWorkshops.every((w) => here.includes(w.id))).toBe(true);
          if (e.linkedWorkshops.length > 0) expect(e.workshops).toBeNull();
        }
      const pending = await fresh.ok('contracts.workshopReviews', {});
      expect(pending.length).toBeGreaterThan(0);
      const conformities = (await fresh.ok('conformities.list', { pageSize: 100 })).rows;
      expect(conformities.some((f) => f.delivered.sessions > 0 && f.delivered.minutes > 0)).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
