import type { ChannelName } from '../../../shared/channels';
import { expect } from 'vitest';
import type { Case, Ctx } from '../../helpers/channel-cases';
import { newWorkshop } from '../../helpers/workshop-teachers';

/**
 * Initiatives (issue 17, item 1) for channels.test.ts: one valid call each (with what it must
 * answer) and several invalid payloads that the schema must refuse in Spanish.
 */

export /** The initiatives' channels, as shared/programmes/channels.ts lists them. */
type InitiativeChannel = Extract<ChannelName, `initiatives.${string}`>;
type Name = InitiativeChannel;

export function initiativeCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const app = () => ctx().app;
  const est = () => ctx().seeded.id;
  const initiative = () =>
    app().ok('initiatives.create', { name: 'INPE Orquestando', startYear: 2019, description: 'Talleres de educación musical.' });
  const linked = async () => {
    const i = await initiative();
    const w = await newWorkshop(app().ok, est());
    await app().ok('initiatives.assign', { id: i.id, kind: 'workshops', recordIds: [w.id] });
    return { i, w };
  };
  return {
    valid: {
      'initiatives.list': {
        input: async () => (await initiative(), { search: 'orquest' }),
        check: (d) => expect(d).toMatchObject([{ name: 'INPE Orquestando', startYear: 2019, endYear: null, active: true }]),
      },
      'initiatives.options': {
        input: async () => (await initiative(), {}),
        check: (d) => expect(d).toMatchObject([{ name: 'INPE Orquestando', active: true }]),
      },
      'initiatives.get': {
        input: async () => ({ id: (await linked()).i.id }),
        check: (d) =>
          expect(d).toMatchObject({
            initiative: { counts: { workshops: 1, events: 0 } },
            members: { workshops: [{ label: 'Banda sinfónica', detail: 'E.P. Base' }], events: [] },
          }),
      },
      'initiatives.create': {
        input: () => ({ name: 'InternArte', startYear: 2024, endYear: 2026, description: 'Exposición de artes plásticas.' }),
        check: (d) => expect(d).toMatchObject({ name: 'InternArte', endYear: 2026, version: 1, partners: [], agreements: [] }),
      },
      'initiatives.update': {
        input: async () => {
          const i = await initiative();
          return { id: i.id, version: i.version, name: i.name, startYear: 2018, description: i.description, active: false };
        },
        check: (d) => expect(d).toMatchObject({ startYear: 2018, active: false, version: 2 }),
      },
      'initiatives.candidates': {
        input: async () => {
          await newWorkshop(app().ok, est());
          return { id: (await initiative()).id, kind: 'workshops' };
        },
        check: (d) => expect(d).toMatchObject([{ label: 'Banda sinfónica' }]),
      },
      'initiatives.assign': {
        input: async () => ({ id: (await initiative()).id, kind: 'workshops', recordIds: [(await newWorkshop(app().ok, est())).id] }),
        check: (d) => expect(d).toMatchObject({ initiative: { counts: { workshops: 1 } } }),
      },
      'initiatives.unassign': {
        input: async () => {
          const { i, w } = await linked();
          return { id: i.id, kind: 'workshops', recordId: w.id };
        },
        check: (d) => expect(d).toMatchObject({ initiative: { counts: { workshops: 0 } }, members: { workshops: [] } }),
      },
      'initiatives.figures': {
        input: async () => ({ id: (await linked()).i.id, year: 2026 }),
        check: (d) => expect(d).toMatchObject({ year: 2026, workshops: 1, participants: 0, expensesCentimos: 0 }),
      },
    },
    invalid: {
      'initiatives.list': [{ status: 'todas' }],
      'initiatives.options': [{ x: 1 }],
      'initiatives.get': [{ id: 'x' }, {}],
      'initiatives.create': [
        {},
        { name: 'IO', startYear: 2019, description: 'Música' },
        { name: 'Temporada', startYear: 2026, endYear: 2025, description: 'Recitales' },
        { name: 'Temporada', startYear: '2026', description: 'Recitales' },
      ],
      'initiatives.update': [{ name: 'Temporada', startYear: 2026, description: 'Recitales', id: 1 }],
      'initiatives.candidates': [{ id: 1, kind: 'artworks' }],
      'initiatives.assign': [
        { id: 1, kind: 'workshops', recordIds: [] },
        { id: 1, kind: 'obras', recordIds: [1] },
      ],
      'initiatives.unassign': [{ id: 1, kind: 'workshops' }],
      'initiatives.figures': [{ id: 1, year: 1990 }, { id: 1 }],
    },
  };
}
