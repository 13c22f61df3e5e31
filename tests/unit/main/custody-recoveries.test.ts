import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { daysFromNow } from '../../helpers/contracts';
import {
  handOver,
  newEnsembleAt,
  newParticipantAt,
  newStaffMember,
  newViolin,
  type TestApp,
  validEstablishment,
  appWithTwoPrisons,
} from '../../helpers/services';
import { carriedOverCustodian, participantHolding } from '../../helpers/custodians';
import { refusedUnchanged } from '../../helpers/refused';

/**
 * Recovery on release or transfer (issue 15), through the real channel handlers: a
 * participant who leaves puts each instrument they hold on the recovery list, by id; the
 * item closes with the movement that frees the instrument or when it follows the
 * participant. And the custodians carried over as text, linked or dismissed by a clerk.
 */

let app: TestApp;
let lur: number;
let cho: number;
let anc: number;

beforeEach(async () => {
  ({ app, lur, cho } = await appWithTwoPrisons());
  anc = (await app.ok('establishments.create', validEstablishment({ code: 'EP-ANC-01', name: 'E.P. de Ancón' }))).id;
});
afterEach(() => app.close());

type Kind = ChannelInput<'participants.custodyChange'>['kind'];

const violin = async (code: string, at: number | null = lur) => (await app.ok('instruments.create', newViolin(code, at))).id;
const give = (ids: number[], ...args: Parameters<typeof handOver>) =>
  app.ok('instruments.move', { instrumentIds: ids, movement: handOver(...args) });
const participantWith = (code: string, instruments: string[], at = lur) => participantHolding(app, at, code, instruments);
/** A custody change of a participant as its channel answers it. */
const change = (p: { id: number; version: number }, kind: Kind, date: string, toEstablishmentId: number | null = null) =>
  app.ok('participants.custodyChange', { participantId: p.id, version: p.version, kind, date, toEstablishmentId });
const recoveries = (q: ChannelInput<'custody.recoveries'> = {}) => app.ok('custody.recoveries', q);
const openItemsOf = async (instrumentId: number) => (await recoveries()).filter((r) => r.instrumentId === instrumentId);
const refused = (call: () => ReturnType<TestApp['call']>) => refusedUnchanged(app, call);

describe('a participant who leaves puts what they hold on the recovery list', () => {
  it('egreso, retiro and traslado open one item per instrument held; reincorporación and a participant holding nothing, none', async () => {
    const one = await participantWith('PPL-0001', ['VIO-001', 'VIO-002']);
    const two = await participantWith('PPL-0002', ['VIO-003']);
    const three = await participantWith('PPL-0003', ['VIO-004']);
    const four = await participantWith('PPL-0004', []);
    const released = await change(one.p, 'egreso', '2026-06-01');
    expect(released.instrumentsToRecover!.map((i) => [i.code, i.establishmentName])).toEqual([
      ['VIO-001', 'E.P. de Lurigancho'],
      ['VIO-002', 'E.P. de Lurigancho'],
    ]);
    const withdrawn = await change(two.p, 'retiro', '2026-06-02');
    const moved = await change(three.p, 'traslado', '2026-06-03', cho);
    expect((await change(four.p, 'egreso', '2026-06-04')).instrumentsToRecover).toEqual([]);

    const row = (r: Awaited<ReturnType<typeof recoveries>>[number]) => [
      r.code,
      r.reason,
      r.openedOn,
      r.participantLabel,
      r.establishmentName,
      r.participantEstablishmentName,
      r.stillHeld,
      r.closedOn,
    ];
    const expected = [
      ['VIO-001', 'egreso', '2026-06-01', 'Juan Pérez Quispe (PPL-0001)', 'E.P. de Lurigancho', 'E.P. de Lurigancho', true, null],
      ['VIO-002', 'egreso', '2026-06-01', 'Juan Pérez Quispe (PPL-0001)', 'E.P. de Lurigancho', 'E.P. de Lurigancho', true, null],
      ['VIO-003', 'retiro', '2026-06-02', 'Juan Pérez Quispe (PPL-0002)', 'E.P. de Lurigancho', 'E.P. de Lurigancho', true, null],
      ['VIO-004', 'traslado', '2026-06-03', 'Juan Pérez Quispe (PPL-0003)', 'E.P. de Lurigancho', 'E.P. de Chorrillos', true, null],
    ];
    expect((await recoveries()).map(row)).toEqual(expected);
    expect((await recoveries({ participantId: three.p.id })).map((r) => r.code)).toEqual(['VIO-004']);
    expect(await recoveries({ open: false })).toEqual([]);

    // Back in the programme: nothing new to recover.
    await change(withdrawn.participant, 'reincorporacion', '2026-07-01');
    await change(moved.participant, 'reincorporacion', '2026-07-01');
    expect((await recoveries()).map(row)).toEqual(expected);

    // Without the personal-data permission, the participant by code.
    await app.signInAs('inventario');
    expect((await recoveries()).map((r) => r.participantLabel)).toEqual(['PPL-0001', 'PPL-0001', 'PPL-0002', 'PPL-0003']);
  });

  it('a second departure while the instrument is still held keeps one item open for it', async () => {
    const { p, ids } = await participantWith('PPL-0001', ['VIO-001']);
    const moved = await change(p, 'traslado', '2026-06-01', cho);
    const released = await change(moved.participant, 'egreso', '2026-07-01');
    expect(released.instrumentsToRecover!.map((i) => i.code)).toEqual(['VIO-001']);
    expect((await openItemsOf(ids[0]!)).map((r) => [r.reason, r.openedOn])).toEqual([['traslado', '2026-06-01']]);
    expect((await app.ok('custody.summary', {})).openRecoveries).toBe(1);
  });

  it('an item closes with the return, with the loss and with a stocktake that found the instrument elsewhere', async () => {
    const { p, ids } = await participantWith('PPL-0001', ['VIO-001', 'VIO-002', 'VIO-003']);
    await change(p, 'egreso', '2026-06-01');
    const [v1, v2, v3] = ids as [number, number, number];
    await app.ok('instruments.move', { instrumentIds: [v1], movement: { kind: 'devolucion', date: '2026-06-10', condition: 'regular' } });
    await app.ok('instruments.move', {
      instrumentIds: [v2],
      movement: {
        kind: 'extravio',
        date: '2026-06-11',
        documentNumber: 'ACTA-EXT-7',
        description: 'El participante egresó sin devolverlo',
      },
    });
    const s = await app.ok('stocktakes.open', { establishmentId: cho });
    await app.ok('stocktakes.count', { id: s.id, code: 'VIO-003' });
    await app.ok('stocktakes.close', { id: s.id, actaNumber: 'AIF-9', date: '2026-06-12', confirm: true });

    expect(await recoveries()).toEqual([]);
    const closed = await recoveries({ open: false });
    expect(closed.map((r) => [r.code, r.closedBy, r.closedOn, r.daysOpen, r.stillHeld])).toEqual([
      ['VIO-003', 'regularizacion', '2026-06-12', 11, false],
      ['VIO-002', 'extravio', '2026-06-11', 10, false],
      ['VIO-001', 'devolucion', '2026-06-10', 9, false],
    ]);
    expect(await app.ok('instruments.get', { id: v3 })).toMatchObject({ establishmentName: 'E.P. de Chorrillos', custodianId: null });
    expect(await app.ok('instruments.get', { id: v2 })).toMatchObject({ status: 'extraviado', custodianId: null });
    expect((await app.ok('custody.summary', {})).openRecoveries).toBe(0);
  });

  it('the instrument follows a transferred participant: returned and dispatched to the new establishment', async () => {
    const { p, ids } = await participantWith('PPL-0001', ['VIO-001']);
    await change(p, 'traslado', '2026-06-01', cho);
    const [item] = await recoveries();
    const followed = await app.ok('custody.follow', {
      id: item!.id,
      date: '2026-06-05',
      documentNumber: 'ACTA-TR-1',
      person: 'Luis Quispe Huamán',
      condition: 'bueno',
    });
    expect(followed).toMatchObject({ id: item!.id, closedBy: 'traslado', closedOn: '2026-06-05', stillHeld: false, daysOpen: 4 });
    expect(await recoveries()).toEqual([]);
    expect(await app.ok('instruments.get', { id: ids[0]! })).toMatchObject({
      status: 'en_transito',
      establishmentName: 'E.P. de Lurigancho',
      transitToEstablishmentName: 'E.P. de Chorrillos',
      custodianId: null,
      condition: 'bueno',
    });
    const history = await app.ok('instruments.history', { id: ids[0]! });
    expect(history.slice(0, 3).map((m) => [m.kind, m.date, m.custodianId, m.documentNumber, m.person, m.toEstablishmentName])).toEqual([
      ['despacho', '2026-06-05', null, 'ACTA-TR-1', 'Luis Quispe Huamán', 'E.P. de Chorrillos'],
      ['devolucion', '2026-06-05', p.id, null, null, null],
      ['entrega', '2026-03-01', p.id, null, null, null],
    ]);
    // Chorrillos receives it as any dispatch.
    await app.ok('instruments.move', {
      instrumentIds: [ids[0]!],
      movement: { kind: 'recepcion', person: 'Rosa Mamani', condition: 'bueno', date: '2026-06-07' },
    });
    expect(await app.ok('instruments.get', { id: ids[0]! })).toMatchObject({ status: 'asignado', establishmentName: 'E.P. de Chorrillos' });
  });

  it('a transferred participant back in the programme at the new establishment still takes the instrument there', async () => {
    const { p, ids } = await participantWith('PPL-0001', ['VIO-001']);
    const moved = await change(p, 'traslado', '2026-06-01', cho);
    await change(moved.participant, 'reincorporacion', '2026-06-03');
    const [item] = await recoveries();
    expect(item).toMatchObject({ reason: 'traslado', participantEstablishmentName: 'E.P. de Chorrillos', stillHeld: true });
    await app.ok('custody.follow', { id: item!.id, date: '2026-06-05', documentNumber: 'ACTA-TR-2', person: 'Luis Quispe Huamán' });
    expect(await app.ok('instruments.get', { id: ids[0]! })).toMatchObject({
      status: 'en_transito',
      transitToEstablishmentName: 'E.P. de Chorrillos',
    });
  });

  it('following is refused, changing nothing, when the participant has no destination, the item is closed or unknown', async () => {
    const released = await participantWith('PPL-0001', ['VIO-001']);
    await change(released.p, 'egreso', '2026-06-01');
    const withdrawn = await participantWith('PPL-0002', ['VIO-002']);
    await change(withdrawn.p, 'retiro', '2026-06-01');
    const moved = await participantWith('PPL-0003', ['VIO-003']);
    await change(moved.p, 'traslado', '2026-06-01', cho);
    const item = async (code: string) =>
      (await recoveries({ open: true })).find((r) => r.code === code) ?? (await recoveries({ open: false })).find((r) => r.code === code)!;
    const follow = (id: number) =>
      app.call('custody.follow', { id, date: '2026-06-05', documentNumber: 'ACTA-TR-1', person: 'Luis Quispe' });
    const noDestination = 'El participante no tiene otro establecimiento al cual trasladar el instrumento: registre su devolución.';
    expect(await refused(async () => follow((await item('VIO-001')).id))).toMatchObject({ code: 'conflict', message: noDestination });
    expect(await refused(async () => follow((await item('VIO-002')).id))).toMatchObject({ code: 'conflict', message: noDestination });

    await app.ok('instruments.move', { instrumentIds: [moved.ids[0]!], movement: { kind: 'devolucion', date: '2026-06-03' } });
    expect(await refused(async () => follow((await item('VIO-003')).id))).toMatchObject({
      code: 'conflict',
      message: 'Este ítem de recuperación ya está cerrado.',
    });
    expect(await refused(() => follow(9999))).toMatchObject({ code: 'not_found' });
  });

  it('the dashboard counts the open items and how long the oldest has waited', async () => {
    expect(await app.ok('custody.summary', {})).toEqual({ overdue: 0, openRecoveries: 0, oldestRecoveryDays: null, pendingReviews: 0 });
    const one = await participantWith('PPL-0001', ['VIO-001', 'VIO-002']);
    const two = await participantWith('PPL-0002', ['VIO-003']);
    await change(one.p, 'egreso', daysFromNow(-20));
    await change(two.p, 'traslado', daysFromNow(-3), cho);
    const staff = await newStaffMember(app, lur);
    await give([await violin('VIO-004')], 'personal', staff.id, daysFromNow(-30), daysFromNow(-1));
    await carriedOverCustodian(app, await violin('VIO-005'), 'docente', 'Prof. Carmen Rojas');
    expect(await app.ok('custody.summary', {})).toEqual({ overdue: 1, openRecoveries: 3, oldestRecoveryDays: 20, pendingReviews: 1 });
    expect((await recoveries()).map((r) => [r.code, r.daysOpen])).toEqual([
      ['VIO-001', 20],
      ['VIO-002', 20],
      ['VIO-003', 3],
    ]);
  });

  it("a user restricted to some establishments sees and works only their establishments' items", async () => {
    const atLur = await participantWith('PPL-0001', ['VIO-001']);
    const atCho = await participantWith('PPL-0002', ['VIO-002'], cho);
    await change(atLur.p, 'traslado', '2026-06-01', cho);
    await change(atCho.p, 'traslado', '2026-06-02', anc);
    const lurItem = (await recoveries({ participantId: atLur.p.id }))[0]!;

    await app.signInAs('inventario', { establishmentIds: [cho] });
    expect((await recoveries()).map((r) => r.code)).toEqual(['VIO-002']);
    expect(await app.ok('custody.summary', {})).toMatchObject({ openRecoveries: 1 });
    expect(await app.call('custody.recoveries', { establishmentId: lur })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await refused(() => app.call('custody.follow', { id: lurItem.id, date: '2026-06-05', documentNumber: 'A-1', person: 'Luis Quispe' })),
    ).toMatchObject({
      code: 'forbidden',
      message: 'Su usuario no trabaja con ese establecimiento.',
    });
    // Chorrillos' clerk may not send it to Ancón, an establishment they do not work with (as with any dispatch).
    const choItem = (await recoveries())[0]!;
    expect(
      await refused(() => app.call('custody.follow', { id: choItem.id, date: '2026-06-05', documentNumber: 'A-2', person: 'Luis Quispe' })),
    ).toMatchObject({
      code: 'forbidden',
    });
    await app.signInAs('inventario', { establishmentIds: [cho, anc] });
    expect(
      await app.ok('custody.follow', { id: choItem.id, date: '2026-06-05', documentNumber: 'A-2', person: 'Luis Quispe' }),
    ).toMatchObject({
      closedBy: 'traslado',
    });
    // The programmes' coordinator follows the list too, with names.
    await app.signInAs('programas');
    expect((await recoveries()).map((r) => r.participantLabel)).toEqual(['Juan Pérez Quispe (PPL-0001)']);
  });
});

describe('custodians carried over as text (custody.reviews, link, dismiss)', () => {
  it('link: the instrument and its last hand-over get the id, the text stays, the review is "vinculado"', async () => {
    const v = await violin('VIO-001');
    const reviewId = await carriedOverCustodian(app, v, 'elenco', 'Banda Sinfonica', '2025-10-01');
    const band = await newEnsembleAt(app, lur, 'Banda sinfónica de Lurigancho');
    expect(
      (await app.ok('custody.reviews', {})).map((r) => [r.id, r.code, r.custodianType, r.originalText, r.establishmentName, r.status]),
    ).toEqual([[reviewId, 'VIO-001', 'elenco', 'Banda Sinfonica', 'E.P. de Lurigancho', 'pendiente']]);
    expect((await app.ok('custody.summary', {})).pendingReviews).toBe(1);

    const linked = await app.ok('custody.link', { id: reviewId, custodianId: band.id });
    expect(linked).toMatchObject({
      status: 'vinculado',
      custodianId: band.id,
      originalText: 'Banda Sinfonica',
      resolvedBy: 'Administrador local',
    });
    expect(await app.ok('instruments.get', { id: v })).toMatchObject({
      custodianType: 'elenco',
      custodianId: band.id,
      custodianName: 'Banda Sinfonica',
    });
    expect((await app.ok('instruments.history', { id: v }))[0]).toMatchObject({
      kind: 'entrega',
      custodianId: band.id,
      custodianName: 'Banda Sinfonica',
    });
    expect(await app.ok('custody.reviews', {})).toEqual([]);
    expect((await app.ok('custody.reviews', { status: 'vinculado' })).map((r) => r.id)).toEqual([reviewId]);
    expect((await app.ok('custody.summary', {})).pendingReviews).toBe(0);
    expect(
      (await app.ok('custody.holdings', { custodianType: 'elenco', custodianId: band.id })).current.map((h) => [h.code, h.since]),
    ).toEqual([['VIO-001', '2025-10-01']]);
    // Returned, the linked hand-over is among what the ensemble held before.
    await app.ok('instruments.move', { instrumentIds: [v], movement: { kind: 'devolucion', date: '2026-03-01' } });
    expect(
      (await app.ok('custody.holdings', { custodianType: 'elenco', custodianId: band.id })).past.map((h) => [h.code, h.since, h.until]),
    ).toEqual([['VIO-001', '2025-10-01', '2026-03-01']]);
    expect(await refused(() => app.call('custody.link', { id: reviewId, custodianId: band.id }))).toMatchObject({
      code: 'conflict',
      message: 'Este custodio ya fue vinculado o descartado.',
    });
    const audit = await app.db('audit_log').where({ action: 'linkCustodian' }).count({ n: '*' });
    expect(Number((audit[0] as { n: number }).n)).toBe(1);
  });

  it('linking a participant who already left opens the recovery item their departure would have opened', async () => {
    const gone = await newParticipantAt(app, lur, 'PPL-0001');
    await change(gone, 'egreso', '2026-05-01');
    const away = await newParticipantAt(app, lur, 'PPL-0002', 'Mario', 'Torres Vega');
    await change(away, 'traslado', '2026-05-02', cho);
    const here = await newParticipantAt(app, lur, 'PPL-0003', 'Pedro', 'Salas Ramos');
    const [v1, v2, v3] = [await violin('VIO-001'), await violin('VIO-002'), await violin('VIO-003')];
    const r1 = await carriedOverCustodian(app, v1, 'participante', 'J. Pérez (PPL-0001)');
    const r2 = await carriedOverCustodian(app, v2, 'participante', 'Mario Torres');
    const r3 = await carriedOverCustodian(app, v3, 'participante', 'Pedro Salas');
    await app.ok('custody.link', { id: r1, custodianId: gone.id });
    await app.ok('custody.link', { id: r2, custodianId: away.id });
    await app.ok('custody.link', { id: r3, custodianId: here.id });
    expect((await recoveries()).map((r) => [r.code, r.participantId, r.reason, r.stillHeld])).toEqual([
      ['VIO-001', gone.id, 'egreso', true],
      ['VIO-002', away.id, 'traslado', true],
    ]);
  });

  it('dismiss: the review is closed, the instrument keeps the custodian as typed', async () => {
    const v = await violin('VIO-001');
    const reviewId = await carriedOverCustodian(app, v, 'docente', 'Prof. Carmen Rojas');
    expect(await app.ok('custody.dismiss', { id: reviewId })).toMatchObject({
      status: 'descartado',
      custodianId: null,
      originalText: 'Prof. Carmen Rojas',
    });
    expect(await app.ok('instruments.get', { id: v })).toMatchObject({
      custodianType: 'docente',
      custodianId: null,
      custodianName: 'Prof. Carmen Rojas',
    });
    expect((await app.ok('custody.summary', {})).pendingReviews).toBe(0);
    expect((await app.ok('custody.reviews', { status: 'descartado' })).map((r) => r.id)).toEqual([reviewId]);
    expect(await refused(() => app.call('custody.dismiss', { id: reviewId }))).toMatchObject({ code: 'conflict' });
    // The instrument is still returned as any other.
    await app.ok('instruments.move', { instrumentIds: [v], movement: { kind: 'devolucion', date: '2026-03-01' } });
    expect(await app.ok('instruments.get', { id: v })).toMatchObject({ custodianType: null, custodianName: null });
  });

  it('link is refused, changing nothing, for an unknown record or an instrument no longer in that custodian’s hands', async () => {
    const v = await violin('VIO-001');
    const reviewId = await carriedOverCustodian(app, v, 'elenco', 'Banda Sinfonica');
    const staff = await newStaffMember(app, lur);
    expect(await refused(() => app.call('custody.link', { id: reviewId, custodianId: 9999 }))).toMatchObject({
      code: 'validation',
      fields: { custodianId: 'No se encontró a la persona o el elenco elegido. Búsquelo de nuevo.' },
    });
    await app.ok('instruments.move', { instrumentIds: [v], movement: { kind: 'devolucion', date: '2026-03-01' } });
    await give([v], 'personal', staff.id, '2026-03-02');
    const band = await newEnsembleAt(app, lur);
    expect(await refused(() => app.call('custody.link', { id: reviewId, custodianId: band.id }))).toMatchObject({
      code: 'conflict',
      message: 'El instrumento VIO-001 ya no está en poder de ese custodio: descarte la revisión.',
    });
    expect(await refused(() => app.call('custody.link', { id: 9999, custodianId: band.id }))).toMatchObject({ code: 'not_found' });
  });

  it('a participant’s typed name is withheld without the permission; a restricted user sees and resolves only their establishments’', async () => {
    const atLur = await carriedOverCustodian(app, await violin('VIO-001'), 'participante', 'Juan Pérez (PPL-0001)');
    const atCho = await carriedOverCustodian(app, await violin('VIO-002', cho), 'elenco', 'Coro de Chorrillos');
    await app.signInAs('inventario');
    expect((await app.ok('custody.reviews', {})).map((r) => [r.code, r.originalText])).toEqual([
      ['VIO-002', 'Coro de Chorrillos'],
      ['VIO-001', 'Nombre reservado'],
    ]);
    await app.signInAs('inventario', { establishmentIds: [cho] });
    expect((await app.ok('custody.reviews', {})).map((r) => r.id)).toEqual([atCho]);
    expect((await app.ok('custody.summary', {})).pendingReviews).toBe(1);
    expect(await refused(() => app.call('custody.dismiss', { id: atLur }))).toMatchObject({ code: 'forbidden' });
    expect(await app.ok('custody.dismiss', { id: atCho })).toMatchObject({ status: 'descartado', resolvedBy: 'Usuario inventario' });
  });
});
