import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { insertEstablishment, type EstablishmentValues } from '../establishments/repository';
import { demoEstablishments, demoProgrammeEstablishments } from './establishments';

/**
 * demo: a small, living programme for a newcomer (the seven programme establishments and a
 * few more); national: every establishment, as the bench measures. Later modules add
 * their own data to the same generator.
 */
export type Scale = 'demo' | 'national';

export interface Dataset {
  establishments: EstablishmentValues[];
}

export async function buildDataset(db: Knex, scale: Scale): Promise<Dataset> {
  const offices = (await db('regional_offices').select('id', 'code')) as Array<{ id: number; code: string }>;
  const officeId = new Map(offices.map((o) => [o.code, o.id]));
  const perRegion = new Map<string, number>();
  const establishments: EstablishmentValues[] = [];
  for (const [region, name, city, population] of demoEstablishments) {
    const inProgramme = demoProgrammeEstablishments.has(name);
    const n = (perRegion.get(region) ?? 0) + 1;
    perRegion.set(region, n);
    // The demonstration keeps the programme's seven and two more per regional office.
    if (scale === 'demo' && !inProgramme && n > 2) continue;
    establishments.push({
      code: `EP-${region}-${String(n).padStart(2, '0')}`,
      name,
      city,
      population,
      inProgramme,
      regionalOfficeId: officeId.get(region)!,
    });
  }
  return { establishments };
}

/** Inserts a dataset through the same repository functions the channels use. Call inside a transaction. */
export async function loadDataset(db: Knex, data: Dataset, actor: Actor, now: string): Promise<{ establishments: number }> {
  for (const e of data.establishments) await insertEstablishment(db, e, actor, now);
  return { establishments: data.establishments.length };
}
