import { afterEach, beforeEach } from 'vitest';
import type { TestApp } from './services';

/**
 * A fresh app for each test of the file, made by `make` before it and closed after it. What it
 * answers always stands for the current test's app, so a file writes `app.ok(…)` as it would with
 * a variable of its own.
 */
export function appPerTest<T extends TestApp>(make: () => Promise<T>, timeout?: number): T {
  let current: T | undefined;
  beforeEach(async () => {
    current = await make();
  }, timeout);
  afterEach(() => current?.close());
  const now = (): T => {
    if (!current) throw new Error('the app exists only inside a test');
    return current;
  };
  return new Proxy({} as T, { get: (_, key) => Reflect.get(now(), key) });
}
