import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { artWorkshopPlaces } from '../programmes/repository/for-inventory';
import { insertDemoStock, listItems } from './repository';

/**
 * The demonstration's art materials (issue 15, item 6): where a ceramics or plastic-arts
 * workshop runs (the programmes' demonstration data, so this runs after it), clay, glazes,
 * paints and paper bought this year at a unit cost — what the budget executes on its
 * materiales line —, a donated entry without one, what the workshops took since, and a
 * minimum or two (one below it). Deterministic.
 */

const DAY = 86_400_000;

/** Item, quantity bought, unit cost in céntimos, how much of it the workshop took, minimum (null: none). */
type Supply = [item: string, quantity: number, unitCostCentimos: number, used: number, minimum: number | null];

const supplies: Record<'ceramica' | 'artes_plasticas', { workshop: string; list: Supply[] }> = {
  ceramica: {
    workshop: 'Taller de cerámica de alta temperatura',
    list: [
      ['Arcilla de alta temperatura (gres)', 150, 450, 60, 30],
      ['Arcilla roja', 100, 250, 35, null],
      ['Esmalte cerámico', 8, 6500, 3, 2],
      ['Engobe', 5, 3500, 2, null],
      ['Óxidos colorantes', 2, 12000, 1, null],
    ],
  },
  artes_plasticas: {
    workshop: 'Taller de pintura y dibujo',
    list: [
      ['Pintura acrílica', 24, 1800, 10, 6],
      ['Pintura al óleo', 20, 2500, 12, 5],
      ['Pinceles', 6, 3500, 2, null],
      ['Lienzo', 15, 2800, 6, null],
      ['Papel para dibujo', 100, 150, 40, null],
    ],
  },
};

export async function generateArtMaterials(db: Knex, actor: Actor, now: string): Promise<void> {
  const today = Date.parse(now.slice(0, 10));
  const year = now.slice(0, 4);
  // Days ago, but never before this year's first day: the purchases are this year's budget.
  const daysAgo = (n: number) => {
    const day = new Date(today - n * DAY).toISOString().slice(0, 10);
    return day.startsWith(year) ? day : `${year}-01-01`;
  };
  const ids = new Map((await listItems(db)).filter((i) => i.category === 'arte').map((i) => [i.name, i.id]));
  const rows: Record<string, unknown>[] = [];
  const mins: Record<string, unknown>[] = [];
  const row = (itemId: number, establishmentId: number, kind: 'ingreso' | 'entrega', quantity: number, date: string, more = {}) =>
    rows.push({
      item_id: itemId,
      establishment_id: establishmentId,
      kind,
      quantity: kind === 'entrega' ? -quantity : quantity,
      date,
      recipient: null,
      notes: null,
      unit_cost_centimos: null,
      recorded_at: now,
      recorded_by: actor.name,
      ...more,
    });
  const seen = new Set<string>();
  const places = await artWorkshopPlaces(db);
  places.forEach((place, n) => {
    const { workshop, list } = supplies[place.programme];
    // Larger prisons, larger orders: one, one and a quarter or one and a half of the list.
    const scale = 1 + (n % 3) * 0.25;
    for (const [name, bought, unitCost, used, minimum] of list) {
      const itemId = ids.get(name);
      const key = `${itemId}-${place.establishmentId}`;
      if (itemId === undefined || seen.has(key)) continue;
      seen.add(key);
      const quantity = Math.round(bought * scale);
      row(itemId, place.establishmentId, 'ingreso', quantity, daysAgo(75), {
        unit_cost_centimos: unitCost,
        notes: `Orden de compra OC-${year}-MAT-${String(100 + n)} (demo)`,
      });
      row(itemId, place.establishmentId, 'entrega', Math.min(quantity, Math.round(used * scale)), daysAgo(30), { recipient: workshop });
      if (minimum !== null) mins.push({ item_id: itemId, establishment_id: place.establishmentId, minimum });
    }
    // The first ceramics workshop also received a donation of clay: an entry without a unit cost.
    if (place.programme === 'ceramica' && places.findIndex((p) => p.programme === 'ceramica') === n) {
      const itemId = ids.get('Arcilla roja');
      if (itemId !== undefined) row(itemId, place.establishmentId, 'ingreso', 50, daysAgo(20), { notes: 'Donación de un aliado (demo)' });
    }
  });
  await insertDemoStock(db, rows, mins);
}
