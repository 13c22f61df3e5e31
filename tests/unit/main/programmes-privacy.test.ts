import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../helpers/services';

/** Participants' names reach only the roles that hold the personal-data permission. */

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
  await app.ok('demo.load', {});
});
afterEach(() => app.close());

describe('participants’ names and roles', () => {
  it('the programme role sees names in a workshop’s enrolments; the read-only role sees only INPE codes', async () => {
    const workshop = ((await app.db('workshops').orderBy('id').first('id')) as { id: number }).id;
    await app.signInAs('programas');
    const named = await app.ok('enrolments.list', { workshopId: workshop });
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((e) => e.firstNames && e.lastNames)).toBe(true);

    await app.signInAs('consulta');
    const masked = await app.ok('enrolments.list', { workshopId: workshop });
    expect(masked).toHaveLength(named.length);
    for (const e of masked) {
      expect(e.firstNames).toBeNull();
      expect(e.lastNames).toBeNull();
      expect(e.participantCode).toMatch(/\S/);
    }
    // The participants' own channels are closed to it altogether.
    expect(await app.call('participants.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
