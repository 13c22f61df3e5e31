import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Knex } from 'knex';
import { ensureUser, signInAs } from '../../electron/main/auth/seed';
import { createServices } from '../../electron/main/compose';
import type { Platform } from '../../electron/main/platform';
import type { ChannelName } from '../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
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
