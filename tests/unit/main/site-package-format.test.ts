import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../electron/main/i18n';
import { writeFrame } from '../../../electron/main/sites/framing';
import { newInstallationKeys, type PeerKeys } from '../../../electron/main/sites/keys';
import { openPackage, readPackageHeader, sealPackage } from '../../../electron/main/sites/sealed';
import { refusal } from '../../helpers/package-refusal';

/**
 * The data package's format 2 (issue 20, docs/SITES.md decision 3): the payload gzipped and the
 * attachments' bytes carried raw beside it, all encrypted and signed as one; a package written by
 * an earlier ArteINPE (format 1, photos as base64 inside the JSON) or by a later one is refused
 * with its own Spanish message before anything is opened.
 */

const centre = { id: 'central', name: 'Oficina central', ...newInstallationKeys() };
const site = { id: 'sede-lurigancho', name: 'E.P. de Lurigancho', ...newInstallationKeys() };
const peer = (k: typeof centre): PeerKeys => ({ id: k.id, name: k.name, signPublic: k.signPublic, boxPublic: k.boxPublic });
const atCentre = (file: Buffer) => openPackage(file, centre, (id) => (id === site.id ? peer(site) : null));
const address = { from: site.id, to: centre.id, seq: 3, acks: 1, createdAt: '2026-12-05T15:00:00.000Z' };
const payload = Buffer.from(JSON.stringify({ attachments: [{ hash: 'x', content: 0, thumbnail: 1 }], note: 'Taller de violín' }));
// A photo and its thumbnail: bytes that do not compress, as a camera's JPEG.
const photo = crypto.randomBytes(150_000);
const thumbnail = crypto.randomBytes(6_000);

/** A package as ArteINPE wrote it before the segments (format 1: the whole payload gzipped in the frame). */
function formatOnePackage(): Buffer {
  const header = { format: 1, ...address, epk: 'AAAA', iv: crypto.randomBytes(12).toString('base64') };
  return writeFrame(Buffer.from('ARTEINPE-PAQUETE/1\n'), header, crypto.randomBytes(32), payload, site.signPrivate);
}

describe('a data package of format 2', () => {
  it('opens to the same payload and the same photo bytes, in their order', () => {
    const file = sealPackage(address, payload, site, peer(centre), [photo, thumbnail]);
    const opened = atCentre(file);
    expect(opened.payload.equals(payload)).toBe(true);
    expect(opened.segments).toHaveLength(2);
    expect(opened.segments[0]!.equals(photo)).toBe(true);
    expect(opened.segments[1]!.equals(thumbnail)).toBe(true);
    expect(readPackageHeader(file)).toMatchObject({ ...address, format: 2 });
    // The photo is not readable in the file.
    expect(file.includes(photo.subarray(0, 64))).toBe(false);
  });

  it('is refused as altered when a byte of a photo changed on the way', () => {
    const file = sealPackage(address, payload, site, peer(centre), [photo, thumbnail]);
    const changed = Buffer.from(file);
    const inPhoto = Math.floor(file.length / 2);
    changed[inPhoto] = changed[inPhoto]! ^ 0x01;
    expect(refusal(() => atCentre(changed))).toBe('altered');
  });

  it('opens without segments too (a package with no photos)', () => {
    const opened = atCentre(sealPackage(address, payload, site, peer(centre)));
    expect(opened.payload.equals(payload)).toBe(true);
    expect(opened.segments).toEqual([]);
  });
});

describe('a package of another format', () => {
  it('written by an earlier ArteINPE is refused before it is opened, saying to ask for a new one', () => {
    const old = formatOnePackage();
    expect(refusal(() => readPackageHeader(old))).toBe('older-format');
    expect(refusal(() => atCentre(old))).toBe('older-format');
    const t = translator('es-PE');
    expect(t('sites.package.older-format')).toMatch(/versión anterior de ArteINPE.*envíe un paquete nuevo.*No se cambió nada\.$/);
  });

  it('written by a later ArteINPE is refused, saying to update this one', () => {
    const later = Buffer.concat([Buffer.from('ARTEINPE-PAQUETE/3\n'), formatOnePackage().subarray('ARTEINPE-PAQUETE/1\n'.length)]);
    expect(refusal(() => readPackageHeader(later))).toBe('newer-format');
    expect(translator('es-PE')('sites.package.newer-format')).toMatch(/versión más reciente de ArteINPE: actualice ArteINPE en esta PC/);
  });

  it('that is no package at all is still named as such', () => {
    expect(refusal(() => readPackageHeader(Buffer.from('ARTEINPE-ALTA/1\n{}')))).toBe('not-a-package');
  });
});
