import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import {
  establishmentIdsWhere,
  insertEstablishment,
  regionalOfficeIdsByCode,
  type EstablishmentValues,
} from '../establishments/repository';
import {
  demoEstablishments,
  demoProgrammeEstablishments,
  generateDemoPopulation,
  generateDemoStaff,
} from '../establishments/repository/demo';
import { generateConsumables, generateInventory } from '../inventory/demo';
import { linkDemoDonations } from '../inventory/demo-donations';
import { generateArtEquipment } from '../inventory/demo-art';
import { generateArtMaterials } from '../inventory/demo-consumables';
import { generateContracts } from '../contracts/demo';
import { generateDemoExpenses } from '../contracts/demo-expenses';
import { generateProgrammes } from '../programmes/demo';
import { finishDemoTeachers } from '../programmes/repository/demo-teachers';
import { generateDemoInitiatives } from '../programmes/demo-initiatives';
import { generateInternArte } from '../internarte/demo';
import { resetSequences } from '../db/dialect';
import type { StoreOrFolder } from '../files/store';

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
  const officeId = await regionalOfficeIdsByCode(db);
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

/** How much inventory each scale gets: the programme's 7 prisons today; 30,000 instruments nationally. */
export const inventoryScales = {
  demo: { instruments: 140, movementsPerInstrument: 4, seed: 2026 },
  national: { instruments: 30_000, movementsPerInstrument: 10.4, seed: 69 },
} as const;

/** The establishments of a dataset alone, through the repository the channels use. */
export async function loadEstablishments(db: Knex, data: Dataset, actor: Actor, now: string): Promise<void> {
  for (const e of data.establishments) await insertEstablishment(db, e, actor, now);
}

/**
 * Inserts a dataset: establishments through the same repository functions the channels
 * use, then the inventory made by the same state machine. Call inside a transaction.
 */
export async function loadDataset(
  db: Knex,
  data: Dataset,
  actor: Actor,
  now: string,
  scale: Scale = 'demo',
  /** Where generated photos go (InternArte's works: the attachment store, or a folder); without it the works have none. */
  attachmentsDir: StoreOrFolder | null = null,
): Promise<{ establishments: number; instruments: number; artEquipment: number; movements: number }> {
  await loadEstablishments(db, data, actor, now);
  const programme = await establishmentIdsWhere(db, { inProgramme: true });
  const staff = await generateDemoStaff(db, await establishmentIdsWhere(db, { active: true }), actor, now);
  await generateDemoPopulation(db, programme, actor, now);
  const inventory = await generateInventory(
    db,
    { ...inventoryScales[scale], establishmentIds: scale === 'demo' ? programme : null },
    actor,
    now,
    staff,
  );
  if (scale === 'demo') await generateConsumables(db, programme, actor, now);
  const everyActive = await establishmentIdsWhere(db, { active: true });
  await generateProgrammes(db, scale, scale === 'demo' ? programme : everyActive, actor, now);
  if (scale === 'demo') await linkDemoDonations(db);
  // The kilns, wheels and easels go where the ceramics and plastic-arts workshops run: after the programmes.
  const art = scale === 'demo' ? await generateArtEquipment(db, actor, now) : { items: 0 };
  // The clay, glazes and paints they bought this year (materiales in the budget), where those workshops run.
  if (scale === 'demo') await generateArtMaterials(db, actor, now);
  await generateContracts(db, scale, scale === 'demo' ? programme : everyActive, actor, now);
  if (scale === 'demo') await finishDemoTeachers(db, now);
  if (scale === 'demo') await generateInternArte(db, programme, attachmentsDir, actor, now);
  // The budget's expenses name the year's events, workshops and exhibitions: after them.
  if (scale === 'demo') await generateDemoExpenses(db, actor, now);
  // The initiatives group the records above (issue 17, item 1): last, once every one exists.
  if (scale === 'demo') await generateDemoInitiatives(db, actor, now);
  await resetSequences(db); // office mode: the dataset inserts explicit ids
  return { establishments: data.establishments.length, ...inventory, artEquipment: art.items };
}
