import { expect } from 'vitest';
import { snapshot, type TestApp } from './services';

/** A call that must be refused without writing anything: answers the refusal (the test fails if it was accepted or wrote). */
export async function refusedUnchanged(app: TestApp, call: () => ReturnType<TestApp['call']>) {
  const before = await snapshot(app.db);
  const r = await call();
  expect(await snapshot(app.db)).toBe(before);
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(r.data)}`);
  return r.error;
}
