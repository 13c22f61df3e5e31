import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../electron/main/handlers';
import { translator } from '../../../electron/main/i18n';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import { createLog, LOG_FILE } from '../../../electron/main/logs/log';
import { errorDetails, supportInfo } from '../../../electron/main/logs/support';
import { sqliteOnly } from '../../helpers/pg';
import { testApp, type TestApp } from '../../helpers/services';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-log-'));
  dirs.push(dir);
  return dir;
};
const logText = (dir: string) =>
  ['arteinpe.old.log', LOG_FILE]
    .map((f) => path.join(dir, f))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('');

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the log file', () => {
  it('rotates past its size: the current file and one older one, never more', () => {
    const dir = tempDir();
    const log = createLog(dir, { maxBytes: 2000 });
    for (let i = 0; i < 200; i++) log.info('copia de seguridad hecha', { backup: `2026-12-05_0${i}`, count: i });
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['arteinpe.log', 'arteinpe.old.log']);
    expect(fs.statSync(path.join(dir, LOG_FILE)).size).toBeLessThan(2200);
    expect(fs.readFileSync(path.join(dir, LOG_FILE), 'utf8')).toContain('backup=2026-12-05_0199 count=199');
  });

  it('never writes a password, a name or a DNI passed to it; an error keeps its stack and code', () => {
    const dir = tempDir();
    const log = createLog(dir);
    log.info('inicio de sesión', { channel: 'auth.signIn', password: 'Secreta#2026', contraseña: 'otra', nombre: 'Juan Pérez Quispe' });
    log.info('servidor', { mode: 'postgresql', file: 'postgres://arteinpe:ClaveDelServidor@10.0.0.5:5432/arteinpe' });
    const failed = Object.assign(
      new Error("insert into `participants` (`full_name`, `document`) values ('María Huamán', '45678912') - SQLITE_CONSTRAINT"),
      { code: 'SQLITE_CONSTRAINT' },
    );
    log.error('error interno', { channel: 'participants.create', error: failed });
    log.error('error en la ventana', {
      message: 'Usuario juan.perez@inpe.gob.pe con DNI 45678912 falló',
      stack: 'Error\n    at render (app.js:1:2)',
    });
    const text = logText(dir);
    for (const secret of ['Secreta#2026', 'otra', 'Juan Pérez', 'ClaveDelServidor', 'María', '45678912', 'juan.perez@inpe.gob.pe'])
      expect(text).not.toContain(secret);
    expect(text).toContain('password=[omitido]');
    expect(text).toContain('channel=participants.create');
    expect(text).toContain('postgres://[omitido]@10.0.0.5:5432/arteinpe');
    expect(text).toContain('Error [SQLITE_CONSTRAINT]: insert into `participants`');
    // The stack's frames: where it failed (this very test file).
    expect(text).toMatch(/at .*logs\.test\.ts:\d+/);
    expect(text).toContain('at render (app.js:1:2)');
    expect(log.lastErrors()).toHaveLength(2);
    expect(log.lastErrors()[0]).toContain('error interno channel=participants.create');
  });
});

describe('the dispatcher and the log', () => {
  let app: TestApp;
  afterEach(async () => app?.close());

  it('a call slower than 500 ms is logged with its channel and time, never its input', async () => {
    app = await testApp();
    const dir = tempDir();
    const log = createLog(dir);
    // A clock each call finds 700 ms further on: every call looks slow.
    let now = 0;
    const dispatch = createDispatcher({
      db: app.db,
      handlers,
      session: app.session,
      platform: app.platform,
      log,
      timer: () => (now += 700),
    });
    const r = await dispatch('establishments.list', { search: 'Lurigancho 45678912' });
    expect(r.ok).toBe(true);
    const text = logText(dir);
    expect(text).toMatch(/\[warn\]\s+canal lento channel=establishments\.list ms=700/);
    expect(text).not.toContain('Lurigancho');
    expect(text).not.toContain('45678912');
  });

  it('a call in time writes nothing', async () => {
    app = await testApp();
    const dir = tempDir();
    const log = createLog(dir);
    const dispatch = createDispatcher({ db: app.db, handlers, session: app.session, platform: app.platform, log, timer: () => 0 });
    expect((await dispatch('establishments.list', {})).ok).toBe(true);
    expect(logText(dir)).toBe('');
  });

  it("the window's error report is validated and logged redacted, even before signing in", async () => {
    app = await testApp({ as: null });
    const dir = tempDir();
    const log = createLog(dir);
    const dispatch = createDispatcher({ db: app.db, handlers, session: app.session, platform: app.platform, log });
    const refused = await dispatch('app.reportError', { source: 'render', message: 'x', stack: 'y'.repeat(9000) });
    expect(refused.ok).toBe(false);
    const r = await dispatch('app.reportError', {
      source: 'render',
      message: "Cannot read properties of undefined (reading 'Quispe')",
      stack: 'TypeError: Cannot read properties of undefined\n    at ParticipantRow (Page.js:10:5)',
    });
    expect(r).toEqual({ ok: true, data: { logged: true } });
    const text = logText(dir);
    expect(text).toContain('[error] error en la ventana source=render');
    expect(text).toContain('at ParticipantRow (Page.js:10:5)');
    expect(text).not.toContain('Quispe');
  });
});

describe.skipIf(sqliteOnly("backups copy this PC's SQLite file"))('backups in the log', () => {
  let app: TestApp;
  afterEach(async () => app?.close());

  it('a backup made and one restored are logged by name, without who made them', async () => {
    app = await testApp();
    const dir = tempDir();
    const dispatch = createDispatcher({
      db: app.db,
      handlers,
      session: app.session,
      platform: app.platform,
      jobs: app.jobs,
      log: createLog(dir),
    });
    const made = await dispatch('backups.create', { destination: 'local' });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const job = await app.jobs.wait((made.data as { jobId: string }).jobId);
    const name = (job!.result as { name: string }).name;
    expect((await dispatch('backups.restore', { source: { kind: 'local', name }, confirm: true })).ok).toBe(true);
    const text = logText(dir);
    expect(text).toContain(`copia de seguridad hecha backup=${name} count=0`);
    expect(text).toContain(`copia de seguridad restaurada backup=${name} migrations=`);
    expect(text).not.toContain(app.session.actor.name);
  });
});

describe('the support information', () => {
  const facts = {
    appVersion: '1.4.0',
    electronVersion: '39.2.0',
    os: 'win32 10.0.19045 x64',
    mode: 'sqlite' as const,
    dbBytes: 12.5 * 1024 * 1024,
    lastBackup: '2026-12-04_0900_automatica',
    lastErrors: ['2026-12-05T10:00:00.000Z error interno channel=instruments.list'],
    logsDir: 'C:\\datos\\registros',
  };

  it('says in Spanish the versions, the system, the database, the last backup and the last errors', () => {
    expect(supportInfo(translator('es-PE'), facts)).toBe(
      [
        'Información para soporte de ArteINPE',
        '',
        'Versión de ArteINPE: 1.4.0',
        'Versión de Electron: 39.2.0',
        'Sistema operativo: win32 10.0.19045 x64',
        'Base de datos: Archivo de esta PC (SQLite)',
        'Tamaño de la base de datos: 12.5 MB',
        'Última copia de seguridad: 2026-12-04_0900_automatica',
        'Carpeta de registros: C:\\datos\\registros',
        'Últimos errores:',
        '  2026-12-05T10:00:00.000Z error interno channel=instruments.list',
      ].join('\n'),
    );
  });

  it('in office mode names the server and no file size; in English when the user chose it', () => {
    const text = supportInfo(translator('en'), { ...facts, mode: 'server', dbBytes: null, lastBackup: null, lastErrors: [] });
    expect(text).toContain("Database: The office's server (PostgreSQL)");
    expect(text).not.toContain('Database size');
    expect(text).toContain('Last backup: none');
    expect(text).toContain('Last errors: none since the app was opened');
  });
});

describe("an unexpected error's details", () => {
  it('carry the versions and the stack, without the personal data in its message', () => {
    const err = new Error("update `participants` set `full_name` = 'Rosa Mamani' where `document` = '40123456'");
    const text = errorDetails({ appVersion: '1.4.0', electronVersion: '39.2.0', os: 'win32 10.0.19045 x64' }, err);
    expect(text.split('\n')[0]).toBe('ArteINPE 1.4.0 · Electron 39.2.0 · win32 10.0.19045 x64');
    expect(text).toContain('Error: update `participants` set `full_name`');
    expect(text).toMatch(/at .*logs\.test\.ts:\d+/);
    expect(text).not.toContain('Rosa');
    expect(text).not.toContain('40123456');
  });
});
