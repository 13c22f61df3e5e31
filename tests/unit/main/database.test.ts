import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteOnly } from '../../helpers/pg';
import { migrationSource, migrations } from '../../../migrations';
import { backupDatabase, listBackups, restoreBackup } from '../../../electron/main/backups/startup';
import { createKnex } from '../../../electron/main/db/connection';
import { startDatabase } from '../../../electron/main/db/open';
import { verifyBackup } from '../../../electron/main/backups/archive';
import { listFullBackups } from '../../../electron/main/backups/store';

let dir: string;
let paths: { dbPath: string; backupDir: string; attachmentsDir: string };
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-db-'));
  paths = { dbPath: path.join(dir, 'arteinpe.sqlite'), backupDir: path.join(dir, 'copias'), attachmentsDir: path.join(dir, 'adjuntos') };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const tables = async (db: ReturnType<typeof createKnex>) =>
  (await db('sqlite_master').where({ type: 'table' }).whereNot('name', 'like', 'sqlite_%').orderBy('name').pluck('name')) as string[];

describe.skipIf(sqliteOnly("migrations on a SQLite file (the server's are in office.test.ts)"))('migrations', () => {
  it('run up from an empty file and down again', async () => {
    const db = createKnex(paths.dbPath);
    try {
      await db.migrate.latest({ migrationSource });
      expect(await tables(db)).toEqual(expect.arrayContaining(['audit_log', 'establishments', 'regional_offices', 'settings']));
      const offices = await db('regional_offices').orderBy('sort_order').select('name', 'seat');
      expect(offices).toEqual([
        { name: 'Lima', seat: 'Lima' },
        { name: 'Norte', seat: 'Chiclayo' },
        { name: 'Sur', seat: 'Arequipa' },
        { name: 'Centro', seat: 'Huancayo' },
        { name: 'Oriente', seat: 'Huánuco' },
        { name: 'Sur Oriente', seat: 'Cusco' },
        { name: 'Nor Oriente', seat: 'San Martín' },
        { name: 'Altiplano', seat: 'Puno' },
      ]);
      await db.migrate.rollback({ migrationSource }, true);
      expect((await tables(db)).filter((t) => !t.startsWith('knex_'))).toEqual([]);
      await db.migrate.latest({ migrationSource });
      expect(await db('regional_offices').count({ n: '*' })).toEqual([{ n: 8 }]);
    } finally {
      await db.destroy();
    }
  });

  it('are an ordered list with unique, sortable names', () => {
    const names = migrations.map(([n]) => n);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
  });

  it('every connection has WAL, foreign keys and a busy timeout', async () => {
    const started = await startDatabase(paths);
    if (started.status !== 'ok') throw new Error('damaged');
    try {
      expect(await started.db.raw('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await started.db.raw('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      expect(await started.db.raw('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
    } finally {
      await started.db.destroy();
    }
  });
});

describe.skipIf(sqliteOnly('start-up of a SQLite file: integrity check, backup before migrating, restore'))('start-up', () => {
  it('a new, empty file is migrated without a backup (nothing to lose)', async () => {
    const started = await startDatabase(paths);
    if (started.status !== 'ok') throw new Error('damaged');
    expect(started.backup).toBeNull();
    expect(started.migrated).toEqual(migrations.map(([n]) => n));
    await started.db.destroy();
    expect(listBackups(paths.backupDir)).toEqual([]);
  });

  it('pending migrations on a file with data are preceded by a full backup: that data, the attachments and their hashes', async () => {
    // A database from before the foundation: some table with rows, no migrations run yet; a photo in the managed folder.
    const old = createKnex(paths.dbPath);
    await old.schema.createTable('hoja_antigua', (t) => t.string('instrumento'));
    await old('hoja_antigua').insert([{ instrumento: 'violín' }, { instrumento: 'cajón' }]);
    await old.destroy();
    // Named as files/store.ts names a managed attachment (the SHA-256 of its content): backups copy only those.
    const photo = createHash('sha256').update('foto del violín').digest('hex');
    fs.mkdirSync(path.join(paths.attachmentsDir, photo.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(paths.attachmentsDir, photo.slice(0, 2), `${photo}.jpg`), 'foto del violín');

    const started = await startDatabase(paths);
    if (started.status !== 'ok') throw new Error('damaged');
    await started.db.destroy();
    expect(started.backup).not.toBeNull();
    // A backup folder like every other (backups/archive.ts), verified by its manifest, listed among the automatic ones.
    const manifest = await verifyBackup(started.backup!);
    expect(manifest).toMatchObject({
      reason: 'antes-de-migrar',
      migrations: [],
      attachments: [{ file: `adjuntos/${photo.slice(0, 2)}/${photo}.jpg`, bytes: Buffer.byteLength('foto del violín') }],
    });
    expect(listFullBackups(paths.backupDir).map((b) => b.path)).toEqual([started.backup]);
    const dbCopy = path.join(started.backup!, 'arteinpe.sqlite');
    expect(listBackups(paths.backupDir)).toEqual([dbCopy]);
    const copy = createKnex(dbCopy, { inspect: true });
    try {
      expect(await copy('hoja_antigua').pluck('instrumento')).toEqual(['violín', 'cajón']);
      expect(await tables(copy)).not.toContain('establishments');
    } finally {
      await copy.destroy();
    }
  });

  it('nothing pending: no backup on a normal start', async () => {
    const first = await startDatabase(paths);
    if (first.status === 'ok') await first.db.destroy();
    const second = await startDatabase(paths);
    if (second.status !== 'ok') throw new Error('damaged');
    expect(second.backup).toBeNull();
    expect(second.migrated).toEqual([]);
    await second.db.destroy();
  });

  it('a damaged file is reported with the latest backup, which restores it; the damaged file is kept aside', async () => {
    const started = await startDatabase(paths);
    if (started.status !== 'ok') throw new Error('damaged');
    await started.db('settings').insert({ key: 'marca', value: 'antes del daño' });
    const backup = await backupDatabase(started.db, paths.backupDir, 'manual');
    await started.db.destroy();

    // Overwrite the file's pages with garbage, past the header.
    const bytes = fs.readFileSync(paths.dbPath);
    for (let i = 100; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
    fs.writeFileSync(paths.dbPath, bytes);

    const damaged = await startDatabase(paths);
    expect(damaged.status).toBe('damaged');
    if (damaged.status !== 'damaged') return;
    expect(damaged.problems.length).toBeGreaterThan(0);
    expect(damaged.latestBackup).toBe(backup);

    const { damagedPath } = await restoreBackup(backup, paths.dbPath);
    expect(damagedPath && fs.existsSync(damagedPath)).toBe(true);
    const again = await startDatabase(paths);
    if (again.status !== 'ok') throw new Error('still damaged');
    expect(await again.db('settings').where({ key: 'marca' }).first()).toEqual({ key: 'marca', value: 'antes del daño' });
    await again.db.destroy();
  });

  it('a file that is not a database at all is reported as damaged, not opened', async () => {
    fs.writeFileSync(paths.dbPath, 'Esto es una hoja de cálculo, no una base de datos.'.repeat(200));
    const r = await startDatabase(paths);
    expect(r).toMatchObject({ status: 'damaged', latestBackup: null });
  });

  it('a damaged backup is refused and the current file is left alone', async () => {
    const started = await startDatabase(paths);
    if (started.status === 'ok') await started.db.destroy();
    const bad = path.join(paths.backupDir, 'arteinpe-20260101-000000-manual.sqlite');
    fs.mkdirSync(paths.backupDir, { recursive: true });
    fs.writeFileSync(bad, 'no soy sqlite'.repeat(500));
    const before = fs.readFileSync(paths.dbPath);
    await expect(restoreBackup(bad, paths.dbPath)).rejects.toMatchObject({ reason: 'damaged' });
    expect(fs.readFileSync(paths.dbPath).equals(before)).toBe(true);
  });
});
