import type { Knex } from 'knex';
import type { Row } from '../../db/rows';

/**
 * What the establishments ask of the programmes: how many active participants each
 * establishment has, by sex, for the reach of the programme (issue 15). Counts only, never
 * a name: participants are persons deprived of liberty.
 */

/** Active participants (status activo) of these establishments, men and women, by establishment id. */
export async function activeParticipantCounts(
  db: Knex,
  establishmentIds: readonly number[],
): Promise<Map<number, { men: number; women: number }>> {
  const out = new Map<number, { men: number; women: number }>();
  if (establishmentIds.length === 0) return out;
  const rows = (await db('participants')
    .whereIn('establishment_id', [...establishmentIds])
    .where('status', 'activo')
    .groupBy('establishment_id', 'sex')
    .select('establishment_id', 'sex')
    .count({ n: '*' })) as Row[];
  for (const r of rows) {
    const id = Number(r.establishment_id);
    const c = out.get(id) ?? { men: 0, women: 0 };
    if (String(r.sex) === 'femenino') c.women += Number(r.n);
    else c.men += Number(r.n);
    out.set(id, c);
  }
  return out;
}
