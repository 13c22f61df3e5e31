import path from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import type { Platform } from './platform';

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
  };
}
