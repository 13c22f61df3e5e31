import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Security from '../../../electron/main/security';

/**
 * The Electron entry (electron/main/index.ts) started against a stand-in for the 'electron'
 * module, since this machine has no Electron binary: every BrowserWindow it creates, every
 * web contents, the session's permission and header handlers and the app:// protocol are
 * recorded and checked. The test fails if any window lacks context isolation, the sandbox
 * or the CSP, or if navigation, new windows, webviews or permissions are allowed. A source
 * scan makes sure no BrowserWindow is created anywhere this test does not see.
 */
const h = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{ opts: Record<string, unknown>; url?: string; file?: string }>,
    appEvents: new Map<string, Array<(...a: unknown[]) => unknown>>(),
    ipc: new Map<string, unknown>(),
    protocols: new Map<string, (req: Request) => Promise<Response>>(),
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void, details?: unknown) => void),
    permissionCheck: null as null | ((...a: unknown[]) => boolean),
    headers: null as
      | null
      | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
    privileged: [] as unknown[],
    userData: '',
    resolveReady: () => {},
  };
  return state;
});

vi.mock('electron-window-state', () => ({ default: () => ({ x: 0, y: 0, width: 1280, height: 820, manage: () => undefined }) }));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { printToPDF: async () => Buffer.from('%PDF-1.4 fake') };
    record: { opts: Record<string, unknown>; url?: string; file?: string };
    constructor(opts: Record<string, unknown>) {
      this.record = { opts };
      h.windows.push(this.record);
    }
    once() {}
    on() {}
    show() {}
    isDestroyed() {
      return false;
    }
    destroy() {}
    async loadURL(url: string) {
      this.record.url = url;
    }
    async loadFile(file: string) {
      this.record.file = file;
    }
    static getAllWindows() {
      return [];
    }
    static getFocusedWindow() {
      return null;
    }
  }
  const ready = new Promise<void>((resolve) => {
    h.resolveReady = resolve;
  });
  const webRequest = {
    onHeadersReceived: (fn: typeof h.headers) => {
      h.headers = fn;
    },
    onBeforeRequest: () => undefined,
  };
  const defaultSession = {
    setPermissionRequestHandler: (fn: typeof h.permissionRequest) => {
      h.permissionRequest = fn;
    },
    setPermissionCheckHandler: (fn: typeof h.permissionCheck) => {
      h.permissionCheck = fn;
    },
    webRequest,
  };
  return {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      on: (event: string, fn: (...a: unknown[]) => unknown) => {
        h.appEvents.set(event, [...(h.appEvents.get(event) ?? []), fn]);
      },
      whenReady: () => ready,
      getPath: () => h.userData,
      getVersion: () => '0.0.0-test',
      quit: () => undefined,
    },
    BrowserWindow,
    dialog: {
      showMessageBox: async () => ({ response: 0 }),
      showErrorBox: () => undefined,
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    ipcMain: { handle: (channel: string, listener: unknown) => h.ipc.set(channel, listener) },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: () => ({}) },
    net: { fetch: async () => new Response('<!doctype html><html></html>', { status: 200, headers: { 'content-type': 'text/html' } }) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => h.privileged.push(s),
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) => h.protocols.set(scheme, fn),
    },
    session: { defaultSession, fromPartition: () => ({ ...defaultSession, webRequest }) },
    shell: { showItemInFolder: () => undefined, openPath: async () => '' },
    contextBridge: { exposeInMainWorld: () => undefined },
    ipcRenderer: { invoke: async () => undefined },
  };
});

const root = path.resolve(__dirname, '../../..');
let security: typeof Security;

beforeAll(async () => {
  h.userData = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-electron-'));
  security = await import('../../../electron/main/security');
  await import('../../../electron/main/index');
  h.resolveReady();
  for (let i = 0; i < 200 && h.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  // Print one PDF through the Electron platform: its hidden window is checked too.
  const { electronPlatform } = await import('../../../electron/main/electron-platform');
  await electronPlatform({ dbPath: '', backupDir: '', attachmentsDir: '' }).printPdf({ html: '<p>acta</p>', pageSize: 'A4' });
}, 60_000);

afterAll(() => {
  for (const fn of h.appEvents.get('will-quit') ?? []) fn();
  fs.rmSync(h.userData, { recursive: true, force: true });
});

const prefs = (w: { opts: Record<string, unknown> }) => w.opts.webPreferences as Record<string, unknown>;

describe('the Electron windows', () => {
  it('every BrowserWindow is context-isolated and sandboxed, with no Node, no webviews and web security on', () => {
    expect(h.windows.length).toBe(2); // the main window and the hidden PDF printer
    for (const w of h.windows) {
      expect(prefs(w), JSON.stringify(prefs(w))).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      });
      expect(prefs(w).nodeIntegrationInWorker ?? false).toBe(false);
      expect(prefs(w).webviewTag ?? false).toBe(false);
      expect(prefs(w).allowRunningInsecureContent ?? false).toBe(false);
      expect(prefs(w).experimentalFeatures ?? false).toBe(false);
    }
    const [main, pdf] = h.windows;
    expect(main!.url).toBe(security.APP_ENTRY);
    expect(String(prefs(main!).preload)).toMatch(/preload[/\\]index\.js$/);
    expect(prefs(pdf!)).toMatchObject({ javascript: false, partition: 'arteinpe-pdf' });
  });

  it('no BrowserWindow is created anywhere this test does not start', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.(ts|tsx|js)$/.test(e.name)) sources.push(full);
      }
    };
    walk(path.join(root, 'electron'));
    walk(path.join(root, 'renderer/src'));
    const creators = sources
      .filter((f) => /new\s+BrowserWindow\s*\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f).split(path.sep).join('/'));
    expect(creators.sort()).toEqual(['electron/main/electron-platform.ts', 'electron/main/window.ts']);
  });

  it('every page is served with the production CSP, through the app:// protocol and the session headers', async () => {
    const serve = h.protocols.get(security.APP_SCHEME)!;
    const res = await serve(new Request(`${security.APP_ORIGIN}/index.html`));
    expect(res.headers.get('content-security-policy')).toBe(security.PRODUCTION_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await serve(new Request(`${security.APP_ORIGIN}/..%2f..%2fmain%2findex.js`))).status).toBe(404);
    expect((await serve(new Request('app://otro-host/index.html'))).status).toBe(404);
    let headers: Record<string, string[]> = {};
    h.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => {
      headers = r.responseHeaders;
    });
    expect(headers['Content-Security-Policy']).toEqual([security.PRODUCTION_CSP]);
    expect(security.PRODUCTION_CSP).toMatch(/default-src 'none'/);
  });

  it('no web contents may open a window, navigate away, redirect away or attach a webview', () => {
    const created = h.appEvents.get('web-contents-created')!;
    expect(created).toHaveLength(1);
    const listeners = new Map<string, (...a: unknown[]) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    created[0]!(
      {},
      {
        setWindowOpenHandler: (fn: typeof openHandler) => {
          openHandler = fn;
        },
        on: (event: string, fn: (...a: unknown[]) => void) => listeners.set(event, fn),
      },
    );
    for (const url of ['https://www.gob.pe/inpe', 'app://arteinpe/index.html', 'file:///C:/Windows/']) {
      expect(openHandler!({ url })).toEqual({ action: 'deny' });
    }
    for (const event of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://example.com/', 'file:///etc/passwd', 'http://127.0.0.1:5173/', 'javascript:alert(1)']) {
        const e = { preventDefault: vi.fn() };
        listeners.get(event)!(e, url);
        expect(e.preventDefault, `${event} ${url}`).toHaveBeenCalled();
      }
    }
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('every permission request and check is refused', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
      'hid',
      'serial',
      'usb',
    ]) {
      const cb = vi.fn();
      h.permissionRequest!({}, permission, cb, { requestingUrl: security.APP_ENTRY });
      expect(cb, permission).toHaveBeenCalledWith(false);
      expect(h.permissionCheck!({}, permission, security.APP_ORIGIN, {})).toBe(false);
    }
  });

  it('registers one IPC handler per contract channel (each checks its sender)', async () => {
    const { channelNames } = await import('../../../shared/channels');
    expect([...h.ipc.keys()].sort()).toEqual(channelNames.map((c) => `api:${c}`).sort());
    const listener = h.ipc.get('api:app.info') as (
      e: { senderFrame: { url: string } },
      i: unknown,
    ) => Promise<{ ok: boolean; error?: { code: string } }>;
    expect(await listener({ senderFrame: { url: 'https://example.com/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });
    expect(await listener({ senderFrame: { url: security.APP_ENTRY } }, {})).toMatchObject({ ok: true });
  });
});
