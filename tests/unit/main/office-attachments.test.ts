import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import os from 'node:os';
import type { Knex } from 'knex';
import { createServices } from '../../../electron/main/compose';
import { AttachmentChanged, FolderStore } from '../../../electron/main/files/store';
import { signInAs } from '../../../electron/main/auth/seed';
import { snapshot, testApp, validEstablishment, type TestApp } from '../../helpers/services';
import { onPostgres } from '../../helpers/pg';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Office mode (issue 8): "Archivos adjuntos" — one place for the whole office, the server's
 * database (default) or a shared folder the administrator names. Needs a PostgreSQL server
 * (ARTEINPE_TEST_PG); on "Este equipo" the channel is refused (channels.test.ts).
 */

const cleanups = cleanupsAfterEach();

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const photo = (r: number) =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: { r, g: 90, b: 40 } } })
    .composite([{ input: Buffer.from(`<svg width="640" height="480"><circle cx="320" cy="240" r="150" fill="#2050a0"/></svg>`) }])
    .jpeg()
    .toBuffer();

async function appWithPhoto(): Promise<{ app: TestApp; instrumentId: number; bytes: Buffer; hash: string }> {
  const app = await testApp();
  cleanups.push(() => app.close());
  const e = await app.ok('establishments.create', validEstablishment());
  const instrument = await app.ok('instruments.create', {
    code: 'GUI-ADJ-01',
    typeId: 1,
    brand: 'Yamaha',
    costCentimos: 45000,
    funding: 'presupuesto_inpe',
    condition: 'nuevo',
    altaDate: '2026-03-02',
    establishmentId: e.id,
  });
  const bytes = await photo(180);
  await app.ok('instruments.addPhoto', { id: instrument.id, fileName: 'guitarra.jpg', dataBase64: bytes.toString('base64') });
  return { app, instrumentId: instrument.id, bytes, hash: sha256(bytes) };
}

const sharedFolder = (app: TestApp, name = 'servidor-adjuntos') => {
  const dir = path.join(app.dir, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};
const fileIn = (folder: string, hash: string) => path.join(folder, hash.slice(0, 2), `${hash}.jpg`);

describe('a shared folder store checks every original against the hash it is named by (issue 12)', () => {
  it('a file changed in the folder is refused with a Spanish message naming it; a missing one stays missing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-compartida-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const bytes = await photo(120);
    const hash = sha256(bytes);
    const shared = new FolderStore(dir, { verify: true });
    await shared.put(null as unknown as Knex, { hash, mime: 'image/jpeg', content: bytes, thumbnail: null });
    expect((await shared.read(hash, 'image/jpeg'))!.equals(bytes)).toBe(true);
    expect(await shared.localPath(hash, 'image/jpeg')).toBe(fileIn(dir, hash));

    // Someone with access to the share replaces the photo.
    fs.writeFileSync(fileIn(dir, hash), await photo(10));
    const refused = await shared.read(hash, 'image/jpeg').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AttachmentChanged);
    expect((refused as Error).message).toBe(
      `El archivo adjunto «${fileIn(dir, hash)}» de la carpeta compartida fue modificado: su contenido ya no es el que se guardó. ArteINPE no lo usa. Pida a quien administra el servidor que lo restaure desde una copia de seguridad.`,
    );
    await expect(shared.localPath(hash, 'image/jpeg')).rejects.toBeInstanceOf(AttachmentChanged);
    // Missing stays missing (null), not "changed".
    fs.rmSync(fileIn(dir, hash));
    expect(await shared.read(hash, 'image/jpeg')).toBeNull();
  });
});

if (!onPostgres())
  console.info('[office attachments] skipped: the shared attachments folder needs ARTEINPE_TEST_PG (.ci/pg-server.sh start prints one)');

describe.skipIf(!onPostgres())('the office shared folder for attachments', () => {
  it('a missing folder, a file instead of a folder or a relative path is refused next to the field, and nothing changes', async () => {
    const { app } = await appWithPhoto();
    const notAFolder = path.join(app.dir, 'nota.txt');
    fs.writeFileSync(notAFolder, 'no soy una carpeta');
    for (const folder of [path.join(app.dir, 'no-existe', 'adjuntos'), notAFolder]) {
      const before = await snapshot(app.db);
      const r = await app.call('office.saveAttachmentsFolder', { folder });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'validation', fields: { folder: expect.stringContaining('no puede escribir') } },
      });
      expect(await snapshot(app.db)).toBe(before);
      expect(app.attachments.kind).toBe('database');
    }
    const r = await app.call('office.saveAttachmentsFolder', { folder: 'adjuntos' });
    expect(r).toMatchObject({ ok: false, error: { fields: { folder: expect.stringContaining('ruta completa') } } });
    expect(await app.ok('office.attachmentsFolder', {})).toEqual({
      available: true,
      place: 'database',
      folder: null,
      count: 1,
      serverHost: app.server!.host,
    });
  });

  it('setting a folder copies the photos there; another PC with its own local folder reads them from it; clearing brings them back into the database', async () => {
    const { app, instrumentId, bytes, hash } = await appWithPhoto();
    const before = await app.ok('instruments.photos', { id: instrumentId });
    // A PC that is open during the change (started while the photos lived in the database).
    const openPcDir = sharedFolder(app, 'pc-abierta');
    const openPc = await createServices(app.db, { ...app.platform, paths: { ...app.platform.paths, attachmentsDir: openPcDir } });
    await signInAs(app.db, openPc.session, 'admin-local');

    const folder = sharedFolder(app);
    expect(await app.ok('office.saveAttachmentsFolder', { folder })).toEqual({
      available: true,
      place: 'folder',
      folder,
      count: 1,
      serverHost: app.server!.host,
    });
    expect(fs.readFileSync(fileIn(folder, hash)).equals(bytes)).toBe(true);
    expect(fs.existsSync(path.join(folder, 'miniaturas', `${hash}.jpg`))).toBe(true);
    expect(app.attachments.kind).toBe('folder');
    const audit = await app.db('audit_log').where({ entity: 'attachments_place' }).first('action', 'after_json');
    expect(audit).toMatchObject({ action: 'configure' });
    expect(JSON.parse((audit as { after_json: string }).after_json)).toMatchObject({ place: 'folder', folder, filesCopied: 1 });

    // From now on the folder is the only copy the office relies on: drop the server's blob.
    await app.db('attachment_blobs').where({ hash }).delete();

    // A second PC on the same server, with a different (empty) local folder, reads the setting at start.
    const pc2Dir = sharedFolder(app, 'segunda-pc');
    const pc2 = await createServices(app.db, { ...app.platform, paths: { ...app.platform.paths, attachmentsDir: pc2Dir } });
    await signInAs(app.db, pc2.session, 'admin-local');
    expect(pc2.attachments.kind).toBe('folder');
    expect(await pc2.dispatch('instruments.photos', { id: instrumentId })).toEqual({ ok: true, data: before });
    expect((await pc2.attachments.read(hash, 'image/jpeg'))!.equals(bytes)).toBe(true);
    expect(fs.readdirSync(pc2Dir)).toEqual([]);

    // The PC that was open keeps new photos where the others look: the shared folder.
    const second = await photo(60);
    await openPc.dispatch('instruments.addPhoto', { id: instrumentId, fileName: 'guitarra-2.jpg', dataBase64: second.toString('base64') });
    expect(fs.readFileSync(fileIn(folder, sha256(second))).equals(second)).toBe(true);
    expect(
      await app
        .db('attachment_blobs')
        .where({ hash: sha256(second) })
        .first('hash'),
    ).toBeUndefined();

    // Back to the database: every file is copied into the blobs, checked by its hash.
    expect(await app.ok('office.saveAttachmentsFolder', { folder: null })).toEqual({
      available: true,
      place: 'database',
      folder: null,
      count: 2,
      serverHost: app.server!.host,
    });
    expect(app.attachments.kind).toBe('database');
    for (const b of [bytes, second]) {
      const row = (await app
        .db('attachment_blobs')
        .where({ hash: sha256(b) })
        .first('content')) as { content: Buffer };
      expect(Buffer.from(row.content).equals(b)).toBe(true);
    }
  });

  it('a folder cannot be set while a photo is missing from the current place: refused, nothing changes', async () => {
    const { app, hash } = await appWithPhoto();
    await app.db('attachment_blobs').where({ hash }).delete();
    fs.rmSync(app.platform.paths.attachmentsDir, { recursive: true, force: true });
    const folder = sharedFolder(app);
    const before = await snapshot(app.db);
    const r = await app.call('office.saveAttachmentsFolder', { folder });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Falta 1 archivo adjunto') } });
    expect(await snapshot(app.db)).toBe(before);
    expect(app.attachments.kind).toBe('database');
  });

  it('a photo changed in the shared folder is refused in Spanish, and a replaced thumbnail is never shown (issue 12)', async () => {
    const { app, instrumentId, hash } = await appWithPhoto();
    const before = await app.ok('instruments.photos', { id: instrumentId });
    const folder = sharedFolder(app);
    await app.ok('office.saveAttachmentsFolder', { folder });

    // A thumbnail replaced in the share: what is shown is made here from the checked original.
    const fake = await sharp(await photo(5))
      .resize(64)
      .jpeg()
      .toBuffer();
    fs.writeFileSync(path.join(folder, 'miniaturas', `${hash}.jpg`), fake);
    const pc2 = await createServices(app.db, {
      ...app.platform,
      paths: { ...app.platform.paths, attachmentsDir: sharedFolder(app, 'segunda-pc') },
    });
    await signInAs(app.db, pc2.session, 'admin-local');
    const shown = await pc2.dispatch('instruments.photos', { id: instrumentId });
    expect(shown).toEqual({ ok: true, data: before });
    expect(JSON.stringify(shown)).not.toContain(fake.toString('base64'));

    // The original replaced in the share: refused, naming the file, on every PC.
    fs.writeFileSync(fileIn(folder, hash), await photo(30));
    const pc3 = await createServices(app.db, {
      ...app.platform,
      paths: { ...app.platform.paths, attachmentsDir: sharedFolder(app, 'tercera-pc') },
    });
    await signInAs(app.db, pc3.session, 'admin-local');
    const r = await pc3.dispatch('instruments.photos', { id: instrumentId });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining(`«${fileIn(folder, hash)}» de la carpeta compartida fue modificado`) },
    });
    await expect(pc3.attachments.read(hash, 'image/jpeg')).rejects.toBeInstanceOf(AttachmentChanged);
  });
});
