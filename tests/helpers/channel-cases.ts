import fs from 'node:fs';
import { expect } from 'vitest';
import type { TestApp } from './services';

/** What channels.test.ts and its case files (unit/main/*-channel-cases.ts) share. */

/** One valid call of a channel: its input (made when the test runs) and what the answer must hold. */
export type Case = { input: () => unknown; check?: (data: unknown) => void | Promise<void> };

/** What a case reads when it runs: the test's app and the establishment seeded in it. */
export type Ctx = () => { app: TestApp; seeded: { id: number; version: number } };

/** An export's answer: saved, to a file that is not empty. */
export const saved = (d: unknown) => {
  const r = d as { status: string; path: string };
  expect(r.status).toBe('saved');
  expect(fs.statSync(r.path).size).toBeGreaterThan(0);
};
