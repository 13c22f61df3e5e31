import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  attachmentFilePath,
  imageDataUrl,
  printableImageDataUrl,
  storeAttachment,
  thumbnailDataUrl,
  thumbnailFilePath,
} from '../../../electron/main/files/attachments';
import { translator } from '../../../electron/main/i18n';
import { AppError } from '../../../electron/main/ipc/errors';
import { testApp, type TestApp } from '../../helpers/services';

const actor = { id: 'u-1', name: 'Rosa Quispe (inventario)' };
const NOW = '2026-11-26T15:00:00.000Z';
const MB = 1024 * 1024;
const image = { kind: 'image' as const, maxBytes: 10 * MB };
const document = { kind: 'document' as const, maxBytes: 10 * MB };

let app: TestApp;
let dir: string;
beforeEach(async () => {
  app = await testApp();
  dir = path.join(app.dir, 'adjuntos');
});
afterEach(() => app.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A photo-like picture: a gradient, so the encoders have real content to work with. */
function picture(width: number, height: number) {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = 128;
    }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

/** Every file under the attachments folder (none when it was never created). */
function filesOnDisk(): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** What the user reads when a store is refused. */
async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const e = err as AppError;
  expect(e.code).toBe('validation');
  return translator('es-PE')(e.key, e.params);
}

describe('managed attachments', () => {
  it('a photo is stored under the SHA-256 of its bytes, untouched, with its size and who added it', async () => {
    const png = await picture(800, 600).png().toBuffer();
    const stored = await storeAttachment(app.db, dir, { name: 'violín-EP-Ancón.png', bytes: png }, image, actor, NOW);

    expect(stored).toEqual({
      hash: sha256(png),
      mime: 'image/png',
      width: 800,
      height: 600,
      sizeBytes: png.length,
      originalName: 'violín-EP-Ancón.png',
    });
    const file = path.join(dir, stored.hash.slice(0, 2), `${stored.hash}.png`);
    expect(attachmentFilePath(dir, stored.hash, stored.mime)).toBe(file);
    expect(fs.readFileSync(file).equals(png)).toBe(true);
    expect(await app.db('attachments').select('*')).toEqual([
      {
        hash: stored.hash,
        original_name: 'violín-EP-Ancón.png',
        mime: 'image/png',
        size_bytes: png.length,
        width: 800,
        height: 600,
        created_at: NOW,
        created_by: actor.name,
      },
    ]);
  });

  it('the same photo added twice is one file and one row', async () => {
    const jpeg = await picture(640, 480).jpeg({ quality: 85 }).toBuffer();
    const first = await storeAttachment(app.db, dir, { name: 'foto.jpg', bytes: jpeg }, image, actor, NOW);
    const files = filesOnDisk();
    const again = await storeAttachment(app.db, dir, { name: 'copia de foto.jpg', bytes: jpeg }, image, actor, '2026-11-27T09:00:00.000Z');

    expect(again.hash).toBe(first.hash);
    expect(again.originalName).toBe('foto.jpg');
    expect(await app.db('attachments').count({ n: '*' })).toEqual([{ n: 1 }]);
    expect(filesOnDisk()).toEqual(files);
    expect(files).toEqual([`${first.hash.slice(0, 2)}/${first.hash}.jpg`, `miniaturas/${first.hash}.jpg`]);
  });

  it('a thumbnail for the screens fits in 320 px, keeps the proportions and is a JPEG data: URL', async () => {
    const png = await picture(1200, 900).png().toBuffer();
    const { hash } = await storeAttachment(app.db, dir, { name: 'obra.png', bytes: png }, image, actor, NOW);

    const meta = await sharp(thumbnailFilePath(dir, hash)).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([320, 240]);

    const url = (await thumbnailDataUrl(dir, hash))!;
    expect(url.startsWith('data:image/jpeg;base64,')).toBe(true);
    const decoded = await sharp(Buffer.from(url.slice('data:image/jpeg;base64,'.length), 'base64')).metadata();
    expect([decoded.width, decoded.height]).toEqual([320, 240]);
  });

  it('a small picture is not blown up in its thumbnail', async () => {
    const webp = await picture(120, 90).webp().toBuffer();
    const { hash, mime } = await storeAttachment(app.db, dir, { name: 'sello.webp', bytes: webp }, image, actor, NOW);
    expect(mime).toBe('image/webp');
    const meta = await sharp(thumbnailFilePath(dir, hash)).metadata();
    expect([meta.width, meta.height]).toEqual([120, 90]);
  });

  it('a phone photo taken upright is recorded and thumbnailed upright; the original keeps its bytes', async () => {
    // Stored sideways with the EXIF "rotate 90°" flag, as phones do.
    const jpeg = await picture(600, 400).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const stored = await storeAttachment(app.db, dir, { name: 'IMG_2041.jpg', bytes: jpeg }, image, actor, NOW);
    expect([stored.width, stored.height]).toEqual([400, 600]);
    const thumb = await sharp(thumbnailFilePath(dir, stored.hash)).metadata();
    expect([thumb.width, thumb.height]).toEqual([213, 320]);
    expect(fs.readFileSync(attachmentFilePath(dir, stored.hash, stored.mime)).equals(jpeg)).toBe(true);
  });

  it('a text file renamed .jpg is refused in Spanish, and nothing is written', async () => {
    const fake = Buffer.from('Inventario del E.P. Ancón: 12 violines, 3 cajones.\n', 'utf8');
    const msg = await refusal(storeAttachment(app.db, dir, { name: 'C:\\Users\\rosa\\notas.jpg', bytes: fake }, image, actor, NOW));
    expect(msg).toBe('«notas.jpg» no es una imagen (JPEG, PNG, WebP, TIFF o GIF).');
    expect(await app.db('attachments').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(filesOnDisk()).toEqual([]);
  });

  it('an image in a format the app does not keep (SVG) or a PDF is not accepted as a photo', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    expect(await refusal(storeAttachment(app.db, dir, { name: 'logo.svg', bytes: svg }, image, actor, NOW))).toBe(
      '«logo.svg» no es una imagen (JPEG, PNG, WebP, TIFF o GIF).',
    );
    expect(await refusal(storeAttachment(app.db, dir, { name: 'acta.pdf', bytes: MINIMAL_PDF }, image, actor, NOW))).toMatch(
      /^«acta\.pdf» no es una imagen/,
    );
    expect(filesOnDisk()).toEqual([]);
  });

  it('a truncated photo is refused rather than stored half', async () => {
    const jpeg = await picture(640, 480).jpeg().toBuffer();
    const cut = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    expect(await refusal(storeAttachment(app.db, dir, { name: 'cortada.jpg', bytes: cut }, image, actor, NOW))).toMatch(/no es una imagen/);
    expect(filesOnDisk()).toEqual([]);
  });

  it('a file over the limit is refused with the limit in MB, and nothing is written', async () => {
    const png = await picture(600, 400).png({ compressionLevel: 0 }).toBuffer();
    expect(png.length).toBeGreaterThan(MB / 2);
    const msg = await refusal(
      storeAttachment(app.db, dir, { name: 'escaneo.png', bytes: png }, { kind: 'image', maxBytes: MB / 2 }, actor, NOW),
    );
    expect(msg).toBe('«escaneo.png» pesa más de 0.5 MB.');
    expect(await app.db('attachments').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(filesOnDisk()).toEqual([]);
    // Exactly at the limit is still fine.
    await storeAttachment(app.db, dir, { name: 'escaneo.png', bytes: png }, { kind: 'image', maxBytes: png.length }, actor, NOW);
    expect(await app.db('attachments').count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('a PDF is accepted as a document, kept as is, without thumbnail', async () => {
    const stored = await storeAttachment(
      app.db,
      dir,
      { name: 'Orden de servicio 0042-2026.pdf', bytes: MINIMAL_PDF },
      document,
      actor,
      NOW,
    );
    expect(stored).toMatchObject({ mime: 'application/pdf', width: null, height: null, sizeBytes: MINIMAL_PDF.length });
    expect(fs.readFileSync(path.join(dir, stored.hash.slice(0, 2), `${stored.hash}.pdf`)).equals(MINIMAL_PDF)).toBe(true);
    expect(await thumbnailDataUrl(dir, stored.hash)).toBeNull();
    expect(await imageDataUrl(dir, stored.hash, stored.mime)).toBeNull();
    expect(await app.db('attachments').where({ hash: stored.hash }).first()).toMatchObject({
      original_name: 'Orden de servicio 0042-2026.pdf',
    });
  });

  it('a scanned page as an image is a document too; a Word file is not', async () => {
    const tiff = await picture(300, 400).tiff().toBuffer();
    const scan = await storeAttachment(app.db, dir, { name: 'acta-escaneada.tif', bytes: tiff }, document, actor, NOW);
    expect(scan).toMatchObject({ mime: 'image/tiff', width: 300, height: 400 });
    expect(await thumbnailDataUrl(dir, scan.hash)).toMatch(/^data:image\/jpeg;base64,/);
    // Chromium cannot draw a TIFF: the printable version is a PNG of the same pixels.
    const printable = (await printableImageDataUrl(dir, scan.hash, scan.mime))!;
    expect(printable.startsWith('data:image/png;base64,')).toBe(true);
    const meta = await sharp(Buffer.from(printable.split(',')[1]!, 'base64')).metadata();
    expect([meta.width, meta.height]).toEqual([300, 400]);

    const docx = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 7)]);
    expect(await refusal(storeAttachment(app.db, dir, { name: 'contrato.docx', bytes: docx }, document, actor, NOW))).toBe(
      '«contrato.docx» no es un documento: adjunte un PDF o una imagen (JPEG, PNG, WebP, TIFF o GIF).',
    );
    expect(await app.db('attachments').count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('a row stored in a transaction that is rolled back disappears; storing again afterwards works', async () => {
    const png = await picture(50, 50).png().toBuffer();
    await app.db
      .transaction(async (trx) => {
        await storeAttachment(trx, dir, { name: 'a.png', bytes: png }, image, actor, NOW);
        throw new Error('el guardado del instrumento falló');
      })
      .catch(() => undefined);
    expect(await app.db('attachments').count({ n: '*' })).toEqual([{ n: 0 }]);

    const stored = await storeAttachment(app.db, dir, { name: 'a.png', bytes: png }, image, actor, NOW);
    expect(await app.db('attachments').count({ n: '*' })).toEqual([{ n: 1 }]);
    expect(await imageDataUrl(dir, stored.hash, stored.mime)).toBe(`data:image/png;base64,${png.toString('base64')}`);
  });

  it('a hash that is not one never becomes a path', async () => {
    expect(() => attachmentFilePath(dir, '../../arteinpe', 'image/png')).toThrow(RangeError);
    expect(await thumbnailDataUrl(dir, '../' + 'a'.repeat(61))).toBeNull();
  });
});
