import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll } from 'vitest';
import { memorySecrets } from '../../../electron/harness/secrets';
import { createServices, type Services } from '../../../electron/main/compose';
import { startDatabase } from '../../../electron/main/db/open';
import { FolderStore } from '../../../electron/main/files/store';
import type { Platform } from '../../../electron/main/platform';
import { applyPackage } from '../../../electron/main/sites/apply';
import { attributedTo } from '../../../electron/main/sites/capture';
import { enrolSite } from '../../../electron/main/sites/enrol';
import { installSite } from '../../../electron/main/sites/install';
import type { KeySeal } from '../../../electron/main/sites/installation';
import { buildPackage } from '../../../electron/main/sites/outbox';
import { PackageError } from '../../../electron/main/sites/sealed';
import { artworkInput } from '../../helpers/internarte';
import { appWithDemoPrisons, newParticipantAt, newViolin, TEST_PASSWORD, type TestApp } from '../../helpers/services';

/**
 * The two ends of site-exchange.test.ts: the centre (a test app with the demonstration's
 * prisons) and a prison's site enrolled from it (its own SQLite database and services), made
 * once for the file, with the packages between them and the records the tests look at.
 */

export type Row = Record<string, unknown>;
const admin = { id: 'admin-local', name: 'Administrador local' };

export let centre: TestApp;
export let site: Knex;
let siteServices: Services;
let dir: string;
export let est: number;
export let other: number;
export let siteId: string;
/** As the channels seal the centre's keys: the operating system's storage on SQLite, the server's secret on PostgreSQL. */
let centreSeal: KeySeal;
const siteSecrets = memorySecrets();
export const siteSeal: KeySeal = { kind: 'secrets', secrets: siteSecrets };
export let centreStore: FolderStore;
export let siteStore: FolderStore;

export const fromSite = () => buildPackage(site, { seal: siteSeal, store: siteStore });
export const atCentre = (file: Buffer) => applyPackage(centre.db, file, { seal: centreSeal, store: centreStore });
export const toSite = () => buildPackage(centre.db, { seal: centreSeal, store: centreStore, peerId: siteId });
export const atSite = (file: Buffer) => applyPackage(site, file, { seal: siteSeal, store: siteStore });

/** Signs `username` in at the site and runs a channel there. */
export async function siteOk(username: string, name: string, input: unknown): Promise<Row> {
  await siteServices.dispatch('auth.signOut', {});
  const signed = await siteServices.dispatch('auth.signIn', { username, password: TEST_PASSWORD });
  if (!signed.ok) throw new Error(`sign-in refused: ${JSON.stringify(signed.error)}`);
  const r = await siteServices.dispatch(name, input);
  if (!r.ok) throw new Error(`${name} refused: ${JSON.stringify(r.error)}`);
  return r.data as Row;
}

export const siteUser = { id: 'programas', name: 'Usuario programas' };
export const localId = async (db: Knex, table: string, gid: unknown) => Number(((await db(table).where({ gid }).first('id')) as Row).id);
export const gidOf = async (db: Knex, table: string, id: number) => String(((await db(table).where({ id }).first('gid')) as Row).gid);

/** A session of the site's workshop with these participants' marks, written at the site by its user (as attendance.save writes them). */
export async function siteSession(date: string, participantGids: string[]): Promise<string> {
  return site.transaction((trx) =>
    attributedTo(trx, siteUser, async () => {
      const w = (await trx('workshops').first('id')) as Row;
      const stamp = {
        created_at: `${date}T15:00:00.000Z`,
        created_by: siteUser.name,
        updated_at: `${date}T15:00:00.000Z`,
        updated_by: siteUser.name,
      };
      const [s] = (await trx('workshop_sessions')
        .insert({ workshop_id: w.id, date, duration_minutes: 120, version: 1, ...stamp })
        .returning('id')) as Array<{ id: number }>;
      for (const g of participantGids)
        await trx('attendance').insert({ session_id: s!.id, participant_id: await localId(trx, 'participants', g), present: true });
      return gidOf(trx, 'workshop_sessions', s!.id);
    }),
  );
}

export const marksAt = async (db: Knex, sessionGid: string) =>
  (
    (await db('attendance as a')
      .join('workshop_sessions as s', 's.id', 'a.session_id')
      .join('participants as p', 'p.id', 'a.participant_id')
      .where({ 's.gid': sessionGid })
      .pluck('p.gid')) as string[]
  ).sort();

export const refusal = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof PackageError) return err.reason;
    throw err;
  }
  throw new Error('accepted');
};

/**
 * A work registered at the site (its custody entry 1, «En taller») and carried to the centre; then
 * the centre moves it to `centreTo` and the site puts it on show, each as its entry 2. Answers its
 * gid and its id at the centre.
 */
export async function workMovedAtBothEnds(
  title: string,
  centreTo: 'devuelta_al_autor' | 'en_transito',
): Promise<{ gid: string; here: number }> {
  const made = await siteOk('exposiciones', 'artworks.create', {
    ...artworkInput(await localId(site, 'establishments', await gidOf(centre.db, 'establishments', est)), { title }),
    receivedOn: '2026-05-01',
  });
  const gid = await gidOf(site, 'artworks', Number(made.id));
  await atCentre((await fromSite()).file);
  const here = Number(((await centre.db('artworks').where({ gid }).first('id')) as Row).id);
  await centre.ok('artworks.moveCustody', { artworkId: here, to: centreTo, date: '2026-05-10' });
  await siteOk('exposiciones', 'artworks.moveCustody', {
    artworkId: Number(made.id),
    to: 'en_sala',
    date: '2026-05-11',
    place: 'Sala del penal',
  });
  return { gid, here };
}

export let p1: { id: number }, p2: { id: number }, violin: { id: number }, spare: { id: number };

/** The centre and its site, made before the file's first test (its tests go on from each other's state) and closed after its last. */
export function siteAndCentreForTheFile(): void {
  beforeAll(async () => {
    const prisons = await appWithDemoPrisons();
    centre = prisons.app;
    centreSeal = centre.server
      ? { kind: 'server', secret: 'clave-de-conexion-del-servidor' }
      : { kind: 'secrets', secrets: memorySecrets() };
    est = prisons.est['E.P. de Lurigancho']!;
    other = prisons.est['E.P. de Mujeres de Chorrillos']!;
    centreStore = new FolderStore(centre.platform.paths.attachmentsDir!);
    p1 = await newParticipantAt(centre, est, 'LUR-0001', 'Juan', 'Pérez Quispe');
    p2 = await newParticipantAt(centre, est, 'LUR-0002', 'Mario', 'Apaza Ccori');
    await newParticipantAt(centre, other, 'CHO-0001', 'Rosa', 'Mamani Flores', { sex: 'femenino' });
    violin = await centre.ok('instruments.create', newViolin('VIO-LUR-1', est));
    spare = await centre.ok('instruments.create', newViolin('VIO-LUR-2', est));
    await centre.ok('workshops.create', {
      name: 'Violín inicial',
      programme: 'inpe_orquestando',
      discipline: 'Música',
      establishmentId: est,
      startDate: '2025-01-01',
      capacity: 30,
    });
    await centre.signInAs('inventario', { establishmentIds: [est] });
    await centre.signInAs('programas', { establishmentIds: [est] });
    await centre.signInAs('exposiciones', { establishmentIds: [est] });
    await centre.signInAs('administrador');
    const enrolment = await enrolSite(centre.db, { establishmentId: est, actor: admin, seal: centreSeal, centreName: 'Oficina central' });
    siteId = enrolment.siteId;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-sede-'));
    const started = await startDatabase({ dbPath: path.join(dir, 'sede.sqlite'), backupDir: path.join(dir, 'backups') });
    if (started.status !== 'ok') throw new Error('site database reported damaged');
    site = started.db;
    await installSite(site, enrolment.file, enrolment.passphrase, siteSecrets);
    siteStore = new FolderStore(path.join(dir, 'adjuntos'));
    const platform: Platform = {
      shell: 'electron',
      version: '0.0.0-test',
      paths: { dbPath: path.join(dir, 'sede.sqlite'), backupDir: path.join(dir, 'backups'), attachmentsDir: path.join(dir, 'adjuntos') },
      chooseSavePath: async () => null,
      showInFolder: async () => undefined,
      printPdf: async () => Buffer.alloc(0),
      chooseFolder: async () => null,
      secrets: siteSecrets,
    };
    siteServices = await createServices(site, platform, { onInternalError: (channel, err) => console.error(channel, err) });
  }, 600_000);

  afterAll(async () => {
    await siteServices?.close();
    await site?.destroy();
    await centre?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
}
