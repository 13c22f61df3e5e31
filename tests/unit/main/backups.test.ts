import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteOnly } from '../../helpers/pg';
import { createFullBackup, removeLeftovers, verifyBackup } from '../../../electron/main/backups/archive';
import { BackupCheckError, isAttachmentPath, listFiles, readManifest, type Manifest } from '../../../electron/main/backups/format';
import { restoreFullBackup } from '../../../electron/main/backups/restore';
import { refuseForeignSchema } from '../../../electron/main/backups/schema';
import { networkShareOf, parseMounts, parseNetUse } from '../../../electron/main/backups/network';
import { isoWeek, limaDay, retention } from '../../../electron/main/backups/rotation';
import { ensureDailyBackup, listFullBackups, rotate } from '../../../electron/main/backups/store';
import { latestBackup, listBackups, restoreBackup } from '../../../electron/main/backups/startup';
import { startDatabase } from '../../../electron/main/db/open';
import { createKnex } from '../../../electron/main/db/connection';
import { donatedInstrument, snapshot, testApp, validEstablishment, type TestApp } from '../../helpers/services';

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
});
afterEach(() => app.close());

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const png = (color: string) =>
  sharp({ create: { width: 60, height: 40, channels: 3, background: color } })
    .png()
    .toBuffer();

/** An establishment and an instrument with a photo: rows and managed files to back up. */
async function someData() {
  const e = await app.ok('establishments.create', validEstablishment());
  const i = await app.ok('instruments.create', donatedInstrument('VIO-1'));
  await app.ok('instruments.addPhoto', { id: i.id, fileName: 'violin.png', dataBase64: (await png('#a33')).toString('base64') });
  return { e, i };
}

const USB_REASON = 'Copia mensual para el archivo de la oficina central';

/** What the daily backup works with: the test app's database, attachments folder and backups folder. */
const dailyBackupOptions = () => ({
  db: app.db,
  attachmentsDir: app.platform.paths.attachmentsDir,
  backupDir: app.platform.paths.backupDir,
  appVersion: 't',
});
/** Day d of a run of daily backups from 1 January 2026 (at 10:00 in Lima). */
const day = (d: number) => new Date(Date.parse('2026-01-01T15:00:00Z') + d * 86_400_000).toISOString();

async function backupNow(): Promise<string> {
  const { jobId } = await app.ok('backups.create', { destination: 'local' });
  const s = await app.jobs.wait(jobId);
  expect(s).toMatchObject({ state: 'done', result: { status: 'saved' } });
  return (s!.result as { name: string }).name;
}

describe.skipIf(sqliteOnly('a full backup copies the SQLite file (VACUUM INTO); the office server is backed up on the server'))(
  'a full backup',
  () => {
    it('holds a consistent database, every managed attachment and a manifest of their SHA-256', async () => {
      await someData();
      const name = await backupNow();
      const folder = path.join(app.platform.paths.backupDir, name);
      const m = readManifest(folder);
      expect(m).toMatchObject({ format: 'arteinpe-backup', reason: 'manual', createdBy: 'Administrador local' });
      expect(m.migrations).toEqual((await app.db('knex_migrations').orderBy('id').pluck('name')) as string[]);
      expect(m.database.sha256).toBe(sha(path.join(folder, 'arteinpe.sqlite')));
      const originals = listFiles(app.platform.paths.attachmentsDir);
      expect(originals.length).toBeGreaterThanOrEqual(2); // the photo and its thumbnail
      expect(m.attachments.map((a) => a.file)).toEqual(originals.map((f) => `adjuntos/${f}`));
      for (const a of m.attachments) {
        expect(a.sha256).toBe(sha(path.join(app.platform.paths.attachmentsDir, a.file.slice('adjuntos/'.length))));
        expect(sha(path.join(folder, a.file))).toBe(a.sha256);
      }
      const copy = createKnex(path.join(folder, 'arteinpe.sqlite'), { inspect: true });
      expect(await copy('instruments').pluck('code')).toEqual(['VIO-1']);
      await copy.destroy();
      expect((await app.ok('backups.list', {})).backups).toMatchObject([{ name, reason: 'manual', attachmentFiles: m.attachments.length }]);
    });

    it('goes to a chosen folder (a USB stick) and can be cancelled, leaving nothing', async () => {
      await someData();
      const { jobId } = await app.ok('backups.create', { destination: 'external', reason: USB_REASON });
      const s = await app.jobs.wait(jobId);
      expect((s!.result as { path: string }).path.startsWith(app.nextFolder.path!)).toBe(true);

      app.nextFolder.path = null;
      const cancelled = await app.jobs.wait((await app.ok('backups.create', { destination: 'external', reason: USB_REASON })).jobId);
      expect(cancelled).toMatchObject({ state: 'done', result: { status: 'cancelled' } });

      const usb = path.join(app.dir, 'usb2');
      app.nextFolder.path = usb;
      const id = (await app.ok('backups.create', { destination: 'external', reason: USB_REASON })).jobId;
      app.jobs.cancel(id);
      expect(await app.jobs.wait(id)).toMatchObject({ state: 'cancelled' });
      expect(fs.existsSync(usb) ? fs.readdirSync(usb) : []).toEqual([]);
    });

    it('interrupted by a crash leaves only a hidden temporary folder, never listed and removed later', async () => {
      const dir = app.platform.paths.backupDir;
      fs.mkdirSync(path.join(dir, '.arteinpe-20261126-100000-manual.partial-999999999'), { recursive: true });
      expect(listFullBackups(dir)).toEqual([]);
      expect(removeLeftovers(dir)).toBe(1);
      expect(fs.readdirSync(dir)).toEqual([]);
    });

    it('the backups before a migration and the daily ones are offered when the database is found damaged at start', async () => {
      await ensureDailyBackup(dailyBackupOptions());
      expect(listBackups(app.platform.paths.backupDir)).toHaveLength(1);
      expect(listBackups(app.platform.paths.backupDir)[0]).toMatch(/arteinpe-\d{8}-\d{6}-automatica[/\\]arteinpe\.sqlite$/);
    });
  },
);

describe.skipIf(sqliteOnly('restoring puts a SQLite file back in place'))('restore', () => {
  it('checks the backup, keeps the current state, restores data and attachments, and says what it did', async () => {
    const { e } = await someData();
    const name = await backupNow();
    // After the backup: a change to undo and a lost attachment.
    await app.ok('establishments.update', { ...validEstablishment({ name: 'E.P. Cambiado' }), id: e.id, version: e.version });
    const lost = listFiles(app.platform.paths.attachmentsDir)[0]!;
    fs.rmSync(path.join(app.platform.paths.attachmentsDir, lost));

    const report = await app.ok('backups.restore', { source: { kind: 'local', name }, confirm: true });
    expect(report).toMatchObject({ status: 'restored', restoredFrom: name, attachmentsCopied: 1, migrated: [] });
    if (report.status !== 'restored') return;
    expect(fs.existsSync(path.join(app.platform.paths.attachmentsDir, lost))).toBe(true);
    // Everyone signs in again; the restored data has the administrator and the old name.
    expect(app.session.auth?.user).toBeNull();
    await app.signInAs('administrador');
    expect((await app.ok('establishments.get', { id: e.id })).name).toBe('E.P. de Prueba');
    const restoreEntry = await app.db('audit_log').where({ entity: 'backup' }).first();
    expect(restoreEntry).toMatchObject({ action: 'restore', user_id: 'admin-local', entity_id: name });
    // The state just before the restore was kept, complete.
    const safety = path.join(app.platform.paths.backupDir, report.safetyCopy);
    expect(readManifest(safety).reason).toBe('antes-de-restaurar');
    const before = createKnex(path.join(safety, 'arteinpe.sqlite'), { inspect: true });
    expect(await before('establishments').pluck('name')).toEqual(['E.P. Cambiado']);
    await before.destroy();
    expect((await app.db.raw('PRAGMA integrity_check')) as unknown).toEqual([{ integrity_check: 'ok' }]);
    expect(await app.db.raw('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  });

  const refuses = async (source: { kind: 'local'; name: string } | { kind: 'external' }, message: RegExp) => {
    const before = await snapshot(app.db);
    const files = listFiles(app.platform.paths.attachmentsDir);
    const backups = listFullBackups(app.platform.paths.backupDir).map((b) => b.name);
    const r = await app.call('backups.restore', { source, confirm: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(message) } });
    expect(await snapshot(app.db)).toBe(before);
    expect(listFiles(app.platform.paths.attachmentsDir)).toEqual(files);
    expect(listFullBackups(app.platform.paths.backupDir).map((b) => b.name)).toEqual(backups); // no copy made either
    expect(app.session.auth?.user).not.toBeNull();
  };

  it('refuses a folder that is not an ArteINPE backup, and changes nothing', async () => {
    await someData();
    const folder = path.join(app.dir, 'usb');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'fotos.txt'), 'no es una copia');
    await refuses({ kind: 'external' }, /no es una copia de seguridad de ArteINPE/);
    fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ format: 'otra-app', files: [] }));
    await refuses({ kind: 'external' }, /no es una copia de seguridad de ArteINPE/);
  });

  it('refuses a damaged backup (a file changed, missing, or a database that fails its check), and changes nothing', async () => {
    await someData();
    const name = await backupNow();
    const folder = path.join(app.platform.paths.backupDir, name);
    const m = readManifest(folder);
    const photo = path.join(folder, m.attachments[0]!.file);
    const original = fs.readFileSync(photo);
    const bent = Buffer.from(original);
    bent[bent.length - 1] = bent[bent.length - 1]! ^ 0xff;
    fs.writeFileSync(photo, bent);
    await refuses({ kind: 'local', name }, /está dañada: el archivo .* no coincide con su huella SHA-256/);
    fs.rmSync(photo);
    await refuses({ kind: 'local', name }, /está incompleta: falta el archivo/);
    fs.writeFileSync(photo, original);

    // A database that was damaged before its hash was taken: SQLite's own check finds it.
    const dbFile = path.join(folder, 'arteinpe.sqlite');
    const bytes = fs.readFileSync(dbFile);
    for (let i = 4096 * 2; i < bytes.length; i += 7) bytes[i] = (i * 13) & 0xff;
    fs.writeFileSync(dbFile, bytes);
    fs.writeFileSync(
      path.join(folder, 'manifest.json'),
      JSON.stringify({ ...m, database: { ...m.database, sha256: sha(dbFile), bytes: bytes.length } }),
    );
    await refuses({ kind: 'local', name }, /La copia está dañada/);
    await expect(verifyBackup(folder)).rejects.toMatchObject({ problem: 'damaged' });
  });

  it('refuses a backup made by a newer version of the app', async () => {
    const name = await backupNow();
    const folder = path.join(app.platform.paths.backupDir, name);
    const dbFile = path.join(folder, 'arteinpe.sqlite');
    const db = createKnex(dbFile);
    await db('knex_migrations').insert({ name: '20270101_0099_futuro', batch: 9, migration_time: new Date() });
    await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    await db.raw('PRAGMA journal_mode = DELETE');
    await db.destroy();
    const m = readManifest(folder);
    fs.writeFileSync(
      path.join(folder, 'manifest.json'),
      JSON.stringify({ ...m, database: { ...m.database, sha256: sha(dbFile), bytes: fs.statSync(dbFile).size } }),
    );
    await refuses({ kind: 'local', name }, /versión más reciente de ArteINPE/);
  });
});

/** Every file under a folder with its SHA-256 (a link as a link, never followed); the open database's own files left out. */
function diskState(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const full = path.join(dir, e.name);
      if (e.isSymbolicLink()) out[r] = `enlace → ${fs.readlinkSync(full)}`;
      else if (e.isDirectory()) {
        out[`${r}/`] = 'carpeta';
        walk(full, r);
      } else if (!/^arteinpe\.sqlite(-wal|-shm)?$/.test(r)) out[r] = sha(full);
    }
  };
  walk(root, '');
  return out;
}

const writeManifest = (folder: string, m: Manifest) => fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(m, null, 2));

/** What a crafted backup does: a file put into the backup folder and named in its manifest with its right size and SHA-256. */
function plant(folder: string, entry: string, content: string) {
  const full = path.resolve(folder, ...entry.split('/'));
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  const m = readManifest(folder);
  writeManifest(folder, { ...m, attachments: [...m.attachments, { file: entry, bytes: Buffer.byteLength(content), sha256: sha(full) }] });
}

/** A backup changed to a database someone altered, its manifest's hash made to match (so only the schema check can tell). */
async function alterDatabase(folder: string, sql: string) {
  const dbFile = path.join(folder, 'arteinpe.sqlite');
  const db = createKnex(dbFile);
  await db.raw(sql);
  await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.raw('PRAGMA journal_mode = DELETE');
  await db.destroy();
  const m = readManifest(folder);
  writeManifest(folder, { ...m, database: { ...m.database, sha256: sha(dbFile), bytes: fs.statSync(dbFile).size } });
}

describe.skipIf(sqliteOnly('restoring puts a SQLite file back in place'))(
  'a crafted backup (issue 12): refused before anything is written',
  () => {
    /** A restore refused with its Spanish message, with every file under the test's folder (data, attachments, backups, anything beside) and every row as before. */
    const refusedUntouched = async (source: { kind: 'local'; name: string } | { kind: 'external' }, message: RegExp) => {
      const files = diskState(app.dir);
      const rows = await snapshot(app.db);
      const r = await app.call('backups.restore', { source, confirm: true });
      expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(message) } });
      expect(diskState(app.dir)).toEqual(files);
      expect(await snapshot(app.db)).toBe(rows);
      expect(app.session.auth?.user).not.toBeNull();
    };

    it('an attachment path that climbs out of the attachments folder (…/x/../Startup/evil.cmd) is refused: nothing lands in Startup, nothing else changes', async () => {
      await someData();
      const name = await backupNow();
      const folder = path.join(app.platform.paths.backupDir, name);
      // Its first nine characters stand for "adjuntos/"; the rest climbs one folder above the attachments.
      plant(folder, 'a/b/c/d/x/../Startup/evil.cmd', '@echo off\r\ndel /q %USERPROFILE%\\Documents\\*\r\n');
      await refusedUntouched(
        { kind: 'local', name },
        /^La copia no es válida: nombra un archivo fuera de los lugares de una copia de ArteINPE \(a\/b\/c\/d\/x\/\.\.\/Startup\/evil\.cmd\)\. Puede ser una copia manipulada\. No se cambió nada\.$/,
      );
      expect(fs.existsSync(path.join(app.dir, 'Startup'))).toBe(false);
    });

    it('the attack as reported (a/b/c/d/x/../../../Startup/evil.cmd, three folders up from a profile’s attachments) is refused before anything is written', async () => {
      await someData();
      const name = await backupNow();
      const folder = path.join(app.platform.paths.backupDir, name);
      const profile = path.join(app.dir, 'Usuarios', 'ana');
      const attachmentsDir = path.join(profile, 'AppData', 'Roaming', 'adjuntos');
      fs.mkdirSync(attachmentsDir, { recursive: true });
      plant(folder, 'a/b/c/d/x/../../../Startup/evil.cmd', 'calc.exe\r\n');
      const before = diskState(app.dir);
      const rows = await snapshot(app.db);
      await expect(
        restoreFullBackup({
          db: app.db,
          folder,
          attachmentsDir,
          backupDir: app.platform.paths.backupDir,
          createdBy: 'prueba',
          appVersion: 't',
        }),
      ).rejects.toMatchObject({ problem: 'unsafePath', detail: 'a/b/c/d/x/../../../Startup/evil.cmd' });
      expect(fs.existsSync(path.join(profile, 'Startup', 'evil.cmd'))).toBe(false);
      expect(diskState(app.dir)).toEqual(before); // no copy of the current state either: nothing was written
      expect(await snapshot(app.db)).toBe(rows);
    });

    it('accepts only the exact path a managed attachment has (files/store.ts): adjuntos/<2 hex of its hash>/<sha256>.<type>, or its thumbnail', () => {
      const h = `ab${'0123456789abcdef'.repeat(4).slice(2)}`;
      for (const ext of ['jpg', 'png', 'webp', 'tif', 'gif', 'pdf']) expect(isAttachmentPath(`adjuntos/ab/${h}.${ext}`)).toBe(true);
      expect(isAttachmentPath(`adjuntos/miniaturas/${h}.jpg`)).toBe(true);
      for (const bad of [
        `adjuntos/cd/${h}.jpg`, // not the folder of its hash
        `adjuntos/ab/${h}.exe`,
        `adjuntos/ab/${h}.JPG`,
        `adjuntos/ab/${h}.cmd`,
        `adjuntos/ab/${h.slice(1)}.jpg`,
        `adjuntos/ab/${h}.jpg/../../../evil.cmd`,
        `adjuntos/ab/../ab/${h}.jpg`,
        `adjuntos\\ab\\${h}.jpg`,
        `/adjuntos/ab/${h}.jpg`,
        `adjuntos/ab/${h}.jpg\n`,
        `adjuntos/miniaturas/${h}.png`,
        `adjuntos/otra/${h}.jpg`,
        'a/b/c/d/x/../../../Startup/evil.cmd',
        'arteinpe.sqlite',
      ]) {
        expect(isAttachmentPath(bad), bad).toBe(false);
      }
    });

    it('backs up only managed attachments (not a half-written .tmp or a stray file), so every backup it makes passes these checks', async () => {
      await someData();
      const dir = app.platform.paths.attachmentsDir;
      const [first] = listFiles(dir);
      fs.writeFileSync(path.join(dir, `${first}.4242.tmp`), 'a medio escribir');
      fs.writeFileSync(path.join(dir, 'notas.txt'), 'no es un adjunto');
      const name = await backupNow();
      const m = readManifest(path.join(app.platform.paths.backupDir, name));
      expect(m.attachments.map((a) => a.file)).toEqual(
        listFiles(dir)
          .filter((f) => !f.endsWith('.tmp') && f !== 'notas.txt')
          .map((f) => `adjuntos/${f}`),
      );
      expect(m.attachments.every((a) => isAttachmentPath(a.file))).toBe(true);
      expect(await app.ok('backups.restore', { source: { kind: 'local', name }, confirm: true })).toMatchObject({ status: 'restored' });
    });

    it('refuses a backup holding a symbolic link (a file or a folder pointing elsewhere on the PC), and changes nothing', async () => {
      await someData();
      const name = await backupNow();
      const folder = path.join(app.platform.paths.backupDir, name);
      const secret = path.join(app.dir, 'secreto.txt');
      fs.writeFileSync(secret, 'claves de la oficina');
      const h = sha(secret);
      const entry = `adjuntos/${h.slice(0, 2)}/${h}.pdf`;
      fs.mkdirSync(path.join(folder, 'adjuntos', h.slice(0, 2)), { recursive: true });
      fs.symlinkSync(secret, path.join(folder, ...entry.split('/')));
      const m = readManifest(folder);
      writeManifest(folder, { ...m, attachments: [...m.attachments, { file: entry, bytes: fs.statSync(secret).size, sha256: h }] });
      await refusedUntouched(
        { kind: 'local', name },
        new RegExp(`^La copia no es válida: contiene un acceso directo o enlace a otra carpeta \\(${entry}\\)\\..*No se cambió nada\\.$`),
      );
      expect(fs.existsSync(path.join(app.platform.paths.attachmentsDir, ...entry.split('/').slice(1)))).toBe(false);

      // A folder link, named in no manifest entry, is refused as well.
      fs.rmSync(path.join(folder, ...entry.split('/')));
      writeManifest(folder, m);
      fs.symlinkSync(app.platform.paths.attachmentsDir, path.join(folder, 'adjuntos', 'zz'), 'dir');
      await refusedUntouched({ kind: 'local', name }, /contiene un acceso directo o enlace a otra carpeta \(adjuntos\/zz\)/);
    });

    it('refuses a backup whose database is not what ArteINPE’s migrations make (a trigger, a table, a column added), and changes nothing', async () => {
      await someData();
      const name = await backupNow();
      const folder = path.join(app.platform.paths.backupDir, name);
      const dbFile = path.join(folder, 'arteinpe.sqlite');
      const original = { db: fs.readFileSync(dbFile), manifest: readManifest(folder) };
      const cases: Array<[string, string]> = [
        ['CREATE TRIGGER borra_rastros AFTER INSERT ON establishments BEGIN DELETE FROM audit_log; END', 'disparador borra_rastros'],
        ['CREATE TABLE hoja_extra (dato TEXT)', 'tabla hoja_extra'],
        ['ALTER TABLE establishments ADD COLUMN nota TEXT', 'tabla establishments'],
        ['CREATE VIEW nombres AS SELECT name FROM establishments', 'vista nombres'],
      ];
      for (const [sql, what] of cases) {
        await alterDatabase(folder, sql);
        await refusedUntouched(
          { kind: 'local', name },
          new RegExp(
            `^La base de datos de la copia no tiene la estructura que crea ArteINPE \\(${what}\\)\\. Puede ser una copia manipulada\\. No se cambió nada\\.$`,
          ),
        );
        fs.writeFileSync(dbFile, original.db);
        writeManifest(folder, original.manifest);
      }
      // The untouched backup still restores.
      expect(await app.ok('backups.restore', { source: { kind: 'local', name }, confirm: true })).toMatchObject({ status: 'restored' });
    });

    it('after the restore the live database is checked again against the migrations’ schema', async () => {
      await expect(refuseForeignSchema(app.db)).resolves.toBeUndefined();
      await app.db.raw('CREATE VIEW nombres AS SELECT name FROM establishments');
      await expect(refuseForeignSchema(app.db)).rejects.toMatchObject({ problem: 'foreign', detail: 'vista nombres' });
      await app.db.raw('DROP VIEW nombres');
    });
  },
);

describe.skipIf(sqliteOnly('the start-up restore puts a SQLite file back in place'))(
  'restoring the latest backup when the database is found damaged at start',
  () => {
    /** Another PC's data folder, whose database is damaged, restored from the app's backups. */
    const damagedPc = () => {
      const pc = path.join(app.dir, 'otra-pc');
      fs.mkdirSync(pc, { recursive: true });
      const dbPath = path.join(pc, 'arteinpe.sqlite');
      fs.writeFileSync(dbPath, 'página dañada '.repeat(500));
      return { dbPath, attachmentsDir: path.join(pc, 'adjuntos'), backupDir: path.join(pc, 'copias') };
    };

    it('puts back the database and the attachments, through the same checked restore; the damaged file is kept aside', async () => {
      await someData();
      await backupNow();
      const pc = damagedPc();
      const latest = latestBackup(app.platform.paths.backupDir)!;
      const r = await restoreBackup(latest, pc.dbPath, new Date('2026-12-01T15:00:00Z'), { attachmentsDir: pc.attachmentsDir });
      const originals = listFiles(app.platform.paths.attachmentsDir);
      expect(r.attachmentsCopied).toBe(originals.length);
      expect(listFiles(pc.attachmentsDir)).toEqual(originals);
      for (const f of originals) expect(sha(path.join(pc.attachmentsDir, f))).toBe(sha(path.join(app.platform.paths.attachmentsDir, f)));
      expect(fs.readFileSync(r.damagedPath!, 'utf8')).toBe('página dañada '.repeat(500));
      const started = await startDatabase(pc);
      if (started.status !== 'ok') throw new Error('restored database reported damaged');
      expect(await started.db('instruments').pluck('code')).toEqual(['VIO-1']);
      await started.db.destroy();
    });

    it('refuses a crafted latest backup before writing anything: the damaged file stays, nothing lands outside the attachments', async () => {
      await someData();
      const name = await backupNow();
      plant(path.join(app.platform.paths.backupDir, name), 'a/b/c/d/x/../Startup/evil.cmd', 'calc.exe\r\n');
      const pc = damagedPc();
      const before = diskState(app.dir);
      const err = await restoreBackup(latestBackup(app.platform.paths.backupDir)!, pc.dbPath, undefined, {
        attachmentsDir: pc.attachmentsDir,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BackupCheckError);
      expect(err).toMatchObject({ problem: 'unsafePath' });
      expect(diskState(app.dir)).toEqual(before);
      expect(fs.existsSync(path.join(app.dir, 'otra-pc', 'Startup'))).toBe(false);
    });

    it('refuses a single-file backup whose schema is not the app’s', async () => {
      const pc = damagedPc();
      const file = path.join(app.dir, 'arteinpe-20261201-100000-manual.sqlite');
      await app.db.raw('VACUUM INTO ?', [file]);
      const copy = createKnex(file);
      await copy.raw('CREATE TRIGGER borra AFTER INSERT ON establishments BEGIN DELETE FROM audit_log; END');
      await copy.raw('PRAGMA journal_mode = DELETE');
      await copy.destroy();
      const before = diskState(app.dir);
      await expect(restoreBackup(file, pc.dbPath, undefined, { attachmentsDir: pc.attachmentsDir })).rejects.toMatchObject({
        problem: 'foreign',
        detail: 'disparador borra',
      });
      expect(diskState(app.dir)).toEqual(before);
    });
  },
);

describe.skipIf(sqliteOnly('a full backup copies the SQLite file'))(
  'a backup to a chosen folder (a USB stick) carries all personal data (issue 12)',
  () => {
    it('is refused in main without a reason (nothing written); with one, it is logged in the personal-data export log and audited', async () => {
      const { e } = await someData();
      await app.ok('participants.create', {
        code: 'PPL-1',
        firstNames: 'Rosa',
        lastNames: 'Huamán',
        sex: 'femenino',
        birthYear: 1990,
        establishmentId: e.id,
        date: '2026-02-01',
      });
      const usb = app.nextFolder.path!;
      for (const input of [
        { destination: 'external' },
        { destination: 'external', reason: '' },
        { destination: 'external', reason: 'porque sí' },
      ]) {
        const r = await app.call('backups.create', input as never);
        expect(r).toMatchObject({ ok: false, error: { code: 'validation', fields: { reason: expect.anything() } } });
      }
      expect(fs.existsSync(usb) ? fs.readdirSync(usb) : []).toEqual([]);
      expect(await app.db('personal_data_exports').count({ n: '*' })).toEqual([{ n: 0 }]);

      const s = await app.jobs.wait((await app.ok('backups.create', { destination: 'external', reason: USB_REASON })).jobId);
      expect(s).toMatchObject({ state: 'done', result: { status: 'saved' } });
      const name = (s!.result as { name: string }).name;
      expect(await app.db('personal_data_exports').select('user_id', 'channel', 'what', 'reason', 'rows', 'file_name')).toEqual([
        {
          user_id: 'admin-local',
          channel: 'backups.create',
          what: `Copia de seguridad completa en una carpeta externa (${name})`,
          reason: USB_REASON,
          rows: 1,
          file_name: name,
        },
      ]);
      const audited = await app.db('audit_log').where({ entity: 'backup', action: 'export' }).first();
      expect(audited).toMatchObject({ user_id: 'admin-local', channel: 'backups.create', entity_id: name });
      expect(JSON.parse(String(audited.after_json))).toMatchObject({ reason: USB_REASON, people: 1 });
      expect((await app.ok('audit.personalDataExports', {})).rows).toMatchObject([
        { channel: 'backups.create', reason: USB_REASON, userName: 'Administrador local' },
      ]);

      // A copy kept on this PC does not leave it: no reason asked, nothing in that log.
      await backupNow();
      expect(await app.db('personal_data_exports').count({ n: '*' })).toEqual([{ n: 1 }]);
    });
  },
);

describe.skipIf(sqliteOnly('the rotation of backups of the SQLite file'))('rotation: 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months (Lima’s calendar)', () => {
    // A year and a half of one automatic backup a day at 23:30 Lima (04:30 UTC the next day).
    const days = 540;
    const end = Date.parse('2026-11-27T04:30:00Z');
    const backups = Array.from({ length: days }, (_, i) => {
      const at = new Date(end - i * 86_400_000).toISOString();
      return { name: `b-${i}`, createdAt: at };
    });
    const keep = retention(backups);
    const slots = (slot: string) => [...keep].filter(([, s]) => s.includes(slot as never)).map(([n]) => n);
    expect(slots('diaria')).toEqual(['b-0', 'b-1', 'b-2', 'b-3', 'b-4', 'b-5', 'b-6']);
    expect(limaDay(backups[0]!.createdAt)).toBe('2026-11-26');
    expect(slots('semanal')).toHaveLength(4);
    expect(new Set(slots('semanal').map((n) => isoWeek(limaDay(backups.find((b) => b.name === n)!.createdAt)))).size).toBe(4);
    expect(slots('mensual')).toHaveLength(12);
    const months = slots('mensual').map((n) => limaDay(backups.find((b) => b.name === n)!.createdAt).slice(0, 7));
    expect(months).toEqual([
      '2026-11',
      '2026-10',
      '2026-09',
      '2026-08',
      '2026-07',
      '2026-06',
      '2026-05',
      '2026-04',
      '2026-03',
      '2026-02',
      '2026-01',
      '2025-12',
    ]);
    // The month's newest backup is its last day.
    expect(limaDay(backups.find((b) => b.name === slots('mensual')[1])!.createdAt)).toBe('2026-10-31');
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.size).toBeGreaterThanOrEqual(12 + 3);
  });

  it('ISO weeks start on Monday; the week of 1 January may belong to the year before', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48'); // Monday
    expect(isoWeek('2026-11-29')).toBe('2026-W48'); // Sunday
    expect(isoWeek('2026-11-30')).toBe('2026-W49');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
  });

  it('the daily backup is made once a day and the rotation removes what it no longer keeps', async () => {
    const opts = dailyBackupOptions();
    for (let d = 0; d < 40; d++) {
      expect(await ensureDailyBackup({ ...opts, now: day(d) })).not.toBeNull();
      expect(await ensureDailyBackup({ ...opts, now: day(d) })).toBeNull(); // already done today
    }
    const kept = listFullBackups(opts.backupDir);
    const keep = retention(kept.map((b) => ({ name: b.name, createdAt: b.manifest.createdAt })));
    expect(kept.map((b) => b.name).sort()).toEqual([...keep.keys()].sort());
    expect(kept.length).toBeLessThan(14);
    expect(kept.filter((b) => limaDay(b.manifest.createdAt) >= limaDay(day(33)))).toHaveLength(7);
    expect(rotate(opts.backupDir)).toEqual([]);
  });

  it("the backup before a migration counts in the same rotation: it is its day's automatic backup, and old ones go", async () => {
    const opts = dailyBackupOptions();
    const beforeMigration = (d: number) =>
      createFullBackup({ ...opts, destDir: opts.backupDir, reason: 'antes-de-migrar', createdBy: 'ArteINPE', now: day(d) });
    await beforeMigration(0);
    expect(await ensureDailyBackup({ ...opts, now: day(0) })).toBeNull(); // that day is covered
    for (let d = 1; d < 40; d++) {
      if (d % 10 === 0) await beforeMigration(d);
      await ensureDailyBackup({ ...opts, now: day(d) });
    }
    const kept = listFullBackups(opts.backupDir);
    const keep = retention(kept.map((b) => ({ name: b.name, createdAt: b.manifest.createdAt })));
    expect(kept.map((b) => b.name).sort()).toEqual([...keep.keys()].sort());
    expect(kept.length).toBeLessThan(14);
    // The oldest copy before a migration (day 0, a Thursday in a past month) was rotated away like any daily backup.
    expect(kept.filter((b) => b.manifest.reason === 'antes-de-migrar').map((b) => limaDay(b.manifest.createdAt))).not.toContain(
      limaDay(day(0)),
    );
    expect(kept.filter((b) => b.manifest.reason === 'antes-de-migrar').length).toBeGreaterThan(0);
  });
});

describe('the data folder on a network share', () => {
  it('Windows: a UNC path or a mapped network drive is a share; a local disk is not', () => {
    const env = { platform: 'win32' as const, networkDrives: ['Z'] };
    expect(networkShareOf('\\\\servidor\\datos\\ArteINPE', env)).toBe('unc');
    expect(networkShareOf('//servidor/datos/ArteINPE', env)).toBe('unc');
    expect(networkShareOf('\\\\?\\UNC\\servidor\\datos', env)).toBe('unc');
    expect(networkShareOf('Z:\\ArteINPE', env)).toBe('mapped');
    expect(networkShareOf('z:/ArteINPE', env)).toBe('mapped');
    expect(networkShareOf('C:\\Users\\ana\\AppData\\Roaming\\ArteINPE', env)).toBeNull();
    expect(networkShareOf('\\\\?\\C:\\Users\\ana\\AppData', env)).toBeNull();
    expect(networkShareOf('D:\\ArteINPE', { platform: 'win32' })).toBeNull();
  });

  it('reads the mapped drives from `net use`, in Spanish or English Windows', () => {
    const spanish = [
      'Se registrarán las nuevas conexiones.',
      '',
      'Estado       Local     Remoto                    Red',
      '-------------------------------------------------------------------------------',
      'Conectado    Z:        \\\\srv-inpe\\compartido    Microsoft Windows Network',
      'No disponible Y:       \\\\nas\\copias              Microsoft Windows Network',
      '             \\\\srv-inpe\\IPC$                    Microsoft Windows Network',
      'Se ha completado el comando correctamente.',
    ].join('\r\n');
    expect(parseNetUse(spanish)).toEqual(['Z', 'Y']);
    expect(parseNetUse('OK           X:        \\\\server\\share         Microsoft Windows Network\n')).toEqual(['X']);
    expect(parseNetUse('There are no entries in the list.\n')).toEqual([]);
  });

  it('Linux: a folder on an NFS or CIFS mount is a share; the deepest mount decides', () => {
    const mounts = parseMounts(
      [
        '/dev/sda1 / ext4 rw 0 0',
        'srv:/export /mnt/datos nfs4 rw 0 0',
        '//srv/arte /mnt/con\\040espacio cifs rw 0 0',
        '/dev/sdb1 /mnt/datos/local ext4 rw 0 0',
      ].join('\n'),
    );
    const env = { platform: 'linux' as const, mounts };
    expect(networkShareOf('/mnt/datos/arteinpe', env)).toBe('remote');
    expect(networkShareOf('/mnt/con espacio/x', env)).toBe('remote');
    expect(networkShareOf('/mnt/datos/local/arteinpe', env)).toBeNull();
    expect(networkShareOf('/home/ana/.config/ArteINPE', env)).toBeNull();
  });
});
