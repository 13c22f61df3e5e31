import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import {
  allowedKinds,
  applyMovement,
  type Condition,
  type InstrumentState,
  isArtFamily,
  type MovementEffect,
  type MovementKind,
  type MusicFamily,
} from '../../../shared/inventory/rules';
import { establishmentIdsWhere } from '../establishments/repository';
import {
  activeTypes,
  insertDemoRegister,
  insertDemoStock,
  instrumentSearchText,
  itemIds,
  lastInstrumentId,
  stateColumns,
} from './repository';
import { prng } from '../demo/prng';

/**
 * Instruments with believable histories for the demonstration dataset and the bench.
 * Every history is produced by the same state machine that guards the channels, so the
 * generated ledger is one the app itself could have written. Deterministic (seeded).
 */

export interface InventoryScale {
  instruments: number;
  /** Average movements per instrument, alta and first assignment included. */
  movementsPerInstrument: number;
  /** Only these establishments receive instruments (null: every active one). */
  establishmentIds: number[] | null;
  seed: number;
}

const brands: Record<MusicFamily, string[]> = {
  cuerdas_frotadas: ['Stentor', 'Yamaha', 'Cremona', 'Palatino'],
  cuerdas_pulsadas: ['Yamaha', 'Admira', 'Falcon', 'Artesanal (Ayacucho)'],
  vientos_madera: ['Yamaha', 'Jupiter', 'Buffet Crampon', 'Artesanal (Puno)'],
  vientos_metal: ['Yamaha', 'Jupiter', 'Bach', 'Conn'],
  percusion: ['Pearl', 'Ludwig', 'Majestic', 'Artesanal (Chincha)'],
  teclados: ['Yamaha', 'Casio', 'Roland', 'Hohner'],
  audio_accesorios: ['Behringer', 'Shure', 'Peavey', 'Hercules'],
};
const basePrice: Record<MusicFamily, number> = {
  cuerdas_frotadas: 120000,
  cuerdas_pulsadas: 60000,
  vientos_madera: 180000,
  vientos_metal: 320000,
  percusion: 90000,
  teclados: 250000,
  audio_accesorios: 40000,
};
const people = ['Luis Quispe', 'Rosa Mamani', 'Carlos Huamán', 'Ana Flores', 'Jorge Chávez', 'María Condori'];
const providers = ['Taller Luthería Lima', 'Casa Musical Arequipa', 'Servicio Técnico Yamaha Perú'];

const weights: Partial<Record<MovementKind, number>> = {
  despacho: 3,
  recepcion: 12,
  entrega: 5,
  devolucion: 5,
  envio_reparacion: 1.2,
  retorno_reparacion: 8,
  cambio_estado: 2,
  baja: 0.15,
  extravio: 0.1,
  hallazgo: 2,
  asignacion: 6,
};

/**
 * The national dataset (every active establishment: the bench's) as issue 15 sizes it: about
 * 20,000 hand-overs among its 30,000 instruments, and an expected return only on hand-overs of
 * the last two years (the older ones are standing custodies), so that about one held
 * instrument in ten is overdue. The demonstration keeps its own weights: other tests read
 * its data.
 */
const nationalWeights: typeof weights = { ...weights, entrega: 1.1 };
const NATIONAL_DUE_WITHIN_DAYS = 730;

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The columns of a movement the generated ledger leaves empty: custodians, papers, costs, batches and counts. */
const EMPTY_IN_DEMO = [
  ...['custodian_type', 'custodian_name', 'custodian_id', 'due_date', 'document_number', 'person', 'provider'],
  ...['cost_centimos', 'description', 'batch_id', 'stocktake_id'],
];

/** One row of a generated ledger: the movement `effect` took the instrument from `before` to `after` on `day` (ms). */
export function demoLedgerRow(
  at: { instrumentId: number; seq: number; day: number; actor: Actor },
  effect: MovementEffect,
  before: InstrumentState | null,
  after: InstrumentState,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const kind = effect.kind;
  return {
    instrument_id: at.instrumentId,
    seq: at.seq,
    kind,
    date: isoDay(at.day),
    recorded_at: new Date(at.day + 15 * 3600000).toISOString(),
    recorded_by: at.actor.name,
    from_establishment_id: before?.establishmentId ?? null,
    to_establishment_id:
      'toEstablishmentId' in effect ? effect.toEstablishmentId : kind === 'recepcion' ? (before?.transitTo ?? null) : null,
    ...Object.fromEntries(EMPTY_IN_DEMO.map((column) => [column, null])),
    condition: 'condition' in effect ? (effect.condition ?? null) : null,
    status_after: after.status,
    establishment_after_id: after.establishmentId,
    ...extra,
  };
}

export async function generateInventory(
  db: Knex,
  scale: InventoryScale,
  actor: Actor,
  now: string,
  /** The INPE staff of each establishment: who receives the demonstration's hand-overs (by id). */
  staff: ReadonlyMap<number, ReadonlyArray<{ id: number; name: string }>> = new Map(),
): Promise<{ instruments: number; movements: number }> {
  const rnd = prng(scale.seed);
  const national = scale.establishmentIds === null;
  const weightOf = national ? nationalWeights : weights;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // The musical instruments only: the art equipment (issue 15, item 6) is generateArtEquipment's, where its workshops run.
  const types = (await activeTypes(db)).filter((t): t is typeof t & { family: MusicFamily } => !isArtFamily(t.family));
  const places = scale.establishmentIds ?? (await establishmentIdsWhere(db, { active: true }));
  if (places.length < 2 || types.length === 0) return { instruments: 0, movements: 0 };
  const existing = await lastInstrumentId(db);

  const instrumentRows: Record<string, unknown>[] = [];
  const movementRows: Record<string, unknown>[] = [];
  const today = Date.parse(now.slice(0, 10));
  let movements = 0;

  for (let k = 0; k < scale.instruments; k++) {
    const type = pick(types);
    const brand = pick(brands[type.family]);
    const acquired = today - Math.floor(rnd() * 6 * 365 + 60) * 86400000;
    const code = `INPE-${new Date(acquired).getUTCFullYear()}-${String(existing + k + 1).padStart(6, '0')}`;
    const serial =
      rnd() < 0.7
        ? `SN${Math.floor(rnd() * 1e8)
            .toString()
            .padStart(8, '0')}`
        : null;
    const model = rnd() < 0.6 ? `M-${100 + Math.floor(rnd() * 800)}` : null;
    const cost = Math.round((basePrice[type.family] * (0.6 + rnd() * 1.2)) / 100) * 100;
    const id = existing + k + 1;

    const condition0: Condition = rnd() < 0.8 ? 'nuevo' : 'bueno';
    let s: InstrumentState = (applyMovement(null, { kind: 'alta', condition: condition0 }) as { ok: true; state: InstrumentState }).state;
    let seq = 0;
    let day = acquired;
    const record = (effect: MovementEffect, before: InstrumentState | null, after: InstrumentState, extra: Record<string, unknown>) => {
      seq++;
      movementRows.push(demoLedgerRow({ instrumentId: id, seq, day, actor }, effect, before, after, extra));
    };
    record({ kind: 'alta', condition: condition0 }, null, s, {});
    const first: MovementEffect = { kind: 'asignacion', toEstablishmentId: pick(places) };
    day += 86400000 * (5 + Math.floor(rnd() * 30));
    const assigned = applyMovement(s, first);
    if (assigned.ok) {
      record(first, s, assigned.state, { document_number: `PECOSA-${1000 + k}` });
      s = assigned.state;
    }

    const target = Math.max(0, Math.round(scale.movementsPerInstrument - 2 + (rnd() - 0.5) * 4));
    for (let m = 0; m < target; m++) {
      const options = allowedKinds(s).filter((x) => (weightOf[x] ?? 0) > 0);
      if (options.length === 0) break;
      const total = options.reduce((a, x) => a + weightOf[x]!, 0);
      let r = rnd() * total;
      let kind = options[0]!;
      for (const x of options) {
        r -= weightOf[x]!;
        if (r <= 0) {
          kind = x;
          break;
        }
      }
      const elsewhere = () => {
        const others = places.filter((p) => p !== s.establishmentId);
        return pick(others.length ? others : places);
      };
      const cond = (): Condition => {
        const r = rnd();
        return r < 0.5 ? 'bueno' : r < 0.75 ? 'regular' : r < 0.9 ? 'malo' : 'inoperativo';
      };
      let effect: MovementEffect;
      let extra: Record<string, unknown> = {};
      let withDue = false;
      switch (kind) {
        case 'asignacion':
          effect = { kind, toEstablishmentId: pick(places) };
          break;
        case 'despacho':
          effect = { kind, toEstablishmentId: elsewhere() };
          extra = { document_number: `ACTA-TR-${k}-${m}`, person: pick(people) };
          break;
        case 'recepcion':
          effect = { kind, condition: cond() };
          extra = { person: pick(people) };
          break;
        case 'entrega': {
          const here = staff.get(s.establishmentId ?? -1) ?? [];
          if (here.length === 0) continue;
          const who = pick(here);
          // Since the day it is recorded (set below); four in ten with an expected return 90 days later.
          withDue = rnd() < 0.4;
          effect = { kind, custodian: { type: 'personal', id: who.id, name: who.name, since: null, due: null } };
          extra = { custodian_type: 'personal', custodian_name: who.name, custodian_id: who.id };
          break;
        }
        case 'devolucion':
          effect = { kind, condition: null };
          extra = {
            custodian_type: s.custodian?.type ?? null,
            custodian_name: s.custodian?.name ?? null,
            custodian_id: s.custodian?.id ?? null,
          };
          break;
        case 'envio_reparacion':
          effect = { kind };
          extra = { provider: pick(providers), description: 'Ajuste y mantenimiento' };
          break;
        case 'retorno_reparacion':
          effect = { kind, condition: rnd() < 0.8 ? 'bueno' : 'regular' };
          extra = { cost_centimos: Math.round(rnd() * 400) * 100 };
          break;
        case 'cambio_estado':
          effect = { kind, condition: cond() };
          break;
        case 'baja':
          effect = { kind };
          extra = { document_number: `RD-${100 + k}-2026-INPE`, description: 'Deterioro irreparable' };
          break;
        case 'extravio':
          effect = { kind };
          extra = { description: 'No ubicado en el establecimiento' };
          break;
        case 'hallazgo':
          effect = { kind, toEstablishmentId: s.establishmentId ?? pick(places), condition: null };
          break;
        default:
          continue;
      }
      const next = applyMovement(s, effect);
      if (!next.ok) continue;
      day = Math.min(today, day + 86400000 * (3 + Math.floor(rnd() * 60)));
      if (next.state.custodian && effect.kind === 'entrega') {
        const dated = withDue && (!national || day > today - NATIONAL_DUE_WITHIN_DAYS * 86400000);
        const due = dated ? isoDay(day + 90 * 86400000) : null;
        next.state.custodian = { ...next.state.custodian, since: isoDay(day), due };
        extra = { ...extra, due_date: due };
      }
      record(effect, s, next.state, extra);
      s = next.state;
    }
    // Most transfers and repairs of the past have come back by now.
    for (const [status, effect, extra] of [
      ['en_transito', { kind: 'recepcion', condition: s.condition }, { person: pick(people) }],
      ['en_reparacion', { kind: 'retorno_reparacion', condition: 'bueno' }, { cost_centimos: Math.round(rnd() * 300) * 100 }],
    ] as const) {
      if (s.status !== status || rnd() > 0.8) continue;
      const next = applyMovement(s, effect as MovementEffect);
      if (!next.ok) continue;
      day = Math.min(today, day + 86400000 * 4);
      record(effect as MovementEffect, s, next.state, { ...extra });
      s = next.state;
    }
    movements += seq;
    instrumentRows.push({
      id,
      code,
      serial_number: serial,
      type_id: type.id,
      brand,
      model,
      acquisition_date: isoDay(acquired),
      cost_centimos: cost,
      funding: rnd() < 0.8 ? 'presupuesto_inpe' : rnd() < 0.5 ? 'donacion' : 'aliado',
      supplier: rnd() < 0.8 ? 'Proveedor adjudicado (demo)' : null,
      supplier_document: rnd() < 0.8 ? `OC-${2019 + Math.floor(rnd() * 7)}-${1000 + k}` : null,
      notes: null,
      search_text: instrumentSearchText({ code, serialNumber: serial, brand, model }),
      ...stateColumns(s),
      movement_count: seq,
      version: 1,
      created_at: new Date(acquired).toISOString(),
      created_by: actor.name,
      updated_at: new Date(day).toISOString(),
      updated_by: actor.name,
    });
    if (instrumentRows.length >= 1000) await flush();
  }
  await flush();
  return { instruments: scale.instruments, movements };

  async function flush() {
    await insertDemoRegister(db, instrumentRows.splice(0), movementRows.splice(0));
  }
}

/** A little consumable stock for the demonstration: entries, deliveries and one item below its minimum. */
export async function generateConsumables(db: Knex, establishmentIds: number[], actor: Actor, now: string): Promise<void> {
  const items = await itemIds(db);
  const rows: Record<string, unknown>[] = [];
  const mins: Record<string, unknown>[] = [];
  const date = now.slice(0, 10);
  establishmentIds.forEach((e, ei) => {
    items.slice(0, 6).forEach((item, ii) => {
      const qty = 10 + ((ei * 7 + ii * 3) % 15);
      rows.push({
        item_id: item,
        establishment_id: e,
        kind: 'ingreso',
        quantity: qty,
        date,
        recipient: null,
        notes: 'Dotación inicial (demo)',
        recorded_at: now,
        recorded_by: actor.name,
      });
      const used = ei === 0 && ii === 0 ? qty - 2 : Math.floor(qty / 3);
      rows.push({
        item_id: item,
        establishment_id: e,
        kind: 'entrega',
        quantity: -used,
        date,
        recipient: 'Taller de música',
        notes: null,
        recorded_at: now,
        recorded_by: actor.name,
      });
      mins.push({ item_id: item, establishment_id: e, minimum: 5 });
    });
  });
  await insertDemoStock(db, rows, mins);
}
