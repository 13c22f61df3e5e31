import { BrowserWindow } from 'electron';
import windowStateKeeper from 'electron-window-state';
import { APP_ENTRY, secureWebPreferences } from './security';

/** The one main window: secure preferences, its last size and position remembered. */
export function createMainWindow(opts: { preloadPath: string; devServerUrl: string | undefined; title: string }): BrowserWindow {
  const state = windowStateKeeper({ defaultWidth: 1280, defaultHeight: 820 });
  // Electronegativity cannot see through secureWebPreferences() (security.ts): contextIsolation
  // and sandbox are on, as tests/unit/main/window-security.test.ts checks on the real call; a
  // middle click cannot open a window because index.ts denies every new window (setWindowOpenHandler).
  // Electronegativity reads its disable comment on the finding's own line only: Prettier keeps it there.
  // prettier-ignore
  const win = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 600,
    title: opts.title,
    show: false,
    autoHideMenuBar: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(opts.preloadPath),
  });
  state.manage(win);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(opts.devServerUrl ?? APP_ENTRY);
  return win;
}
