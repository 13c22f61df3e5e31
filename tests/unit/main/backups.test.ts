import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteOnly } from '../../helpers/pg';
import { removeLeftovers, verifyBackup } from '../../../electron/main/backups/archive';
import { listFiles, readManifest } from '../../../electron/main/backups/format';
import { networkShareOf, parseMounts, parseNetUse } from '../../../electron/main/backups/network';
import { ensureDailyBackup, listFullBackups } from '../../../electron/main/backups/store';
import { listBackups } from '../../../electron/main/backups/startup';
import { createKnex } from '../../../electron/main/db/connection';
import { snapshot, validEstablishment } from '../../helpers/services';
import { app, appForEachTest, backupNow, dailyBackupOptions, sha, someData } from './backups-setup';

/**
 * Full backups and their restore through the channels; a crafted backup: backups-crafted.test.ts;
 * the rotation: backups-rotation.test.ts.
 */

appForEachTest();

const USB_REASON = 'Copia mensual para el archivo de la oficina central';

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
