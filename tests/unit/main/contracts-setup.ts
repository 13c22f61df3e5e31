import { afterEach, beforeEach } from 'vitest';
import { appWithDemoPrisons, type TestApp } from '../../helpers/services';
import { refusedUnchanged } from '../../helpers/refused';
import type { Ok } from '../../helpers/contracts';

/** What the contracts tests (contracts*.test.ts) share: each test's app with the demonstration's prisons, and a refusal. */

export let app: TestApp, ok: Ok, est: Record<string, number>;

/** A fresh app with the demonstration's prisons for each test of the file that calls this (at its top), closed after the test. */
export function appWithPrisonsForEachTest(): void {
  beforeEach(async () => {
    ({ app, ok, est } = await appWithDemoPrisons());
  });
  afterEach(() => app.close());
}

export const LURIGANCHO = 'E.P. de Lurigancho';
export const CHORRILLOS = 'E.P. de Mujeres de Chorrillos';
export const AREQUIPA = 'E.P. de Arequipa';

/** A refusal: its code, the message next to each field, and nothing written. */
export const refused = <K extends Parameters<TestApp['call']>[0]>(name: K, input: Parameters<TestApp['call']>[1] & object) =>
  refusedUnchanged(app, () => app.call(name, input as never));
