import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron, chromium, type Browser, type ElectronApplication, type Page } from '@playwright/test';

/**
 * Starting the real app for tier 3, in one of two forms:
 * - the built app (out/main) in the Electron binary of node_modules (`npm test` where Electron
 *   downloads), through Playwright's `_electron`, which also reaches the main process;
 * - the packaged app (ARTEINPE_ELECTRON_APP=release/win-unpacked/ArteINPE.exe, the release
 *   workflow's second pass). Its fuses turn the Node inspector off, which `_electron` needs: it is
 *   started as a user starts it, and its window is reached over Chromium's debugging port. Tests
 *   that must reach the main process (to answer a file dialog) say so and are skipped there.
 */

const root = path.resolve(__dirname, '../../..');
const electronDir = path.join(root, 'node_modules/electron');
const pathFile = path.join(electronDir, 'path.txt');
const binary = fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;
export const packagedApp = process.env.ARTEINPE_ELECTRON_APP ? path.resolve(root, process.env.ARTEINPE_ELECTRON_APP) : null;
const mainScript = path.join(root, 'out/main/index.js');

/** Why tier 3 cannot run here, or null when it can. */
export function unavailable(): string | null {
  if (packagedApp) return fs.existsSync(packagedApp) ? null : `No existe la aplicación empaquetada ${packagedApp}.`;
  if (!binary || !fs.existsSync(binary)) return 'El binario de Electron no está en esta máquina (no se puede descargar): nivel 3 omitido.';
  if (!fs.existsSync(mainScript)) return 'Falta el build de la aplicación (out/main): ejecute "npm run build".';
  return null;
}

/** The command line that starts the app over `userData` (what a second instance repeats too). */
export function command(userData: string): { file: string; args: string[] } {
  // Linux CI runners refuse Chromium's sandbox (no setuid helper, user namespaces restricted); Windows keeps it.
  const sandbox = process.platform === 'linux' ? ['--no-sandbox'] : [];
  if (packagedApp) return { file: packagedApp, args: [`--user-data-dir=${userData}`, ...sandbox] };
  return { file: binary!, args: [mainScript, `--user-data-dir=${userData}`, ...sandbox] };
}

export interface RunningApp {
  window: Page;
  /** The main process, where reachable (not in the packaged app). */
  main: ElectronApplication | null;
  /** Waits until the app's process has ended (after the app quits by itself). */
  exited(): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(userData: string): Promise<RunningApp> {
  const { file, args } = command(userData);
  if (!packagedApp) {
    const app = await electron.launch({ executablePath: file, args });
    const ended = new Promise<void>((resolve) => app.process().once('exit', () => resolve()));
    return { window: await app.firstWindow(), main: app, exited: () => ended, close: () => app.close() };
  }
  const child = spawn(file, [...args, '--remote-debugging-port=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const browser = await chromium.connectOverCDP(await debuggingAddress(child));
  return { window: await firstWindow(browser), main: null, exited: () => ended, close: () => stop(child, browser, ended) };
}

/** Chromium prints where its debugging port listens ("DevTools listening on ws://…") on stderr. */
function debuggingAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`La aplicación terminó al iniciar (código ${code}): ${seen}`)));
  });
}

async function firstWindow(browser: Browser): Promise<Page> {
  const context = browser.contexts()[0]!;
  return context.pages()[0] ?? (await context.waitForEvent('page'));
}

async function stop(child: ChildProcess, browser: Browser, ended: Promise<void>): Promise<void> {
  await browser.close().catch(() => undefined);
  if (child.exitCode === null) child.kill();
  await ended;
}
