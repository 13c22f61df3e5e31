import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDatabase } from '../../electron/main/db/open';

/**
 * A fresh SQLite database for a test, without running every migration again: the first call in
 * a test process migrates one template file as the app would a new PC's database (startDatabase);
 * each call copies it. The app then opens the copy as it opens any up-to-date file (integrity
 * check, nothing pending, so no backup and no migration). Running the 29 migrations took about a
 * quarter of a second per test here, and the channel tests alone open 585 databases.
 * The template belongs to this process (removed when it exits), so a migration edited while
 * tests run is never served stale to the next run.
 */
let template: Promise<string> | undefined;

async function makeTemplate(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-template-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const dbPath = path.join(dir, 'template.sqlite');
  const started = await startDatabase({ dbPath, backupDir: path.join(dir, 'backups') });
  if (started.status !== 'ok') throw new Error('the template database reported damaged');
  // Closing the last connection checkpoints the write-ahead log into the file and removes it.
  await started.db.destroy();
  if (fs.existsSync(`${dbPath}-wal`)) throw new Error('the template database kept a write-ahead log');
  return dbPath;
}

/** Writes a migrated, empty database at `dbPath` (its folder must exist). */
export async function copyMigratedDatabase(dbPath: string): Promise<void> {
  template ??= makeTemplate();
  fs.copyFileSync(await template, dbPath);
}
