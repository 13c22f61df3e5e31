import type { Knex } from 'knex';
import type { z } from 'zod';
import { limaToday } from '../../../shared/contracts/rules';
import {
  reachPercent,
  type BySex,
  type PopulationCount,
  type PopulationCountInput,
  type PopulationQuery,
  type ReachReport,
  type ReachRow,
} from '../../../shared/establishments/population-schemas';
import { establishmentScope, requireEstablishment, whereInScope } from '../auth/access';
import { type Row, str, recordedOf } from '../db/rows';
import { insertId } from '../db/writes';
import { fieldError, notFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { activeParticipantCounts } from '../programmes/for-establishments';

/**
 * An establishment's population over time (issue 15): dated headcounts by sex, appended and
 * never rewritten. A correction is a new count for the same day: the newest row of a day
 * (highest id) is that day's count, the earlier ones stay in the history marked corrected.
 * The latest count (the newest day's) is shown beside the establishment's kind of population
 * (varones / mujeres / mixto), which stays as it is. The reach of the programme is the active
 * participants (programmes/for-establishments.ts, counted, never named) ÷ that population.
 */

const toCount = (r: Row, corrected: boolean): PopulationCount => ({
  id: Number(r.id),
  establishmentId: Number(r.establishment_id),
  countedOn: String(r.counted_on),
  men: Number(r.men),
  women: Number(r.women),
  total: Number(r.men) + Number(r.women),
  source: str(r.source),
  corrected,
  ...recordedOf(r),
});

/** Rows newest day first, and within a day the newest first: the first of each day counts, the rest were corrected. */
function withCorrections(rows: Row[]): PopulationCount[] {
  const seen = new Set<string>();
  return rows.map((r) => {
    const key = `${String(r.establishment_id)}:${String(r.counted_on)}`;
    const corrected = seen.has(key);
    seen.add(key);
    return toCount(r, corrected);
  });
}

const ordered = (q: Knex.QueryBuilder) => q.orderBy('establishment_id').orderBy('counted_on', 'desc').orderBy('id', 'desc');

/** Every count of an establishment, newest day first (corrected ones after the one that counts). */
export async function populationHistory(db: Knex, establishmentId: number): Promise<PopulationCount[]> {
  return withCorrections((await ordered(db('population_counts').where({ establishment_id: establishmentId }))) as Row[]);
}

/** The latest count of each of these establishments (its newest day's newest row), by establishment id. */
export async function latestPopulations(db: Knex, establishmentIds: readonly number[]): Promise<Map<number, PopulationCount>> {
  const out = new Map<number, PopulationCount>();
  for (let i = 0; i < establishmentIds.length; i += 500) {
    const rows = (await ordered(db('population_counts').whereIn('establishment_id', establishmentIds.slice(i, i + 500)))) as Row[];
    for (const c of withCorrections(rows)) if (!out.has(c.establishmentId)) out.set(c.establishmentId, c);
  }
  return out;
}

async function establishmentOf(db: Knex, id: number): Promise<{ id: number; name: string } | null> {
  const r = (await db('establishments').where({ id }).first('id', 'name')) as Row | undefined;
  return r ? { id: Number(r.id), name: String(r.name) } : null;
}

const sumOf = (list: Array<{ men: number; women: number }>): BySex => {
  const men = list.reduce((n, x) => n + x.men, 0);
  const women = list.reduce((n, x) => n + x.women, 0);
  return { men, women, total: men + women };
};

/** The reach of the programme: each active establishment of the programme the user works with, and their total. */
export async function reachReport(ctx: HandlerContext): Promise<ReachReport> {
  const establishments = (await whereInScope(
    ctx.session,
    ctx.db('establishments as e').join('regional_offices as r', 'r.id', 'e.regional_office_id'),
    'e.id',
  )
    .where({ 'e.in_programme': true, 'e.active': true })
    .orderBy('e.name_key')
    .select('e.id', 'e.name', 'r.name as regional_office_name')) as Row[];
  const ids = establishments.map((e) => Number(e.id));
  const [latest, participants] = await Promise.all([latestPopulations(ctx.db, ids), activeParticipantCounts(ctx.db, ids)]);
  const rows: ReachRow[] = establishments.map((e) => {
    const id = Number(e.id);
    const count = latest.get(id);
    const people = sumOf([participants.get(id) ?? { men: 0, women: 0 }]);
    return {
      establishmentId: id,
      name: String(e.name),
      regionalOfficeName: String(e.regional_office_name),
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
    if (!(await establishmentOf(ctx.db, establishmentId))) throw notFound();
    requireEstablishment(ctx, establishmentId);
    return populationHistory(ctx.db, establishmentId);
  },

  'population.record': async (input: CountValues, ctx) => {
    const establishment = await establishmentOf(ctx.db, input.establishmentId);
    if (!establishment) throw fieldError('establishmentId', 'establishments.headcount.unknownEstablishment');
    requireEstablishment(ctx, establishment.id);
    if (input.countedOn > limaToday(ctx.now)) throw fieldError('countedOn', 'establishments.headcount.futureDate');
    const before = (await populationHistory(ctx.db, establishment.id)).find((c) => c.countedOn === input.countedOn && !c.corrected);
    const id = await insertId(ctx.db('population_counts'), {
      establishment_id: establishment.id,
      counted_on: input.countedOn,
      men: input.men,
      women: input.women,
      source: input.source,
      recorded_at: ctx.now,
      recorded_by: ctx.session.actor.name,
    });
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
