import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { centreWithSite } from '../../helpers/centre-and-site';
import { newParticipantAt, type TestApp } from '../../helpers/services';
import type { NewPc } from '../../helpers/site-pc';

/**
 * Carrying data packages through the channels (issue 20 item 3): «Enviar a la oficina central» at
 * E.P. de Lurigancho's site writes a package where its save dialog says (a USB stick); the centre
 * — SQLite, or the office's server in the PostgreSQL tier — reads it from its open dialog, and
 * the other way round. What a package carries and how it merges is tested in site-exchange.test.ts;
 * here, what the clerks see: the reports, the refusals in Spanish, who may carry packages.
 */

type Row = Record<string, unknown>;

let centre: TestApp;
let lur: number;
let cho: number;
let pc: NewPc;
let siteRow: number;

/** A participant of the prison, as its clerk types it at the site. */
const newcomer = (code: string, establishmentId: number): ChannelInput<'participants.create'> => ({
  code,
  firstNames: 'Pedro',
  lastNames: 'Huamán Ríos',
  sex: 'masculino',
  birthYear: 1988,
  establishmentId,
  date: '2026-03-01',
});

const atSite = async () => Number(((await pc.db('establishments').first('id')) as Row).id);

/** Sends from the site and answers the saved file; the centre's open dialog will answer it. */
async function sendFromSite(): Promise<{ seq: number; path: string }> {
  const sent = await pc.ok('sites.writePackage', {});
  if (sent.status !== 'saved') throw new Error('not sent: the dialog was cancelled');
  return sent;
}

const gidAt = async (app: { db: TestApp['db'] }, code: string) =>
  ((await app.db('participants').where({ code }).first('gid')) as Row | undefined)?.gid ?? null;

beforeAll(async () => {
  ({ centre, lur, cho, siteRow, pc } = await centreWithSite({
    prepare: (app, at) => newParticipantAt(app, at, 'LUR-0001'),
    accounts: ['consulta'],
  }));
}, 180_000);

afterAll(async () => {
  await pc?.close();
  await centre?.close();
});

describe('from the site to the centre', () => {
  it('a participant registered at the site reaches the centre, and the report says what was read', async () => {
    expect(await pc.call('participants.create', newcomer('LUR-0002', await atSite()))).toMatchObject({ ok: true });
    const sent = await sendFromSite();
    expect(sent).toMatchObject({ seq: 1, to: 'Oficina central' });
    expect(path.dirname(sent.path)).toBe(pc.exportDir);
    centre.nextOpen.path = sent.path;
    const read = await centre.ok('sites.readPackage', {});
    expect(read).toMatchObject({ status: 'read', fromName: 'E.P. de Lurigancho', seq: 1, alreadyRead: false, missing: [], refused: [] });
    expect(read.status === 'read' && read.applied).toBeGreaterThan(0);
    expect(await gidAt(centre, 'LUR-0002')).toBe(await gidAt(pc, 'LUR-0002'));
    const audit = (await centre.db('audit_log').where({ channel: 'sites.readPackage', entity: 'sitePackage' })) as Row[];
    // The package as the site sent it (under the site's name), and who read it here.
    expect(audit.map((a) => a.user_name).sort()).toEqual(['Administrador local', 'E.P. de Lurigancho']);
  });

  it('the same package read again changes nothing and says so', async () => {
    const participants = await centre.db('participants').count({ n: '*' });
    expect(await centre.ok('sites.readPackage', {})).toMatchObject({ status: 'read', seq: 1, alreadyRead: true, applied: 0 });
    expect(await centre.db('participants').count({ n: '*' })).toEqual(participants);
  });

  it('a lost package is named, and the next one still brings what it had', async () => {
    await pc.call('participants.create', newcomer('LUR-0003', await atSite()));
    const lost = await sendFromSite();
    fs.rmSync(lost.path);
    await pc.call('participants.create', newcomer('LUR-0004', await atSite()));
    const next = await sendFromSite();
    expect(next.seq).toBe(3);
    centre.nextOpen.path = next.path;
    const read = await centre.ok('sites.readPackage', {});
    expect(read).toMatchObject({ status: 'read', seq: 3, missing: [expect.stringContaining('Falta el paquete 2 de E.P. de Lurigancho')] });
    for (const code of ['LUR-0003', 'LUR-0004']) expect(await gidAt(centre, code)).toBe(await gidAt(pc, code));
  });

  it('a package for another installation or altered is refused in Spanish, changing nothing', async () => {
    await pc.call('participants.create', newcomer('LUR-0005', await atSite()));
    const sent = await sendFromSite();
    const altered = Buffer.from(fs.readFileSync(sent.path));
    altered[altered.length - 100]! ^= 0x01;
    const alteredPath = path.join(pc.exportDir, 'alterado.arteinpe-paquete');
    fs.writeFileSync(alteredPath, altered);
    centre.nextOpen.path = alteredPath;
    expect(await centre.call('sites.readPackage', {})).toMatchObject({
      ok: false,
      error: { message: 'El paquete está dañado o fue modificado después de enviarse. No se cambió nada.' },
    });
    expect(await gidAt(centre, 'LUR-0005')).toBeNull();
    // The site's own package read at the site: it is for the centre.
    pc.nextOpen.path = sent.path;
    expect(await pc.call('sites.readPackage', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Este paquete es para otra instalación') },
    });
  });
});

describe('what the centre accepts from a site', () => {
  it('a site database changed by hand (an account made administrador, the prison renamed) is refused at the centre with the reason', async () => {
    // Past the app, straight into the site's file: the triggers still log it, and the package carries it.
    await pc.db('users').where({ username: 'programas' }).update({ role: 'administrador' });
    await pc.db('establishments').update({ name: 'E.P. cambiada a mano' });
    const sent = await sendFromSite();
    centre.nextOpen.path = sent.path;
    const read = await centre.ok('sites.readPackage', {});
    expect(read.status === 'read' && read.refused).toEqual(
      expect.arrayContaining([
        { what: 'Usuario', reason: 'Esto lo decide la oficina central, no la sede: no se registró.' },
        { what: 'Establecimiento', reason: 'Esto lo decide la oficina central, no la sede: no se registró.' },
      ]),
    );
    expect(((await centre.db('users').where({ username: 'programas' }).first('role')) as Row).role).toBe('programas');
    expect(((await centre.db('establishments').where({ id: lur }).first('name')) as Row).name).toBe('E.P. de Lurigancho');
  });
});

describe('from the centre to the site', () => {
  it('the return package carries the centre’s changes for that prison only', async () => {
    await newParticipantAt(centre, lur, 'LUR-0100', 'Rosa', 'Quispe Mamani', { sex: 'femenino' });
    await newParticipantAt(centre, cho, 'CHO-0100');
    const sent = await centre.ok('sites.writePackage', { siteId: siteRow });
    expect(sent).toMatchObject({ status: 'saved', seq: 1, to: 'E.P. de Lurigancho' });
    pc.nextOpen.path = sent.status === 'saved' ? sent.path : null;
    expect(await pc.ok('sites.readPackage', {})).toMatchObject({ status: 'read', fromName: 'Oficina central', seq: 1, missing: [] });
    expect(await gidAt(pc, 'LUR-0100')).toBe(await gidAt(centre, 'LUR-0100'));
    expect(await gidAt(pc, 'CHO-0100')).toBeNull();
  });

  it('a cancelled dialog sends and reads nothing', async () => {
    const before = ((await centre.db('sites').where({ id: siteRow }).first('last_sent_seq')) as Row).last_sent_seq;
    centre.nextSave.cancel = true;
    try {
      expect(await centre.ok('sites.writePackage', { siteId: siteRow })).toEqual({ status: 'cancelled' });
    } finally {
      centre.nextSave.cancel = false;
    }
    centre.nextOpen.path = null;
    expect(await centre.ok('sites.readPackage', {})).toEqual({ status: 'cancelled' });
    expect(((await centre.db('sites').where({ id: siteRow }).first('last_sent_seq')) as Row).last_sent_seq).toBe(before);
  });

  it('the receiver is named where it must be, and the read-only role carries nothing', async () => {
    expect(await centre.call('sites.writePackage', {})).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { siteId: 'Elija la sede a la que se envía el paquete.' } },
    });
    expect(await pc.call('sites.writePackage', { siteId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { siteId: expect.stringContaining('envía sus paquetes solo a su oficina central') } },
    });
    await centre.signInAs('consulta', { establishmentIds: [lur] });
    try {
      expect(await centre.call('sites.writePackage', { siteId: siteRow })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      await centre.signInAs('administrador');
    }
  });
});
