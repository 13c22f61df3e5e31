import type { z } from 'zod';
import { limaToday } from '../../../shared/contracts/rules';
import {
  reachPercent,
  type BySex,
  type PopulationCountInput,
  type PopulationQuery,
  type ReachReport,
  type ReachRow,
} from '../../../shared/establishments/population-schemas';
import { establishmentScope, requireEstablishment } from '../auth/access';
import { fieldError, notFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { activeParticipantCounts } from '../programmes/repository/for-establishments';
import {
  establishmentNamed,
  insertPopulationCount,
  latestPopulations,
  populationHistory,
  programmeEstablishments,
} from './repository/population';

/**
 * An establishment's population over time (issue 15): dated headcounts by sex, appended and
 * never rewritten. A correction is a new count for the same day: the newest row of a day
 * (highest id) is that day's count, the earlier ones stay in the history marked corrected.
 * The latest count (the newest day's) is shown beside the establishment's kind of population
 * (varones / mujeres / mixto), which stays as it is. The reach of the programme is the active
 * participants (programmes/repository/for-establishments.ts, counted, never named) ÷ that population.
 */

const sumOf = (list: Array<{ men: number; women: number }>): BySex => {
  const men = list.reduce((n, x) => n + x.men, 0);
  const women = list.reduce((n, x) => n + x.women, 0);
  return { men, women, total: men + women };
};

/** The reach of the programme: each active establishment of the programme the user works with, and their total. */
export async function reachReport(ctx: HandlerContext): Promise<ReachReport> {
  const establishments = await programmeEstablishments(ctx.db, ctx.session);
  const ids = establishments.map((e) => e.id);
  const [latest, participants] = await Promise.all([latestPopulations(ctx.db, ids), activeParticipantCounts(ctx.db, ids)]);
  const rows: ReachRow[] = establishments.map((e) => {
    const count = latest.get(e.id);
    const people = sumOf([participants.get(e.id) ?? { men: 0, women: 0 }]);
    return {
      establishmentId: e.id,
      name: e.name,
      regionalOfficeName: e.regionalOfficeName,
      population: count ? { men: count.men, women: count.women, total: count.total, countedOn: count.countedOn } : null,
      participants: people,
      reachPercent: reachPercent(people.total, count?.total ?? null),
    };
  });
  const counted = rows.filter((r) => r.population !== null);
  const population = counted.length ? sumOf(counted.map((r) => r.population!)) : null;
  const reachedWhereCounted = sumOf(counted.map((r) => r.participants)).total;
  return {
    rows,
    national: {
      population,
      participants: sumOf(rows.map((r) => r.participants)),
      reachPercent: reachPercent(reachedWhereCounted, population?.total ?? null),
      establishments: rows.length,
      counted: counted.length,
    },
    scoped: establishmentScope(ctx.session) !== null,
  };
}

type CountValues = z.output<typeof PopulationCountInput>;

export const populationHandlers: DomainHandlers<'population.list' | 'population.record' | 'population.reach'> = {
  'population.list': async ({ establishmentId }: z.output<typeof PopulationQuery>, ctx) => {
    if (!(await establishmentNamed(ctx.db, establishmentId))) throw notFound();
    requireEstablishment(ctx, establishmentId);
    return populationHistory(ctx.db, establishmentId);
  },

  'population.record': async (input: CountValues, ctx) => {
    const establishment = await establishmentNamed(ctx.db, input.establishmentId);
    if (!establishment) throw fieldError('establishmentId', 'establishments.headcount.unknownEstablishment');
    requireEstablishment(ctx, establishment.id);
    if (input.countedOn > limaToday(ctx.now)) throw fieldError('countedOn', 'establishments.headcount.futureDate');
    const before = (await populationHistory(ctx.db, establishment.id)).find((c) => c.countedOn === input.countedOn && !c.corrected);
    const id = await insertPopulationCount(ctx.db, { ...input, establishmentId: establishment.id }, ctx.session.actor.name, ctx.now);
    const after = (await populationHistory(ctx.db, establishment.id)).find((c) => c.id === id)!;
    await ctx.audit({
      entity: 'populationCount',
      entityId: id,
      action: before ? 'correct' : 'count',
      ...(before ? { before } : {}),
      after: { ...after, establishmentName: establishment.name },
    });
    return after;
  },

  'population.reach': (_input, ctx) => reachReport(ctx),
};
