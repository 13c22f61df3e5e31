import path from 'node:path';
import type { Knex } from 'knex';
import { migrationSource } from '../../../migrations';
import { createFullBackup } from '../backups/archive';
import { ATTACHMENTS_DIR } from '../backups/format';
import { rotate } from '../backups/store';
import { latestBackup } from '../backups/startup';
import { checkIntegrity, createKnex } from './connection';

export async function pendingMigrations(db: Knex, source: Knex.MigrationSource<string> = migrationSource): Promise<string[]> {
  const [, pending] = (await db.migrate.list({ migrationSource: source })) as [unknown[], Array<string | { file: string }>];
  return pending.map((p) => (typeof p === 'string' ? p : p.file));
}

/** Whether the file holds anything worth a backup (knex's own bookkeeping does not count). */
async function hasUserTables(db: Knex): Promise<boolean> {
  const rows = (await db.raw(
    "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'knex_migrations%'",
  )) as Array<{ n: number }>;
  return (rows[0]?.n ?? 0) > 0;
}

export type StartResult =
  | { status: 'ok'; db: Knex; migrated: string[]; backup: string | null }
  | { status: 'damaged'; problems: string[]; latestBackup: string | null };

/**
 * Opens the database for the app: integrity check first; then, when migrations are
 * pending on a file that already holds data, a full backup before migrating: the
 * database (VACUUM INTO), the managed attachments and the SHA-256 manifest, made by
 * backups/archive.ts like every other backup and counted in the automatic rotation
 * (backups/store.ts). `backup` answers the backup's folder.
 */
export async function startDatabase(opts: {
  dbPath: string;
  backupDir: string;
  attachmentsDir?: string;
  appVersion?: string;
  /** The migrations to run: every one (the app), or those up to one under test. */
  migrations?: Knex.MigrationSource<string>;
}): Promise<StartResult> {
  const source = opts.migrations ?? migrationSource;
  const db = createKnex(opts.dbPath);
  const integrity = await checkIntegrity(db);
  if (!integrity.ok) {
    await db.destroy();
    return { status: 'damaged', problems: integrity.problems, latestBackup: latestBackup(opts.backupDir) };
  }
  const pending = await pendingMigrations(db, source);
  let backup: string | null = null;
  if (pending.length > 0 && (await hasUserTables(db))) {
    const made = await createFullBackup({
      db,
      // The managed attachments live beside the database unless told otherwise (files/attachments.ts).
      attachmentsDir: opts.attachmentsDir ?? path.join(path.dirname(opts.dbPath), ATTACHMENTS_DIR),
      destDir: opts.backupDir,
      reason: 'antes-de-migrar',
      createdBy: 'ArteINPE',
      appVersion: opts.appVersion ?? '',
    });
    backup = made.path;
    rotate(opts.backupDir);
  }
  const [, migrated] = (await db.migrate.latest({ migrationSource: source })) as [number, string[]];
  return { status: 'ok', db, migrated, backup };
}
