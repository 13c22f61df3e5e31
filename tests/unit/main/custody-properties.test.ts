import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { addDays } from '../../../shared/format';
import {
  applyMovement,
  stateOf,
  type Condition,
  type CustodianType,
  type InstrumentState,
  type MovementEffect,
} from '../../../shared/inventory/rules';
import type { Result } from '../../../shared/ipc';
import { handOver, newViolin, testApp, validEstablishment, type TestApp } from '../../helpers/services';

/**
 * Property-based, on a real database through the channel handlers: whatever sequence of
 * hand-overs, returns, transfers between establishments, participants' custody changes,
 * losses, findings, stocktakes and "the instrument follows the participant" a clerk attempts
 * (refused steps included: they must change nothing), after every step
 *  (a) no instrument has two holders, and its cached state is what replaying its ledger
 *      through the shared state machine gives;
 *  (b) every instrument held by a participant who is not active, or who is at another
 *      establishment than the instrument, has exactly one open recovery item;
 *  (c) no open recovery item points to an instrument that participant no longer holds.
 * Each run builds its own small world (3 establishments, their people, 4 instruments) in the
 * app's database; fixed seeds keep CI stable (24 runs of up to 24 steps).
 */

const ESTABLISHMENTS = 3;
const PARTICIPANTS = 6; // two per establishment
const INSTRUMENTS = 4;

const who = fc.integer({ min: 0, max: PARTICIPANTS - 1 });
const instrument = fc.integer({ min: 0, max: INSTRUMENTS - 1 });
const place = fc.integer({ min: 0, max: ESTABLISHMENTS - 1 });

type Step =
  | { t: 'give'; i: number; type: 'participante' | 'personal' | 'elenco'; who: number; local: boolean; due: boolean }
  | { t: 'return'; i: number }
  | { t: 'dispatch'; i: number; to: number }
  | { t: 'receive'; k: number }
  | { t: 'custody'; p: number; holder: boolean; kind: 'traslado' | 'egreso' | 'retiro' | 'reincorporacion'; to: number | null }
  | { t: 'lose'; i: number }
  | { t: 'find'; i: number; at: number }
  | { t: 'follow'; k: number }
  | { t: 'stocktake'; at: number; i: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('give' as const),
      i: instrument,
      type: fc.constantFrom('participante' as const, 'participante' as const, 'personal' as const, 'elenco' as const),
      who,
      // Mostly someone of the instrument's establishment (else the hand-over is refused, which is tried too).
      local: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      due: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('return' as const), i: instrument }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('dispatch' as const), i: instrument, to: place }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('receive' as const), k: instrument }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('custody' as const),
      p: who,
      // Mostly someone holding an instrument (the departures that matter to the recovery list).
      holder: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      kind: fc.constantFrom('traslado' as const, 'traslado' as const, 'egreso' as const, 'retiro' as const, 'reincorporacion' as const),
      to: fc.option(place, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('lose' as const), i: instrument }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('find' as const), i: instrument, at: place }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('follow' as const), k: instrument }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('stocktake' as const), at: place, i: instrument }) },
);

interface World {
  establishments: number[];
  participants: number[];
  staff: number[];
  ensembles: number[];
  instruments: number[];
}

// One database per seed: the runs of a seed each build their own world in it.
let app: TestApp;
let runs = 0;
beforeEach(async () => {
  app = await testApp();
});
afterEach(() => app.close());

/** A fresh world for one run: every code carries the run's number, so runs never meet. */
async function world(): Promise<World> {
  const n = ++runs;
  const w: World = { establishments: [], participants: [], staff: [], ensembles: [], instruments: [] };
  for (let e = 0; e < ESTABLISHMENTS; e++) {
    const est = await app.ok('establishments.create', validEstablishment({ code: `EP-P${n}-${e}`, name: `E.P. Propiedad ${n}-${e}` }));
    w.establishments.push(est.id);
    w.staff.push((await app.ok('staff.create', { establishmentId: est.id, fullName: `Personal ${n}-${e}`, role: 'Técnico' })).id);
    w.ensembles.push((await app.ok('ensembles.create', { name: `Banda ${n}-${e}`, type: 'banda_sinfonica', establishmentId: est.id })).id);
    for (let k = 0; k < PARTICIPANTS / ESTABLISHMENTS; k++) {
      const p = await app.ok('participants.create', {
        code: `P${n}-${e}${k}`,
        firstNames: 'Participante',
        lastNames: `Prueba ${n}${e}${k}`,
        sex: 'masculino',
        birthYear: 1990,
        establishmentId: est.id,
        date: '2026-01-01',
      });
      w.participants.push(p.id);
    }
  }
  for (let i = 0; i < INSTRUMENTS; i++) {
    const at = w.establishments[i % ESTABLISHMENTS]!;
    w.instruments.push((await app.ok('instruments.create', newViolin(`V${n}-${i}`, at, { altaDate: '2026-01-01' }))).id);
  }
  return w;
}

const move = (w: World, i: number, movement: ChannelInput<'instruments.move'>['movement']) =>
  app.call('instruments.move', { instrumentIds: [w.instruments[i]!], movement });

/** Runs one step; answers the result of its write (null: nothing to attempt, or several writes). */
async function run(w: World, s: Step, date: string): Promise<Result<unknown> | null> {
  switch (s.t) {
    case 'give': {
      const where = (await app.ok('instruments.get', { id: w.instruments[s.i]! })).establishmentId;
      const e = s.local && where !== null ? w.establishments.indexOf(where) : s.who % ESTABLISHMENTS;
      let id: number;
      if (s.type === 'participante') {
        // Whoever is at that establishment now (participants move), or anyone when nobody is.
        const here = (await app
          .db('participants')
          .whereIn('id', w.participants)
          .where({ establishment_id: w.establishments[e] })
          .orderBy('id')
          .pluck('id')) as number[];
        const pool = here.length ? here.map(Number) : w.participants;
        id = pool[s.who % pool.length]!;
      } else id = (s.type === 'personal' ? w.staff : w.ensembles)[e]!;
      return move(w, s.i, handOver(s.type, id, date, s.due ? addDays(date, 30) : null));
    }
    case 'return':
      return move(w, s.i, { kind: 'devolucion', date });
    case 'dispatch':
      return move(w, s.i, {
        kind: 'despacho',
        toEstablishmentId: w.establishments[s.to]!,
        documentNumber: 'ACTA-P',
        person: 'Luis Quispe',
        date,
      });
    case 'receive': {
      // The k-th instrument in transit (any instrument when none is: refused).
      const moving = (
        await app.db('instruments').whereIn('id', w.instruments).where({ status: 'en_transito' }).orderBy('id').pluck('id')
      ).map(Number);
      const id = moving.length ? moving[s.k % moving.length]! : w.instruments[s.k]!;
      return app.call('instruments.move', {
        instrumentIds: [id],
        movement: { kind: 'recepcion', person: 'Rosa Mamani', condition: 'bueno', date },
      });
    }
    case 'lose':
      return move(w, s.i, { kind: 'extravio', date, description: 'No hallado', documentNumber: 'ACTA-EXT' });
    case 'find':
      return move(w, s.i, { kind: 'hallazgo', toEstablishmentId: w.establishments[s.at]!, date });
    case 'custody': {
      const holders = s.holder
        ? (
            (await app
              .db('instruments')
              .whereIn('id', w.instruments)
              .where({ custodian_type: 'participante' })
              .orderBy('custodian_id')
              .distinct('custodian_id')) as Row[]
          ).map((r) => Number(r.custodian_id))
        : [];
      const p = await app.ok('participants.get', { id: holders.length ? holders[s.p % holders.length]! : w.participants[s.p]! });
      const to =
        s.kind === 'traslado'
          ? w.establishments[s.to ?? 0]!
          : s.kind === 'reincorporacion' && s.to !== null
            ? w.establishments[s.to]!
            : null;
      return app.call('participants.custodyChange', { participantId: p.id, version: p.version, kind: s.kind, date, toEstablishmentId: to });
    }
    case 'follow': {
      // The k-th open item of this world (a closed one when none is open: refused).
      const ours = (r: { instrumentId: number }) => w.instruments.includes(r.instrumentId);
      const open = (await app.ok('custody.recoveries', { open: true })).filter(ours);
      const closed = (await app.ok('custody.recoveries', { open: false })).filter(ours);
      const item = open.length ? open[s.k % open.length] : closed[s.k % Math.max(closed.length, 1)];
      if (!item) return null;
      return app.call('custody.follow', { id: item.id, date, documentNumber: 'ACTA-TR', person: 'Luis Quispe' });
    }
    case 'stocktake': {
      // Everything on record there is counted, and the chosen instrument too: only its difference is recorded.
      const at = w.establishments[s.at]!;
      const there = (await app
        .db('instruments')
        .whereIn('id', w.instruments)
        .where({ status: 'asignado', establishment_id: at })
        .pluck('code')) as string[];
      const chosen = (await app.ok('instruments.get', { id: w.instruments[s.i]! })).code;
      const st = await app.ok('stocktakes.open', { establishmentId: at });
      for (const code of new Set([...there, chosen])) await app.ok('stocktakes.count', { id: st.id, code });
      await app.ok('stocktakes.close', { id: st.id, actaNumber: `AIF-${st.id}`, date, confirm: true });
      return null;
    }
  }
}

type Row = Record<string, unknown>;
const nullable = <T>(v: unknown) => (v === null || v === undefined ? null : (v as T));

/** What a ledger row tells the state machine. */
function effectOfRow(m: Row): MovementEffect {
  const condition = nullable<Condition>(m.condition);
  const to = Number(m.to_establishment_id);
  switch (m.kind) {
    case 'alta':
      return { kind: 'alta', condition: condition! };
    case 'asignacion':
    case 'despacho':
    case 'regularizacion':
      return { kind: m.kind, toEstablishmentId: to };
    case 'recepcion':
    case 'retorno_reparacion':
    case 'cambio_estado':
      return { kind: m.kind, condition: condition! };
    case 'entrega':
      return {
        kind: 'entrega',
        custodian: {
          type: m.custodian_type as CustodianType,
          id: nullable<number>(m.custodian_id) === null ? null : Number(m.custodian_id),
          name: String(m.custodian_name),
          since: String(m.date),
          due: nullable<string>(m.due_date),
        },
      };
    case 'devolucion':
      return { kind: 'devolucion', condition };
    case 'hallazgo':
      return { kind: 'hallazgo', toEstablishmentId: to, condition };
    default:
      return { kind: m.kind as 'envio_reparacion' | 'baja' | 'extravio' };
  }
}

/** Every table a step may write: a refused step must leave them exactly as they were (each write also leaves an audit entry). */
const written = [
  'instruments',
  'instrument_movements',
  'instrument_recoveries',
  'participants',
  'participant_movements',
  'enrolments',
  'stocktakes',
  'stocktake_counts',
  'custodian_reviews',
  'staff_members',
  'ensembles',
  'audit_log',
];
async function writtenRows(): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const t of written) out[t] = await app.db(t).orderBy('id');
  return JSON.stringify(out);
}

type Holder = `${CustodianType}:${number | null}`;

/**
 * The three properties, over the run's world; `context` names the steps so far in a failure.
 * `also`: custodians whose holdings are read besides those holding something now (those who
 * held something before the step; every custodian of the world at the end of a run).
 * Answers who holds each instrument now.
 */
async function check(w: World, context: string, also: Holder[]): Promise<Map<number, Holder>> {
  // (a) The cached state is the ledger replayed; each custodian holds what the register says, no instrument twice.
  const moves = (await app.db('instrument_movements').whereIn('instrument_id', w.instruments).orderBy(['instrument_id', 'seq'])) as Row[];
  const held = new Map<number, Holder>();
  const instruments = [];
  for (const id of w.instruments) {
    let s: InstrumentState | null = null;
    for (const m of moves.filter((x) => Number(x.instrument_id) === id)) {
      const t = applyMovement(s, effectOfRow(m));
      if (!t.ok) throw new Error(`${context}\nthe ledger of instrument ${id} does not replay at seq ${String(m.seq)}: ${t.refusal}`);
      s = t.state;
    }
    const i = await app.ok('instruments.get', { id });
    instruments.push(i);
    const cached = stateOf(i);
    expect(cached, `${context}\n${i.code}: cached state vs. its ledger`).toEqual(s);
    if (cached.custodian) held.set(id, `${cached.custodian.type}:${cached.custodian.id}`);
  }
  const seen = new Map<number, Holder>();
  for (const c of new Set<Holder>([...held.values(), ...also])) {
    const [type, id] = c.split(':') as [CustodianType, string];
    for (const h of (await app.ok('custody.holdings', { custodianType: type, custodianId: Number(id) })).current) {
      expect(seen.get(h.instrumentId), `${context}\ninstrument ${h.instrumentId} held by two`).toBeUndefined();
      seen.set(h.instrumentId, c);
    }
  }
  expect(seen, `${context}\nholdings vs. register`).toEqual(held);

  // (b) and (c): the open recovery items against who holds what.
  const open = (await app.ok('custody.recoveries', { open: true })).filter((r) => w.instruments.includes(r.instrumentId));
  const people = new Map(
    ((await app.db('participants').whereIn('id', w.participants).select('id', 'status', 'establishment_id')) as Row[]).map((r) => [
      Number(r.id),
      { status: String(r.status), establishmentId: Number(r.establishment_id) },
    ]),
  );
  for (const i of instruments) {
    const items = open.filter((r) => r.instrumentId === i.id);
    const holder = i.custodianType === 'participante' && i.custodianId !== null ? people.get(i.custodianId) : undefined;
    if (holder && (holder.status !== 'activo' || holder.establishmentId !== i.establishmentId)) {
      expect(items.length, `${context}\n${i.code}: held by a participant who left, open items`).toBe(1);
    }
    for (const r of items) {
      expect([i.custodianType, i.custodianId], `${context}\n${i.code}: an open item for a participant who no longer holds it`).toEqual([
        'participante',
        r.participantId,
      ]);
      expect(r.stillHeld).toBe(true);
    }
  }
  return held;
}

/** 8 seeds × 3 runs: 24 runs in all, each seed a test of its own so that none runs long. */
const SEEDS = [20261203, 15, 7, 424242, 99, 31337, 2026, 8];
const RUNS = 3;

describe('custody through the handlers, whatever a clerk attempts (fast-check)', () => {
  for (const seed of SEEDS) {
    it(`keeps one holder, the ledger's state and the recovery list right (seed ${seed}, ${RUNS} runs)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 24 }), async (steps) => {
          const w = await world();
          const done: string[] = [];
          let held = new Map<number, Holder>();
          for (const [k, s] of steps.entries()) {
            const date = addDays('2026-01-01', k + 1);
            const before = await writtenRows();
            const r = await run(w, s, date);
            done.push(`${JSON.stringify(s)} → ${r === null ? '—' : r.ok ? 'ok' : r.error.code}`);
            const context = `steps:\n  ${done.join('\n  ')}`;
            if (r && !r.ok) {
              // Refused: for a reason the user can act on, and nothing written.
              expect(r.error.code, `${context}\n${r.error.message}`).not.toBe('internal');
              expect(await writtenRows(), `${context}\na refused step wrote something`).toBe(before);
            }
            held = await check(w, context, [...held.values()]);
          }
          // At the end, every custodian of the world: nobody holds what the register does not say.
          const everyone: Holder[] = [
            ...w.participants.map((id): Holder => `participante:${id}`),
            ...w.staff.map((id): Holder => `personal:${id}`),
            ...w.ensembles.map((id): Holder => `elenco:${id}`),
          ];
          await check(w, `steps:\n  ${done.join('\n  ')}`, everyone);
        }),
        { seed, numRuns: RUNS },
      );
    });
  }
});
