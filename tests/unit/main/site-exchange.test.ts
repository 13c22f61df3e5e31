import crypto from 'node:crypto';
import type { Knex } from 'knex';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { storeAttachment } from '../../../electron/main/files/attachments';
import { translator } from '../../../electron/main/i18n';
import { reportLines, type ApplyReport } from '../../../electron/main/sites/apply';
import { attributedTo } from '../../../electron/main/sites/capture';
import { installationKeys, readInstallation } from '../../../electron/main/sites/installation';
import { newInstallationKeys } from '../../../electron/main/sites/keys';
import { type PackagePayload } from '../../../electron/main/sites/outbox';
import { openPackage, readPackageHeader, sealPackage } from '../../../electron/main/sites/sealed';
import { handOver, newParticipantAt, snapshot } from '../../helpers/services';
import {
  atCentre,
  atSite,
  centre,
  centreStore,
  est,
  fromSite,
  gidOf,
  localId,
  marksAt,
  other,
  p1,
  p2,
  refusal,
  type Row,
  site,
  siteAndCentreForTheFile,
  siteId,
  siteOk,
  siteSeal,
  siteSession,
  siteStore,
  siteUser,
  spare,
  toSite,
  violin,
  workMovedAtBothEnds,
} from './site-exchange-setup';

/**
 * Issue 20, item 3 and item 5 (docs/SITES.md decisions 6–8): a prison's site and the centre
 * exchange data packages. What the site records reaches the centre under the same gids and
 * attributed to the site's user; a package read twice changes nothing; a lost package is named and
 * the next one brings what it had; a register changed on both sides becomes a conflict with both
 * versions; an instrument written off at the centre is not handed out from a site's package; a
 * package altered, for another installation or from an unknown one is refused; the centre's return
 * package carries the changes of that prison only.
 */

siteAndCentreForTheFile();

describe('packages between a site and the centre', () => {
  let first: Buffer;
  let sessionGid: string;

  it('what the site records reaches the centre under the same gids, attributed to the site’s user', async () => {
    const [g1, g2] = [await gidOf(centre.db, 'participants', Number(p1.id)), await gidOf(centre.db, 'participants', Number(p2.id))];
    sessionGid = await siteSession('2026-03-02', [g1, g2]);
    const violinGid = await gidOf(centre.db, 'instruments', Number(violin.id));
    await siteOk('inventario', 'instruments.move', {
      instrumentIds: [await localId(site, 'instruments', violinGid)],
      movement: handOver('participante', await localId(site, 'participants', g1), '2026-03-02'),
    });
    const built = await fromSite();
    expect(built.seq).toBe(1);
    expect(readPackageHeader(built.file)).toMatchObject({ from: siteId, seq: 1, acks: 0 });
    // Nobody's name is readable in the file.
    expect(built.file.toString('latin1').includes('Usuario programas')).toBe(false);
    first = built.file;

    const report = await atCentre(first);
    expect(report.alreadyRead).toBe(false);
    expect(report.missing).toEqual([]);
    expect(report.conflicts).toEqual([]);
    expect(await marksAt(centre.db, sessionGid)).toEqual([g1, g2].sort());
    const movement = (await site('instrument_movements').orderBy('id', 'desc').first('gid', 'kind')) as Row;
    expect(movement.kind).toBe('entrega');
    const there = (await centre.db('instrument_movements').where({ gid: movement.gid }).first()) as Row;
    expect(there.instrument_id).toBe(violin.id);
    const held = (await centre.db('instruments').where({ id: violin.id }).first()) as Row;
    expect(held.status).toBe('asignado');
    expect(held.custodian_type).toBe('participante');
    expect(held.custodian_id).toBe(p1.id);
    // The audit log names the site's users and the site.
    const audit = (await centre
      .db('audit_log')
      .where({ channel: 'sites.readPackage', entity: 'instrument_movements', entity_id: movement.gid })
      .first()) as Row;
    expect(audit.user_name).toBe('Usuario inventario');
    expect(JSON.parse(String(audit.after_json)).site).toBe('E.P. de Lurigancho');
    const mark = (await centre.db('audit_log').where({ channel: 'sites.readPackage', entity: 'attendance' }).first()) as Row;
    expect(mark.user_name).toBe('Usuario programas');
  });

  it('a package read twice changes nothing the second time', async () => {
    const before = await snapshot(centre.db);
    const again = await atCentre(first);
    expect(again.alreadyRead).toBe(true);
    expect(await snapshot(centre.db)).toBe(before);
  });

  it('a lost package is named, and the next one brings what it had', async () => {
    const lostSession = await siteSession('2026-03-09', [await gidOf(centre.db, 'participants', Number(p1.id))]);
    const lost = await fromSite();
    const laterSession = await siteSession('2026-03-16', [await gidOf(centre.db, 'participants', Number(p2.id))]);
    const next = await fromSite();
    expect([lost.seq, next.seq]).toEqual([2, 3]);
    const report: ApplyReport = await atCentre(next.file);
    expect(report.missing).toEqual([2]);
    const t = translator('es-PE');
    expect(reportLines(report, t)).toEqual([expect.stringMatching(/^Falta el paquete 2 de E\.P\. de Lurigancho\./)]);
    expect((await marksAt(centre.db, lostSession)).length).toBe(1);
    expect((await marksAt(centre.db, laterSession)).length).toBe(1);
    // The lost one, found later, is already read.
    expect((await atCentre(lost.file)).alreadyRead).toBe(true);
  });

  it('a photo taken at the site travels with its bytes, once', async () => {
    const bytes = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#a33' } })
      .png()
      .toBuffer();
    const violinGid = await gidOf(centre.db, 'instruments', Number(violin.id));
    const photoGid = await site.transaction((trx) =>
      attributedTo(trx, siteUser, async () => {
        const stored = await storeAttachment(
          trx,
          siteStore,
          { name: 'violin.png', bytes },
          { kind: 'image', maxBytes: 1_000_000 },
          siteUser,
          '2026-03-20T10:00:00.000Z',
        );
        // The same picture on two instruments: its bytes travel once.
        for (const [gid, primary] of [
          [violinGid, true],
          [await gidOf(centre.db, 'instruments', Number(spare.id)), false],
        ] as const)
          await trx('instrument_photos').insert({
            instrument_id: await localId(trx, 'instruments', gid),
            attachment_hash: stored.hash,
            is_primary: primary,
            added_at: '2026-03-20T10:00:00.000Z',
            added_by: siteUser.name,
          });
        return String(((await trx('instrument_photos').where({ is_primary: true }).first('gid')) as Row).gid);
      }),
    );
    const built = await fromSite();
    expect(built.attachments).toBe(1);
    const report = await atCentre(built.file);
    expect(report.applied.attachments).toBe(1);
    expect(report.applied.instrument_photos).toBe(2);
    const there = (await centre.db('instrument_photos').where({ gid: photoGid }).first()) as Row;
    expect(there.instrument_id).toBe(violin.id);
    expect(await centreStore.read(String(there.attachment_hash), 'image/png')).toEqual(bytes);
  });

  it('a participant renamed at both ends is a conflict with both versions; the centre keeps its own', async () => {
    const now = await centre.ok('participants.get', { id: p2.id });
    const base = { code: now.code, sex: now.sex, birthYear: now.birthYear, lastNames: now.lastNames ?? '' };
    await centre.ok('participants.update', { ...base, id: p2.id, version: now.version, firstNames: 'Mario Alberto' });
    const gid = await gidOf(centre.db, 'participants', Number(p2.id));
    const local = (await site('participants').where({ gid }).first()) as Row;
    await siteOk('programas', 'participants.update', {
      ...base,
      id: Number(local.id),
      version: Number(local.version),
      firstNames: 'Mario Andrés',
    });
    const report = await atCentre((await fromSite()).file);
    expect(report.conflicts).toEqual([{ table: 'participants', key: gid }]);
    expect(((await centre.db('participants').where({ id: p2.id }).first('first_names')) as Row).first_names).toBe('Mario Alberto');
    const conflict = (await centre.db('site_conflicts').where({ row_key: gid }).first()) as Row;
    expect(JSON.parse(String(conflict.local_json)).first_names).toBe('Mario Alberto');
    expect(JSON.parse(String(conflict.incoming_json)).first_names).toBe('Mario Andrés');
    expect(conflict.resolved_at).toBeNull();
  });

  it('an instrument written off at the centre is not handed out by a site’s package: refused, and reported back', async () => {
    const spareGid = await gidOf(centre.db, 'instruments', Number(spare.id));
    await centre.ok('instruments.move', {
      instrumentIds: [spare.id],
      movement: { kind: 'baja', documentNumber: 'RD-45-2026', description: 'Rajadura en la tapa', date: '2026-04-01' },
    });
    const p1Gid = await gidOf(centre.db, 'participants', Number(p1.id));
    await siteOk('inventario', 'instruments.move', {
      instrumentIds: [await localId(site, 'instruments', spareGid)],
      movement: handOver('participante', await localId(site, 'participants', p1Gid), '2026-04-02'),
    });
    const movements = await centre.db('instrument_movements').where({ instrument_id: spare.id }).count('* as n').first();
    const report = await atCentre((await fromSite()).file);
    expect(report.refused.map((r) => [r.table, r.reason]).sort()).toEqual([
      ['instrument_movements', 'instrument:de_baja'],
      ['instruments', 'instrument:de_baja'],
    ]);
    expect(((await centre.db('instruments').where({ id: spare.id }).first('status')) as Row).status).toBe('de_baja');
    expect(await centre.db('instrument_movements').where({ instrument_id: spare.id }).count('* as n').first()).toEqual(movements);
    // The return package carries the refusal to the site.
    const back = await atSite((await toSite()).file);
    expect(back.returnedRefusals.map((r) => r.reason)).toEqual(['instrument:de_baja', 'instrument:de_baja']);
    expect(reportLines(back, translator('es-PE'))[0]).toBe(
      'El instrumento está «De baja» en la oficina central: su movimiento no se registró.',
    );
    // …with the centre's version of the instrument (written off), and the site's hand-out still in its ledger.
    expect(((await site('instruments').where({ gid: spareGid }).first('status')) as Row).status).toBe('de_baja');
    const kinds = await site('instrument_movements as m')
      .join('instruments as i', 'i.id', 'm.instrument_id')
      .where({ 'i.gid': spareGid })
      .orderBy('m.seq')
      .pluck('m.kind');
    expect(kinds).toEqual(['entrega', 'baja']);
    // A participant in an open conflict waits for the clerk's choice: the site keeps its own version meanwhile.
    expect(
      (
        (await site('participants')
          .where({ gid: await gidOf(centre.db, 'participants', Number(p2.id)) })
          .first('first_names')) as Row
      ).first_names,
    ).toBe('Mario Andrés');
    expect(back.conflicts).toEqual([]);
  });

  it('a participant released at the centre is not withdrawn by a site’s package: refused, reported back, and the site gets the release', async () => {
    const made = await siteOk('programas', 'participants.create', {
      code: 'LUR-0031',
      firstNames: 'Néstor',
      lastNames: 'Huamán Rojas',
      sex: 'masculino',
      birthYear: 1988,
      establishmentId: await localId(site, 'establishments', await gidOf(centre.db, 'establishments', est)),
      date: '2026-05-01',
    });
    const gid = await gidOf(site, 'participants', Number(made.id));
    await atCentre((await fromSite()).file);
    const here = (await centre.db('participants').where({ gid }).first('id', 'version')) as Row;
    await centre.ok('participants.custodyChange', {
      participantId: Number(here.id),
      version: Number(here.version),
      kind: 'egreso',
      date: '2026-05-10',
      toEstablishmentId: null,
    });
    const there = (await site('participants').where({ gid }).first('id', 'version')) as Row;
    await siteOk('programas', 'participants.custodyChange', {
      participantId: Number(there.id),
      version: Number(there.version),
      kind: 'retiro',
      date: '2026-05-12',
      toEstablishmentId: null,
    });
    const report = await atCentre((await fromSite()).file);
    expect(report.refused.map((r) => [r.table, r.reason]).sort()).toEqual([
      ['participant_movements', 'participant:egresado'],
      ['participants', 'participant:egresado'],
    ]);
    const kindsAt = (db: Knex) =>
      db('participant_movements as m')
        .join('participants as p', 'p.id', 'm.participant_id')
        .where({ 'p.gid': gid })
        .orderBy('m.id')
        .pluck('m.kind');
    expect(await kindsAt(centre.db)).toEqual(['alta', 'egreso']);
    expect(((await centre.db('participants').where({ gid }).first('status')) as Row).status).toBe('egresado');
    const back = await atSite((await toSite()).file);
    expect(reportLines(back, translator('es-PE'))).toContain(
      'El participante está «Egresado» en la oficina central: su cambio de situación no se registró.',
    );
    expect(((await site('participants').where({ gid }).first('status')) as Row).status).toBe('egresado');
  });

  it('a work returned to its artist at the centre is not put on show by a site’s package: refused with the reason, and the package still reads', async () => {
    const { gid, here } = await workMovedAtBothEnds('Vasija ceremonial', 'devuelta_al_autor');
    // Both ends numbered their entry 2: before the state machine, the centre could not read this package (nor any later one).
    const report = await atCentre((await fromSite()).file);
    expect(report.refused.map((r) => [r.table, r.reason]).sort()).toEqual([
      ['artwork_custody', 'artwork:devuelta_al_autor'],
      ['artworks', 'artwork:devuelta_al_autor'],
    ]);
    expect(await centre.db('artwork_custody').where({ artwork_id: here }).orderBy('seq').pluck('status')).toEqual([
      'en_taller',
      'devuelta_al_autor',
    ]);
    expect(reportLines(report, translator('es-PE'))).toContain(
      'La obra está «Devuelta al autor» en la oficina central: su cambio de ubicación no se registró.',
    );
    // Carried again before the site heard of it: refused again, and listed once.
    expect((await atCentre((await fromSite()).file)).refused.map((r) => r.key)).toContain(gid);
    expect(await centre.db('site_refusals').where({ row_key: gid }).pluck('id')).toHaveLength(1);
  });

  it('a work moved at both ends in an order its custody allows gets the site’s entry after the centre’s', async () => {
    // The site hears of the refusals above first (the return package): its next package no longer carries them.
    await atSite((await toSite()).file);
    const { here } = await workMovedAtBothEnds('Retablo de la cosecha', 'en_transito');
    const report = await atCentre((await fromSite()).file);
    expect(report.refused).toEqual([]);
    expect(await centre.db('artwork_custody').where({ artwork_id: here }).orderBy('seq').pluck('status')).toEqual([
      'en_taller',
      'en_transito',
      'en_sala',
    ]);
  });

  it('the centre’s return package carries that prison’s changes only', async () => {
    const newcomer = await newParticipantAt(centre, est, 'LUR-0003', 'Pedro', 'Condori Huamán');
    const elsewhere = await newParticipantAt(centre, other, 'CHO-0002', 'Ana', 'Quispe Rojas', { sex: 'femenino' });
    const { file } = await toSite();
    // What travels: the newcomer and nothing of the other prison's.
    const keys = await installationKeys(site, siteSeal);
    const centreKeys = (await readInstallation(site))!.centre!;
    const opened = openPackage(file, { id: siteId, boxPrivate: keys.boxPrivate }, () => centreKeys);
    const travelled = (JSON.parse(opened.payload.toString('utf8')) as PackagePayload).entries.map((e) => e.key);
    expect(travelled).toContain(await gidOf(centre.db, 'participants', Number(newcomer.id)));
    expect(travelled).not.toContain(await gidOf(centre.db, 'participants', Number(elsewhere.id)));
    const report = await atSite(file);
    expect(report.alreadyRead).toBe(false);
    expect(report.refused).toEqual([]);
    expect(
      await site('participants')
        .where({ gid: await gidOf(centre.db, 'participants', Number(newcomer.id)) })
        .first('id'),
    ).toBeDefined();
    expect(
      await site('participants')
        .where({ gid: await gidOf(centre.db, 'participants', Number(elsewhere.id)) })
        .first('id'),
    ).toBeUndefined();
    expect(await site('participants').where({ code: 'CHO-0001' }).first('id')).toBeUndefined();
  });

  it('a package altered, for another installation or from an unknown one is refused and changes nothing', async () => {
    await siteSession('2026-04-06', [await gidOf(centre.db, 'participants', Number(p1.id))]);
    const good = (await fromSite()).file;
    const before = await snapshot(centre.db);
    const altered = Buffer.from(good);
    altered[altered.length - 100]! ^= 1;
    expect(await refusal(atCentre(altered))).toBe('altered');
    // The site's package is for the centre, not for the site.
    expect(await refusal(atSite(good))).toBe('other-receiver');
    const stranger = newInstallationKeys();
    const header = readPackageHeader(good);
    const forged = sealPackage({ ...header, from: crypto.randomUUID() }, Buffer.from('{}'), stranger, {
      boxPublic: ((await centre.db('installation').first('box_public')) as Row).box_public as string,
    });
    expect(await refusal(atCentre(forged))).toBe('unknown-sender');
    expect(await snapshot(centre.db)).toBe(before);
    // The good one still applies afterwards.
    expect((await atCentre(good)).alreadyRead).toBe(false);
  });
});
