import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHarness, type Harness } from '../../../electron/harness/server';
import { ensureUser, signInAs } from '../../../electron/main/auth/seed';
import { createLog, LOG_FILE } from '../../../electron/main/logs/log';
import { rendererDir, screen, TEST_ADMIN, TEST_PASSWORD } from '../fixtures';

/**
 * An unexpected error while the window draws a page: the user sees a Spanish message with the
 * details to copy and a way to load the window again — never a blank window — and main's log
 * (logs/log.ts) records it. The error is made honestly: main's answer to app.info is replaced by
 * one the shell cannot draw (no data), as a bug between the two sides would.
 */
let dir: string;
let harness: Harness;

test.beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-e2e-log-'));
  harness = await startHarness({
    dbPath: path.join(dir, 'arteinpe.sqlite'),
    exportDir: path.join(dir, 'exportaciones'),
    rendererDir,
    version: 'e2e',
    log: createLog(path.join(dir, 'registros')),
  });
  await ensureUser(harness.db, { ...TEST_ADMIN, role: 'administrador', password: TEST_PASSWORD });
  await signInAs(harness.db, harness.services.session, TEST_ADMIN.username);
});

test.afterEach(async () => {
  await harness.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a page that cannot be drawn shows the error in Spanish, copies its details and is logged', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.route('**/api/app.info', (route) => route.fulfill({ json: { ok: true, data: null } }));
  await page.goto(harness.url);

  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Ocurrió un error inesperado en ArteINPE.' })).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Volver a cargar' })).toBeVisible();
  await alert.getByRole('button', { name: 'Copiar detalles' }).click();
  await expect(alert.getByText('Detalles copiados.')).toBeVisible();
  await screen(page, '120-error-inesperado');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^TypeError: /);

  const logFile = path.join(dir, 'registros', LOG_FILE);
  await expect
    .poll(() => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''))
    .toMatch(/\[error\] error en la ventana source=render message=/);

  // Loading the window again with main answering properly: the app is back.
  await page.unroute('**/api/app.info');
  await alert.getByRole('button', { name: 'Volver a cargar' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('navigation').first()).toBeVisible();
});

test("an error outside drawing (a failed promise in the window) reaches main's log", async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await page.evaluate(() => {
    void Promise.reject(new Error('falló el cálculo del participante 45678912'));
  });
  const logFile = path.join(dir, 'registros', LOG_FILE);
  await expect
    .poll(() => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''))
    .toContain('error en la ventana source=rejection');
  const text = fs.readFileSync(logFile, 'utf8');
  expect(text).toContain('falló el cálculo del participante [omitido]');
  expect(text).not.toContain('45678912');
});
