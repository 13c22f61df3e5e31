import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appWithDemo,
  appWithLurigancho,
  handOver,
  newEnsembleAt,
  newParticipantAt,
  newViolin,
  type TestApp,
  validEstablishment,
} from '../../helpers/services';
import { refusedUnchanged } from '../../helpers/refused';

/**
 * An ensemble member's part from a list (issue 15), through the real channel handlers: an
 * instrument type or a voice, never free text; the instruments the ensemble and its members
 * hold, and the parts missing one; the parts typed before the list that a clerk links or
 * dismisses ("Partes sin vincular"). Runs on SQLite and, with ARTEINPE_TEST_PG, PostgreSQL.
 */

let app: TestApp, lur: number;

beforeEach(async () => {
  ({ app, est: lur } = await appWithLurigancho());
});
afterEach(() => app.close());

const typeId = async (name: string) => (await app.ok('ensembles.partTypes', {})).find((t) => t.name === name)!.id;
const members = (ensembleId: number) => app.ok('enrolments.list', { ensembleId, openOnly: true });
/** An instrument of that type at Lurigancho, handed over to the custodian by id. */
async function handed(code: string, type: string, custodian: ['elenco' | 'participante', number]) {
  const i = await app.ok('instruments.create', newViolin(code, lur, { typeId: await typeId(type) }));
  await app.ok('instruments.move', { instrumentIds: [i.id], movement: handOver(custodian[0], custodian[1], '2026-03-20') });
  return i;
}
/** A part typed before the list existed, waiting for a clerk, as migration 20261204_0011 leaves it. */
async function typedPart(enrolmentId: number, text: string) {
  await app.db('enrolments').where({ id: enrolmentId }).update({ part: text, part_type_id: null, part_voice: null });
  await app
    .db('ensemble_part_reviews')
    .insert({ enrolment_id: enrolmentId, original_text: text, status: 'pendiente', created_at: '2026-12-04T15:00:00.000Z' });
}
const refused = (call: () => ReturnType<TestApp['call']>) => refusedUnchanged(app, call);

describe('a member’s part is chosen from the list', () => {
  it('offers the active instrument types with their family; an instrument type or a voice is recorded with its label as the text', async () => {
    const types = await app.ok('ensembles.partTypes', {});
    expect(types).toEqual(expect.arrayContaining([{ id: expect.any(Number), name: 'Saxofón alto', family: 'vientos_madera' }]));
    const band = await newEnsembleAt(app, lur);
    const choir = await app.ok('ensembles.create', { name: 'Coro de Lurigancho', type: 'coro_polifonico', establishmentId: lur });
    const juan = await newParticipantAt(app, lur, 'PPL-0001');
    const ana = await newParticipantAt(app, lur, 'PPL-0002', 'Ana', 'Rojas');
    const sax = await typeId('Saxofón alto');
    const [inBand] = (
      await app.ok('enrolments.create', { ensembleId: band.id, participantIds: [juan.id], date: '2026-03-02', partTypeId: sax })
    ).enrolments;
    expect(inBand).toMatchObject({
      part: 'Saxofón alto',
      partTypeId: sax,
      partTypeName: 'Saxofón alto',
      partVoice: null,
      partPending: false,
    });
    const [inChoir] = (
      await app.ok('enrolments.create', { ensembleId: choir.id, participantIds: [ana.id], date: '2026-03-02', partVoice: 'baritono' })
    ).enrolments;
    expect(inChoir).toMatchObject({ part: 'Barítono', partTypeId: null, partVoice: 'baritono' });

    // A change of stage alone keeps the part; a new part from the list replaces it; none clears it.
    const active = await app.ok('enrolments.setStage', { id: inChoir!.id, version: inChoir!.version, stage: 'activo', date: '2026-03-09' });
    expect(active).toMatchObject({ stage: 'activo', part: 'Barítono', partVoice: 'baritono' });
    const tenor = await app.ok('enrolments.setStage', {
      id: active.id,
      version: active.version,
      stage: 'activo',
      date: '2026-03-09',
      partVoice: 'tenor',
    });
    expect(tenor).toMatchObject({ part: 'Tenor', partVoice: 'tenor', partTypeId: null });
    const none = await app.ok('enrolments.setStage', {
      id: tenor.id,
      version: tenor.version,
      stage: 'activo',
      date: '2026-03-09',
      partVoice: null,
      partTypeId: null,
    });
    expect(none).toMatchObject({ part: null, partVoice: null, partTypeId: null });
  });

  it('refuses a typed part, an unknown or inactive instrument type and two parts at once, in Spanish, writing nothing', async () => {
    const band = await newEnsembleAt(app, lur);
    const juan = await newParticipantAt(app, lur, 'PPL-0001');
    const enrol = (over: Record<string, unknown>) =>
      app.call('enrolments.create', { ensembleId: band.id, participantIds: [juan.id], date: '2026-03-02', ...over } as never);
    expect((await refused(() => enrol({ part: 'Trompeta' }))).code).toBe('validation');
    expect((await refused(() => enrol({ partTypeId: 99999 }))).fields).toEqual({
      partTypeId: 'Ese instrumento no está en la lista de tipos activos.',
    });
    expect((await refused(() => enrol({ partTypeId: 1, partVoice: 'tenor' }))).fields).toEqual({
      partVoice: 'Elija un instrumento o una voz, no ambos.',
    });
    const tuba = await typeId('Tuba');
    const t = (await app.ok('instrumentTypes.list', {})).find((x) => x.id === tuba)!;
    await app.ok('instrumentTypes.update', { id: t.id, version: t.version, name: t.name, family: t.family, active: false });
    expect((await app.ok('ensembles.partTypes', {})).map((x) => x.name)).not.toContain('Tuba');
    expect((await refused(() => enrol({ partTypeId: tuba }))).fields).toEqual({
      partTypeId: 'Ese instrumento no está en la lista de tipos activos.',
    });
  });
});

describe('the ensemble’s instruments and the parts missing one', () => {
  it('lists what the ensemble and its members hold; a part misses one per member without their own, less the ensemble’s', async () => {
    const band = await newEnsembleAt(app, lur);
    const [a, b, c, d] = await Promise.all(
      ['PPL-0001', 'PPL-0002', 'PPL-0003', 'PPL-0004'].map((code) => newParticipantAt(app, lur, code)),
    );
    const trumpet = await typeId('Trompeta');
    const clarinet = await typeId('Clarinete');
    await app.ok('enrolments.create', {
      ensembleId: band.id,
      participantIds: [a!.id, b!.id, c!.id],
      date: '2026-03-02',
      partTypeId: trumpet,
    });
    await app.ok('enrolments.create', { ensembleId: band.id, participantIds: [d!.id], date: '2026-03-02', partTypeId: clarinet });
    const outsider = await newParticipantAt(app, lur, 'PPL-0009');
    await handed('TRP-A', 'Trompeta', ['participante', a!.id]);
    await handed('VIO-A', 'Violín', ['participante', a!.id]);
    await handed('TRP-G', 'Trompeta', ['elenco', band.id]);
    await handed('CLA-D', 'Clarinete', ['participante', d!.id]);
    await handed('TRP-X', 'Trompeta', ['participante', outsider.id]);

    const got = await app.ok('ensembles.instruments', { id: band.id });
    const byParticipant = new Map([a, b, c, d].map((p) => [p!.id, p!.code]));
    expect(
      got.instruments.map((i) => [i.code, i.typeName, i.participantId === null ? 'elenco' : byParticipant.get(i.participantId)]),
    ).toEqual([
      ['CLA-D', 'Clarinete', 'PPL-0004'],
      ['TRP-A', 'Trompeta', 'PPL-0001'],
      ['TRP-G', 'Trompeta', 'elenco'],
      ['VIO-A', 'Violín', 'PPL-0001'],
    ]);
    expect(got.parts).toEqual([
      { typeId: trumpet, typeName: 'Trompeta', members: 3, withOwn: 1, fromEnsemble: 1, missing: 1 },
      { typeId: clarinet, typeName: 'Clarinete', members: 1, withOwn: 1, fromEnsemble: 0, missing: 0 },
    ]);
    const rows = await members(band.id);
    const without = rows.filter((e) => got.withoutOwn.includes(e.id)).map((e) => e.participantCode);
    expect(without.sort()).toEqual(['PPL-0002', 'PPL-0003']);

    // The ensemble gets a second trumpet: no trumpet part is missing one any more.
    await handed('TRP-G2', 'Trompeta', ['elenco', band.id]);
    const after = await app.ok('ensembles.instruments', { id: band.id });
    expect(after.parts.find((x) => x.typeId === trumpet)).toMatchObject({ withOwn: 1, fromEnsemble: 2, missing: 0 });
    // The ensemble's trumpets cover the members without their own; they still hold none of their own.
    expect(after.withoutOwn).toHaveLength(2);
  });

  it('another establishment’s clerk is refused the ensemble’s instruments', async () => {
    const cho = (await app.ok('establishments.create', validEstablishment({ code: 'EP-CHO-01', name: 'E.P. de Chorrillos' }))).id;
    const band = await newEnsembleAt(app, lur);
    await app.signInAs('programas', { establishmentIds: [cho] });
    const r = await app.call('ensembles.instruments', { id: band.id });
    expect(r.ok).toBe(false);
  });
});

describe('parts typed before the list ("sin vincular")', () => {
  it('the clerk links one to the list and dismisses another; the typed text stays on the member, each is resolved once', async () => {
    const band = await newEnsembleAt(app, lur);
    const [a, b, c] = await Promise.all(
      ['PPL-0001', 'PPL-0002', 'PPL-0003'].map((code) => newParticipantAt(app, lur, code, 'Luis', `Quispe ${code}`)),
    );
    const { enrolments } = await app.ok('enrolments.create', {
      ensembleId: band.id,
      participantIds: [a!.id, b!.id, c!.id],
      date: '2026-03-02',
    });
    const [ea, eb, ec] = [...enrolments].sort((x, y) => x.participantCode.localeCompare(y.participantCode));
    await typedPart(ea!.id, 'Percusión');
    await typedPart(eb!.id, 'Violín I');
    await typedPart(ec!.id, 'Flauta');

    const pending = await app.ok('ensembles.partReviews', { status: 'pendiente' });
    expect(pending.map((r) => [r.participantCode, r.originalText, r.ensembleName, r.firstNames])).toEqual([
      ['PPL-0001', 'Percusión', 'Banda sinfónica de prueba', 'Luis'],
      ['PPL-0002', 'Violín I', 'Banda sinfónica de prueba', 'Luis'],
      ['PPL-0003', 'Flauta', 'Banda sinfónica de prueba', 'Luis'],
    ]);
    expect((await members(band.id)).map((e) => [e.part, e.partPending])).toEqual([
      ['Percusión', true],
      ['Violín I', true],
      ['Flauta', true],
    ]);

    const violin = await typeId('Violín');
    const linked = await app.ok('ensembles.linkPart', { id: pending[1]!.id, partTypeId: violin });
    expect(linked).toMatchObject({
      status: 'vinculado',
      originalText: 'Violín I',
      partTypeId: violin,
      partTypeName: 'Violín',
      resolvedBy: 'Administrador local',
    });
    const dismissed = await app.ok('ensembles.dismissPart', { id: pending[0]!.id });
    expect(dismissed).toMatchObject({ status: 'descartado', partTypeId: null, partVoice: null });
    // Resolved once: a second link or dismissal is refused.
    expect((await refused(() => app.call('ensembles.linkPart', { id: pending[1]!.id, partVoice: 'tenor' }))).message).toBe(
      'Esa parte ya fue vinculada o descartada.',
    );
    await refused(() => app.call('ensembles.dismissPart', { id: pending[0]!.id }));

    // The third is chosen from the member's own dialog: it leaves the list too.
    const flute = await typeId('Flauta traversa');
    await app.ok('enrolments.setStage', { id: ec!.id, version: ec!.version, stage: 'inscrito', date: '2026-03-02', partTypeId: flute });
    expect(await app.ok('ensembles.partReviews', { status: 'pendiente' })).toEqual([]);
    expect((await app.ok('ensembles.partReviews', { status: 'vinculado', ensembleId: band.id })).map((r) => r.originalText).sort()).toEqual(
      ['Flauta', 'Violín I'],
    );

    expect((await members(band.id)).map((e) => [e.part, e.partTypeName, e.partPending])).toEqual([
      ['Percusión', null, false],
      ['Violín I', 'Violín', false],
      ['Flauta traversa', 'Flauta traversa', false],
    ]);
    const audit = (await app
      .db('audit_log')
      .whereIn('action', ['linkPart', 'dismissPart'])
      .orderBy('id')
      .select('entity', 'action')) as unknown[];
    expect(audit).toEqual([
      { entity: 'enrolment', action: 'linkPart' },
      { entity: 'enrolment', action: 'dismissPart' },
    ]);
  });

  it('a role without the personal-data permission sees the code only; another establishment’s clerk sees none of them', async () => {
    const cho = (await app.ok('establishments.create', validEstablishment({ code: 'EP-CHO-01', name: 'E.P. de Chorrillos' }))).id;
    const band = await newEnsembleAt(app, lur);
    const p = await newParticipantAt(app, lur, 'PPL-0001');
    const { enrolments } = await app.ok('enrolments.create', { ensembleId: band.id, participantIds: [p.id], date: '2026-03-02' });
    await typedPart(enrolments[0]!.id, 'Bombo');
    await app.signInAs('consulta');
    expect(await app.ok('ensembles.partReviews', {})).toMatchObject([
      { participantCode: 'PPL-0001', firstNames: null, lastNames: null, originalText: 'Bombo' },
    ]);
    await app.signInAs('programas', { establishmentIds: [cho] });
    expect(await app.ok('ensembles.partReviews', {})).toEqual([]);
    await refused(() => app.call('ensembles.dismissPart', { id: 1 }));
  });
});

describe('the demonstration data', () => {
  it('gives every ensemble member a part from the list, with nothing left "sin vincular"', async () => {
    // An empty database: the demonstration loads only into one.
    await app.close();
    app = await appWithDemo();
    const ensembles = await app.ok('ensembles.list', { status: 'all' });
    const parts = (await Promise.all(ensembles.map((g) => members(g.id)))).flat();
    expect(parts.length).toBeGreaterThan(50);
    expect(parts.filter((e) => e.partTypeId === null && e.partVoice === null)).toEqual([]);
    expect(new Set(parts.map((e) => e.partVoice).filter(Boolean))).toEqual(new Set(['soprano', 'contralto', 'tenor', 'bajo']));
    for (const e of parts) expect(e.part).toBe(e.partTypeName ?? e.part);
    expect(await app.ok('ensembles.partReviews', {})).toEqual([]);
  });
});
