import { normalizeText } from '../../../shared/format';
import { eventsPlan, type DemoContext } from './demo-data';
import { insertDemoEvent, insertDemoSeasonRow, linkDemoEventEnsemble, linkDemoEventPartner } from './repository/demo-rows';

/**
 * The demonstration's season of recitals and educational concerts (programmes/demo.ts calls it
 * last): its events with audiences (counted for the dates already past), partners and ensembles.
 */
export async function insertDemoSeason(
  { db, stamp, today, year }: DemoContext,
  ests: ReadonlyArray<{ id: number }>,
  partnerIds: number[],
  ensembleIds: number[],
  rnd: () => number,
  pick: <T>(xs: readonly T[]) => T,
): Promise<void> {
  // The season of recitals and educational concerts, with audiences.
  const seasonId = await insertDemoSeasonRow(db, {
    name: `Temporada ${year} de recitales y conciertos educativos`,
    start_date: `${year}-03-01`,
    end_date: `${year}-12-20`,
    ...stamp,
  });
  for (const [i, [type, title, month, day, partner]] of eventsPlan.entries()) {
    const e = ests[i % ests.length]!;
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const external = type === 'presentacion_externa' || type === 'inauguracion_exposicion';
    const past = date <= today;
    const aud = (lo: number, hi: number) => (past ? lo + Math.floor(rnd() * (hi - lo)) : 0);
    const eventId = await insertDemoEvent(db, {
      type,
      season_id: seasonId,
      title,
      title_key: normalizeText(title),
      date,
      time: pick(['10:00', '11:00', '15:00', '16:30']),
      venue_kind: external ? 'externo' : 'establecimiento',
      establishment_id: external ? null : e.id,
      venue_name: external
        ? type === 'inauguracion_exposicion'
          ? 'Museo de Artes y Tradiciones Populares (PUCP)'
          : 'Plaza Mayor de Lima'
        : null,
      audience_internos: external ? 0 : aud(80, 420),
      audience_familiares: aud(10, 90),
      audience_personal: aud(8, 40),
      audience_externo: external ? aud(120, 600) : aud(0, 30),
      audience_autoridades: aud(2, 12),
      notes: null,
      ...stamp,
    });
    if (partner !== null && partnerIds[partner]) await linkDemoEventPartner(db, eventId, partnerIds[partner], date);
    const ens = ensembleIds[i % ensembleIds.length];
    if (ens) await linkDemoEventEnsemble(db, eventId, ens);
  }
}
