import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationScope } from '../../../shared/evaluation/schemas';
import { releaseFollowUp } from '../../../electron/main/programmes/repository/for-evaluation';
import { createChorrillos, createLurigancho, newParticipantAt, snapshot, testApp, type TestApp } from '../../helpers/services';

/**
 * Follow-up after release (issue 17, item 3) on a small handmade programme with known answers:
 * - Lurigancho, 6 men released in February 2024 (A1…A6). A1…A5 said they wish to continue their
 *   practice, A6 said no; A1…A4 were referred to a partner's programme. A1 came back 8 months
 *   later (October 2024), was released again in March 2025 and came back in June 2025; A2 came
 *   back 20 months later (October 2025): within 24 months, not 12.
 * - Chorrillos, 5 women released in March 2024 without follow-up, all back in September 2024.
 * - Lurigancho, B released two months ago: its 12 months have not elapsed.
 * Re-entries are counted to today (the channel's `asOf`).
 */

let app: TestApp;
let lur: number;
let cho: number;
let partner: number;
const ids: Record<string, { id: number; version: number }> = {};
const today = new Date().toISOString().slice(0, 10);
const monthsAgo = (k: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - k);
  return d.toISOString().slice(0, 10);
};

async function custody(code: string, change: Record<string, unknown>) {
  const p = ids[code]!;
  const r = await app.ok('participants.custodyChange', { participantId: p.id, version: p.version, ...change } as never);
  ids[code] = { id: r.participant.id, version: r.participant.version };
  return r;
}

async function person(code: string, establishmentId: number, sex: 'masculino' | 'femenino') {
  const p = await newParticipantAt(app, establishmentId, code, 'Nombre', 'Apellido Prueba', { sex, date: '2023-01-10' });
  ids[code] = { id: p.id, version: p.version };
}

beforeAll(async () => {
  app = await testApp();
  lur = await createLurigancho(app);
  cho = await createChorrillos(app);
  partner = (await app.ok('partners.create', { name: 'Museo de Arte de Lima', type: 'sociedad_civil' })).id;
  for (let i = 1; i <= 6; i++) {
    const code = `A${i}`;
    await person(code, lur, 'masculino');
    await custody(code, {
      kind: 'egreso',
      date: `2024-02-0${i}`,
      continuesPractice: i <= 5,
      referral: i <= 4 ? { partnerId: partner, note: i === 1 ? 'Taller de grabado' : null } : null,
    });
  }
  await custody('A1', { kind: 'reincorporacion', date: '2024-10-01' });
  await custody('A1', { kind: 'egreso', date: '2025-03-01' });
  await custody('A1', { kind: 'reincorporacion', date: '2025-06-01' });
  await custody('A2', { kind: 'reincorporacion', date: '2025-10-01' });
  for (let i = 1; i <= 5; i++) {
    const code = `C${i}`;
    await person(code, cho, 'femenino');
    await custody(code, { kind: 'egreso', date: '2024-03-01' });
    await custody(code, { kind: 'reincorporacion', date: '2024-09-01' });
  }
  await person('B1', lur, 'masculino');
  await custody('B1', { kind: 'egreso', date: monthsAgo(2) });
}, 180_000);
afterAll(() => app?.close());

const scope = (over: Partial<EvaluationScope> = {}): EvaluationScope => ({
  from: '2024-01-01',
  to: today,
  establishmentIds: null,
  initiativeId: null,
  discipline: null,
  sex: null,
  ...over,
});

describe('the raw counts (programmes/repository/for-evaluation.ts)', () => {
  it('counts each release once, re-entries within 12 and 24 months only once their months have elapsed', async () => {
    const years = await releaseFollowUp(app.db, scope(), 'year', today);
    expect(years).toEqual([
      // A1 at 8 months (12 and 24); A2 at 20 months (24 only); the 5 women at 6 months. A1's second
      // re-entry (June 2025) is within 24 months of February 2024 too, but that release counts once.
      { period: '2024', released: 11, continuing: 5, referred: 4, due12: 11, reentered12: 6, due24: 11, reentered24: 7 },
      // A1's second release: back within 12 months; its 24 months have not elapsed.
      { period: '2025', released: 1, continuing: 0, referred: 0, due12: 1, reentered12: 1, due24: 0, reentered24: 0 },
      // B1, released two months ago: counted as released, not yet as "did not come back".
      { period: monthsAgo(2).slice(0, 4), released: 1, continuing: 0, referred: 0, due12: 0, reentered12: 0, due24: 0, reentered24: 0 },
    ]);
  });

  it('narrows by the establishment released from, by sex, and by month of release', async () => {
    const women = await releaseFollowUp(app.db, scope({ sex: 'femenino' }), 'year', today);
    expect(women).toEqual([
      { period: '2024', released: 5, continuing: 0, referred: 0, due12: 5, reentered12: 5, due24: 5, reentered24: 5 },
    ]);
    const atLur = await releaseFollowUp(app.db, scope({ establishmentIds: [lur], to: '2024-12-31' }), 'month', today);
    expect(atLur).toEqual([
      { period: '2024-02', released: 6, continuing: 5, referred: 4, due12: 6, reentered12: 1, due24: 6, reentered24: 2 },
    ]);
  });
});

describe('evaluation.followUp', () => {
  it('shows cells of 5 and more, hides 1 to 4 with the rates built on them, and names no one', async () => {
    const r = await app.ok('evaluation.followUp', { from: '2024-01-01', to: '2025-12-31' });
    expect(r.asOf).toBe(today);
    expect(r.years).toEqual([
      {
        period: '2024',
        released: 11,
        continuing: 5,
        referred: null,
        due12: 11,
        reentered12: 6,
        due24: 11,
        reentered24: 7,
        continuingRate: 5 / 11,
        referredRate: null,
        reentry12Rate: 6 / 11,
        reentry24Rate: 7 / 11,
        suppressed: ['referred'],
      },
      {
        period: '2025',
        released: null,
        continuing: 0,
        referred: 0,
        due12: null,
        reentered12: null,
        due24: 0,
        reentered24: 0,
        continuingRate: null,
        referredRate: null,
        reentry12Rate: null,
        reentry24Rate: null,
        suppressed: ['released', 'due12', 'reentered12'],
      },
    ]);
    expect(r.total).toMatchObject({ released: 12, continuing: 5, referred: null, reentered12: 7, due24: 11, reentered24: 7 });
    expect(r.months.map((m) => [m.period, m.released])).toEqual([
      ['2024-02', 6],
      ['2024-03', 5],
      ['2025-03', null],
    ]);
    const text = JSON.stringify(r);
    for (const code of ['A1', 'C1', 'Nombre', 'Apellido', 'grabado', 'Museo']) expect(text).not.toContain(code);
  });

  it('follows the filters: the women of Chorrillos all came back within 12 months', async () => {
    const r = await app.ok('evaluation.followUp', { from: '2024-01-01', to: '2024-12-31', establishmentId: cho });
    expect(r.years).toEqual([
      expect.objectContaining({ period: '2024', released: 5, continuing: 0, reentered12: 5, reentry12Rate: 1, suppressed: [] }),
    ]);
    const men = await app.ok('evaluation.followUp', { from: '2024-01-01', to: '2024-12-31', establishmentId: cho, sex: 'masculino' });
    expect(men.years).toEqual([]);
  });
});

describe('recording the follow-up at a release', () => {
  it('refuses the answers beside the field on a change other than a release, changing nothing', async () => {
    await person('T1', lur, 'masculino');
    const before = await snapshot(app.db);
    const p = ids.T1!;
    const move = { participantId: p.id, version: p.version, kind: 'traslado', toEstablishmentId: cho, date: '2026-01-15' } as const;
    expect(await app.call('participants.custodyChange', { ...move, continuesPractice: true })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { continuesPractice: 'Solo se registra en un egreso.' } },
    });
    expect(await app.call('participants.custodyChange', { ...move, referral: { partnerId: partner } })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'referral.partnerId': 'Solo se registra en un egreso.' } },
    });
    const release = { participantId: p.id, version: p.version, kind: 'egreso', date: '2026-01-15' } as const;
    expect(await app.call('participants.custodyChange', { ...release, referral: { partnerId: partner + 99 } })).toMatchObject({
      ok: false,
      error: { fields: { 'referral.partnerId': 'Elija un aliado de la lista.' } },
    });
    expect(
      await app.call('participants.custodyChange', { ...release, referral: { partnerId: partner, note: 'x'.repeat(201) } }),
    ).toMatchObject({
      ok: false,
      error: { fields: { 'referral.note': expect.any(String) } },
    });
    expect(await snapshot(app.db)).toBe(before);
  });

  it("keeps the answers out of the participant's history and the audit log", async () => {
    const history = await app.ok('participants.history', { id: ids.A1!.id });
    expect(history.map((m) => m.kind)).toEqual(['reincorporacion', 'egreso', 'reincorporacion', 'egreso', 'alta']);
    expect(JSON.stringify(history)).not.toMatch(/continues|referral|grabado/i);
    const audit = (await app
      .db('audit_log')
      .where({ entity: 'participant', entity_id: String(ids.A1!.id) })
      .select('after_json')) as unknown[];
    expect(audit.length).toBe(5);
    expect(JSON.stringify(audit)).not.toMatch(/grabado|continuesPractice|referral/);
  });

  it('points a released participant registered again to «Reincorporar» on their record', async () => {
    const again = await app.call('participants.create', {
      code: 'a6',
      firstNames: 'Nombre',
      lastNames: 'Apellido Prueba',
      sex: 'masculino',
      birthYear: 1990,
      establishmentId: lur,
      date: '2026-02-01',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', fields: { code: expect.stringContaining('«Reincorporar»') } } });
    const active = await app.call('participants.create', {
      code: 'C1',
      firstNames: 'Nombre',
      lastNames: 'Apellido Prueba',
      sex: 'femenino',
      birthYear: 1990,
      establishmentId: cho,
      date: '2026-02-01',
    });
    expect(active).toMatchObject({ ok: false, error: { fields: { code: 'Ya existe un participante con el código C1.' } } });
  });
});
