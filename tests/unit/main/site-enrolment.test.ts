import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecrets } from '../../../electron/harness/secrets';
import { createServices } from '../../../electron/main/compose';
import { startDatabase } from '../../../electron/main/db/open';
import { AppError } from '../../../electron/main/ipc/errors';
import type { Platform } from '../../../electron/main/platform';
import { capturing } from '../../../electron/main/sites/repository/capture';
import { changesSince } from '../../../electron/main/sites/repository/changes';
import { enrolSite, type Enrolment } from '../../../electron/main/sites/enrol';
import { openEnrolment, readEnrolmentHeader } from '../../../electron/main/sites/enrolment-file';
import { installSite, INSTALLER } from '../../../electron/main/sites/install';
import { installationKeys, installationRole, siteScope, type KeySeal } from '../../../electron/main/sites/installation';
import { isFresh } from '../../../electron/main/sites/reference';
import { appWithDemo, snapshot, TEST_ADMIN, TEST_PASSWORD, type TestApp } from '../../helpers/services';

/**
 * Issue 20's enrolment of a prison's site (docs/SITES.md decision 1): the centre — on SQLite, or on
 * the office's PostgreSQL server in that tier — enrols an establishment of the demonstration and
 * saves the package; a new SQLite installation installs it with the passphrase and holds exactly
 * that establishment's reference data, under the same gids and with its links mapped to local ids.
 */

const actor = { id: TEST_ADMIN.username, name: TEST_ADMIN.fullName };
type Row = Record<string, unknown>;

let centre: TestApp;
let seal: KeySeal;
/** The establishment enrolled (the one with the most workshop–teacher links) and another one with participants. */
let est: number;
let other: number;
let enrolment: Enrolment;
const dirs: string[] = [];

async function freshSite(): Promise<Knex> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-sede-'));
  dirs.push(dir);
  const started = await startDatabase({ dbPath: path.join(dir, 'sede.sqlite'), backupDir: path.join(dir, 'backups') });
  if (started.status !== 'ok') throw new Error('fresh site database reported damaged');
  return started.db;
}

const refusal = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return Object.values(err.fields)[0]?.key ?? err.key;
  }
  throw new Error('accepted');
};

/** What the services of a site's PC need here (nothing is printed or saved). */
const sitePlatform = (): Platform => ({
  shell: 'electron',
  version: '0.0.0-test',
  paths: {
    dbPath: path.join(dirs.at(-1)!, 'sede.sqlite'),
    backupDir: path.join(dirs.at(-1)!, 'backups'),
    attachmentsDir: path.join(dirs.at(-1)!, 'adjuntos'),
  },
  chooseSavePath: async () => null,
  showInFolder: async () => undefined,
  printPdf: async () => Buffer.alloc(0),
  chooseFolder: async () => null,
  secrets: memorySecrets(),
});

const gidsAt = async (db: Knex, table: string, where: Row = {}) => ((await db(table).where(where).pluck('gid')) as string[]).sort();

beforeAll(async () => {
  centre = await appWithDemo();
  seal = centre.server ? { kind: 'server', secret: 'clave-de-conexion-del-servidor' } : { kind: 'secrets', secrets: memorySecrets() };
  const links = (await centre
    .db('workshop_teachers as wt')
    .join('workshops as w', 'w.id', 'wt.workshop_id')
    .groupBy('w.establishment_id')
    .select('w.establishment_id', centre.db.raw('count(*) as n'))
    .orderBy('n', 'desc')) as Array<{ establishment_id: number }>;
  est = Number(links[0]!.establishment_id);
  other = Number(((await centre.db('participants').whereNot({ establishment_id: est }).first('establishment_id')) as Row).establishment_id);
  // An account limited to the prison travels; one limited to another prison does not.
  await centre.signInAs('inventario', { establishmentIds: [est] });
  await centre.signInAs('programas', { establishmentIds: [other] });
  await centre.signInAs('administrador');
}, 600_000);

afterAll(async () => {
  await centre?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('enrolling a prison as a site and installing it', () => {
  it('the centre records the site, starts capture and answers a package readable only with the passphrase', async () => {
    expect(await capturing(centre.db)).toBe(false);
    const auditBefore = Number(((await centre.db('audit_log').count('* as n').first()) as Row).n);
    enrolment = await enrolSite(centre.db, { establishmentId: est, actor, seal, centreName: 'Oficina central' });
    expect(enrolment.passphrase).toMatch(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
    expect(await capturing(centre.db)).toBe(true);
    expect(await installationRole(centre.db)).toBe('central');
    expect(await siteScope(centre.db)).toBeNull();
    const site = (await centre.db('sites').where({ establishment_id: est }).first()) as Row;
    expect(site.installation_id).toBe(enrolment.siteId);
    expect(site.sign_fingerprint).toBe(enrolment.siteFingerprint);
    // The centre's private keys open again with its seal.
    expect((await installationKeys(centre.db, seal)).signPrivate.length).toBeGreaterThan(20);
    const audits = (await centre.db('audit_log').where('id', '>', 0).orderBy('id', 'desc').limit(1)) as Row[];
    expect(Number(((await centre.db('audit_log').count('* as n').first()) as Row).n)).toBe(auditBefore + 1);
    expect(audits[0]!.channel).toBe('sites.enrol');
    // The header names the site and the centre; the contents need the passphrase.
    const header = readEnrolmentHeader(enrolment.file);
    expect(header.site.id).toBe(enrolment.siteId);
    const text = enrolment.file.toString('latin1');
    const someone = (await centre.db('participants').where({ establishment_id: est }).first('last_names')) as Row;
    expect(text.includes(String(someone.last_names))).toBe(false);
    // Participants carry the minimal fields only.
    const { payload } = openEnrolment(enrolment.file, enrolment.passphrase);
    expect(Object.keys(payload.snapshot.participants![0]!).sort()).toEqual(
      ['birth_year', 'code', 'establishment_id', 'first_names', 'gid', 'last_names', 'search_text', 'sex', 'sort_key', 'status'].sort(),
    );
    expect(payload.snapshot.teachers!.every((t) => !('ruc' in t) && !('email' in t) && !('address' in t))).toBe(true);
  });

  it('a new installation holds exactly that prison’s data, under the same gids and with its links', async () => {
    const db = await freshSite();
    try {
      // Typed at the site in lower case, with spaces: the same passphrase.
      const typed = enrolment.passphrase.toLowerCase().replace(/-/g, ' ');
      const installed = await installSite(db, enrolment.file, typed, memorySecrets());
      expect(installed.siteId).toBe(enrolment.siteId);
      expect(await installationRole(db)).toBe('sede');
      const local = (await db('establishments').select('id', 'gid')) as Array<{ id: number; gid: string }>;
      expect(local.map((e) => e.gid)).toEqual(await gidsAt(centre.db, 'establishments', { id: est }));
      expect(await siteScope(db)).toBe(Number(local[0]!.id));
      expect(await capturing(db)).toBe(true);
      expect(await changesSince(db)).toEqual([]);

      const centreParticipants = await gidsAt(centre.db, 'participants', { establishment_id: est, status: 'activo' });
      expect(centreParticipants.length).toBeGreaterThan(0);
      expect(await gidsAt(db, 'participants')).toEqual(centreParticipants);
      const elsewhere = (await centre.db('participants').where({ establishment_id: other }).first('gid')) as Row;
      expect(await db('participants').where({ gid: elsewhere.gid }).first()).toBeUndefined();
      expect(await gidsAt(db, 'instruments')).toEqual(await gidsAt(centre.db, 'instruments', { establishment_id: est }));
      expect(await gidsAt(db, 'workshops')).toEqual(await gidsAt(centre.db, 'workshops', { establishment_id: est }));
      // Who is enrolled in them travels too, so that a session's attendance sheet at the site lists them.
      const enrolled = (await centre
        .db('enrolments as n')
        .join('participants as p', 'p.id', 'n.participant_id')
        .join('workshops as w', 'w.id', 'n.workshop_id')
        .where({ 'w.establishment_id': est, 'p.status': 'activo' })
        .orderBy('n.gid')
        .pluck('n.gid')) as string[];
      expect(enrolled.length).toBeGreaterThan(0);
      expect(await db('enrolments').whereNotNull('workshop_id').orderBy('gid').pluck('gid')).toEqual(enrolled);
      expect(await gidsAt(db, 'ensembles')).toEqual(await gidsAt(centre.db, 'ensembles', { establishment_id: est }));
      expect(await gidsAt(db, 'instrument_types')).toEqual(await gidsAt(centre.db, 'instrument_types'));
      // Recorded at the site by whoever installed it, with nothing of the centre's bookkeeping.
      expect(await db('participants').whereNot({ created_by: INSTALLER.name }).first()).toBeUndefined();

      // A workshop's teachers are the same people, by gid, at both ends.
      const pairs = async (d: Knex, where: Row) =>
        (
          (await d('workshop_teachers as wt')
            .join('workshops as w', 'w.id', 'wt.workshop_id')
            .join('teachers as t', 't.id', 'wt.teacher_id')
            .where(where)
            .select('w.gid as w', 't.gid as t')) as Array<{ w: string; t: string }>
        )
          .map((p) => `${p.w}>${p.t}`)
          .sort();
      const atSite = await pairs(db, {});
      expect(atSite.length).toBeGreaterThan(0);
      expect(atSite).toEqual(await pairs(centre.db, { 'w.establishment_id': est }));
      // An instrument's type is the same type.
      const inst = (await centre
        .db('instruments as i')
        .join('instrument_types as t', 't.id', 'i.type_id')
        .where({ 'i.establishment_id': est })
        .first('i.gid', 't.gid as type')) as Row;
      const there = (await db('instruments as i')
        .join('instrument_types as t', 't.id', 'i.type_id')
        .where({ 'i.gid': inst.gid })
        .first('t.gid as type')) as Row;
      expect(there.type).toBe(inst.type);

      // The prison's account travels (with its password hash, to sign in offline); another prison's does not.
      expect(await db('users').pluck('username')).toEqual(['inventario']);
      const hash = (await centre.db('users').where({ username: 'inventario' }).first('password_hash')) as Row;
      expect(((await db('users').first('password_hash')) as Row).password_hash).toBe(hash.password_hash);
      // …and its user signs in at the site, offline, with the password the centre gave.
      const services = await createServices(db, sitePlatform(), { onInternalError: (channel, err) => console.error(channel, err) });
      try {
        const signedIn = await services.dispatch('auth.signIn', { username: 'inventario', password: TEST_PASSWORD });
        expect(signedIn.ok).toBe(true);
        const wrong = await services.dispatch('auth.signIn', { username: 'inventario', password: 'otra-clave-2026' });
        expect(wrong.ok).toBe(false);
      } finally {
        await services.close();
      }
    } finally {
      await db.destroy();
    }
  });

  it('a wrong passphrase, a changed byte or a database with data are refused, changing nothing', async () => {
    const db = await freshSite();
    try {
      expect(await refusal(installSite(db, enrolment.file, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF', memorySecrets()))).toBe(
        'sites.errors.wrongPassphrase',
      );
      const altered = Buffer.from(enrolment.file);
      altered[Math.floor(altered.length / 2)]! ^= 1;
      expect(await refusal(installSite(db, altered, enrolment.passphrase, memorySecrets()))).toBe('sites.errors.enrolmentAltered');
      expect(await refusal(installSite(db, Buffer.from('no es un paquete'), enrolment.passphrase, memorySecrets()))).toBe(
        'sites.errors.notAnEnrolment',
      );
      expect(await isFresh(db)).toBe(true);
      expect(await capturing(db)).toBe(false);
      // Over the centre's own data: refused, nothing changed.
      const before = await snapshot(centre.db);
      expect(await refusal(installSite(centre.db, enrolment.file, enrolment.passphrase, memorySecrets()))).toBe('sites.errors.notFresh');
      expect(await snapshot(centre.db)).toBe(before);
      // Installed once, the same file cannot be installed again over it.
      await installSite(db, enrolment.file, enrolment.passphrase, memorySecrets());
      const installed = await snapshot(db);
      expect(await refusal(installSite(db, enrolment.file, enrolment.passphrase, memorySecrets()))).toBe('sites.errors.notFresh');
      expect(await snapshot(db)).toBe(installed);
    } finally {
      await db.destroy();
    }
  });

  it('the same prison is not enrolled twice, and a site does not enrol', async () => {
    const before = await snapshot(centre.db);
    expect(await refusal(enrolSite(centre.db, { establishmentId: est, actor, seal, centreName: 'Oficina central' }))).toBe(
      'sites.errors.alreadyEnrolled',
    );
    expect(await refusal(enrolSite(centre.db, { establishmentId: 999_999, actor, seal, centreName: 'Oficina central' }))).toBe(
      'sites.errors.unknownEstablishment',
    );
    expect(await snapshot(centre.db)).toBe(before);
    // An inactive prison is not enrolled either.
    await centre.db('establishments').where({ id: other }).update({ active: false });
    expect(await refusal(enrolSite(centre.db, { establishmentId: other, actor, seal, centreName: 'Oficina central' }))).toBe(
      'sites.errors.inactiveEstablishment',
    );
    expect(await centre.db('sites').where({ establishment_id: other }).first()).toBeUndefined();
    const db = await freshSite();
    try {
      await installSite(db, enrolment.file, enrolment.passphrase, memorySecrets());
      const local = (await db('establishments').first('id')) as Row;
      expect(await refusal(enrolSite(db, { establishmentId: Number(local.id), actor, seal, centreName: 'Oficina central' }))).toBe(
        'sites.errors.notCentral',
      );
    } finally {
      await db.destroy();
    }
  });
});
