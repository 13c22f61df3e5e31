import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../../electron/harness/server';
import { ensureUser, signInAs } from '../../electron/main/auth/seed';
import { rendererDir, TEST_ADMIN, TEST_PASSWORD, test, testAccount } from './fixtures';
import { copyDemoDatabase } from './demo-snapshot';
import { ok } from './steps';

/**
 * Tests that only read the demonstration data (one page each: the layout at the office
 * screen, what the read-only role is offered): the data is loaded once per worker, not once
 * per test, and each test still gets its own fresh browser page on it. A test of this kind
 * must not write. The data: the demonstration, with an inventory open at E.P. de Lurigancho.
 * `signedInAs` (a role) is whom the page starts as, as with `test`.
 */
export const demoTest = test.extend<object, { demoHarness: Harness }>({
  demoHarness: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads what a fixture needs from this pattern: nothing.
    async ({}, use) => {
      if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
        throw new Error('Falta el build del renderer: ejecute "npm run build:renderer" (npm test lo hace).');
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-e2e-demo-'));
      // The worker's demonstration (demo.load, made once: demo-snapshot.ts), copied with its photos.
      await copyDemoDatabase(path.join(dir, 'arteinpe.sqlite'));
      const h = await startHarness({
        dbPath: path.join(dir, 'arteinpe.sqlite'),
        exportDir: path.join(dir, 'exportaciones'),
        rendererDir,
        version: 'e2e',
      });
      await ensureUser(h.db, { ...TEST_ADMIN, role: 'administrador', password: TEST_PASSWORD });
      await signInAs(h.db, h.services.session, TEST_ADMIN.username);
      const est = (await h.db('establishments').where({ name: 'E.P. de Lurigancho' }).first('id')) as { id: number };
      await ok(h, 'stocktakes.open', { establishmentId: est.id });
      await use(h);
      await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  // The tests of a worker run one after another: each signs the one session in as its role.
  harness: async ({ demoHarness, signedInAs }, use) => {
    if (signedInAs === null || signedInAs === 'firstRun') throw new Error('demoTest: signedInAs must be a role');
    const account = testAccount(signedInAs);
    await ensureUser(demoHarness.db, { ...account, role: signedInAs, password: TEST_PASSWORD });
    await signInAs(demoHarness.db, demoHarness.services.session, account.username);
    await use(demoHarness);
  },
});
