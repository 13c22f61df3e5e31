import type { Knex } from 'knex';
import { numOr0 as n, type Row, toBool } from '../../db/rows';

/**
 * What the establishments domain offers the evaluation page (issue 17): the establishments a
 * filter names (one, a regional office's, or every one the user works with) and each one's
 * population on a day (its latest count on or before it).
 */

export interface EvaluationEstablishment {
  id: number;
  name: string;
  regionalOfficeName: string;
  active: boolean;
}

/** The establishments of the filter, by name: `scope` null is every establishment. */
export async function evaluationEstablishments(
  db: Knex,
  filter: { establishmentId: number | null; regionalOfficeId: number | null; scope: number[] | null },
): Promise<EvaluationEstablishment[]> {
  const q = db('establishments as e').join('regional_offices as r', 'r.id', 'e.regional_office_id');
  if (filter.establishmentId !== null) q.where('e.id', filter.establishmentId);
  if (filter.regionalOfficeId !== null) q.where('e.regional_office_id', filter.regionalOfficeId);
  if (filter.scope) q.whereIn('e.id', filter.scope);
  const rows = (await q.orderBy('e.name_key').select('e.id', 'e.name', 'e.active', 'r.name as regional_office_name')) as Row[];
  return rows.map((r) => ({
    id: n(r.id),
    name: String(r.name),
    regionalOfficeName: String(r.regional_office_name),
    active: toBool(r.active),
  }));
}

/**
 * Each establishment's population on `day`: its latest count on or before it (the newest row
 * of that day: a correction), of one sex or in all. An establishment never counted is absent.
 */
export async function populationsOn(db: Knex, day: string, sex: 'masculino' | 'femenino' | null): Promise<Map<number, number>> {
  const rows = (await db('population_counts as c')
    .whereRaw(
      `c.id = (SELECT c2.id FROM population_counts c2 WHERE c2.establishment_id = c.establishment_id AND c2.counted_on <= ?
                ORDER BY c2.counted_on DESC, c2.id DESC LIMIT 1)`,
      [day],
    )
    .select('c.establishment_id', 'c.men', 'c.women')) as Row[];
  const pick = (r: Row) => (sex === 'masculino' ? n(r.men) : sex === 'femenino' ? n(r.women) : n(r.men) + n(r.women));
  return new Map(rows.map((r) => [n(r.establishment_id), pick(r)]));
}
