import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The Electron platform's printing of a document with a folder of prepared images (the
 * catalog), with 'electron' replaced by a recorder: where the HTML is loaded from, which
 * requests the print session lets through while it prints and after, what is left on disk.
 */

type Filter = (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
const h = vi.hoisted(() => ({
  filter: null as Filter | null,
  loaded: [] as string[],
  allowedDuringPrint: new Map<string, boolean>(),
  probe: [] as string[],
  temp: '',
  printOptions: [] as Array<Record<string, unknown>>,
  windows: 0,
}));

const allowed = (url: string) => {
  let verdict = false;
  h.filter!({ url }, (r) => {
    verdict = !r.cancel;
  });
  return verdict;
};

vi.mock('electron', () => {
  class BrowserWindow {
    destroyed = false;
    constructor() {
      h.windows++;
    }
    webContents = {
      loadURL: async (url: string) => {
        h.loaded.push(url);
      },
      printToPDF: async (opts: Record<string, unknown>) => {
        h.printOptions.push(opts);
        for (const url of h.probe) h.allowedDuringPrint.set(url, allowed(url));
        return Buffer.from('%PDF-1.4 fake');
      },
    };
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
    async loadFile(file: string) {
      h.loaded.push(file);
    }
    static getAllWindows() {
      return [];
    }
    static getFocusedWindow() {
      return null;
    }
  }
  const session = {
    webRequest: {
      onBeforeRequest: (fn: Filter) => {
        h.filter = fn;
      },
    },
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
  };
  return {
    app: { getPath: () => h.temp, getVersion: () => '0.0.0-test' },
    BrowserWindow,
    dialog: {},
    session: { fromPartition: () => session },
    shell: {},
  };
});

let assets: string;

beforeAll(() => {
  h.temp = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-eprint-'));
  assets = path.join(h.temp, 'catalogo-imagenes');
  fs.mkdirSync(assets);
  fs.writeFileSync(path.join(assets, 'work-1.jpg'), 'jpeg');
});
afterAll(() => fs.rmSync(h.temp, { recursive: true, force: true }));

describe('printPdf with a folder of prepared images (Electron)', () => {
  it('loads the HTML from inside the folder, lets through only files of that folder and data: while printing, and cleans up its own file', async () => {
    const { electronPlatform } = await import('../../../electron/main/electron-platform');
    const inside = pathToFileURL(path.join(assets, 'work-1.jpg')).href;
    const outside = pathToFileURL(path.join(h.temp, 'otra-carpeta', 'secreto.jpg')).href;
    const escape = `${pathToFileURL(assets).href}/../secreto.jpg`;
    h.probe = [inside, outside, escape, 'https://example.com/x.jpg', 'data:image/png;base64,AAAA'];
    const target = path.join(h.temp, 'catalogo.pdf');
    await electronPlatform({ dbPath: '', backupDir: '', attachmentsDir: '' }).printPdfToFile!(
      { html: '<img src="work-1.jpg">', pageSize: 'A5', assetsDir: assets },
      target,
    );

    expect(path.dirname(h.loaded[0]!)).toBe(path.resolve(assets));
    expect(Object.fromEntries(h.allowedDuringPrint)).toEqual({
      [inside]: true,
      [outside]: false,
      [escape]: false,
      'https://example.com/x.jpg': false,
      'data:image/png;base64,AAAA': true,
    });
    expect(h.printOptions[0]).toMatchObject({ pageSize: 'A5', preferCSSPageSize: true, printBackground: true });
    expect(fs.readFileSync(target, 'latin1')).toBe('%PDF-1.4 fake');
    // Its HTML file is gone; the folder and its images are the caller's.
    expect(fs.readdirSync(assets)).toEqual(['work-1.jpg']);
    // Once printed, the folder is no longer readable by the print session.
    expect(allowed(inside)).toBe(false);
  });

  it('a document without a folder is loaded from a temporary folder that is removed, and may load no file of its own folder afterwards', async () => {
    const { electronPlatform } = await import('../../../electron/main/electron-platform');
    h.probe = [];
    await electronPlatform({ dbPath: '', backupDir: '', attachmentsDir: '' }).printPdf({ html: '<p>acta</p>', pageSize: 'A4' });
    const file = h.loaded.filter((f) => f !== 'about:blank').pop()!;
    expect(path.basename(file)).toBe('documento.html');
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    expect(allowed(pathToFileURL(file).href)).toBe(false);
  });

  it('the parts of a catalog printed one after another share one window, blanked between prints, and a fresh one after 4 prints', async () => {
    const { electronPlatform } = await import('../../../electron/main/electron-platform');
    h.probe = [];
    const before = h.windows;
    const loadedBefore = h.loaded.length;
    const platform = electronPlatform({ dbPath: '', backupDir: '', attachmentsDir: '' });
    for (let i = 0; i < 13; i++)
      await platform.printPdfToFile!({ html: `<p>parte ${i}</p>`, pageSize: 'A4', assetsDir: assets }, path.join(h.temp, `p${i}.pdf`));
    // Perhaps one window from before (kept idle, with 1 to 3 prints), then a fresh one every 4 prints.
    expect(h.windows - before).toBeLessThanOrEqual(4);
    expect(h.windows - before).toBeGreaterThanOrEqual(3);
    const loads = h.loaded.slice(loadedBefore);
    expect(loads.filter((f) => f.endsWith('.html'))).toHaveLength(13);
    // Every document but the last of a window is followed by a blank page before the next one loads.
    expect(loads.filter((f) => f === 'about:blank').length).toBeGreaterThanOrEqual(9);
    expect(fs.readdirSync(assets)).toEqual(['work-1.jpg']);
  });
});
