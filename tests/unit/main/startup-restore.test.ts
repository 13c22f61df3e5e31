import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sqliteOnly } from '../../helpers/pg';
import { createFullBackup } from '../../../electron/main/backups/archive';
import { listFiles, readManifest } from '../../../electron/main/backups/format';
import { donatedInstrument, testApp, validEstablishment } from '../../helpers/services';

/**
 * The Electron entry's start-up path (electron/main/index.ts) when the database is found
 * damaged and the user answers "Restaurar la última copia", against a stand-in for the
 * 'electron' module (no Electron binary here). Issue 12: that path restores the
 * attachments too, through the same checked restore as the backups page, and a crafted
 * backup is refused there in Spanish with nothing written.
 */
const h = vi.hoisted(() => ({
  userData: '',
  ready: Promise.resolve(),
  appEvents: new Map<string, Array<(...a: unknown[]) => unknown>>(),
  messages: [] as string[],
  errors: [] as string[],
  windows: 0,
  quit: 0,
}));

vi.mock('electron-window-state', () => ({ default: () => ({ x: 0, y: 0, width: 1280, height: 820, manage: () => undefined }) }));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { on: () => undefined, setWindowOpenHandler: () => undefined };
    constructor() {
      h.windows++;
    }
    once() {}
    on() {}
    show() {}
    isDestroyed() {
      return false;
    }
    async loadURL() {}
    async loadFile() {}
    static getAllWindows() {
      return [];
    }
  }
  const webRequest = { onHeadersReceived: () => undefined, onBeforeRequest: () => undefined };
  const defaultSession = { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined, webRequest };
  return {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      on: (event: string, fn: (...a: unknown[]) => unknown) => h.appEvents.set(event, [...(h.appEvents.get(event) ?? []), fn]),
      whenReady: () => h.ready,
      getPath: () => h.userData,
      getVersion: () => '0.0.0-test',
      quit: () => {
        h.quit++;
      },
    },
    BrowserWindow,
    dialog: {
      // "Restaurar la última copia" is the first button: the user chooses it.
      showMessageBox: async (opts: { message: string; detail?: string }) => {
        h.messages.push([opts.message, opts.detail].filter(Boolean).join('\n'));
        return { response: 0 };
      },
      showErrorBox: (title: string, text: string) => h.errors.push(`${title}\n${text}`),
    },
    ipcMain: { handle: () => undefined },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: () => ({}) },
    net: { fetch: async () => new Response('') },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: { defaultSession, fromPartition: () => defaultSession },
    safeStorage: { isAsyncEncryptionAvailable: async () => false },
    shell: { showItemInFolder: () => undefined, openPath: async () => '' },
  };
});

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A data folder as the app has it: a backup (with a photo) in copias-de-seguridad, then the database damaged and the attachments lost. */
async function damagedDataFolder(): Promise<{ photos: Record<string, string>; backup: string }> {
  const app = await testApp();
  try {
    await app.ok('establishments.create', validEstablishment());
    const i = await app.ok('instruments.create', donatedInstrument('VIO-1'));
    const photo = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#a33' } })
      .png()
      .toBuffer();
    await app.ok('instruments.addPhoto', { id: i.id, fileName: 'violin.png', dataBase64: photo.toString('base64') });
    const made = await createFullBackup({
      db: app.db,
      attachmentsDir: app.platform.paths.attachmentsDir,
      destDir: path.join(h.userData, 'copias-de-seguridad'),
      reason: 'automatica',
      createdBy: 'ArteINPE',
      appVersion: 't',
    });
    fs.writeFileSync(path.join(h.userData, 'arteinpe.sqlite'), 'página dañada '.repeat(500));
    const dir = app.platform.paths.attachmentsDir;
    return { photos: Object.fromEntries(listFiles(dir).map((f) => [f, sha(path.join(dir, f))])), backup: made.path };
  } finally {
    await app.close();
  }
}

/** Starts the Electron entry afresh and waits until it opened its window or quit. */
async function startApp(): Promise<void> {
  vi.resetModules();
  let go = () => {};
  h.ready = new Promise<void>((resolve) => {
    go = resolve;
  });
  await import('../../../electron/main/index');
  go();
  await vi.waitFor(() => expect(h.windows + h.quit).toBeGreaterThan(0), { timeout: 60_000, interval: 50 });
}

afterEach(async () => {
  for (const fn of h.appEvents.get('will-quit') ?? []) await fn();
  h.appEvents.clear();
  h.messages = [];
  h.errors = [];
  h.windows = 0;
  h.quit = 0;
  fs.rmSync(h.userData, { recursive: true, force: true });
});

describe.skipIf(sqliteOnly('the start-up restore of this PC’s SQLite file'))(
  'start-up with a damaged database: "Restaurar la última copia"',
  () => {
    it('restores the database and the attachments, tells what it did, and opens the app', { timeout: 120_000 }, async () => {
      h.userData = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-inicio-'));
      const { photos } = await damagedDataFolder();
      await startApp();
      expect(h.errors).toEqual([]);
      expect(h.windows).toBe(1);
      expect(h.messages[0]).toMatch(/La comprobación de integridad encontró problemas/);
      expect(h.messages[1]).toMatch(
        /^Se restauró la copia de seguridad arteinpe-\d{8}-\d{6}-automatica\. El archivo dañado se guardó como .*arteinpe\.sqlite\.danado-/,
      );
      expect(Object.keys(photos).length).toBeGreaterThanOrEqual(2); // the photo and its thumbnail
      const restored = path.join(h.userData, 'adjuntos');
      expect(Object.fromEntries(listFiles(restored).map((f) => [f, sha(path.join(restored, f))]))).toEqual(photos);
    });

    it('refuses a crafted backup in Spanish, writes nothing, and quits', { timeout: 120_000 }, async () => {
      h.userData = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-inicio-'));
      const { backup } = await damagedDataFolder();
      // An entry whose first nine characters stand for "adjuntos/" and that climbs out of the attachments folder.
      const entry = 'a/b/c/d/x/../Startup/evil.cmd';
      const file = path.resolve(backup, ...entry.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '@echo off\r\n');
      const m = readManifest(backup);
      fs.writeFileSync(
        path.join(backup, 'manifest.json'),
        JSON.stringify({ ...m, attachments: [...m.attachments, { file: entry, bytes: fs.statSync(file).size, sha256: sha(file) }] }),
      );
      const damaged = fs.readFileSync(path.join(h.userData, 'arteinpe.sqlite'));

      await startApp();
      expect(h.windows).toBe(0);
      expect(h.quit).toBeGreaterThan(0);
      expect(h.errors).toEqual([
        `La base de datos está dañada\nNo se restauró la copia ${path.basename(backup)}: La copia no es válida: nombra un archivo fuera de los lugares de una copia de ArteINPE (${entry}). Puede ser una copia manipulada. No se cambió nada.`,
      ]);
      expect(fs.existsSync(path.join(h.userData, 'Startup'))).toBe(false);
      expect(fs.existsSync(path.join(h.userData, 'adjuntos'))).toBe(false);
      expect(fs.readFileSync(path.join(h.userData, 'arteinpe.sqlite')).equals(damaged)).toBe(true); // not even moved aside
    });
  },
);
