import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import { createServices } from './compose';
import { latestBackup, restoreBackup, BackupError } from './backups/startup';
import { BackupCheckError, DATABASE_FILE } from './backups/format';
import { detectNetworkShare } from './backups/network';
import { scheduleDailyBackups } from './backups/schedule';
import { scheduleDesktopSummaries } from './notifications/desktop';
import { startDatabase } from './db/open';
import { startServerDatabase } from './db/server';
import { readChoice, serverOfChoice } from './office/config';
import { classifyConnectionError } from './office/probe';
import type { Platform } from './platform';
import type { Knex } from 'knex';
import { electronPlatform } from './electron-platform';
import { translator } from './i18n';
import { registerIpc } from './ipc/register';
import { createLog, LOGS_DIR } from './logs/log';
import { errorDetails, fileBytes, supportInfo } from './logs/support';
import { buildMenu } from './menu';
import { APP_HOST, APP_SCHEME, DEVELOPMENT_CSP, PRODUCTION_CSP, isAllowedNavigation, resolveInside, trustedOrigins } from './security';
import { createMainWindow } from './window';
import { defaultLocale } from '../../shared/i18n';
import type { Locale } from '../../shared/format';

// Only the Electron entry: app lifecycle, the window, the protocol and IPC registration.
// Everything else is plain Node under electron/main/<domain>/.

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const rendererDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, '../preload/index.js');
const origins = trustedOrigins(devServerUrl);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();
// Windows shows the app's notifications (the daily reminders) only under the id its installer's
// Start menu shortcut carries: electron-builder.yml's appId.
if (process.platform === 'win32') app.setAppUserModelId('pe.gob.inpe.arteinpe');

// The log for support (logs/log.ts): <userData>/registros/arteinpe.log, redacted, rotated at 1 MB.
const log = createLog(path.join(app.getPath('userData'), LOGS_DIR));
const system = () => ({
  appVersion: app.getVersion(),
  electronVersion: process.versions.electron ?? '',
  os: `${os.type()} ${os.release()} ${os.arch()}`,
});
/** The user's language once the database has said it. */
let userLocale: () => Locale = () => defaultLocale;
let errorShown = false;
/** An unexpected error in main (or a window that died): in the log, and one dialog that offers to copy its details. */
function onUnexpected(err: unknown): void {
  log.error('error inesperado', { error: err });
  if (errorShown) return;
  const t = translator(userLocale());
  const details = errorDetails(system(), err);
  if (!app.isReady()) {
    dialog.showErrorBox(t('app.support.crashTitle'), `${t('app.support.crashMessage')}\n\n${details}`);
    return;
  }
  errorShown = true;
  void dialog
    .showMessageBox({
      type: 'error',
      title: t('app.support.crashTitle'),
      message: t('app.support.crashMessage'),
      detail: `${t('app.support.crashDetail')}\n\n${details}`,
      buttons: [t('app.support.copyDetails'), t('app.support.close')],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    })
    .then(({ response }) => {
      if (response === 0) clipboard.writeText(details);
    })
    .finally(() => {
      errorShown = false;
    });
}
process.on('uncaughtException', onUnexpected);
process.on('unhandledRejection', onUnexpected);
log.info('inicio', system());

app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

// Every web contents: no new windows, no navigation away from the app, no webviews.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url, origins)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAllowedNavigation(url, origins)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  // A window whose page died would stay blank: the error is told, and the page loaded again.
  contents.on('render-process-gone', (_e, details) => {
    if (details.reason === 'clean-exit') return;
    onUnexpected(Object.assign(new Error(`render-process-gone: ${details.reason}`), { code: details.exitCode }));
    if (!contents.isDestroyed()) contents.reload();
  });
});

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveInside(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', PRODUCTION_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    // Electronegativity cannot evaluate the choice below; both policies are constants in
    // security.ts, checked by tests/unit/main/security.test.ts and window-security.test.ts.
    // prettier-ignore
    callback({
      responseHeaders: { // eng-disable CSP_GLOBAL_CHECK
        ...details.responseHeaders,
        'Content-Security-Policy': [devServerUrl ? DEVELOPMENT_CSP : PRODUCTION_CSP],
      },
    });
  });
}

/**
 * Office mode: when this PC is set to use the office's server, opens it (migration lock,
 * schema check, migrations: db/server.ts). A server that cannot be opened is explained in
 * plain Spanish, with the choice of this PC's own file or quitting. null: use the file.
 */
async function openOfficeServer(
  platform: Platform,
): Promise<{ db: Knex; readOnly: { unknownMigrations: string[] } | null } | null | 'quit'> {
  const t = translator(defaultLocale);
  const choice = readChoice(platform.paths);
  if (choice.mode !== 'server' || !choice.server) return null;
  let problem: string;
  const params = {
    host: choice.server.host,
    port: choice.server.port,
    database: choice.server.database,
    version: '',
    tables: '',
    detail: '',
  };
  try {
    const config = await serverOfChoice(platform, choice);
    if (!config) throw Object.assign(new Error(t('office.errors.noSecrets')), { code: '28P01' });
    const started = await startServerDatabase(config);
    if (started.status === 'ok' && started.migrated.length > 0)
      log.info('migraciones aplicadas', { mode: 'postgresql', migrations: started.migrated });
    if (started.status === 'ok')
      return { db: started.db, readOnly: started.readOnly ? { unknownMigrations: started.unknownMigrations } : null };
    problem = started.status;
    if (started.status === 'tooOld') params.version = started.version;
  } catch (err) {
    problem = classifyConnectionError(err);
    params.detail = err instanceof Error ? err.message : String(err);
  }
  log.warn('servidor de la oficina sin abrir', { code: problem });
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: t('office.startup.title'),
    message: t('office.startup.title'),
    detail: `${t(`office.test.${problem}`, params)}\n\n${t('office.startup.fallback')}`,
    buttons: [t('office.startup.useLocal'), t('startup.quit')],
    defaultId: 0,
    cancelId: 1,
  });
  return response === 0 ? null : 'quit';
}

/** A backup as the user knows it: a full backup by its folder's name, an older single-file copy by its file's. */
const backupName = (file: string) => path.basename(path.basename(file) === DATABASE_FILE ? path.dirname(file) : file);
const lastBackupName = (backupDir: string) => {
  const last = latestBackup(backupDir);
  return last ? backupName(last) : null;
};

/** Opens the database; a damaged file is reported in plain Spanish with the offer to restore the last backup. */
async function openData(dbPath: string, backupDir: string, attachmentsDir: string) {
  const t = translator(defaultLocale);
  for (;;) {
    const started = await startDatabase({ dbPath, backupDir, attachmentsDir, appVersion: app.getVersion() });
    if (started.status === 'ok') {
      if (started.migrated.length > 0)
        log.info('migraciones aplicadas', {
          mode: 'sqlite',
          migrations: started.migrated,
          backup: started.backup && backupName(started.backup),
        });
      return started.db;
    }
    log.error('base de datos dañada', { count: started.problems.length });
    const backup = started.latestBackup;
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: t('startup.damagedTitle'),
      message: t('startup.damagedTitle'),
      detail: backup
        ? t('startup.damagedText', { path: dbPath, backup: backupName(backup) })
        : t('startup.damagedNoBackup', { path: dbPath }),
      buttons: backup ? [t('startup.restore'), t('startup.quit')] : [t('startup.quit')],
      defaultId: 0,
      cancelId: backup ? 1 : 0,
    });
    if (!backup || response !== 0) return null;
    try {
      // The same verified restore as the backups page: every file checked first, the attachments too.
      const { damagedPath } = await restoreBackup(backup, dbPath, undefined, { attachmentsDir });
      log.info('copia de seguridad restaurada al iniciar', { backup: backupName(backup) });
      await dialog.showMessageBox({
        type: 'info',
        message: t('startup.restored', { backup: backupName(backup), damaged: damagedPath ?? '—' }),
      });
    } catch (err) {
      const text =
        err instanceof BackupCheckError
          ? t('backups.startupRefused', { backup: backupName(backup), reason: t(`backups.errors.${err.problem}`, { detail: err.detail }) })
          : t(err instanceof BackupError ? `startup.backup_${err.reason}` : 'startup.openFailed', {
              reason: String(err),
              backup: backupName(backup),
            });
      dialog.showErrorBox(t('startup.damagedTitle'), text);
      return null;
    }
  }
}

app.whenReady().then(async () => {
  const dataDir = app.getPath('userData');
  const paths = {
    dbPath: path.join(dataDir, 'arteinpe.sqlite'),
    backupDir: path.join(dataDir, 'copias-de-seguridad'),
    attachmentsDir: path.join(dataDir, 'adjuntos'),
  };
  hardenSession();
  serveRenderer();

  const platform = electronPlatform(paths);
  // Office mode (Settings → Base de datos): the office's PostgreSQL server instead of this PC's file.
  const office = await openOfficeServer(platform);
  if (office === 'quit') {
    app.quit();
    return;
  }
  let db;
  if (office) db = office.db;
  else {
    try {
      db = await openData(paths.dbPath, paths.backupDir, paths.attachmentsDir);
    } catch (err) {
      dialog.showErrorBox(
        translator(defaultLocale)('startup.damagedTitle'),
        translator(defaultLocale)('startup.openFailed', { reason: String(err) }),
      );
      db = null;
    }
  }
  if (!db) {
    app.quit();
    return;
  }
  log.info('base de datos abierta', { mode: office ? 'postgresql' : 'sqlite' });

  const services = await createServices(db, platform, {
    onInternalError: (channel, err) => log.error('error interno', { channel, error: err }),
    readOnly: office?.readOnly ?? undefined,
    log,
  });
  userLocale = () => services.session.locale;
  const supportText = () =>
    supportInfo(translator(services.session.locale), {
      ...system(),
      mode: office ? 'server' : 'sqlite',
      dbBytes: office ? null : fileBytes(paths.dbPath),
      lastBackup: office ? null : lastBackupName(paths.backupDir),
      lastErrors: log.lastErrors(),
      logsDir: log.dir,
    });
  const setMenu = () =>
    Menu.setApplicationMenu(
      buildMenu(translator(services.session.locale), { dataDir, dev: !!devServerUrl, logsDir: log.dir ?? dataDir, supportText }),
    );
  registerIpc(ipcMain, services.dispatch, services.session, origins, (channel) => {
    if (channel === 'app.setLocale') setMenu();
  });
  setMenu();
  createMainWindow({ preloadPath, devServerUrl, title: translator(services.session.locale)('app.name') });

  // The daily automatic backup (7 daily, 4 weekly, 12 monthly kept), and a warning when the
  // data folder is on a network share, where SQLite is not safe. Not in office mode: the
  // server's backups are its administrator's (a copy of this PC's file would miss the data).
  const stopBackups = office
    ? () => undefined
    : scheduleDailyBackups({
        db,
        attachmentsDir: paths.attachmentsDir,
        backupDir: paths.backupDir,
        appVersion: app.getVersion(),
        onError: (err) => log.error('copia automática fallida', { error: err }),
        onDone: (name) => log.info('copia automática hecha', { backup: name }),
      });
  app.on('will-quit', stopBackups);
  // Once a day (the first soon after signing in), one Windows notification of the reminders new to the user.
  const stopSummaries = scheduleDesktopSummaries({
    deps: { db, platform, session: services.session, attachments: services.attachments, jobs: services.jobs },
    onError: (err) => log.error('avisos fallidos', { error: err }),
  });
  app.on('will-quit', stopSummaries);
  void detectNetworkShare(dataDir).then((share) => {
    if (!share || office) return;
    const t = translator(services.session.locale);
    void dialog.showMessageBox({
      type: 'warning',
      title: t('backups.networkShare.title'),
      message: t('backups.networkShare.title'),
      detail: t(`backups.networkShare.${share}`, { path: dataDir }),
    });
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0)
      createMainWindow({ preloadPath, devServerUrl, title: translator(services.session.locale)('app.name') });
  });
  app.on('will-quit', () => void services.close().then(() => db.destroy()));
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
