import type { Knex } from 'knex';
import { donationSources } from '../programmes/for-inventory';

/**
 * The demonstration's donated instruments name their funding source (issue 15): the first
 * instrument "donado" comes from the first partner's donation, the first "aporte de aliado"
 * from the next one's. Runs after the programmes' demonstration data (the donations).
 */
export async function linkDemoDonations(db: Knex): Promise<void> {
  const donations = (await donationSources(db)).flatMap((p) => p.donations.map((d) => d.id));
  for (const [i, funding] of (['donacion', 'aliado'] as const).entries()) {
    const donationId = donations[i];
    if (donationId === undefined) return;
    const first = (await db('instruments').where({ funding }).orderBy('id').first('id')) as { id: number } | undefined;
    if (first) await db('instruments').where({ id: first.id }).update({ donation_id: donationId });
  }
}
