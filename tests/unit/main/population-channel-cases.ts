import { expect } from 'vitest';
import type { establishmentChannels } from '../../../shared/establishments/channels';
import { newParticipantAt } from '../../helpers/services';
import type { Case, Ctx } from '../../helpers/channel-cases';

/**
 * The establishments' population channels (issue 15) for channels.test.ts: one valid call
 * each (with what it must answer) and several invalid payloads the schema must refuse in Spanish.
 */

type Name = Extract<(typeof establishmentChannels)[number], `population.${string}`>;

export function populationCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const app = () => ctx().app;
  const est = () => ctx().seeded.id;
  const count = (countedOn = '2026-03-31', men = 1180, women = 0) =>
    app().ok('population.record', { establishmentId: est(), countedOn, men, women, source: 'Informe mensual' });

  return {
    valid: {
      'population.list': {
        input: async () => (await count('2026-01-31', 1100), await count(), { establishmentId: est() }),
        check: (d) =>
          expect(d).toMatchObject([
            { countedOn: '2026-03-31', men: 1180, total: 1180, corrected: false },
            { countedOn: '2026-01-31', men: 1100, corrected: false },
          ]),
      },
      'population.record': {
        input: () => ({ establishmentId: est(), countedOn: '2026-03-31', men: 1180, women: 0, source: '' }),
        check: (d) =>
          expect(d).toMatchObject({ countedOn: '2026-03-31', men: 1180, women: 0, total: 1180, source: null, corrected: false }),
      },
      'population.reach': {
        input: async () => {
          await count('2026-03-31', 400);
          await newParticipantAt(app(), est(), 'PPL-0001');
          return {};
        },
        check: (d) =>
          expect(d).toMatchObject({
            rows: [{ name: 'E.P. Base', population: { total: 400 }, participants: { men: 1, total: 1 }, reachPercent: 0.3 }],
            national: { population: { total: 400 }, participants: { total: 1 }, reachPercent: 0.3, counted: 1 },
          }),
      },
    },
    invalid: {
      'population.list': [{}, { establishmentId: 'Lurigancho' }, { establishmentId: 1, extra: true }],
      'population.record': [
        {},
        { establishmentId: 1, countedOn: '31/03/2026', men: 10, women: 0 },
        { establishmentId: 1, countedOn: '2026-02-30', men: 10, women: 0 },
        { establishmentId: 1, countedOn: '2026-03-31', men: -1, women: 0 },
        { establishmentId: 1, countedOn: '2026-03-31', men: 10.5, women: 0 },
        { establishmentId: 1, countedOn: '2026-03-31', men: '1.180', women: 0 },
        { establishmentId: 1, countedOn: '2026-03-31', men: 0, women: 0 },
        { establishmentId: 1, countedOn: '2026-03-31', men: 100001, women: 0 },
        { establishmentId: 1, countedOn: '2026-03-31', men: 10, women: 0, source: 'x'.repeat(301) },
      ],
      'population.reach': [{ establishmentId: 1 }, 'todo'],
    },
  };
}
