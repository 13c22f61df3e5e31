import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/main/compose';
import { signInAs } from '../../../electron/main/auth/seed';
import { storeAttachment } from '../../../electron/main/files/attachments';
import { DatabaseStore, FolderStore, type AttachmentStore } from '../../../electron/main/files/store';
import { isPostgres } from '../../../electron/main/db/dialect';
import { donatedInstrument, newViolin, testApp, validEstablishment, type TestApp } from '../../helpers/services';
import { createTestDatabase, onPostgres, serverForm } from '../../helpers/pg';
import { createServerKnex } from '../../../electron/main/db/connection';
import { cleanupsAfterEach } from '../../helpers/cleanups';

/**
 * Issue 8: attachments live where every PC can reach them, through one AttachmentStore
 * (electron/main/files/store.ts). The same tests run on the folder and on the database
 * store, on whichever database the tier runs (SQLite, or PostgreSQL with ARTEINPE_TEST_PG).
 */

const actor = { id: 'u-1', name: 'Rosa Quispe (inventario)' };
const NOW = '2026-11-26T15:00:00.000Z';
const image = { kind: 'image' as const, maxBytes: 10 * 1024 * 1024 };
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const cleanups = cleanupsAfterEach();

async function freshApp(): Promise<TestApp> {
  const app = await testApp();
  cleanups.push(() => app.close());
  return app;
}

const photo = (w = 900, h = 600) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: 180, g: 90, b: 40 } } })
    .composite([
      { input: Buffer.from(`<svg width="${w}" height="${h}"><circle cx="${w / 2}" cy="${h / 2}" r="${h / 3}" fill="#2050a0"/></svg>`) },
    ])
    .jpeg()
    .toBuffer();

/** A fresh, empty folder inside the test's own folder ("another PC's" local folder). */
const otherFolder = (app: TestApp, name: string) => {
  const dir = path.join(app.dir, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

const stores: Array<[string, (app: TestApp) => AttachmentStore]> = [
  ['folder', (app) => new FolderStore(otherFolder(app, 'carpeta'))],
  ['database', (app) => new DatabaseStore(app.db, otherFolder(app, 'cache-pc1'))],
];

describe.each(stores)('the %s attachment store', (_name, makeStore) => {
  it('keeps a photo under its SHA-256: the original byte for byte, a JPEG thumbnail, and a real file for the printer', async () => {
    const app = await freshApp();
    const store = makeStore(app);
    const bytes = await photo();
    const stored = await storeAttachment(app.db, store, { name: 'violín.jpg', bytes }, image, actor, NOW);
    expect(stored.hash).toBe(sha256(bytes));
    expect(await store.has(stored.hash, stored.mime)).toBe(true);
    expect((await store.read(stored.hash, stored.mime))!.equals(bytes)).toBe(true);
    const thumb = await sharp((await store.thumbnail(stored.hash))!).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', 320, 213]);
    const file = (await store.localPath(stored.hash, stored.mime))!;
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('the same photo stored twice is kept once; an unknown one reads as missing', async () => {
    const app = await freshApp();
    const store = makeStore(app);
    const bytes = await photo();
    const a = await storeAttachment(app.db, store, { name: 'a.jpg', bytes }, image, actor, NOW);
    const b = await storeAttachment(app.db, store, { name: 'copia de a.jpg', bytes }, image, actor, NOW);
    expect(b.hash).toBe(a.hash);
    expect(await app.db('attachments').pluck('hash')).toEqual([a.hash]);
    if (store.kind === 'database') expect(await app.db('attachment_blobs').pluck('hash')).toEqual([a.hash]);
    const unknown = 'f'.repeat(64);
    expect(await store.has(unknown, 'image/jpeg')).toBe(false);
    expect(await store.read(unknown, 'image/jpeg')).toBeNull();
    expect(await store.thumbnail(unknown)).toBeNull();
    expect(await store.localPath(unknown, 'image/jpeg')).toBeNull();
    expect(await store.read('../../arteinpe', 'image/jpeg')).toBeNull();
  });
});

describe('the database store', () => {
  it('another PC with an empty local folder reads the photo from the database, and keeps it in its folder for the printer', async () => {
    const app = await freshApp();
    const bytes = await photo();
    const pc1 = new DatabaseStore(app.db, otherFolder(app, 'pc1'));
    const stored = await app.db.transaction((trx) => storeAttachment(trx, pc1, { name: 'obra.jpg', bytes }, image, actor, NOW));

    const pc2Dir = otherFolder(app, 'pc2');
    const pc2 = new DatabaseStore(app.db, pc2Dir);
    expect((await pc2.read(stored.hash, stored.mime))!.equals(bytes)).toBe(true);
    expect(await pc2.thumbnail(stored.hash)).toEqual(await pc1.thumbnail(stored.hash));
    const file = (await pc2.localPath(stored.hash, stored.mime))!;
    expect(file.startsWith(pc2Dir)).toBe(true);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a photo whose save was undone is not kept in the database', async () => {
    const app = await freshApp();
    const pc1 = new DatabaseStore(app.db, otherFolder(app, 'pc1'));
    const bytes = await photo(640, 480);
    await expect(
      app.db.transaction(async (trx) => {
        await storeAttachment(trx, pc1, { name: 'a.jpg', bytes }, image, actor, NOW);
        throw new Error('the save failed');
      }),
    ).rejects.toThrow('the save failed');
    expect(await pc1.has(sha256(bytes), 'image/jpeg')).toBe(false);
    expect(await new DatabaseStore(app.db, otherFolder(app, 'pc2')).read(sha256(bytes), 'image/jpeg')).toBeNull();
  });
});

describe('the app picks the store by its database', () => {
  it(
    onPostgres()
      ? 'on the office server, a photo added on one PC shows on another PC with a different local folder'
      : 'on this PC, photos are files in the folder beside the database',
    async () => {
      const app = await freshApp();
      const e = await app.ok('establishments.create', validEstablishment());
      const instrument = await app.ok('instruments.create', newViolin('VIO-ADJ-01', e.id));
      const bytes = await photo();
      const added = await app.ok('instruments.addPhoto', {
        id: instrument.id,
        fileName: 'violín.jpg',
        dataBase64: bytes.toString('base64'),
      });
      expect(added[0]!.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
      expect(app.attachments.kind).toBe(isPostgres(app.db) ? 'database' : 'folder');

      if (!onPostgres()) {
        // SQLite: the original sits in the folder beside the database, named by its hash.
        const hash = sha256(bytes);
        expect(fs.readFileSync(path.join(app.platform.paths.attachmentsDir, hash.slice(0, 2), `${hash}.jpg`)).equals(bytes)).toBe(true);
        return;
      }
      // The second PC: the same server database, its own (empty) local folder.
      const pc2Dir = otherFolder(app, 'segunda-pc');
      const pc2 = await createServices(app.db, { ...app.platform, paths: { ...app.platform.paths, attachmentsDir: pc2Dir } });
      await signInAs(app.db, pc2.session, 'admin-local');
      const seen = await pc2.dispatch('instruments.photos', { id: instrument.id });
      expect(seen).toEqual({ ok: true, data: added });
      const original = await pc2.attachments.read(added[0]!.hash, 'image/jpeg');
      expect(original!.equals(bytes)).toBe(true);
    },
  );
});

if (!onPostgres())
  console.info('[attachments] the copy to the server is skipped: it needs ARTEINPE_TEST_PG (.ci/pg-server.sh start prints one)');
describe.skipIf(!onPostgres())('"Llevar mis datos al servidor" with the attachments', () => {
  it('the photos go to the server checked by their SHA-256; one missing on this PC is counted, not invented', async () => {
    const pc = await testApp({ sqlite: true });
    cleanups.push(() => pc.close());
    const e = await pc.ok('establishments.create', validEstablishment());
    const add = async (code: string, bytes: Buffer) => {
      const i = await pc.ok('instruments.create', donatedInstrument(code, { costCentimos: 0, establishmentId: e.id }));
      return {
        id: i.id,
        photos: await pc.ok('instruments.addPhoto', { id: i.id, fileName: `${code}.jpg`, dataBase64: bytes.toString('base64') }),
      };
    };
    const kept = await add('VIO-001', await photo(800, 600));
    const lostBytes = await photo(640, 640);
    await add('VIO-002', lostBytes);
    const lost = sha256(lostBytes);
    fs.rmSync(path.join(pc.platform.paths.attachmentsDir, lost.slice(0, 2), `${lost}.jpg`));

    const target = await createTestDatabase({ empty: true });
    cleanups.push(target.drop);
    const c = target.config;
    const report = await pc.ok('office.copyToServer', { ...serverForm(c), confirm: true });
    expect(report.ok, report.message).toBe(true);
    expect(report.message).toContain('También se llevó 1 archivo adjunto, comprobado por su huella SHA-256.');
    expect(report.message).toContain('Faltaba en esta PC 1 archivo adjunto');

    const server = createServerKnex(c, { poolMax: 2 });
    cleanups.push(() => server.destroy());
    expect(await server('attachment_blobs').pluck('hash')).toEqual([kept.photos[0]!.hash]);
    // Another PC on the server, with its own empty folder, sees the photo that went.
    const office = await createServices(server, {
      ...pc.platform,
      paths: { ...pc.platform.paths, attachmentsDir: otherFolder(pc, 'otra-pc') },
    });
    await signInAs(server, office.session, 'admin-local');
    expect(await office.dispatch('instruments.photos', { id: kept.id })).toEqual({ ok: true, data: kept.photos });
  }, 60_000);
});
