import type { PaperChannel } from '../../../shared/paper-channels';
import { expect } from 'vitest';
import type { exhibitionChannels } from '../../../shared/internarte/channels';
import { createExhibition } from '../../helpers/internarte';
import { type Case, type Ctx, saved } from '../../helpers/channel-cases';
import { internarteRecords } from './internarte-channel-cases';

/**
 * The InternArte exhibitions' channels' cases for channels.test.ts (the artworks' are in
 * internarte-channel-cases.ts): one valid call each (with what it must answer) and several
 * invalid payloads that the schema must refuse in Spanish.
 */

type Name = Exclude<(typeof exhibitionChannels)[number], PaperChannel>; // papers: paper-channel-cases.ts

export function exhibitionCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const { app, artwork, photo, exhibitionWithWork, loan } = internarteRecords(ctx);
  const partner = () => app().ok('partners.create', { name: 'Museo de Artes y Tradiciones Populares', type: 'sociedad_civil' });
  const goodExhibition = { title: 'InternArte 2027' };

  const valid: { [K in Name]: Case } = {
    'exhibitions.list': {
      input: async () => (await createExhibition(app()), { search: 'libertad' }),
      check: (d) => expect(d).toMatchObject({ total: 1, rows: [{ workCount: 0 }] }),
    },
    'exhibitions.get': {
      input: async () => ({ id: (await createExhibition(app())).id }),
      check: (d) => expect(d).toMatchObject({ title: 'InternArte: otra forma de libertad', partners: [] }),
    },
    'exhibitions.create': {
      input: async () => ({
        title: 'InternArte 2027',
        curators: ['Ana Ríos', 'Luis Pino'],
        partnerIds: [(await partner()).id],
        sectionMode: 'establecimiento',
      }),
      check: (d) =>
        expect(d).toMatchObject({
          version: 1,
          curators: ['Ana Ríos', 'Luis Pino'],
          partners: [{ name: 'Museo de Artes y Tradiciones Populares' }],
        }),
    },
    'exhibitions.update': {
      input: async () => {
        const ex = await createExhibition(app());
        return {
          id: ex.id,
          version: ex.version,
          title: 'InternArte: otra forma de libertad',
          subtitle: 'Obras de los talleres',
          startsOn: '2026-11-05',
        };
      },
      check: (d) => expect(d).toMatchObject({ subtitle: 'Obras de los talleres', startsOn: '2026-11-05', version: 2 }),
    },
    'exhibitions.options': {
      input: async () => (await partner(), {}),
      check: (d) => expect(d).toMatchObject({ partners: [{ name: 'Museo de Artes y Tradiciones Populares' }] }),
    },
    'exhibitions.byPartner': {
      input: async () => {
        const p = await partner();
        await createExhibition(app(), { partnerIds: [p.id] });
        return { partnerId: p.id };
      },
      check: (d) => expect(d).toMatchObject([{ title: 'InternArte: otra forma de libertad' }]),
    },
    'exhibitions.checklist': {
      input: async () => ({ id: (await exhibitionWithWork()).ex.id }),
      check: (d) => expect(d).toMatchObject([{ catalogNumber: '1', mayExhibit: true }]),
    },
    'exhibitions.addWorks': {
      input: async () => ({
        exhibitionId: (await createExhibition(app())).id,
        artworkIds: [(await artwork('A')).id, (await artwork('B')).id],
      }),
      check: (d) =>
        expect(d).toMatchObject([
          { catalogNumber: '1', title: 'A' },
          { catalogNumber: '2', title: 'B' },
        ]),
    },
    'exhibitions.updateWork': {
      input: async () => {
        const { a, ex } = await exhibitionWithWork();
        return { exhibitionId: ex.id, artworkId: a.id, catalogNumber: '12', section: 'Cerámica' };
      },
      check: (d) => expect(d).toMatchObject([{ catalogNumber: '12', section: 'Cerámica' }]),
    },
    'exhibitions.setSection': {
      input: async () => {
        const { a, ex } = await exhibitionWithWork();
        return { exhibitionId: ex.id, artworkIds: [a.id], section: 'Sala 2' };
      },
      check: (d) => expect(d).toMatchObject([{ section: 'Sala 2' }]),
    },
    'exhibitions.moveWork': {
      input: async () => {
        const ex = await createExhibition(app());
        const [a, b] = [await artwork('A'), await artwork('B')];
        await app().ok('exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: [a.id, b.id] });
        return { exhibitionId: ex.id, artworkId: b.id, direction: 'up' };
      },
      check: (d) =>
        expect(d).toMatchObject([
          { title: 'B', position: 1 },
          { title: 'A', position: 2 },
        ]),
    },
    'exhibitions.removeWork': {
      input: async () => {
        const { a, ex } = await exhibitionWithWork();
        return { exhibitionId: ex.id, artworkId: a.id };
      },
      check: (d) => expect(d).toEqual([]),
    },
    'exhibitions.loans': {
      input: async () => ({ id: (await loan()).exhibitionId }),
      check: (d) => expect(d).toMatchObject([{ conditionOut: 'Buen estado', returnedOn: null }]),
    },
    'exhibitions.lend': {
      input: async () => {
        const { a, ex } = await exhibitionWithWork();
        return {
          exhibitionId: ex.id,
          artworkId: a.id,
          lentOn: '2026-10-25',
          dueOn: '2027-02-05',
          insuranceCentimos: 800000,
          conditionOut: 'Buen estado, sin fisuras',
          photos: [await photo()],
        };
      },
      check: (d) => expect(d).toMatchObject({ insuranceCentimos: 800000, photosOut: [{ originalName: 'foto.png' }], returnedOn: null }),
    },
    'exhibitions.returnLoan': {
      input: async () => ({ loanId: (await loan()).id, returnedOn: '2027-02-03', conditionBack: 'Igual que a la salida' }),
      check: (d) => expect(d).toMatchObject({ returnedOn: '2027-02-03', conditionBack: 'Igual que a la salida' }),
    },
    'exhibitions.exportChecklist': {
      input: async () => ({ exhibitionId: (await exhibitionWithWork()).ex.id, format: 'xlsx' }),
      check: saved,
    },
  };

  const invalid: { [K in Name]: unknown[] } = {
    'exhibitions.list': [{ sort: 'partners' }, { search: 3 }, { page: 0 }],
    'exhibitions.get': [{}, { id: 'x' }],
    'exhibitions.create': [
      {},
      { title: 'ab' },
      { ...goodExhibition, startsOn: '2026-12-01', endsOn: '2026-11-01' },
      { ...goodExhibition, partnerIds: ['museo'] },
      { ...goodExhibition, sectionMode: 'por_color' },
      { ...goodExhibition, curators: [''] },
    ],
    'exhibitions.update': [
      { ...goodExhibition, id: 1 },
      { ...goodExhibition, id: 1, version: -1 },
    ],
    'exhibitions.options': [{ x: 1 }],
    'exhibitions.byPartner': [{}, { partnerId: 'x' }],
    'exhibitions.checklist': [{}],
    'exhibitions.addWorks': [{ exhibitionId: 1, artworkIds: [] }, { exhibitionId: 1 }, { exhibitionId: 1, artworkIds: ['a'] }],
    'exhibitions.updateWork': [
      { exhibitionId: 1, artworkId: 1, catalogNumber: '' },
      { exhibitionId: 1, artworkId: 1, catalogNumber: '#1' },
    ],
    'exhibitions.setSection': [
      { exhibitionId: 1, artworkIds: [], section: 'A' },
      { exhibitionId: 1, section: 'A' },
      { exhibitionId: 1, artworkIds: [1], section: 'x'.repeat(121) },
    ],
    'exhibitions.moveWork': [
      { exhibitionId: 1, artworkId: 1, direction: 'left' },
      { exhibitionId: 1, artworkId: 1 },
    ],
    'exhibitions.removeWork': [{ exhibitionId: 1 }],
    'exhibitions.loans': [{ id: 0 }],
    'exhibitions.lend': [
      {},
      { exhibitionId: 1, artworkId: 1, lentOn: '2026-10-25', insuranceCentimos: -1, conditionOut: 'Bien' },
      { exhibitionId: 1, artworkId: 1, lentOn: '2026-10-25', dueOn: '2026-10-01', insuranceCentimos: 0, conditionOut: 'Bien' },
      { exhibitionId: 1, artworkId: 1, lentOn: '2026-10-25', insuranceCentimos: 0, conditionOut: '' },
    ],
    'exhibitions.returnLoan': [
      {},
      { loanId: 1, returnedOn: '2026-02-30', conditionBack: 'Bien' },
      { loanId: 1, returnedOn: '2026-10-30', conditionBack: '' },
    ],
    'exhibitions.exportChecklist': [{ exhibitionId: 1, format: 'pdf' }, { format: 'xlsx' }],
  };

  return { valid, invalid };
}
