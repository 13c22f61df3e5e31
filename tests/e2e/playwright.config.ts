import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath } from '../../electron/harness/chromium-pdf';

const root = path.resolve(__dirname, '../..');

/** Debian's chromium on the build machines (Playwright cannot download its own there); see chromiumPath. */
export { chromiumPath };
export const chromiumArgs = [...CHROMIUM_FLAGS, '--disable-features=Translate'];

export default defineConfig({
  testDir: __dirname,
  outputDir: path.join(root, 'test-results/e2e-artifacts'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: path.join(root, 'test-results/e2e.json') }]],
  use: {
    locale: 'es-PE',
    timezoneId: 'America/Lima',
    viewport: { width: 1366, height: 800 },
    screenshot: 'only-on-failure',
    // A trace records every step (DOM snapshots, a screencast): it doubles the tier's time on a
    // 2-core machine. Off by default; ARTEINPE_TRACE=1 keeps one for each failed test.
    trace: process.env.ARTEINPE_TRACE ? 'retain-on-failure' : 'off',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    { name: 'renderer', testDir: path.join(__dirname, 'renderer') },
    { name: 'electron', testDir: path.join(__dirname, 'electron') },
  ],
});
