import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../helpers/services';

/**
 * The demonstration data answers the follow-up after release (issue 17, item 3) and draws the
 * home page's small charts (item 4): releases of this year and the two before it with the
 * answers recorded, referrals to partners, re-entries under the same code, the same every time.
 */

let app: TestApp;
beforeAll(async () => {
  app = await testApp();
  await app.ok('demo.load', {});
}, 240_000);
afterAll(() => app?.close());

describe('the demonstration data', () => {
  it('records the follow-up at its releases, with enough persons each year to show the figures', async () => {
    const year = new Date().getFullYear();
    const f = await app.ok('evaluation.followUp', { from: `${year - 2}-01-01`, to: `${year}-12-31` });
    expect(f.years.map((y) => y.period)).toEqual([String(year - 2), String(year - 1), String(year)]);
    // The two whole years before this one (this year's releases depend on how far it has gone).
    for (const y of f.years.slice(0, 2)) {
      expect(y.released).toBeGreaterThanOrEqual(5);
      expect(y.continuing).toBeGreaterThan(0);
      expect(y.continuing!).toBeLessThan(y.released!);
    }
    expect(f.total.referred).toBeGreaterThanOrEqual(5);
    // Two years back, every release has had its 12 months: some came back within them.
    const first = f.years[0]!;
    expect(first.due12).toBe(first.released);
    expect(f.total.reentered24 ?? 0).toBeGreaterThan(0);
    // A re-entry is the same person (the same code) registered again.
    const codes = (await app
      .db('participants as p')
      .join('participant_movements as m', 'm.participant_id', 'p.id')
      .where('m.kind', 'reincorporacion')
      .pluck('p.code')) as string[];
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('is the same data on every load (seeded)', async () => {
    const answers = async (a: TestApp) =>
      (await a
        .db('participant_movements')
        .where('kind', 'egreso')
        .orderBy('id')
        .select('date', 'continues_practice', 'referral_partner_id', 'referral_note')) as unknown[];
    const other = await testApp();
    try {
      await other.ok('demo.load', {});
      expect(await answers(other)).toEqual(await answers(app));
    } finally {
      await other.close();
    }
  }, 240_000);

  it('draws the three small charts of the home page', async () => {
    const c = await app.ok('dashboard.charts', {});
    expect(c.instruments!.total).toBeGreaterThan(0);
    expect(c.attendance).toHaveLength(2);
    expect(c.budget!.lines.some((l) => l.executed > 0)).toBe(true);
  });
});
