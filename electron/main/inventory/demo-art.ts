import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { applyMovement, type Condition, type InstrumentState, type MovementEffect } from '../../../shared/inventory/rules';
import { artWorkshopPlaces } from '../programmes/repository/for-inventory';
import { prng } from '../demo/prng';
import { demoLedgerRow, isoDay } from './demo';
import { activeTypes, insertDemoRegister, instrumentSearchText, lastInstrumentId, stateColumns } from './repository';

/**
 * The demonstration's art equipment (issue 15, item 6): kilns, potter's wheels, easels and
 * tool sets, registered and moved as instruments are, only where a ceramics or plastic-arts
 * workshop runs (the programmes' demonstration data, so this runs after it), plus a few
 * spares in the central warehouse. Bought with INPE's budget two or more years ago, assigned to
 * the establishment and never handed to anyone. Deterministic (seeded).
 */

type Kit = Array<[type: string, min: number, max: number]>;

/** What each workshop's establishment receives: a type, at least and at most how many. */
const kits: Record<'ceramica' | 'artes_plasticas', Kit> = {
  ceramica: [
    ['Horno cerámico de alta temperatura', 1, 1],
    ['Torno de alfarero', 2, 4],
    ['Mesa de modelado', 1, 2],
    ['Juego de herramientas de modelado', 2, 3],
    ['Balanza de esmaltes', 1, 1],
  ],
  artes_plasticas: [
    ['Caballete', 3, 5],
    ['Mesa de dibujo', 1, 1],
    ['Juego de espátulas', 2, 2],
  ],
};
/** Spares bought for the next workshops, still in the central warehouse. */
const spares: Kit = [
  ['Torno de alfarero', 1, 1],
  ['Caballete', 2, 2],
];

/** Each type's brands and price in céntimos (before a ±20 % spread); `serial`: whether it bears a serial number. */
const catalog: Record<string, { brands: string[]; price: number; serial: boolean }> = {
  'Horno cerámico de alta temperatura': { brands: ['Nabertherm', 'Artesanal (Chulucanas)'], price: 2_400_000, serial: true },
  'Torno de alfarero': { brands: ['Shimpo', 'Brent'], price: 450_000, serial: true },
  'Mesa de modelado': { brands: ['Artesanal (Lima)'], price: 80_000, serial: false },
  'Juego de herramientas de modelado': { brands: ['Kemper', 'Mudtools'], price: 12_000, serial: false },
  'Balanza de esmaltes': { brands: ['Ohaus', 'Henkel'], price: 60_000, serial: true },
  Caballete: { brands: ['Mabef', 'Artesanal (Lima)'], price: 35_000, serial: false },
  'Mesa de dibujo': { brands: ['Artesanal (Lima)'], price: 90_000, serial: false },
  'Juego de espátulas': { brands: ['Winsor & Newton', 'Artesanal (Quinua)'], price: 8_000, serial: false },
};

export async function generateArtEquipment(db: Knex, actor: Actor, now: string): Promise<{ items: number }> {
  const rnd = prng(615);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const typeIds = new Map((await activeTypes(db)).map((t) => [t.name, t.id]));
  const today = Date.parse(now.slice(0, 10));
  const places = await artWorkshopPlaces(db);
  // One purchase per establishment and workshop, then the spares: each is an order (OC) and a dispatch note (PECOSA).
  const orders: Array<{ establishmentId: number | null; kit: Kit }> = [
    ...places.map((p) => ({ establishmentId: p.establishmentId, kit: kits[p.programme] })),
    { establishmentId: null, kit: spares },
  ];
  let id = await lastInstrumentId(db);
  const instruments: Record<string, unknown>[] = [];
  const movements: Record<string, unknown>[] = [];
  orders.forEach((order, n) => {
    // Before the two fiscal years the demonstration has budgets for (this one and the last): the
    // equipment was bought years ago, and those budgets' materiales lines are the consumables'.
    const bought = today - (760 + Math.floor(rnd() * 700)) * 86_400_000;
    const year = new Date(bought).getUTCFullYear();
    const dispatched = bought + (10 + Math.floor(rnd() * 30)) * 86_400_000;
    for (const [name, min, max] of order.kit) {
      const typeId = typeIds.get(name);
      const about = catalog[name]!;
      if (typeId === undefined) continue;
      const count = min + Math.floor(rnd() * (max - min + 1));
      for (let k = 0; k < count; k++) {
        id++;
        const condition: Condition = rnd() < 0.7 ? 'nuevo' : 'bueno';
        const code = `INPE-${year}-${String(id).padStart(6, '0')}`;
        const serialNumber = about.serial ? `SN${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` : null;
        const brand = pick(about.brands);
        const alta: MovementEffect = { kind: 'alta', condition };
        const stocked = (applyMovement(null, alta) as { ok: true; state: InstrumentState }).state;
        let s = stocked;
        movements.push(demoLedgerRow({ instrumentId: id, seq: 1, day: bought, actor }, alta, null, s));
        if (order.establishmentId !== null) {
          const assign: MovementEffect = { kind: 'asignacion', toEstablishmentId: order.establishmentId };
          s = (applyMovement(stocked, assign) as { ok: true; state: InstrumentState }).state;
          movements.push(
            demoLedgerRow({ instrumentId: id, seq: 2, day: dispatched, actor }, assign, stocked, s, {
              document_number: `PECOSA-ART-${100 + n}`,
            }),
          );
        }
        instruments.push({
          id,
          code,
          serial_number: serialNumber,
          type_id: typeId,
          brand,
          model: null,
          acquisition_date: isoDay(bought),
          cost_centimos: Math.round((about.price * (0.8 + rnd() * 0.4)) / 100) * 100,
          funding: 'presupuesto_inpe',
          supplier: 'Proveedor adjudicado (demo)',
          supplier_document: `OC-${year}-ART-${100 + n}`,
          notes: null,
          search_text: instrumentSearchText({ code, serialNumber, brand, model: null }),
          ...stateColumns(s),
          movement_count: order.establishmentId === null ? 1 : 2,
          version: 1,
          created_at: new Date(bought).toISOString(),
          created_by: actor.name,
          updated_at: new Date(order.establishmentId === null ? bought : dispatched).toISOString(),
          updated_by: actor.name,
        });
      }
    }
  });
  await insertDemoRegister(db, instruments, movements);
  return { items: instruments.length };
}
