import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteOnly } from '../../helpers/pg';
import { BackupCheckError, isAttachmentPath, listFiles, readManifest, type Manifest } from '../../../electron/main/backups/format';
import { restoreFullBackup } from '../../../electron/main/backups/restore';
import { refuseForeignSchema } from '../../../electron/main/backups/schema';
import { latestBackup, restoreBackup } from '../../../electron/main/backups/startup';
import { startDatabase } from '../../../electron/main/db/open';
import { createKnex } from '../../../electron/main/db/connection';
import { snapshot } from '../../helpers/services';
import { app, appForEachTest, backupNow, sha, someData } from './backups-setup';

/** A crafted or damaged backup, restored through the channel or at start-up when the database is found damaged (issue 12). */

appForEachTest();

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
