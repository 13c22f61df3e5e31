import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHarness, type Harness } from '../../electron/harness/server';

const root = path.resolve(__dirname, '../..');
export const rendererDir = path.join(root, 'out/renderer');
export const screensDir = path.join(root, 'test-results/screens');

/**
 * Tier 2: the production renderer build in Chromium, with window.api bound to the same
 * main-process services and pipeline, over a fresh database for every test.
 */
export const test = base.extend<{ harness: Harness; app: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their (here: no) dependencies
  harness: async ({}, use) => {
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      throw new Error('Falta el build del renderer: ejecute "npm run build:renderer" (npm test lo hace).');
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-e2e-'));
    const h = await startHarness({
      dbPath: path.join(dir, 'arteinpe.sqlite'),
      exportDir: path.join(dir, 'exportaciones'),
      rendererDir,
      version: 'e2e',
    });
    await use(h);
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ page, harness }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(harness.url);
    await use(page);
    // A page that throws or logs errors (a CSP violation, a failed request) fails its test.
    expect(problems, problems.join('\n')).toEqual([]);
  },
});

export { expect };

/** A full-page screenshot kept as a test artifact under test-results/screens/. */
export async function screen(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screensDir, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(screensDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}
