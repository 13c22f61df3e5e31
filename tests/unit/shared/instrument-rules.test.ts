import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedKinds,
  applyMovement,
  conditions,
  custodianTypes,
  locationOf,
  type InstrumentState,
  type MovementEffect,
} from '../../../shared/inventory/rules';

/**
 * Property-based: whatever sequence of movements a clerk attempts, the ones the rules
 * allow never leave an instrument in two places or in none, and the refused ones change
 * nothing.
 */

const establishment = fc.integer({ min: 1, max: 6 });
const condition = fc.constantFrom(...conditions);

const movement: fc.Arbitrary<MovementEffect> = fc.oneof(
  fc.record({ kind: fc.constant('asignacion' as const), toEstablishmentId: establishment }),
  fc.record({ kind: fc.constant('despacho' as const), toEstablishmentId: establishment }),
  fc.record({ kind: fc.constant('recepcion' as const), condition }),
  fc.record({
    kind: fc.constant('entrega' as const),
    // The custodian as main resolves it from the chosen record (by id), with an optional expected return.
    custodian: fc.record({
      type: fc.constantFrom(...custodianTypes),
      id: fc.integer({ min: 1, max: 50 }),
      name: fc.constantFrom('Carmen Rojas Salas', 'Banda sinfónica', 'Juan Pérez (PPL-0001)', 'Rosa Mamani Flores'),
      since: fc.constantFrom('2026-03-01', '2026-05-10'),
      due: fc.option(fc.constantFrom('2026-06-01', '2026-08-31'), { nil: null }),
    }),
  }),
  fc.record({ kind: fc.constant('devolucion' as const), condition: fc.option(condition, { nil: null }) }),
  fc.constant({ kind: 'envio_reparacion' as const }),
  fc.record({ kind: fc.constant('retorno_reparacion' as const), condition }),
  fc.record({ kind: fc.constant('cambio_estado' as const), condition }),
  fc.record({ kind: fc.constant('regularizacion' as const), toEstablishmentId: establishment }),
  fc.constant({ kind: 'baja' as const }),
  fc.constant({ kind: 'extravio' as const }),
  fc.record({ kind: fc.constant('hallazgo' as const), toEstablishmentId: establishment, condition: fc.option(condition, { nil: null }) }),
  fc.record({ kind: fc.constant('alta' as const), condition }),
);

describe('instrument state machine (fast-check)', () => {
  it('no sequence of allowed movements leaves an instrument in two places or none', () => {
    fc.assert(
      fc.property(condition, fc.array(movement, { maxLength: 60 }), (initial, moves) => {
        const alta = applyMovement(null, { kind: 'alta', condition: initial });
        if (!alta.ok) return false;
        let s: InstrumentState = alta.state;
        expect(locationOf(s)).toEqual({ at: 'almacen' });
        for (const m of moves) {
          const r = applyMovement(s, m);
          if (r.ok) s = r.state;
          // Exactly one location, always.
          expect(locationOf(s), JSON.stringify({ s, m })).not.toBeNull();
          // A custodian holds only an instrument assigned somewhere.
          if (s.custodian) expect(s.status).toBe('asignado');
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('a refused movement leaves the state exactly as it was, and de baja is final', () => {
    fc.assert(
      fc.property(fc.array(movement, { minLength: 1, maxLength: 40 }), (moves) => {
        let s = (applyMovement(null, { kind: 'alta', condition: 'bueno' }) as { ok: true; state: InstrumentState }).state;
        for (const m of moves) {
          const before = structuredClone(s);
          const r = applyMovement(s, m);
          if (!r.ok) expect(s).toEqual(before);
          else {
            if (before.status === 'de_baja') throw new Error('a written-off instrument moved');
            s = r.state;
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('what allowedKinds offers is exactly what applyMovement accepts', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 30 }), (moves) => {
        let s = (applyMovement(null, { kind: 'alta', condition: 'bueno' }) as { ok: true; state: InstrumentState }).state;
        for (const m of moves) {
          const r = applyMovement(s, m);
          if (r.ok) s = r.state;
        }
        const offered = allowedKinds(s);
        // Receiving is offered only in transit; dispatching only when assigned without custodian.
        expect(offered.includes('recepcion')).toBe(s.status === 'en_transito');
        expect(offered.includes('despacho')).toBe(s.status === 'asignado' && s.custodian === null);
        if (s.status === 'de_baja') expect(offered).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('receiving what was not dispatched and moving what is in transit are refused', () => {
    const s = (applyMovement(null, { kind: 'alta', condition: 'bueno' }) as { ok: true; state: InstrumentState }).state;
    expect(applyMovement(s, { kind: 'recepcion', condition: 'bueno' })).toEqual({ ok: false, refusal: 'notInTransit' });
    const assigned = applyMovement(s, { kind: 'asignacion', toEstablishmentId: 1 });
    if (!assigned.ok) throw new Error('asignacion refused');
    const transit = applyMovement(assigned.state, { kind: 'despacho', toEstablishmentId: 2 });
    if (!transit.ok) throw new Error('despacho refused');
    expect(applyMovement(transit.state, { kind: 'despacho', toEstablishmentId: 3 })).toEqual({ ok: false, refusal: 'inTransit' });
    expect(applyMovement(transit.state, { kind: 'baja' })).toEqual({ ok: false, refusal: 'inTransit' });
    expect(applyMovement(assigned.state, { kind: 'despacho', toEstablishmentId: 1 })).toEqual({ ok: false, refusal: 'sameEstablishment' });
  });
});
