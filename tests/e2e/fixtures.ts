import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHarness, type Harness } from '../../electron/harness/server';
import { createChromiumPdfPrinter, type ChromiumPdfPrinter } from '../../electron/harness/chromium-pdf';
import { ensureUser, signInAs } from '../../electron/main/auth/seed';
import type { Role } from '../../shared/auth/permissions';
import { TEST_ADMIN, TEST_PASSWORD, testAccount } from '../helpers/services';
import { copyMigratedDatabase } from '../helpers/migrated-template';

export { TEST_ADMIN, TEST_PASSWORD, testAccount };

/**
 * Who the page starts as: an administrator (the default), another role (an account named
 * after it, password TEST_PASSWORD), null for the sign-in screen (the administrator exists),
 * or 'firstRun' for a database without any account.
 * Per file or describe block: test.use({ signedInAs: 'consulta' }).
 */
export type SignedInAs = Role | null | 'firstRun';

const root = path.resolve(__dirname, '../..');
/** The renderer build under test: out/renderer, or ARTEINPE_RENDERER_DIR (a private build, so parallel work does not share one). */
export const rendererDir = process.env.ARTEINPE_RENDERER_DIR ?? path.join(root, 'out/renderer');
export const screensDir = process.env.ARTEINPE_SCREENS_DIR ?? path.join(root, 'test-results/screens');

/**
 * Tier 2: the production renderer build in Chromium, with window.api bound to the same
 * main-process services and pipeline, over a fresh database for every test.
 */
export const test = base.extend<{ harness: Harness; app: Page; signedInAs: SignedInAs }, { printer: ChromiumPdfPrinter }>({
  // One PDF printer per worker, started on its first print and reused by the worker's tests (each
  // print has its own context): as in the app, where printing uses the running Chromium, a test's
  // first PDF does not wait for a browser to start — on a loaded machine that start took seconds.
  printer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none
    async ({}, use) => {
      const printer = createChromiumPdfPrinter();
      await use(printer);
      await printer.close();
    },
    { scope: 'worker' },
  ],
  signedInAs: ['administrador', { option: true }],
  harness: async ({ signedInAs, printer }, use) => {
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      throw new Error('Falta el build del renderer: ejecute "npm run build:renderer" (npm test lo hace).');
    }
    const { harness: h, close } = await newPcHarness(printer);
    // The harness starts signed out, like the app: sign in whom the test asks for.
    if (signedInAs !== 'firstRun') {
      await ensureUser(h.db, { ...TEST_ADMIN, role: 'administrador', password: TEST_PASSWORD });
      if (signedInAs !== null) {
        const account = testAccount(signedInAs);
        await ensureUser(h.db, { ...account, role: signedInAs, password: TEST_PASSWORD });
        await signInAs(h.db, h.services.session, account.username);
      }
    }
    await use(h);
    await close();
  },
  app: async ({ page, harness }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // The harness's own init script (window.api over exposeFunction) is injected by
      // Playwright into every frame, also the catalog preview's empty-sandbox srcdoc frame,
      // which rightly refuses it: that refusal is the sandbox working, not a page error.
      const harnessScriptBlocked = m.text().startsWith("Blocked script execution in 'about:srcdoc'");
      if (m.type() === 'error' && !harnessScriptBlocked) problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(recordNotifications);
    await page.goto(harness.url);
    await use(page);
    // A page that throws or logs errors (a CSP violation, a failed request) fails its test.
    expect(problems, problems.join('\n')).toEqual([]);
  },
});

export { expect };

/**
 * A new installation, as on a new PC: the migrated database in a folder of its own (with its
 * export folder, the USB stick), the harness over it, nobody signed in. The test's own harness is
 * one; a journey between two PCs (a prison's site and the centre) starts a second. `close` stops it
 * and removes the folder.
 */
export async function newPcHarness(printer?: ChromiumPdfPrinter): Promise<{ harness: Harness; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-e2e-'));
  await copyMigratedDatabase(path.join(dir, 'arteinpe.sqlite'));
  const harness = await startHarness({
    dbPath: path.join(dir, 'arteinpe.sqlite'),
    exportDir: path.join(dir, 'exportaciones'),
    rendererDir,
    version: 'e2e',
    printer,
  });
  return {
    harness,
    close: async () => {
      await harness.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in the page: keeps the text of every notification as it appears. A confirmation shows
 * for four seconds; on a loaded machine the test may look after it is gone, though the clerk
 * saw it (`notified`).
 */
function recordNotifications() {
  const seen = new Set<string>();
  (window as unknown as { arteinpeNotifications: Set<string> }).arteinpeNotifications = seen;
  new MutationObserver(() => {
    for (const el of document.querySelectorAll('.mantine-Notification-root')) seen.add(el.textContent ?? '');
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** The page showed a notification with this text (still showing, or shown and closed since). */
export async function notified(page: Page, text: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => [...(window as unknown as { arteinpeNotifications: Set<string> }).arteinpeNotifications]), {
      message: `la notificación «${text}»`,
    })
    .toContainEqual(expect.stringContaining(text));
}

/** A full-page screenshot kept as a test artifact under test-results/screens/. */
export async function screen(page: Page, name: string, opts: { settle?: boolean } = {}): Promise<void> {
  fs.mkdirSync(screensDir, { recursive: true });
  // settle: false for a page that polls while long work runs (its network never goes idle until the end).
  if (opts.settle !== false) await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(screensDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}
