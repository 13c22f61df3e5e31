import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newParticipantAt, testApp, type TestApp, validEstablishment, appWithTwoPrisons } from '../../helpers/services';
import { refusedUnchanged } from '../../helpers/refused';
import { daysFromNow } from '../../helpers/contracts';

/**
 * An establishment's population over time and the programme's reach (issue 15): dated
 * headcounts by sex, a correction appended as a new count of the same day (the earlier one
 * stays, marked corrected), refusals in Spanish beside the field that change nothing, and the
 * reach (active participants ÷ latest population) per prison and nationally — "—" (null)
 * without a count, never 0 %.
 */

let app: TestApp, lur: number, cho: number;

beforeEach(async () => {
  ({ app, lur, cho } = await appWithTwoPrisons());
});
afterEach(() => app.close());

const refused = (call: () => ReturnType<TestApp['call']>) => refusedUnchanged(app, call);
const record = (establishmentId: number, countedOn: string, men: number, women: number, source: string | null = null) =>
  app.ok('population.record', { establishmentId, countedOn, men, women, source });

describe('population counts', () => {
  it('records dated counts, lists them newest first, and a correction of a day keeps the earlier count as corrected', async () => {
    await record(lur, '2026-01-31', 9850, 0, 'Informe estadístico de enero');
    const march = await record(lur, '2026-03-31', 10120, 0);
    expect(march).toMatchObject({ establishmentId: lur, men: 10120, women: 0, total: 10120, corrected: false, source: null });
    expect(march.recordedBy).toBe('Administrador local');
    const fixed = await record(lur, '2026-03-31', 10210, 0, 'Oficio 45-2026 (corrige)');
    const history = await app.ok('population.list', { establishmentId: lur });
    expect(history.map((c) => [c.countedOn, c.total, c.corrected, c.source])).toEqual([
      ['2026-03-31', 10210, false, 'Oficio 45-2026 (corrige)'],
      ['2026-03-31', 10120, true, null],
      ['2026-01-31', 9850, false, 'Informe estadístico de enero'],
    ]);
    // Each count is its own audit entry; the correction names the count it replaced.
    const audit = (await app.db('audit_log').where({ entity: 'populationCount' }).orderBy('id')) as Array<Record<string, unknown>>;
    expect(audit.map((a) => [a.action, Number(a.entity_id)])).toEqual([
      ['count', history[2]!.id],
      ['count', march.id],
      ['correct', fixed.id],
    ]);
    expect(JSON.parse(String(audit[2]!.before_json))).toMatchObject({ id: march.id, total: 10120 });
    // Another establishment's counts are its own.
    expect(await app.ok('population.list', { establishmentId: cho })).toEqual([]);
  });

  it('refuses a future date, negative, fractional or absent numbers, an empty count and an unknown establishment, changing nothing', async () => {
    await record(lur, '2026-01-31', 9850, 0);
    const tomorrow = daysFromNow(1);
    expect(
      (await refused(() => app.call('population.record', { establishmentId: lur, countedOn: tomorrow, men: 10, women: 0 }))).fields,
    ).toEqual({
      countedOn: 'La fecha del conteo no puede ser posterior a hoy.',
    });
    const bad = async (men: unknown, women: unknown) =>
      (await refused(() => app.call('population.record', { establishmentId: lur, countedOn: '2026-02-28', men, women } as never))).fields;
    expect(await bad(-5, 0)).toEqual({ men: 'Escriba un número entero de 0 o más, solo con cifras.' });
    expect(await bad(10, 2.5)).toEqual({ women: 'Escriba un número entero de 0 o más, solo con cifras.' });
    expect(await bad('1.180', 0)).toEqual({ men: 'Escriba un número entero de 0 o más, solo con cifras.' });
    expect(await bad(0, 0)).toEqual({ men: 'El conteo no puede tener cero hombres y cero mujeres.' });
    expect(await bad(100_001, 0)).toEqual({ men: 'El número es demasiado grande para un establecimiento (máximo 100 000).' });
    expect(await bad(undefined, 3)).toMatchObject({ men: expect.stringMatching(/obligatorio/i) });
    expect(
      (await refused(() => app.call('population.record', { establishmentId: 9999, countedOn: '2026-02-28', men: 10, women: 0 }))).fields,
    ).toEqual({ establishmentId: 'El establecimiento ya no existe.' });
    // Today is accepted (Lima's today).
    await record(lur, daysFromNow(0), 9900, 0);
  });

  it('a user restricted to one establishment records and reads only its counts', async () => {
    await app.signInAs('programas', { establishmentIds: [cho] });
    await record(cho, '2026-03-31', 0, 640);
    const other = await refused(() => app.call('population.record', { establishmentId: lur, countedOn: '2026-03-31', men: 1, women: 0 }));
    expect(other.code).toBe('forbidden');
    expect((await app.call('population.list', { establishmentId: lur })).ok).toBe(false);
    const reach = await app.ok('population.reach', {});
    expect(reach.scoped).toBe(true);
    expect(reach.rows.map((r) => r.name)).toEqual(['E.P. de Chorrillos']);
    await app.signInAs('consulta');
    expect((await app.call('population.record', { establishmentId: cho, countedOn: '2026-03-31', men: 1, women: 0 })).ok).toBe(false);
    expect((await app.ok('population.list', { establishmentId: cho })).map((c) => c.total)).toEqual([640]);
  });
});

describe('the reach of the programme', () => {
  it('per prison and nationally from the latest count and the active participants; — without a count', async () => {
    const out = (await app.ok('establishments.create', validEstablishment({ code: 'EP-OUT-01', name: 'E.P. Fuera', inProgramme: false })))
      .id;
    const third = (await app.ok('establishments.create', validEstablishment({ code: 'EP-ARE-01', name: 'E.P. de Arequipa' }))).id;
    await record(lur, '2026-01-31', 900, 0);
    await record(lur, '2026-03-31', 1000, 0);
    await record(cho, '2026-03-31', 0, 400);
    await record(out, '2026-03-31', 500, 0);
    for (let i = 1; i <= 5; i++) await newParticipantAt(app, lur, `LUR-${i}`);
    for (let i = 1; i <= 3; i++) await newParticipantAt(app, cho, `CHO-${i}`, 'Ana', 'Flores Ríos', { sex: 'femenino' });
    await newParticipantAt(app, third, 'ARE-1');
    await newParticipantAt(app, out, 'OUT-1');

    const reach = await app.ok('population.reach', {});
    expect(reach.scoped).toBe(false);
    expect(reach.rows).toEqual([
      {
        establishmentId: third,
        name: 'E.P. de Arequipa',
        regionalOfficeName: expect.any(String),
        population: null,
        participants: { men: 1, women: 0, total: 1 },
        reachPercent: null,
      },
      {
        establishmentId: cho,
        name: 'E.P. de Chorrillos',
        regionalOfficeName: expect.any(String),
        population: { men: 0, women: 400, total: 400, countedOn: '2026-03-31' },
        participants: { men: 0, women: 3, total: 3 },
        reachPercent: 0.8,
      },
      {
        establishmentId: lur,
        name: 'E.P. de Lurigancho',
        regionalOfficeName: expect.any(String),
        population: { men: 1000, women: 0, total: 1000, countedOn: '2026-03-31' },
        participants: { men: 5, women: 0, total: 5 },
        reachPercent: 0.5,
      },
    ]);
    // Nationally: the population counted (1 400), every participant of the programme (9), and the
    // reach over the establishments with a count only: 8 ÷ 1 400.
    expect(reach.national).toEqual({
      population: { men: 1000, women: 400, total: 1400 },
      participants: { men: 6, women: 3, total: 9 },
      reachPercent: 0.6,
      establishments: 3,
      counted: 2,
    });

    // A new count changes the figure at once; a released participant no longer counts.
    await record(third, '2026-04-30', 250, 0);
    const after = await app.ok('population.reach', {});
    expect(after.rows.find((r) => r.establishmentId === third)).toMatchObject({ population: { total: 250 }, reachPercent: 0.4 });
    expect(after.national).toMatchObject({ population: { total: 1650 }, reachPercent: 0.5, counted: 3 });
  });

  it('with no count anywhere the national reach is — and the population null', async () => {
    await newParticipantAt(app, lur, 'LUR-1');
    const reach = await app.ok('population.reach', {});
    expect(reach.national).toEqual({
      population: null,
      participants: { men: 1, women: 0, total: 1 },
      reachPercent: null,
      establishments: 2,
      counted: 0,
    });
    expect(reach.rows.every((r) => r.reachPercent === null)).toBe(true);
  });
});

describe('the demonstration data', () => {
  it('gives each establishment of the programme two or three dated counts, women in the women’s prisons, and a reach', async () => {
    const fresh = await testApp();
    try {
      await fresh.ok('demo.load', {});
      const reach = await fresh.ok('population.reach', {});
      expect(reach.rows).toHaveLength(7);
      for (const r of reach.rows) {
        const history = await fresh.ok('population.list', { establishmentId: r.establishmentId });
        expect(history.length, r.name).toBeGreaterThanOrEqual(2);
        expect(history.length, r.name).toBeLessThanOrEqual(3);
        expect(new Set(history.map((c) => c.countedOn)).size, r.name).toBe(history.length);
        for (const c of history) expect(c.total, r.name).toBeGreaterThanOrEqual(200);
        expect(r.population!.total, r.name).toBeLessThan(15_000);
        if (r.name.includes('Mujeres') || r.name.includes('Fátima')) expect(r.population!.men, r.name).toBe(0);
        else expect(r.population!.women, r.name).toBe(0);
        expect(r.reachPercent, r.name).not.toBeNull();
        expect(r.participants.total, r.name).toBeGreaterThan(0);
      }
      expect(reach.national.counted).toBe(7);
    } finally {
      await fresh.close();
    }
  });
});
