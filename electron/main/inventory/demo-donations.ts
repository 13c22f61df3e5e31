import type { Knex } from 'knex';
import { donationSources } from '../programmes/repository/for-inventory';
import { firstInstrumentFunded, setInstrumentDonation } from './repository/instruments';

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
    const first = await firstInstrumentFunded(db, funding);
    if (first !== undefined) await setInstrumentDonation(db, first, donationId);
  }
}
