import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Notification, safeStorage, session, shell } from 'electron';
import type { PdfRequest, Platform, Secrets } from './platform';

/** An in-memory session (no "persist:" prefix) only for printing: nothing of it reaches disk. */
const PDF_PARTITION = 'arteinpe-pdf';
let pdfSessionReady = false;
/** The folders a print in progress may read from (its own temp folder, the request's assetsDir). */
const pdfReadableDirs = new Map<string, number>();

/** data: always; file: only inside a folder of a print in progress; nothing else. */
function pdfRequestAllowed(url: string): boolean {
  if (/^data:/i.test(url)) return true;
  if (!/^file:/i.test(url)) return false;
  try {
    const file = fileURLToPath(url);
    return [...pdfReadableDirs.keys()].some((dir) => {
      const rel = path.relative(dir, file);
      return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    });
  } catch {
    return false;
  }
}

/** How long a print window stays open for the next print (the parts of a catalog follow each other). */
const IDLE_WINDOW_MS = 3000;
/** Prints one window serves before it is closed: what its renderer keeps from each part stays bounded (as the harness's PRINTS_PER_PAGE, measured there). */
const PRINTS_PER_WINDOW = 4;
let idleWindow: { win: BrowserWindow; prints: number; timer: NodeJS.Timeout } | null = null;

/** The app's own window for a dialog's parent: never the hidden print window kept idle. */
const dialogParent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows().find((w) => w !== idleWindow?.win);

function takePrintWindow(): { win: BrowserWindow; prints: number } {
  const idle = idleWindow;
  idleWindow = null;
  if (idle) clearTimeout(idle.timer);
  if (idle && !idle.win.isDestroyed()) return idle;
  // Static HTML without JavaScript (javascript: false) in a partition that refuses every
  // request but file: and data:: a middle click has nothing to open, and index.ts denies new windows.
  // prettier-ignore
  const win = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK
    show: false,
    webPreferences: {
      partition: PDF_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  return { win, prints: 0 };
}

/** Keeps a window that printed (blank again) for the next print, or closes it. */
async function releasePrintWindow(used: { win: BrowserWindow; prints: number }, ok: boolean): Promise<void> {
  if (used.win.isDestroyed()) return;
  if (ok && !idleWindow && used.prints < PRINTS_PER_WINDOW) {
    try {
      // The part's document and images are released before it waits.
      await used.win.webContents.loadURL('about:blank');
    } catch {
      used.win.destroy();
      return;
    }
    if (!idleWindow && !used.win.isDestroyed()) {
      const timer = setTimeout(() => {
        if (idleWindow?.win === used.win) idleWindow = null;
        if (!used.win.isDestroyed()) used.win.destroy();
      }, IDLE_WINDOW_MS);
      timer.unref();
      idleWindow = { ...used, timer };
      return;
    }
  }
  used.win.destroy();
}

/**
 * Prints static HTML in a hidden, sandboxed window without JavaScript (the idle one of the
 * last print if there is one: a catalog printed in parts reuses one renderer instead of
 * starting one per part; after PRINTS_PER_WINDOW prints a fresh one); the HTML file it
 * writes is always removed. With req.assetsDir (prepared images referenced by relative
 * URL) the HTML is written inside that folder, which the caller owns and removes.
 */
async function printPdf(req: PdfRequest): Promise<Buffer> {
  if (!pdfSessionReady) {
    // The document is local: images as data: URLs or files of its own folder; no network, no permissions.
    const ses = session.fromPartition(PDF_PARTITION);
    ses.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !pdfRequestAllowed(details.url) });
    });
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    pdfSessionReady = true;
  }
  const dir = req.assetsDir ? path.resolve(req.assetsDir) : await fs.promises.mkdtemp(path.join(app.getPath('temp'), 'arteinpe-pdf-'));
  const file = path.join(dir, req.assetsDir ? `documento-${randomUUID()}.html` : 'documento.html');
  let used: { win: BrowserWindow; prints: number } | null = null;
  let ok = false;
  pdfReadableDirs.set(dir, (pdfReadableDirs.get(dir) ?? 0) + 1);
  try {
    await fs.promises.writeFile(file, req.html, 'utf8');
    used = takePrintWindow();
    used.prints++;
    await used.win.loadFile(file);
    const pdf = await used.win.webContents.printToPDF({
      pageSize: req.pageSize,
      landscape: req.landscape ?? false,
      printBackground: true,
      preferCSSPageSize: true,
      // Margins come from the document's @page rule (as with page.pdf() in the harness).
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    ok = true;
    return pdf;
  } finally {
    if (used) await releasePrintWindow(used, ok);
    const users = (pdfReadableDirs.get(dir) ?? 1) - 1;
    if (users > 0) pdfReadableDirs.set(dir, users);
    else pdfReadableDirs.delete(dir);
    await fs.promises.rm(req.assetsDir ? file : dir, { recursive: true, force: true });
  }
}

/** The Platform of the real app: native save dialogs and the system file manager. */
/**
 * The office server's password, sealed with Electron's safeStorage (DPAPI on Windows,
 * Keychain on macOS, the desktop's secret store on Linux). The asynchronous API: the
 * synchronous one is deprecated in Electron 45 and removed in 46. On Linux without a
 * secret store safeStorage falls back to a hard-coded key: that is reported as
 * unavailable, so no password is kept at all rather than one that only looks protected.
 */
const electronSecrets: Secrets = {
  async available() {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  },
  async seal(plain) {
    return (await safeStorage.encryptStringAsync(plain)).toString('base64');
  },
  async open(sealed) {
    return (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result;
  },
};

export function electronPlatform(paths: Platform['paths']): Platform {
  return {
    shell: 'electron',
    version: app.getVersion(),
    paths,
    async chooseSavePath(req) {
      const win = dialogParent();
      const options = {
        defaultPath: path.join(app.getPath('documents'), req.defaultName),
        filters: [{ name: req.filterName, extensions: req.extensions }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
      };
      const res = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return res.canceled || !res.filePath ? null : res.filePath;
    },
    async showInFolder(filePath) {
      shell.showItemInFolder(filePath);
    },
    printPdf,
    secrets: electronSecrets,
    restartDataLayer() {
      // The data layer is the whole main process's: relaunch once the answer has reached the window.
      setTimeout(() => {
        app.relaunch();
        app.exit(0);
      }, 1500);
    },
    async printPdfToFile(req, target) {
      await fs.promises.writeFile(target, await printPdf(req));
    },
    async chooseFolder(req) {
      const win = dialogParent();
      const options = {
        title: req.title,
        defaultPath: app.getPath('documents'),
        properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] as Array<
          'openDirectory' | 'createDirectory' | 'dontAddToRecent'
        >,
      };
      const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return res.canceled || !res.filePaths[0] ? null : res.filePaths[0];
    },
    async chooseOpenFile(req) {
      const win = dialogParent();
      const options = {
        title: req.title,
        defaultPath: app.getPath('documents'),
        filters: [{ name: req.filterName, extensions: req.extensions }],
        properties: ['openFile', 'dontAddToRecent'] as Array<'openFile' | 'dontAddToRecent'>,
      };
      const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return res.canceled || !res.filePaths[0] ? null : res.filePaths[0];
    },
    notify(title, body) {
      // Windows' notification (the action centre); nothing where the system has none.
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
  };
}
