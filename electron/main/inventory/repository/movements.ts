import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import type { CustodianType, InstrumentState } from '../../../../shared/inventory/rules';
import type { Movement } from '../../../../shared/inventory/schemas';
import { num, type Row, str, recordedOf } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';
import { type Narrow, stateColumns } from './instruments';
import { closeRecoveries, closingKinds, type RecoveryClosing } from './recoveries';

/** The instruments' ledger: movements are appended, never rewritten; the register caches the state they leave. */

/** What a movement records beyond its effect on the state. */
export interface MovementRecord {
  kind: string;
  date: string;
  fromEstablishmentId: number | null;
  toEstablishmentId: number | null;
  custodianType: CustodianType | null;
  custodianName: string | null;
  /** The custodian's id in its register (null for a custodian carried over as text and not linked). */
  custodianId: number | null;
  /** A hand-over's expected return. */
  dueDate: string | null;
  condition: string | null;
  documentNumber: string | null;
  person: string | null;
  provider: string | null;
  costCentimos: number | null;
  description: string | null;
  batchId: string | null;
  stocktakeId: number | null;
}

const movementRow = (instrumentId: number, seq: number, record: MovementRecord, after: InstrumentState, actor: Actor, now: string) => ({
  instrument_id: instrumentId,
  seq,
  kind: record.kind,
  date: record.date,
  recorded_at: now,
  recorded_by: actor.name,
  from_establishment_id: record.fromEstablishmentId,
  to_establishment_id: record.toEstablishmentId,
  custodian_type: record.custodianType,
  custodian_name: record.custodianName,
  custodian_id: record.custodianId,
  due_date: record.dueDate,
  condition: record.condition,
  document_number: record.documentNumber,
  person: record.person,
  provider: record.provider,
  cost_centimos: record.costCentimos,
  description: record.description,
  batch_id: record.batchId,
  stocktake_id: record.stocktakeId,
  status_after: after.status,
  establishment_after_id: after.establishmentId,
});

/** Bulk ledger rows for instruments whose cached state the caller already wrote. */
export async function insertMovements(
  db: Knex,
  rows: Array<{ instrumentId: number; seq: number; record: MovementRecord; after: InstrumentState }>,
  actor: Actor,
  now: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    await db('instrument_movements').insert(
      rows.slice(i, i + 400).map((r) => movementRow(r.instrumentId, r.seq, r.record, r.after, actor, now)),
    );
  }
}

/**
 * Appends one movement and caches the state it leaves on the instrument, in the caller's
 * transaction. `expectedCount` is the instrument's movement count the caller read: if
 * another writer got there first the update matches nothing and false is answered.
 */
export async function appendMovement(
  db: Knex,
  instrumentId: number,
  expectedCount: number,
  record: MovementRecord,
  after: InstrumentState,
  actor: Actor,
  now: string,
): Promise<boolean> {
  const n = await db('instruments')
    .where({ id: instrumentId, movement_count: expectedCount })
    .update({
      ...stateColumns(after),
      movement_count: expectedCount + 1,
      version: db.raw('version + 1'),
      updated_at: now,
      updated_by: actor.name,
    });
  if (n !== 1) return false;
  await db('instrument_movements').insert(movementRow(instrumentId, expectedCount + 1, record, after, actor, now));
  // A movement that frees the instrument closes the recovery item a participant's departure opened.
  if (after.custodian === null && closingKinds.has(record.kind)) {
    await closeRecoveries(db, instrumentId, record.kind as RecoveryClosing, record.date, expectedCount + 1, actor, now);
  }
  return true;
}

export async function history(db: Knex, instrumentId: number): Promise<Movement[]> {
  const q = db('instrument_movements as m');
  joinEstablishment(q, 'f', 'm.from_establishment_id', 'left');
  joinEstablishment(q, 't', 'm.to_establishment_id', 'left');
  joinEstablishment(q, 'a', 'm.establishment_after_id', 'left');
  const rows = (await q
    .where('m.instrument_id', instrumentId)
    .orderBy('m.seq', 'desc')
    .select('m.*', 'f.name as from_name', 't.name as to_name', 'a.name as after_name')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    seq: Number(r.seq),
    kind: r.kind as Movement['kind'],
    date: String(r.date),
    ...recordedOf(r),
    fromEstablishmentName: str(r.from_name),
    toEstablishmentName: str(r.to_name),
    custodianType: (r.custodian_type ?? null) as Movement['custodianType'],
    custodianName: str(r.custodian_name),
    custodianId: num(r.custodian_id),
    dueDate: str(r.due_date),
    condition: (r.condition ?? null) as Movement['condition'],
    documentNumber: str(r.document_number),
    person: str(r.person),
    provider: str(r.provider),
    costCentimos: num(r.cost_centimos),
    description: str(r.description),
    batchId: str(r.batch_id),
    statusAfter: r.status_after as Movement['statusAfter'],
    establishmentAfterName: str(r.after_name),
  }));
}

/** One line of the movements report: a movement with its instrument's code and type. */
export interface MovementReportLine {
  date: string | null;
  code: string | null;
  typeName: string | null;
  kind: string;
  toName: string | null;
  fromName: string | null;
  documentNumber: string | null;
  description: string | null;
  recordedBy: string | null;
}

/**
 * The movements dated between `from` and `to` (inclusive), oldest first; `establishmentId`:
 * only those from or to it. `narrow`: a restricted user's establishments (on m.from_establishment_id, m.to_establishment_id).
 */
export async function movementsBetween(
  db: Knex,
  from: string,
  to: string,
  establishmentId: number | null,
  narrow: Narrow,
): Promise<MovementReportLine[]> {
  const q = db('instrument_movements as m')
    .join('instruments as i', 'i.id', 'm.instrument_id')
    .join('instrument_types as ty', 'ty.id', 'i.type_id');
  joinEstablishment(q, 'f', 'm.from_establishment_id', 'left');
  joinEstablishment(q, 'd', 'm.to_establishment_id', 'left');
  q.whereBetween('m.date', [from, to])
    .orderBy('m.date')
    .orderBy('m.id')
    .select('m.*', 'i.code', 'ty.name as type_name', 'f.name as from_name', 'd.name as to_name');
  narrow(q);
  if (establishmentId !== null) {
    q.where((w) => w.where('m.from_establishment_id', establishmentId).orWhere('m.to_establishment_id', establishmentId));
  }
  return ((await q) as Row[]).map((r) => ({
    date: str(r.date),
    code: str(r.code),
    typeName: str(r.type_name),
    kind: String(r.kind),
    toName: str(r.to_name),
    fromName: str(r.from_name),
    documentNumber: str(r.document_number),
    description: str(r.description),
    recordedBy: str(r.recorded_by),
  }));
}

/** The demonstration data's register and ledger: raw rows, in batches (instruments first: the movements refer to them). */
export async function insertDemoRegister(
  db: Knex,
  instruments: Record<string, unknown>[],
  movements: Record<string, unknown>[],
): Promise<void> {
  if (instruments.length) await db.batchInsert('instruments', instruments, 400);
  if (movements.length) await db.batchInsert('instrument_movements', movements, 400);
}
