import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { createAdministrator, findInstrument, loadDemonstration, openPage, registerViolin, signIn } from '../app-steps';
import { command, packagedApp, startApp, unavailable, type RunningApp } from './launch';

/**
 * Tier 3: the real Electron app (issue 19, item 3), where its binary runs: the release
 * workflow (.github/workflows/release.yml) runs it on Windows and on Linux under xvfb, first on
 * the built app, then on the packaged one. The build machines cannot download Electron: there
 * these tests are skipped with the reason, never counted as passed; with
 * ARTEINPE_REQUIRE_ELECTRON=1 (the workflow) a missing Electron fails instead.
 * The journey's steps are tests/e2e/app-steps.ts, which tier 2 runs on every change
 * (renderer/app-steps.spec.ts); every text named here is checked against the Spanish catalog
 * by tests/unit/static/tier3-texts.test.ts.
 * One PC's data folder (userData) for the whole journey: the tests run in order.
 */

const why = unavailable();
const required = process.env.ARTEINPE_REQUIRE_ELECTRON === '1';
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-electron-'));
const exportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-electron-files-'));
const FIRST = 'INPE-VIO-0901';
const AFTER_BACKUP = 'INPE-VIO-0902';
const NO_MAIN = 'Aplicación empaquetada: sus fusibles apagan el inspector de Node, sin el cual no se responde un diálogo de archivos.';

test.describe.configure({ mode: 'serial' });

let running: RunningApp | null = null;

test.beforeEach(() => {
  if (required && why) throw new Error(`Nivel 3 requerido: ${why}`);
  test.skip(why !== null, why ?? '');
});

test.afterEach(async () => {
  await running?.close();
  running = null;
});

test.afterAll(() => {
  for (const dir of [userData, exportsDir]) fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts the app over the journey's data folder and signs the administrator in (the app it returns is closed after the test). */
async function startSignedIn(): Promise<RunningApp> {
  running = await startApp(userData);
  await signIn(running.window);
  return running;
}

/** Answers the next file dialogs of the main process with `target` (a file to save, or a folder to open). */
async function answerDialogs(main: ElectronApplication, target: string): Promise<void> {
  await main.evaluate(({ dialog }, chosen) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as unknown as typeof dialog.showSaveDialog;
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as unknown as typeof dialog.showOpenDialog;
  }, target);
}

test('first run: the administrator, the demonstration and a violin, in a window that is the app’s only', async () => {
  test.setTimeout(180_000);
  running = await startApp(userData);
  const win = running.window;
  await createAdministrator(win);
  expect(win.url()).toMatch(/^app:\/\/arteinpe\//);
  // No Node in the page, and only the contract's functions on window.api.
  const page = await win.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    api: Object.keys((window as unknown as { api: object }).api).length,
  }));
  expect(page).toMatchObject({ require: 'undefined', process: 'undefined' });
  expect(page.api).toBeGreaterThan(0);
  // Navigation away from the app is refused: the page stays, signed in.
  await win.evaluate(() => (window.location.href = 'https://www.gob.pe/inpe'));
  await expect(win.getByRole('button', { name: 'Menú del usuario' })).toBeVisible();
  expect(win.url()).toMatch(/^app:\/\/arteinpe\//);

  await loadDemonstration(win);
  await registerViolin(win, FIRST);
});

test('after a restart the violin is still there: the data lives in the user’s data folder', async () => {
  await findInstrument((await startSignedIn()).window, FIRST);
  expect(fs.existsSync(path.join(userData, 'arteinpe.sqlite'))).toBe(true);
});

test('a second start is refused (one instance) and the first window comes to the front', async () => {
  const first = await startSignedIn();
  if (first.main) await first.main.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.blur());
  const { file, args } = command(userData);
  const second = spawn(file, args, { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
  expect(code).toBe(0);
  if (first.main) {
    const main = first.main;
    await expect.poll(() => main.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isFocused())).toBe(true);
  } else {
    await expect.poll(() => first.window.evaluate(() => document.hasFocus())).toBe(true);
  }
  await expect(first.window.getByRole('heading', { name: 'Inicio' })).toBeVisible();
});

test('the catalog PDF, printed by Electron (printToPDF), names the exhibition and its works', async () => {
  test.skip(packagedApp !== null, NO_MAIN);
  test.setTimeout(120_000);
  const app = await startSignedIn();
  const win = app.window;
  const file = path.join(exportsDir, 'catalogo.pdf');
  await answerDialogs(app.main!, file);
  await openPage(win, 'Exposiciones');
  await win.getByText('InternArte: otra forma de libertad', { exact: true }).first().click();
  await win.getByRole('tab', { name: 'Catálogo y cartelas' }).click();
  await win.getByRole('button', { name: 'Exportar catálogo (PDF)…' }).click();
  await expect(win.getByTestId('catalog-done')).toContainText('Catálogo guardado:', { timeout: 90_000 });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('InternArte: otra forma de libertad');
  expect(text).toContain('Cerámica, pintura y arte popular de los talleres del INPE');
});

test('a backup to a chosen folder, then its restore: what was registered after the copy is gone', async () => {
  test.skip(packagedApp !== null, NO_MAIN);
  test.setTimeout(120_000);
  const app = await startSignedIn();
  const win = app.window;
  const folder = path.join(exportsDir, 'usb');
  fs.mkdirSync(folder, { recursive: true });
  await answerDialogs(app.main!, folder);
  await openPage(win, 'Copias de seguridad');
  await win.getByRole('button', { name: 'Crear copia de seguridad…' }).click();
  const reason = win.getByRole('dialog', { name: 'Motivo de la exportación' });
  await reason.getByLabel('Motivo').fill('Copia mensual para el archivo de la oficina central');
  await reason.getByRole('button', { name: 'Exportar' }).click();
  await expect(win.getByTestId('saved-path')).toContainText(folder, { timeout: 60_000 });
  const copy = fs.readdirSync(folder).find((f) => f.startsWith('arteinpe-'));
  expect(copy).toBeDefined();

  await registerViolin(win, AFTER_BACKUP);
  await answerDialogs(app.main!, path.join(folder, copy!));
  await openPage(win, 'Copias de seguridad');
  await win.getByRole('button', { name: 'Restaurar desde otra carpeta…' }).click();
  const confirm = win.getByRole('dialog');
  await confirm.getByLabel('Entiendo que los datos actuales se reemplazarán').check();
  await confirm.getByRole('button', { name: 'Restaurar' }).click();
  await signIn(win);
  await findInstrument(win, FIRST);
  await win.getByRole('textbox', { name: 'Buscar' }).fill(AFTER_BACKUP);
  await expect(win.getByRole('row', { name: new RegExp(AFTER_BACKUP) })).toHaveCount(0);
});

test('the office server’s password is kept sealed by the system (safeStorage), never as text', async () => {
  test.skip(packagedApp !== null, NO_MAIN);
  test.skip(
    process.platform !== 'win32',
    'safeStorage guarda con las claves del sistema (DPAPI en Windows); aquí no hay almacén de claves.',
  );
  const server = process.env.ARTEINPE_TEST_PG ? new URL(process.env.ARTEINPE_TEST_PG) : null;
  test.skip(server === null, 'Sin servidor PostgreSQL (ARTEINPE_TEST_PG) para la oficina.');
  const app = await startSignedIn();
  const win = app.window;
  // The app restarts itself after saving: here it only quits, and the test starts it again.
  await app.main!.evaluate(({ app }) => {
    app.relaunch = () => undefined;
  });
  await openPage(win, 'Base de datos');
  await win.getByRole('radio', { name: 'Servidor de la oficina' }).check();
  await win.getByLabel('Servidor (nombre o IP)').fill(server!.hostname);
  await win.getByLabel('Puerto').fill(server!.port || '5432');
  await win.getByRole('textbox', { name: 'Base de datos', exact: true }).fill(server!.pathname.slice(1));
  await win.getByRole('textbox', { name: 'Usuario' }).fill(decodeURIComponent(server!.username));
  await win.getByLabel('Contraseña', { exact: true }).fill(decodeURIComponent(server!.password));
  await win.getByRole('checkbox', { name: 'Conexión cifrada (TLS)' }).uncheck();
  await win.getByRole('button', { name: 'Guardar y reiniciar' }).click();
  await app.exited();
  running = null;

  const password = decodeURIComponent(server!.password);
  const choice = JSON.parse(fs.readFileSync(path.join(userData, 'base-de-datos.json'), 'utf8')) as {
    mode: string;
    server: { passwordSealed: string | null };
  };
  expect(choice.mode).toBe('server');
  expect(choice.server.passwordSealed).toBeTruthy();
  for (const f of fs.readdirSync(userData, { recursive: true, withFileTypes: true }))
    if (f.isFile()) expect(fs.readFileSync(path.join(f.parentPath, f.name)).includes(password), f.name).toBe(false);

  // Started again, the app opens the server with the password it unsealed: the server's first run.
  running = await startApp(userData);
  await expect(running.window.getByRole('heading', { name: /Bienvenido a ArteINPE|Ingresar/ })).toBeVisible({ timeout: 60_000 });
});
