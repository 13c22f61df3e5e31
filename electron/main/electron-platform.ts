import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import type { PdfRequest, Platform } from './platform';

/** An in-memory session (no "persist:" prefix) only for printing: nothing of it reaches disk. */
const PDF_PARTITION = 'arteinpe-pdf';
let pdfSessionReady = false;

/** Prints static HTML in a hidden, sandboxed window without JavaScript; the temp file is always removed. */
async function printPdf(req: PdfRequest): Promise<Buffer> {
  if (!pdfSessionReady) {
    // The document is local and self-contained (images as data: URLs): no network, no permissions.
    const ses = session.fromPartition(PDF_PARTITION);
    ses.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !/^(file|data):/i.test(details.url) });
    });
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    pdfSessionReady = true;
  }
  const dir = await fs.promises.mkdtemp(path.join(app.getPath('temp'), 'arteinpe-pdf-'));
  const file = path.join(dir, 'documento.html');
  let win: BrowserWindow | null = null;
  try {
    await fs.promises.writeFile(file, req.html, 'utf8');
    // Static HTML without JavaScript (javascript: false) in a partition that refuses every
    // request but file: and data:: a middle click has nothing to open, and index.ts denies new windows.
    win = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK
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
    await win.loadFile(file);
    return await win.webContents.printToPDF({
      pageSize: req.pageSize,
      landscape: req.landscape ?? false,
      printBackground: true,
      preferCSSPageSize: true,
      // Margins come from the document's @page rule (as with page.pdf() in the harness).
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
  } finally {
    if (win && !win.isDestroyed()) win.destroy();
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** The Platform of the real app: native save dialogs and the system file manager. */
export function electronPlatform(paths: Platform['paths']): Platform {
  return {
    shell: 'electron',
    version: app.getVersion(),
    paths,
    async chooseSavePath(req) {
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
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
    async chooseFolder(req) {
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options = {
        title: req.title,
        defaultPath: app.getPath('documents'),
        properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] as Array<'openDirectory' | 'createDirectory' | 'dontAddToRecent'>,
      };
      const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return res.canceled || !res.filePaths[0] ? null : res.filePaths[0];
    },
  };
}
