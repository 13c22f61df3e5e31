import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { applyMovement, type Condition, type Custodian, type InstrumentState, type MovementEffect } from '../../../shared/inventory/rules';
import type { Instrument, MovementInput } from '../../../shared/inventory/schemas';
import type { z } from 'zod';
import { AppError, stale } from '../ipc/errors';
import type { Translate } from '../i18n';
import type { MessageRef } from '../../../shared/validation';
import { appendMovement, stateOf, type MovementRecord } from './repository';

type Parsed = z.output<typeof MovementInput>;

/**
 * The part of a clerk's movement that the state machine reads. A hand-over names its
 * custodian by id; `custodian` is that record as main found it (custody.ts resolveCustodian).
 */
export function effectOf(m: Parsed, custodian: Custodian | null = null): MovementEffect {
  switch (m.kind) {
    case 'asignacion':
    case 'despacho':
      return { kind: m.kind, toEstablishmentId: m.toEstablishmentId };
    case 'hallazgo':
      return { kind: 'hallazgo', toEstablishmentId: m.toEstablishmentId, condition: m.condition ?? null };
    case 'recepcion':
    case 'retorno_reparacion':
    case 'cambio_estado':
      return { kind: m.kind, condition: m.condition };
    case 'entrega':
      if (!custodian) throw new Error('A hand-over needs its custodian resolved');
      return { kind: 'entrega', custodian };
    case 'devolucion':
      return { kind: 'devolucion', condition: m.condition ?? null };
    case 'envio_reparacion':
    case 'baja':
    case 'extravio':
      return { kind: m.kind };
  }
}

/** The fields every movement made by the app itself (stocktake closing) carries. */
export interface MovementRecordBase {
  date: string;
  documentNumber: string | null;
  description: string | null;
  stocktakeId: number | null;
}

/** The alta: the instrument enters the central warehouse in the condition given. */
export function altaOf(condition: Condition, date: string): { record: MovementRecord; state: InstrumentState } {
  return {
    record: {
      kind: 'alta',
      date,
      fromEstablishmentId: null,
      toEstablishmentId: null,
      custodianType: null,
      custodianName: null,
      custodianId: null,
      dueDate: null,
      condition,
      documentNumber: null,
      person: null,
      provider: null,
      costCentimos: null,
      description: null,
      batchId: null,
      stocktakeId: null,
    },
    state: { status: 'en_almacen', condition, establishmentId: null, transitTo: null, custodian: null },
  };
}

/** Everything a movement records, from the clerk's input and the instrument's state before it. */
export function recordOf(
  m: Parsed,
  before: InstrumentState | null,
  batchId: string | null,
  custodian: Custodian | null = null,
): MovementRecord {
  const r: MovementRecord = {
    kind: m.kind,
    date: m.date,
    fromEstablishmentId: before?.establishmentId ?? null,
    toEstablishmentId: null,
    custodianType: null,
    custodianName: null,
    custodianId: null,
    dueDate: null,
    condition: null,
    documentNumber: null,
    person: null,
    provider: null,
    costCentimos: null,
    description: m.description ?? null,
    batchId,
    stocktakeId: null,
  };
  switch (m.kind) {
    case 'asignacion':
      return { ...r, toEstablishmentId: m.toEstablishmentId, documentNumber: m.documentNumber };
    case 'despacho':
      return { ...r, toEstablishmentId: m.toEstablishmentId, documentNumber: m.documentNumber, person: m.person };
    case 'recepcion':
      return { ...r, toEstablishmentId: before?.transitTo ?? null, person: m.person, condition: m.condition };
    case 'entrega':
      return {
        ...r,
        custodianType: m.custodianType,
        custodianName: custodian?.name ?? null,
        custodianId: custodian?.id ?? null,
        dueDate: custodian?.due ?? null,
      };
    case 'devolucion':
      return {
        ...r,
        custodianType: before?.custodian?.type ?? null,
        custodianName: before?.custodian?.name ?? null,
        custodianId: before?.custodian?.id ?? null,
        condition: m.condition ?? null,
      };
    case 'envio_reparacion':
      return { ...r, provider: m.provider };
    case 'retorno_reparacion':
      return { ...r, costCentimos: m.costCentimos, condition: m.condition, documentNumber: m.documentNumber };
    case 'cambio_estado':
      return { ...r, condition: m.condition };
    case 'baja':
      return { ...r, documentNumber: m.documentNumber };
    case 'extravio':
      return { ...r, documentNumber: m.documentNumber };
    case 'hallazgo':
      return { ...r, toEstablishmentId: m.toEstablishmentId, condition: m.condition ?? null };
  }
}

export interface Audit {
  (entry: { entity: string; entityId: number; action: string; before?: unknown; after?: unknown }): Promise<void>;
}

/**
 * Applies one movement to a selection, all or nothing: if any instrument's state does
 * not allow it, nothing is written and each refusal is named (field = the code).
 */
export async function moveInstruments(
  db: Knex,
  instruments: Instrument[],
  build: (before: InstrumentState) => { effect: MovementEffect; record: MovementRecord },
  ctx: {
    actor: Actor;
    now: string;
    t: Translate;
    audit: Audit;
    /** The custodian as the caller's viewer may read it in a refusal (instruments/custodians.ts). */
    custodianOf: (i: Instrument) => string | null;
  },
): Promise<{ batchId: string; count: number }> {
  const batchId = randomUUID();
  const plans: Array<{ i: Instrument; after: InstrumentState; record: MovementRecord }> = [];
  const refusals: Record<string, MessageRef> = {};
  for (const i of instruments) {
    const before = stateOf(i);
    const { effect, record } = build(before);
    const tr = applyMovement(before, effect);
    if (!tr.ok) {
      refusals[i.code] = {
        key: `inventory.rules.${tr.refusal}`,
        params: {
          code: i.code,
          status: ctx.t(`inventory.statuses.${i.status}`).toLowerCase(),
          custodian: ctx.custodianOf(i) ?? '',
        },
      };
      continue;
    }
    plans.push({ i, after: tr.state, record: { ...record, batchId: instruments.length > 1 ? batchId : record.batchId } });
  }
  const refused = Object.values(refusals);
  if (refused.length > 0) {
    // One instrument: its own sentence. A selection: how many refused, each named by code.
    const only = instruments.length === 1 ? refused[0]! : null;
    throw only
      ? new AppError('conflict', only.key, only.params, refusals)
      : new AppError('conflict', 'inventory.rules.refusedBatch', { count: refused.length }, refusals);
  }
  for (const p of plans) {
    const appended = await appendMovement(db, p.i.id, p.i.movementCount, p.record, p.after, ctx.actor, ctx.now);
    if (!appended) throw stale();
    await ctx.audit({
      entity: 'instrument',
      entityId: p.i.id,
      action: `movement:${p.record.kind}`,
      before: stateOf(p.i),
      after: { ...p.after, movement: p.record },
    });
  }
  return { batchId, count: plans.length };
}
