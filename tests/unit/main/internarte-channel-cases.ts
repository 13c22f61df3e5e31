import type { PaperChannel } from '../../../shared/paper-channels';
import { expect } from 'vitest';
import type { artworkChannels } from '../../../shared/internarte/channels';
import { allowAll, artworkInput, createArtwork, createExhibition, pngBase64, recordConsent } from '../../helpers/internarte';
import { type Case, type Ctx, saved } from '../../helpers/channel-cases';

/**
 * The InternArte channels' cases for channels.test.ts, those of the artworks (the exhibitions'
 * are in exhibition-channel-cases.ts): one valid call each (with what it must answer) and
 * several invalid payloads that the schema must refuse in Spanish.
 */

type Name = Exclude<(typeof artworkChannels)[number], PaperChannel>; // papers: paper-channel-cases.ts

/** The records both InternArte case modules start from, created through the channels in the test's app. */
export function internarteRecords(ctx: Ctx) {
  const app = () => ctx().app;
  const est = () => ctx().seeded.id;
  const artwork = (title = 'Vasija ceremonial') => createArtwork(app(), est(), { title });
  const consented = async () => {
    const a = await artwork();
    await recordConsent(app(), a.id);
    return a;
  };
  const photo = async () => ({ fileName: 'foto.png', dataBase64: await pngBase64() });
  const exhibitionWithWork = async () => {
    const a = await consented();
    const ex = await createExhibition(app());
    await app().ok('exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: [a.id] });
    return { a, ex };
  };
  const loan = async () => {
    const { a, ex } = await exhibitionWithWork();
    return app().ok('exhibitions.lend', {
      exhibitionId: ex.id,
      artworkId: a.id,
      lentOn: '2026-10-25',
      insuranceCentimos: 500000,
      conditionOut: 'Buen estado',
    });
  };
  return { app, est, artwork, consented, photo, exhibitionWithWork, loan };
}

export function internarteCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const { app, est, artwork, consented, photo, exhibitionWithWork, loan } = internarteRecords(ctx);
  const withPhoto = async () => {
    const a = await artwork();
    const [p] = await app().ok('artworks.addPhoto', { id: a.id, ...(await photo()) });
    return { a, hash: p!.hash };
  };
  const goodArtwork = () => artworkInput(1);
  const goodConsent = allowAll(1);

  const valid: { [K in Name]: Case } = {
    'artworks.list': {
      input: async () => (await artwork('Cóndor de barro'), { search: 'condor' }),
      check: (d) => expect(d).toMatchObject({ total: 1, rows: [{ title: 'Cóndor de barro', custodyStatus: 'en_taller' }] }),
    },
    'artworks.get': {
      input: async () => ({ id: (await artwork()).id }),
      check: (d) =>
        expect(d).toMatchObject({ artistName: 'José Luis Quispe Mamani', establishmentName: 'E.P. Base', consent: { recorded: false } }),
    },
    'artworks.create': {
      input: () => artworkInput(est(), { depthMm: null, technique: 'dibujo' }),
      check: (d) => expect(d).toMatchObject({ version: 1, custodyStatus: 'en_taller', depthMm: null }),
    },
    'artworks.update': {
      input: async () => {
        const a = await artwork();
        return { ...artworkInput(est(), { title: 'Vasija ceremonial II', heightMm: 335 }), id: a.id, version: a.version };
      },
      check: (d) => expect(d).toMatchObject({ title: 'Vasija ceremonial II', heightMm: 335, version: 2 }),
    },
    'artworks.options': { input: () => ({}), check: (d) => expect(d).toEqual({ workshops: [] }) },
    'artworks.artistOptions': {
      input: async () => {
        await app().ok('participants.create', {
          code: 'PPL-1',
          firstNames: 'Rosa',
          lastNames: 'Huamán',
          sex: 'femenino',
          birthYear: 1990,
          establishmentId: est(),
          date: '2026-02-01',
        });
        return { search: 'huaman' };
      },
      check: (d) => expect(d).toMatchObject([{ code: 'PPL-1', name: 'Rosa Huamán' }]),
    },
    'artworks.photos': {
      input: async () => ({ id: (await withPhoto()).a.id }),
      check: (d) => expect(d).toMatchObject([{ isPrimary: true, width: 60, height: 80 }]),
    },
    'artworks.addPhoto': {
      input: async () => ({ id: (await artwork()).id, ...(await photo()) }),
      check: (d) => expect(d).toMatchObject([{ isPrimary: true, originalName: 'foto.png' }]),
    },
    'artworks.setPrimaryPhoto': {
      input: async () => {
        const { a } = await withPhoto();
        const list = await app().ok('artworks.addPhoto', { id: a.id, fileName: 'otra.png', dataBase64: await pngBase64('#123') });
        return { id: a.id, hash: list.find((p) => !p.isPrimary)!.hash };
      },
      check: (d) => expect(d).toMatchObject([{ isPrimary: true, originalName: 'otra.png' }, { isPrimary: false }]),
    },
    'artworks.removePhoto': {
      input: async () => {
        const { a, hash } = await withPhoto();
        return { id: a.id, hash };
      },
      check: (d) => expect(d).toEqual([]),
    },
    'artworks.consents': {
      input: async () => ({ id: (await consented()).id }),
      check: (d) => expect(d).toMatchObject([{ naming: 'nombre_completo', documentName: 'consentimiento-firmado.pdf' }]),
    },
    'artworks.recordConsent': {
      input: async () => ({ ...goodConsent, artworkId: (await artwork()).id, naming: 'seudonimo', pseudonym: 'Wayra', maySell: false }),
      check: (d) => expect(d).toMatchObject([{ naming: 'seudonimo', pseudonym: 'Wayra', maySell: false, revocation: false }]),
    },
    'artworks.revokeConsent': {
      input: async () => ({ artworkId: (await consented()).id, date: '2026-11-01', notes: 'Lo pidió el autor' }),
      check: (d) => expect(d).toMatchObject([{ revocation: true, mayExhibit: false }, { revocation: false }]),
    },
    'artworks.conditionReports': {
      input: async () => {
        const a = await artwork();
        await app().ok('artworks.addConditionReport', {
          artworkId: a.id,
          date: '2026-10-02',
          examinedBy: 'Mtra. Rosa Huamán',
          grade: 'bueno',
          text: 'Sin fisuras',
        });
        return { id: a.id };
      },
      check: (d) => expect(d).toMatchObject([{ grade: 'bueno', photos: [] }]),
    },
    'artworks.addConditionReport': {
      input: async () => ({
        artworkId: (await artwork()).id,
        date: '2026-10-02',
        examinedBy: 'Mtra. Rosa Huamán',
        grade: 'regular',
        text: 'Desportillado en la base',
        photos: [await photo()],
      }),
      check: (d) => expect(d).toMatchObject([{ grade: 'regular', photos: [{ originalName: 'foto.png' }] }]),
    },
    'artworks.custody': {
      input: async () => ({ id: (await artwork()).id }),
      check: (d) => expect(d).toMatchObject([{ seq: 1, status: 'en_taller' }]),
    },
    'artworks.moveCustody': {
      input: async () => ({ artworkId: (await artwork()).id, to: 'en_sala', date: '2026-12-01', place: 'Sala de exposiciones del E.P.' }),
      check: (d) => expect(d).toMatchObject({ custodyStatus: 'en_sala' }),
    },
    'artworks.exhibitions': {
      input: async () => ({ id: (await exhibitionWithWork()).a.id }),
      check: (d) => expect(d).toMatchObject([{ catalogNumber: '1', loanOpen: false }]),
    },
    'artworks.loans': {
      input: async () => ({ id: (await loan()).artworkId }),
      check: (d) => expect(d).toMatchObject([{ returnedOn: null, insuranceCentimos: 500000 }]),
    },
    'artworks.summary': {
      input: async () => (await artwork(), {}),
      check: (d) => expect(d).toMatchObject({ works: 1, onLoan: 0, withoutConsent: 1 }),
    },
    'artworks.export': {
      input: async () => (await artwork(), { filter: {}, format: 'xlsx', reason: 'Inventario anual de obras para la muestra' }),
      check: saved,
    },
  };

  const invalid: { [K in Name]: unknown[] } = {
    'artworks.list': [{ technique: 'oleo' }, { sort: 'artista' }, { pageSize: 7 }, { consent: 'todo' }, { custodyStatus: 'perdida' }],
    'artworks.get': [{}, { id: 'uno' }, { id: 0 }],
    'artworks.create': [
      {},
      { ...goodArtwork(), title: '' },
      { ...goodArtwork(), artistName: null },
      { ...goodArtwork(), artistParticipantId: 3 },
      { ...goodArtwork(), technique: 'acuarela' },
      { ...goodArtwork(), heightMm: 0 },
      { ...goodArtwork(), widthMm: 12.5 },
      { ...goodArtwork(), year: 1700 },
      { ...goodArtwork(), priceCentimos: 10.5 },
      { ...goodArtwork(), saleStatus: 'disponible', priceCentimos: null },
      { ...goodArtwork(), color: 'rojo' },
    ],
    'artworks.update': [
      { ...goodArtwork(), id: 1 },
      { ...goodArtwork(), id: 1, version: 'uno' },
      { ...goodArtwork(), id: 1, version: 1, title: '' },
    ],
    'artworks.options': [{ x: 1 }],
    'artworks.artistOptions': [{ search: 5 }, { q: 'x' }],
    'artworks.photos': [{}, { id: -1 }],
    'artworks.addPhoto': [{ id: 1 }, { id: 1, fileName: 'a.png', dataBase64: '***' }, { id: 1, fileName: '', dataBase64: 'AAAA' }],
    'artworks.setPrimaryPhoto': [{ id: 1, hash: 'abc' }, { id: 1 }],
    'artworks.removePhoto': [{ id: 1, hash: 'abc' }, { hash: 'a'.repeat(64) }],
    'artworks.consents': [{}, { id: 'x' }],
    'artworks.recordConsent': [
      {},
      { ...goodConsent, document: null },
      { ...goodConsent, document: undefined, mayExhibit: false, mayCatalog: false, mayPhotograph: false, maySell: false },
      { ...goodConsent, naming: 'seudonimo' },
      { ...goodConsent, naming: 'apodo' },
      { ...goodConsent, date: '31/02/2026' },
      { ...goodConsent, mayExhibit: 'sí' },
    ],
    'artworks.revokeConsent': [{}, { artworkId: 1 }, { artworkId: 1, date: '2026-13-01' }],
    'artworks.conditionReports': [{ id: null }],
    'artworks.addConditionReport': [
      {},
      { artworkId: 1, date: '2026-10-02', examinedBy: 'R', grade: 'bueno', text: 'ok' },
      { artworkId: 1, date: '2026-10-02', examinedBy: 'Rosa', grade: 'excelente', text: 'ok' },
      { artworkId: 1, date: '2026-10-02', examinedBy: 'Rosa', grade: 'bueno', text: '' },
    ],
    'artworks.custody': [{}],
    'artworks.moveCustody': [{}, { artworkId: 1, to: 'robada', date: '2026-10-01' }, { artworkId: 1, to: 'en_sala' }],
    'artworks.exhibitions': [{ id: 1.5 }],
    'artworks.loans': [{ id: 'x' }],
    'artworks.summary': [{ all: true }],
    'artworks.export': [
      { filter: {}, format: 'xlsx' },
      { filter: {}, format: 'xlsx', reason: 'corto' },
      { filter: {}, format: 'pdf', reason: 'Inventario anual de obras' },
      { filter: { technique: 'x' }, format: 'csv', reason: 'Inventario anual de obras' },
    ],
  };

  return { valid, invalid };
}
