import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * Tier 3: the real Electron app, where its binary is present. Electron downloads its
 * binary on first use; on machines that cannot reach the download, the binary is absent
 * and this test reports itself as skipped, with the reason. A skip is never a pass.
 */
const root = path.resolve(__dirname, '../../..');
const electronDir = path.join(root, 'node_modules/electron');
const pathFile = path.join(electronDir, 'path.txt');
const binary = fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;
const available = binary !== null && fs.existsSync(binary);

test('the Electron app starts, opens its window securely and shows the dashboard', async () => {
  test.skip(!available, 'El binario de Electron no está en esta máquina (no se puede descargar): nivel 3 omitido.');
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [path.join(root, 'out/main/index.js'), `--user-data-dir=${userData}`, '--no-sandbox'],
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { name: 'La base de datos está vacía' })).toBeVisible();
    expect(win.url()).toMatch(/^app:\/\/arteinpe\//);
    // No Node in the page, and only the contract's functions on window.api.
    const page = await win.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      api: Object.keys((window as unknown as { api: object }).api).length,
    }));
    expect(page).toMatchObject({ require: 'undefined', process: 'undefined' });
    expect(page.api).toBeGreaterThan(0);
    // Navigation away from the app is refused.
    await win.evaluate(() => (window.location.href = 'https://www.gob.pe/inpe'));
    await win.waitForTimeout(500);
    expect(win.url()).toMatch(/^app:\/\/arteinpe\//);
  } finally {
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
});
