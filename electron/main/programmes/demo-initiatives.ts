import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { normalizeText } from '../../../shared/format';
import { unlinkedExpensesFor } from '../contracts/repository/for-programmes';
import { insertInitiative, memberStores, type MemberStore } from './repository';
import * as rows from './repository/demo-rows';

/**
 * The demonstration's initiatives (issue 17, item 1), as INPE's own description of the
 * programme names them (../shared/seed/programme-description.txt), with the demonstration's
 * records linked: music workshops and ensembles to INPE Orquestando, ceramics workshops to the
 * capacity building, the season's events to the season (those with the Municipalidad to Arte
 * sin Barreras, the exhibition's opening with the museum to InternArte), the exhibitions to
 * InternArte, and each expense to the initiative of the event, workshop or exhibition it was
 * for. Called last (demo/generate.ts), after every record exists; it draws no random numbers,
 * so the rest of the demonstration stays as it was.
 */

const MUNICIPALITY = 'Municipalidad Metropolitana de Lima';
const MINEDU = 'Ministerio de Educación (MINEDU)';
const MUSEUM = 'Museo de Artes y Tradiciones Populares — Instituto Riva-Agüero (PUCP)';

type Key = 'season' | 'barriers' | 'internarte' | 'ceramics' | 'orchestra';

const plan = (year: number): Array<{ key: Key; name: string; startYear: number; description: string; partner: string | null }> => [
  {
    key: 'season',
    name: 'Temporada de recitales y conciertos didácticos',
    startYear: year - 2,
    description:
      'Una conexión artística inclusiva: educación musical que influye directamente en la formación cognitiva, social y humana de los estudiantes privados de libertad.',
    partner: MINEDU,
  },
  {
    key: 'barriers',
    name: 'Arte sin Barreras',
    startYear: 2019,
    description: 'Alianza entre el INPE y la Municipalidad Metropolitana de Lima: propuestas escénicas para la población penitenciaria.',
    partner: MUNICIPALITY,
  },
  {
    key: 'internarte',
    name: 'InternArte: otra forma de libertad',
    startYear: year - 1,
    description:
      'Exposición de artes plásticas de internos de los establecimientos penitenciarios, en alianza con el Museo de Artes y Tradiciones Populares del Instituto Riva-Agüero de la PUCP.',
    partner: MUSEUM,
  },
  {
    key: 'ceramics',
    name: 'Capacitación en cerámica de alta temperatura',
    startYear: year - 1,
    description:
      'Talleres de capacitación en escultura y cerámica para fortalecer los procesos artísticos, en especial la producción de cerámica de alta temperatura.',
    partner: null,
  },
  {
    key: 'orchestra',
    name: 'INPE Orquestando',
    startYear: year - 3,
    description:
      'Talleres de educación musical, con los elencos que forman: bandas sinfónicas, coros polifónicos, ensambles de percusión y una orquesta sinfónica.',
    partner: null,
  },
];

export async function generateDemoInitiatives(db: Knex, actor: Actor, now: string): Promise<void> {
  const year = Number(now.slice(0, 4));
  const partnerId = await rows.partnerIdsByNameKey(db);
  const idOf = {} as Record<Key, number>;
  for (const p of plan(year)) {
    const partner = p.partner === null ? undefined : partnerId.get(normalizeText(p.partner));
    const agreementIds = partner === undefined ? [] : await rows.agreementIdsOfPartner(db, partner);
    idOf[p.key] = await insertInitiative(
      db,
      {
        name: p.name,
        startYear: p.startYear,
        endYear: null,
        description: p.description,
        partnerIds: partner ? [partner] : [],
        agreementIds,
      },
      actor,
      now,
    );
  }

  const { workshops, ensembles, events, exhibitions, expenses } = memberStores;
  const link = async (store: MemberStore, key: Key, recordIds: number[]) => {
    if (recordIds.length > 0) await store.move(db, recordIds, null, idOf[key]);
  };
  await link(workshops, 'orchestra', await rows.workshopIdsOfProgramme(db, 'inpe_orquestando'));
  await link(workshops, 'ceramics', await rows.workshopIdsOfProgramme(db, 'ceramica'));
  await link(ensembles, 'orchestra', await rows.allEnsembleIds(db));
  const withPartner = async (name: string) => rows.eventIdsWithPartner(db, partnerId.get(normalizeText(name)) ?? 0);
  await link(events, 'barriers', await withPartner(MUNICIPALITY));
  await link(events, 'internarte', await withPartner(MUSEUM));
  await link(events, 'season', await rows.seasonEventIdsWithoutInitiative(db));
  await link(
    exhibitions,
    'internarte',
    (await exhibitions.of(db, null)).map((x) => x.id),
  );

  // Each expense goes with what it was for.
  const initiativeOf = async (store: MemberStore, id: number | null) =>
    id === null ? null : ((await store.initiatives(db, [id])).get(id) ?? null);
  for (const e of await unlinkedExpensesFor(db)) {
    const to =
      (await initiativeOf(events, e.eventId)) ??
      (await initiativeOf(workshops, e.workshopId)) ??
      (await initiativeOf(exhibitions, e.exhibitionId));
    if (to !== null) await expenses.move(db, [e.id], null, to);
  }
}
