import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../shared/channels';
import { ensureUser } from '../../../electron/main/auth/seed';
import { openEnrolment } from '../../../electron/main/sites/enrolment-file';
import { INSTALLER } from '../../../electron/main/sites/install';
import { installationKeys } from '../../../electron/main/sites/installation';
import { createLurigancho, newParticipantAt, snapshot, TEST_PASSWORD, testApp, type TestApp } from '../../helpers/services';
import { newPc, type NewPc } from '../../helpers/site-pc';

/**
 * The sites' channels (issue 20, docs/SITES.md decision 1) through the app's own dispatcher: the
 * centre — SQLite, or the office's server in the PostgreSQL tier — enrols E.P. de Lurigancho and
 * saves the package where its save dialog says; a new SQLite installation, on its first run with
 * nobody signed in, installs it with the passphrase and knows itself as that prison's site.
 */

type Row = Record<string, unknown>;

let centre: TestApp;
let est: number;
let enrolled: { path: string; passphrase: string; siteId: string; centreFingerprint: string; siteFingerprint: string };

const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

beforeAll(async () => {
  centre = await testApp();
  est = await createLurigancho(centre);
  await newParticipantAt(centre, est, 'LUR-0001');
  // The prison's clerk and its own administrador travel with the package (accounts limited to it).
  await centre.signInAs('inventario', { establishmentIds: [est] });
  await ensureUser(centre.db, {
    username: 'jefa.lurigancho',
    fullName: 'Jefa de Lurigancho',
    role: 'administrador',
    password: TEST_PASSWORD,
    establishmentIds: [est],
  });
  await centre.signInAs('administrador');
}, 120_000);

afterAll(async () => {
  await centre?.close();
});

describe('the centre enrols a prison through sites.enrol', () => {
  it('a centre that has enrolled nobody is the centre, without a name or keys yet', async () => {
    expect(await centre.ok('sites.status', {})).toEqual({
      role: 'central',
      name: null,
      fingerprint: null,
      establishment: null,
      centre: null,
    });
    expect(await centre.ok('sites.list', {})).toEqual([]);
  });

  it('another role may read the status but not list or enrol, and nothing changes', async () => {
    for (const role of ['inventario', 'consulta'] as const) {
      await centre.signInAs(role, role === 'inventario' ? { establishmentIds: [est] } : {});
      const before = await snapshot(centre.db);
      expect(await centre.ok('sites.status', {})).toMatchObject({ role: 'central' });
      expect(await centre.call('sites.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await centre.call('sites.enrol', { establishmentId: est })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: 'Su usuario no tiene permiso para esta acción.' },
      });
      expect(await snapshot(centre.db)).toBe(before);
    }
    await centre.signInAs('administrador');
    expect(filesIn(centre.exportDir)).toEqual([]);
  });

  it('an unknown establishment is refused in Spanish before the dialog, and nothing changes', async () => {
    const before = await snapshot(centre.db);
    expect(await centre.call('sites.enrol', { establishmentId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'El establecimiento no existe.' },
    });
    expect(await snapshot(centre.db)).toBe(before);
    expect(filesIn(centre.exportDir)).toEqual([]);
  });

  it('on this PC’s SQLite file, without the system’s protected storage the keys cannot be kept: refused, nothing changes', async () => {
    if (centre.server) return; // on the office's server the keys are sealed under its password instead (checked below)
    const before = await snapshot(centre.db);
    const secrets = centre.platform.secrets;
    centre.platform.secrets = undefined;
    try {
      expect(await centre.call('sites.enrol', { establishmentId: est })).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringContaining('no se pueden dar de alta sedes desde aquí') },
      });
    } finally {
      centre.platform.secrets = secrets;
    }
    expect(await snapshot(centre.db)).toBe(before);
    expect(filesIn(centre.exportDir)).toEqual([]);
  });

  it('a cancelled save dialog enrols nothing', async () => {
    const before = await snapshot(centre.db);
    centre.nextSave.cancel = true;
    try {
      expect(await centre.ok('sites.enrol', { establishmentId: est })).toEqual({ status: 'cancelled' });
    } finally {
      centre.nextSave.cancel = false;
    }
    expect(await snapshot(centre.db)).toBe(before);
    expect(filesIn(centre.exportDir)).toEqual([]);
  });

  it('a file that cannot be written leaves nothing enrolled', async () => {
    const before = await snapshot(centre.db);
    // The folder the dialog chose is gone (a USB stick pulled out).
    fs.rmSync(centre.exportDir, { recursive: true });
    try {
      const r = await centre.call('sites.enrol', { establishmentId: est });
      expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('No se pudo guardar el archivo') } });
    } finally {
      fs.mkdirSync(centre.exportDir);
    }
    expect(await snapshot(centre.db)).toBe(before);
    expect(filesIn(centre.exportDir)).toEqual([]);
  });

  it('writes the package where the dialog said and answers the passphrase that opens it, once', async () => {
    const r = await centre.ok('sites.enrol', { establishmentId: est });
    if (r.status !== 'saved') throw new Error('cancelled');
    enrolled = r;
    expect(path.dirname(r.path)).toBe(centre.exportDir);
    expect(path.basename(r.path)).toMatch(/^alta-sede-E-P-de-Lurigancho-\d{4}-\d{2}-\d{2}\.arteinpe-alta$/);
    expect(r.passphrase).toMatch(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
    const { header, payload } = openEnrolment(fs.readFileSync(r.path), r.passphrase);
    expect(header.site).toEqual({ id: r.siteId, name: 'E.P. de Lurigancho' });
    expect(payload.snapshot.participants!.map((p) => p.code)).toEqual(['LUR-0001']);
    expect(r.counts).toMatchObject({ participants: 1 });
    expect(r.centreFingerprint).not.toBe(r.siteFingerprint);
    // The centre's private keys: the PC's protected storage, or on the office's server its connection password.
    const seal = (await centre.db('installation').first('key_seal')) as Row;
    expect(seal.key_seal).toBe(centre.server ? 'server' : 'secrets');
    if (centre.server)
      expect((await installationKeys(centre.db, { kind: 'server', secret: centre.server.password })).signPrivate).toBeTruthy();
    // The centre now has a name and keys; the status shows the fingerprint the site will compare.
    expect(await centre.ok('sites.status', {})).toEqual({
      role: 'central',
      name: 'Oficina central',
      fingerprint: r.centreFingerprint,
      establishment: null,
      centre: null,
    });
    // Only this session's own exports may be shown in their folder: this one may.
    expect(await centre.call('files.showInFolder', { path: r.path })).toMatchObject({ ok: true });
  });

  it('the passphrase is kept nowhere: not in the audit entry, not in any table', async () => {
    const entries = (await centre.db('audit_log').where({ channel: 'sites.enrol' })) as Row[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ user_name: 'Administrador local', entity: 'site', action: 'create' });
    const everything = await snapshot(centre.db);
    for (const form of [enrolled.passphrase, enrolled.passphrase.replace(/-/g, ''), enrolled.passphrase.toLowerCase()])
      expect(everything.includes(form)).toBe(false);
  });

  it('the list shows the site with its fingerprints and counters', async () => {
    expect(await centre.ok('sites.list', {})).toEqual([
      expect.objectContaining({
        establishmentId: est,
        establishmentName: 'E.P. de Lurigancho',
        name: 'E.P. de Lurigancho',
        installationId: enrolled.siteId,
        signFingerprint: enrolled.siteFingerprint,
        enrolledBy: 'Administrador local',
        lastSentSeq: 0,
        lastReceivedSeq: 0,
        ackedChangeId: 0,
      }),
    ]);
  });

  it('the same prison is not enrolled twice, before any dialog', async () => {
    const before = await snapshot(centre.db);
    const files = filesIn(centre.exportDir);
    expect(await centre.call('sites.enrol', { establishmentId: est })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'El establecimiento E.P. de Lurigancho ya fue dado de alta como sede. No se cambió nada.' },
    });
    expect(await snapshot(centre.db)).toBe(before);
    expect(filesIn(centre.exportDir)).toEqual(files);
  });
});

describe('the first run installs the package through sites.install', () => {
  let pc: NewPc;
  beforeAll(async () => {
    pc = await newPc();
  });
  afterAll(async () => {
    await pc?.close();
  });
  const request = (passphrase: string) => ({
    fileName: path.basename(enrolled.path),
    dataBase64: fs.readFileSync(enrolled.path).toString('base64'),
    passphrase,
  });

  it('a wrong passphrase is refused beside its field, and the new database stays new', async () => {
    const before = await snapshot(pc.db);
    const r = await pc.call('sites.install', request('AAAA-CCCC-DDDD-EEEE-FFFF-GGGG'));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { passphrase: expect.stringContaining('La clave de alta no es correcta') } },
    });
    expect(await snapshot(pc.db)).toBe(before);
  });

  it('with the passphrase as typed at the site, the new installation becomes the prison’s site', async () => {
    const installed = await pc.call('sites.install', request(enrolled.passphrase.toLowerCase().replace(/-/g, ' ')));
    expect(installed).toMatchObject({
      ok: true,
      data: {
        siteId: enrolled.siteId,
        siteName: 'E.P. de Lurigancho',
        centreName: 'Oficina central',
        centreFingerprint: enrolled.centreFingerprint,
      },
    });
    const audit = (await pc.db('audit_log').where({ channel: 'sites.install' })) as Row[];
    expect(audit.map((a) => a.user_name)).toEqual([INSTALLER.name]);
    // Nobody was signed in, and nobody is now: the prison's clerk signs in with the centre's password.
    expect(pc.services.session.auth?.user ?? null).toBeNull();
    expect(await pc.call('sites.status', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await pc.call('auth.signIn', { username: 'inventario', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    const local = (await pc.db('establishments').first('id')) as Row;
    expect(await pc.call('sites.status', {})).toEqual({
      ok: true,
      data: {
        role: 'sede',
        name: 'E.P. de Lurigancho',
        fingerprint: enrolled.siteFingerprint,
        establishment: { id: Number(local.id), name: 'E.P. de Lurigancho' },
        centre: { name: 'Oficina central', fingerprint: enrolled.centreFingerprint },
      },
    });
  });

  it('once the database has data the installation is refused in Spanish, changing nothing', async () => {
    const before = await snapshot(pc.db);
    expect(await pc.call('sites.install', request(enrolled.passphrase))).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Esta base de datos ya tiene datos') },
    });
    expect(await snapshot(pc.db)).toBe(before);
    // Nor over the centre's own data (on the office's server, no site is ever installed).
    const atCentre = await snapshot(centre.db);
    expect(await centre.call('sites.install', request(enrolled.passphrase))).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: centre.server ? expect.stringContaining('servidor de la oficina') : expect.stringContaining('ya tiene datos'),
      },
    });
    expect(await snapshot(centre.db)).toBe(atCentre);
  });

  it('a site does not enrol sites, even for its own administrador', async () => {
    expect(await pc.call('auth.signIn', { username: 'jefa.lurigancho', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    const local = (await pc.db('establishments').first('id')) as Row;
    const before = await snapshot(pc.db);
    expect(await pc.call('sites.enrol', { establishmentId: Number(local.id) })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Esta instalación es una sede: solo la oficina central da de alta sedes.' },
    });
    expect(await snapshot(pc.db)).toBe(before);
  });

  it('what only the centre decides is read-only at the site, refused before anything runs', async () => {
    const local = Number(((await pc.db('establishments').first('id')) as Row).id);
    const before = await snapshot(pc.db);
    const centreOnly = 'En una sede esto es de solo lectura: lo decide la oficina central';
    const refused: Array<[ChannelName, unknown]> = [
      [
        'users.create',
        {
          username: 'nuevo.usuario',
          fullName: 'Nuevo Usuario',
          role: 'inventario',
          establishmentIds: [local],
          password: TEST_PASSWORD,
          confirm: TEST_PASSWORD,
        },
      ],
      ['establishments.setActive', { id: local, active: false, version: 1 }],
      [
        'instruments.move',
        { instrumentIds: [1], movement: { kind: 'baja', documentNumber: 'RD-1', description: 'Rota', date: '2026-03-01' } },
      ],
      [
        'instruments.move',
        {
          instrumentIds: [1],
          movement: { kind: 'despacho', toEstablishmentId: local, documentNumber: 'G-1', person: 'Ana Ruiz', date: '2026-03-01' },
        },
      ],
    ];
    for (const [name, input] of refused)
      expect(await pc.services.dispatch(name, input), name).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining(centreOnly) },
      });
    expect(await snapshot(pc.db)).toBe(before);
    // What the prison records itself goes through: a new participant, a condition change (here of an unknown instrument).
    expect(
      await pc.call('participants.create', {
        code: 'LUR-0002',
        firstNames: 'Pedro',
        lastNames: 'Huamán Ríos',
        sex: 'masculino',
        birthYear: 1988,
        establishmentId: local,
        date: '2026-03-01',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await pc.call('instruments.move', {
        instrumentIds: [999_999],
        movement: { kind: 'cambio_estado', condition: 'regular', date: '2026-03-01' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('every account at the site works with its prison only, whatever its links say', async () => {
    const local = Number(((await pc.db('establishments').first('id')) as Row).id);
    // The administrador's links removed at the site: at the centre, an account without links sees every prison.
    const user = (await pc.db('users').where({ username: 'jefa.lurigancho' }).first('id')) as Row;
    await pc.db('user_establishments').where({ user_id: user.id }).delete();
    await pc.call('auth.signOut', {});
    expect(await pc.call('auth.signIn', { username: 'jefa.lurigancho', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect(pc.services.session.auth?.user).toMatchObject({ establishmentIds: [local], atSite: true });
    expect(await pc.call('participants.list', { establishmentId: local + 1 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await pc.call('participants.list', { establishmentId: local })).toMatchObject({ ok: true });
  });
});
