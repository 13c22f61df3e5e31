import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Knex } from 'knex';
import { ensureUser, signInAs } from '../../electron/main/auth/seed';
import { createServices } from '../../electron/main/compose';
import { createKnex, createServerKnex } from '../../electron/main/db/connection';
import { startDatabase } from '../../electron/main/db/open';
import { startServerDatabase } from '../../electron/main/db/server';
import type { Platform } from '../../electron/main/platform';
import type { ChannelName } from '../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import { copySqliteRows, createTestDatabase, migrationsUpTo } from './pg';
import { TEST_PASSWORD } from './services';

/* What the tests of a migration share: a copy of a database an earlier version wrote, and today's channels over it. */

/** The databases earlier versions wrote (tests/fixtures/db/README.md says which). */
export const fixtureDb = (name: string): string => path.resolve(__dirname, '../fixtures/db', name);

/**
 * The gzipped SQLite file `fixture` unpacked into a new folder, as `arteinpe.sqlite` (the app's
 * own name); the folder is removed by one of `cleanups`.
 */
export function fixtureCopy(fixture: string, cleanups: Array<() => Promise<void>>): { dir: string; dbPath: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-migration-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const dbPath = path.join(dir, 'arteinpe.sqlite');
  fs.writeFileSync(dbPath, zlib.gunzipSync(fs.readFileSync(fixture)));
  return { dir, dbPath };
}

/** Where a migration's test upgrades a fixture: its SQLite file, as a PC starts, or an office server holding the same rows. */
export type UpgradeTarget = 'sqlite' | 'server';

export interface FixtureUpgrade<T> {
  /** The gzipped SQLite file an earlier version wrote (fixtureDb). */
  fixture: string;
  /** The migration under test: the app's start-up runs what is pending up to it (a backup first, on SQLite). */
  migration: string;
  /** A migration the old database is brought to first, without the app: the start-up then runs the rest. */
  stopAt?: string;
  /** Rows as the earlier version could have written them (after stopAt). */
  addRows?: (old: Knex) => Promise<void>;
  /** What the test keeps of the old data, read last (`was`). */
  remember?: (old: Knex) => Promise<T>;
}

/** What a test checks of the fixture as the earlier version left it, before anything else; on the server, `copied` counts the rows copied into each table (null on SQLite). */
export type FixtureLoaded = (old: Knex, copied: Record<string, number> | null) => Promise<void>;

export interface Upgraded<T> {
  /** What the app's start-up answered: the database, the migrations it ran, whether it is read-only, the backup made before (SQLite). */
  started: { db: Knex; migrated: string[]; readOnly: boolean; backup: string | null };
  /** The fixture copy's folder (the app's data folder). */
  dir: string;
  was: T;
}

/**
 * The start-up of a migration's test, on a SQLite file or on an office server: a copy of
 * `fixture` (on the server: a new database migrated to the fixture's level with its rows
 * copied), checked by `loaded`, brought to `stopAt`, with `addRows`, then started by the app up
 * to `migration`; the database is closed (and the server's dropped) by one of `cleanups`.
 */
export function fixtureUpgrade<T = undefined>(cleanups: Array<() => Promise<void>>, opts: FixtureUpgrade<T>) {
  return (target: UpgradeTarget, loaded?: FixtureLoaded) => upgradeFixture(target, cleanups, opts, loaded);
}

async function upgradeFixture<T>(
  target: UpgradeTarget,
  cleanups: Array<() => Promise<void>>,
  opts: FixtureUpgrade<T>,
  loaded: FixtureLoaded | undefined,
): Promise<Upgraded<T>> {
  const { dir, dbPath } = fixtureCopy(opts.fixture, cleanups);
  const server = target === 'server' ? await createTestDatabase({ empty: true }) : null;
  if (server) cleanups.push(() => server.drop());
  const old = server ? createServerKnex(server.config, { poolMax: 2 }) : createKnex(dbPath);
  let was: T;
  try {
    let copied: Record<string, number> | null = null;
    if (server) {
      const fixture = createKnex(dbPath, { inspect: true });
      try {
        const level = ((await fixture('knex_migrations').orderBy('id').pluck('name')) as string[]).at(-1)!;
        await old.migrate.latest({ migrationSource: migrationsUpTo(level) });
        copied = await copySqliteRows(fixture, old);
      } finally {
        await fixture.destroy();
      }
    }
    await loaded?.(old, copied);
    if (opts.stopAt) await old.migrate.latest({ migrationSource: migrationsUpTo(opts.stopAt) });
    await opts.addRows?.(old);
    was = (await opts.remember?.(old)) as T;
  } finally {
    await old.destroy();
  }
  const migrations = migrationsUpTo(opts.migration);
  if (server) {
    const started = await startServerDatabase(server.config, { poolMax: 2, migrations });
    if (started.status !== 'ok') throw new Error(`server start: ${started.status}`);
    cleanups.push(() => started.db.destroy());
    return { started: { db: started.db, migrated: started.migrated, readOnly: started.readOnly, backup: null }, dir, was };
  }
  const started = await startDatabase({
    dbPath,
    backupDir: path.join(dir, 'copias'),
    attachmentsDir: path.join(dir, 'adjuntos'),
    migrations,
  });
  if (started.status !== 'ok') throw new Error('the fixture was reported damaged');
  cleanups.push(() => started.db.destroy());
  return { started: { db: started.db, migrated: started.migrated, readOnly: false, backup: started.backup }, dir, was };
}

const ADMIN = { username: 'admin-local', fullName: 'Administrador local' };

/**
 * The app's services over a database (a file or an office server) in folder `dir`, signed in as
 * the administrator (as testApp does): `ok`, a call that fails the test when refused, and
 * `fails`, one that fails it when accepted (answering the refusal).
 */
export async function servicesCalls(db: Knex, dir: string) {
  const platform: Platform = {
    shell: 'electron',
    version: '0.0.0-test',
    paths: { dbPath: path.join(dir, 'arteinpe.sqlite'), backupDir: path.join(dir, 'copias'), attachmentsDir: path.join(dir, 'adjuntos') },
    chooseSavePath: async () => null,
    showInFolder: async () => undefined,
    printPdf: async () => {
      throw new Error('no PDF in this test');
    },
  };
  const services = await createServices(db, platform, { onInternalError: (channel, err) => console.error(channel, err) });
  await ensureUser(db, { ...ADMIN, role: 'administrador', password: TEST_PASSWORD });
  await signInAs(db, services.session, ADMIN.username);
  const ok = async <K extends ChannelName>(name: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> => {
    const r = await services.dispatch(name, input);
    if (!r.ok) throw new Error(`${name} refused: ${JSON.stringify(r.error)}`);
    return r.data as ChannelOutput<K>;
  };
  const fails = async <K extends ChannelName>(name: K, input: ChannelInput<K>) => {
    const r = await services.dispatch(name, input);
    if (r.ok) throw new Error(`${name} accepted: ${JSON.stringify(r.data)}`);
    return r.error;
  };
  return { ok, fails };
}

/** `ok` of servicesCalls: today's channels over the database, each call expected to succeed. */
export const servicesOver = async (db: Knex, dir: string) => (await servicesCalls(db, dir)).ok;
