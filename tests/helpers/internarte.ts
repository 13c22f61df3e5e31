import sharp from 'sharp';
import type { ArtworkCreate, ConsentRecord, Exhibition, ExhibitionUpdate } from '../../shared/internarte/schemas';
import type { TestApp } from './services';

/** InternArte test helpers: an artwork, a photo, a signed consent form. */

export const pngBase64 = async (color = '#b35', width = 60, height = 80): Promise<string> =>
  (
    await sharp({ create: { width, height, channels: 3, background: color } })
      .png()
      .toBuffer()
  ).toString('base64');

/** A minimal PDF: enough to be taken for the signed consent form. */
export const signedForm = () => ({
  fileName: 'consentimiento-firmado.pdf',
  dataBase64: Buffer.from('%PDF-1.4\n% consentimiento firmado\n%%EOF\n').toString('base64'),
});

export const artworkInput = (establishmentId: number, over: Partial<ArtworkCreate> = {}): ArtworkCreate => ({
  title: 'Vasija ceremonial',
  artistName: 'José Luis Quispe Mamani',
  establishmentId,
  technique: 'ceramica_alta_temperatura',
  materials: 'Gres y esmalte',
  heightMm: 320,
  widthMm: 210,
  depthMm: 210,
  year: 2026,
  priceCentimos: 45000,
  saleStatus: 'disponible',
  ...over,
});

export const createArtwork = (app: TestApp, establishmentId: number, over: Partial<ArtworkCreate> = {}) =>
  app.ok('artworks.create', { ...artworkInput(establishmentId, over), receivedOn: over.receivedOn ?? '2026-09-01' });

export const allowAll = (artworkId: number, over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  artworkId,
  date: '2026-10-01',
  naming: 'nombre_completo',
  mayExhibit: true,
  mayCatalog: true,
  mayPhotograph: true,
  maySell: true,
  document: signedForm(),
  ...over,
});

export const recordConsent = (app: TestApp, artworkId: number, over: Partial<ConsentRecord> = {}) =>
  app.ok('artworks.recordConsent', allowAll(artworkId, over));

export const addPhoto = async (app: TestApp, id: number, color = '#b35') =>
  app.ok('artworks.addPhoto', { id, fileName: `obra-${id}.png`, dataBase64: await pngBase64(color) });

export const createExhibition = (app: TestApp, over: Record<string, unknown> = {}) =>
  app.ok('exhibitions.create', {
    title: 'InternArte: otra forma de libertad',
    venue: 'Museo de Artes y Tradiciones Populares',
    startsOn: '2026-11-01',
    endsOn: '2027-01-31',
    ...over,
  });

/** The update input of an exhibition as read: all but what only an answer carries (counts, who wrote it last), its partners by id. */
export const exhibitionUpdate = (ex: Exhibition, over: Partial<ExhibitionUpdate> = {}): ExhibitionUpdate => {
  const { partners, agreement, workCount: _works, openLoans: _loans, updatedAt: _at, updatedBy: _by, ...editable } = ex;
  return { ...editable, partnerIds: partners.map((p) => p.id), agreementId: agreement?.id ?? null, ...over };
};
