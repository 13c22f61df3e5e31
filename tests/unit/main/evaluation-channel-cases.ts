import { expect } from 'vitest';
import type { evaluationChannels } from '../../../shared/evaluation/channels';
import { newParticipantAt } from '../../helpers/services';
import { type Case, type Ctx, saved } from '../../helpers/channel-cases';

/**
 * The evaluation channels (issue 17) for channels.test.ts: one valid call each (with what it
 * must answer) and several invalid payloads the schema must refuse in Spanish.
 */

type Name = (typeof evaluationChannels)[number];

export function evaluationCases(ctx: Ctx): { valid: { [K in Name]: Case }; invalid: { [K in Name]: unknown[] } } {
  const year = { from: '2026-01-01', to: '2026-12-31' };
  return {
    valid: {
      'evaluation.summary': {
        input: () => ({ ...year, establishmentId: ctx().seeded.id }),
        check: (d) =>
          expect(d).toMatchObject({
            reach: { rows: [], national: { participants: 0, population: null, ratio: null } },
            gap: { served: 0, establishments: 1, rows: [{ establishmentId: ctx().seeded.id, name: 'E.P. Base' }] },
          }),
      },
      'evaluation.followUp': {
        input: () => ({ ...year, establishmentId: ctx().seeded.id }),
        check: (d) => expect(d).toMatchObject({ ...year, years: [], months: [], total: { released: 0, suppressed: [] } }),
      },
      'evaluation.export': {
        input: async () => (await newParticipantAt(ctx().app, ctx().seeded.id, 'PPL-0001'), { ...year, chart: 'all' }),
        check: saved,
      },
      'evaluation.print': {
        input: () => ({ ...year, establishmentId: ctx().seeded.id }),
        check: saved,
      },
    },
    invalid: {
      'evaluation.summary': [
        {},
        { from: '2026-12-31', to: '2026-01-01' },
        { from: '2026-01-01', to: '2036-01-01' },
        { ...year, establishmentId: 'Lurigancho' },
        { ...year, sex: 'otro' },
        { ...year, discipline: '' },
        { ...year, extra: true },
      ],
      'evaluation.followUp': [{}, { from: '2026-12-31', to: '2026-01-01' }, { ...year, sex: 'otro' }, { ...year, extra: true }],
      'evaluation.export': [
        { ...year },
        { ...year, chart: 'todo' },
        { ...year, chart: 'reach', format: 'csv' },
        { from: '01/01/2026', to: '2026-12-31', chart: 'reach' },
      ],
      'evaluation.print': [
        {},
        { from: '2026-12-31', to: '2026-01-01' },
        { ...year, establishmentId: 'Lurigancho' },
        { ...year, sex: 'otro' },
        { ...year, chart: 'all' },
      ],
    },
  };
}
