import type { Knex } from 'knex';
import type { z } from 'zod';
import type { PopulationCount, PopulationCountInput } from '../../../../shared/establishments/population-schemas';
import { whereInScope } from '../../auth/access';
import { type Row, str, recordedOf } from '../../db/rows';
import { insertId } from '../../db/writes';
import type { Session } from '../../ipc/context';

/**
 * The establishments' dated headcounts (population_counts), appended and never rewritten:
 * the newest row of a day (highest id) is that day's count, the earlier ones were corrected
 * (establishments/population.ts holds the rules and the channels).
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

/** Appends a count; answers its id. */
export async function insertPopulationCount(
  db: Knex,
  c: z.output<typeof PopulationCountInput>,
  recordedBy: string,
  now: string,
): Promise<number> {
  return insertId(db('population_counts'), {
    establishment_id: c.establishmentId,
    counted_on: c.countedOn,
    men: c.men,
    women: c.women,
    source: c.source,
    recorded_at: now,
    recorded_by: recordedBy,
  });
}

/** An establishment's id and name; null when there is none. */
export async function establishmentNamed(db: Knex, id: number): Promise<{ id: number; name: string } | null> {
  const r = (await db('establishments').where({ id }).first('id', 'name')) as Row | undefined;
  return r ? { id: Number(r.id), name: String(r.name) } : null;
}

/** The active establishments of the programme the session works with, by name, with their regional office. */
export async function programmeEstablishments(
  db: Knex,
  session: Session,
): Promise<Array<{ id: number; name: string; regionalOfficeName: string }>> {
  const rows = (await whereInScope(session, db('establishments as e').join('regional_offices as r', 'r.id', 'e.regional_office_id'), 'e.id')
    .where({ 'e.in_programme': true, 'e.active': true })
    .orderBy('e.name_key')
    .select('e.id', 'e.name', 'r.name as regional_office_name')) as Row[];
  return rows.map((e) => ({ id: Number(e.id), name: String(e.name), regionalOfficeName: String(e.regional_office_name) }));
}
