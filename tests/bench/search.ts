import { countRows, okDispatch, quantiles, time } from './measure';
import type { Scenario } from './scenarios';

/**
 * search.global over the national dataset (30,000 instruments, 100,000 participants, 12,000
 * contracts…), as the administrador (every kind, with names): what a clerk types in Ctrl+K —
 * an instrument's code, a surname, part of a title, an accented word typed without its accent.
 */
export const searchScenarios: Scenario = async ({ db, dispatch }) => {
  const ok = okDispatch(dispatch);
  const codes = (await db('instruments').orderByRaw('random()').limit(5).pluck('code')) as string[];
  const queries = [
    ...codes,
    'quispe',
    'mamani',
    'condori flores',
    'banda sinf',
    'retrato',
    'cajon',
    'musica',
    'ceramica',
    'huaman',
    'concierto',
    'zzqx',
  ];
  const piped = await time((i) => ok('search.global', { q: queries[i % queries.length] }), 300, 30);
  return [
    {
      scenario: 'search.global',
      n: (await countRows(db, 'instruments')) + (await countRows(db, 'participants')) + (await countRows(db, 'contracts')),
      queries: queries.length,
      ...quantiles(piped),
      goal: 'p95 <= 30 ms',
    },
  ];
};
