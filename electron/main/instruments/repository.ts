import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { normalizeText } from '../../../shared/format';
import type { Page } from '../../../shared/ipc';
import type { CustodianType, InstrumentState } from '../../../shared/instruments/rules';
import type {
  Instrument,
  InstrumentFilter,
  InstrumentType,
  Movement,
  instrumentSortColumns,
} from '../../../shared/instruments/schemas';
import { whereWords } from '../db/search';
import { num, type Row, str, toBool, toCount } from '../db/rows';

export type Filter = { [K in keyof InstrumentFilter]-?: Exclude<InstrumentFilter[K], undefined> };
export type SortColumn = (typeof instrumentSortColumns)[number];

/** The descriptive fields of an instrument (what a clerk types). */
export interface InstrumentValues {
  code: string;
  serialNumber: string | null;
  typeId: number;
  brand: string | null;
  model: string | null;
  acquisitionDate: string | null;
  costCentimos: number;
  funding: Instrument['funding'];
  supplier: string | null;
  supplierDocument: string | null;
  notes: string | null;
}

const sortExpressions: Record<SortColumn, string> = {
  code: 'i.code',
  type: 't.name_key',
  brand: 'i.brand',
  establishment: 'e.name_key',
  status: 'i.status',
  condition: 'i.condition',
  cost: 'i.cost_centimos',
  acquisitionDate: 'i.acquisition_date',
  updatedAt: 'i.updated_at',
};

const selectColumns = [
  'i.id',
  'i.code',
  'i.serial_number',
  'i.type_id',
  't.name as type_name',
  't.family',
  'i.brand',
  'i.model',
  'i.acquisition_date',
  'i.cost_centimos',
  'i.funding',
  'i.supplier',
  'i.supplier_document',
  'i.notes',
  'i.status',
  'i.condition',
  'i.establishment_id',
  'e.name as establishment_name',
  'i.transit_to_establishment_id',
  'et.name as transit_name',
  'i.custodian_type',
  'i.custodian_name',
  'i.movement_count',
  'i.version',
  'i.updated_at',
  'i.updated_by',
];



export const toInstrument = (r: Row): Instrument => ({
  id: Number(r.id),
  code: String(r.code),
  serialNumber: str(r.serial_number),
  typeId: Number(r.type_id),
  typeName: String(r.type_name),
  family: r.family as Instrument['family'],
  brand: str(r.brand),
  model: str(r.model),
  acquisitionDate: str(r.acquisition_date),
  costCentimos: Number(r.cost_centimos),
  funding: r.funding as Instrument['funding'],
  supplier: str(r.supplier),
  supplierDocument: str(r.supplier_document),
  notes: str(r.notes),
  status: r.status as Instrument['status'],
  condition: r.condition as Instrument['condition'],
  establishmentId: num(r.establishment_id),
  establishmentName: str(r.establishment_name),
  transitToEstablishmentId: num(r.transit_to_establishment_id),
  transitToEstablishmentName: str(r.transit_name),
  custodianType: (r.custodian_type ?? null) as Instrument['custodianType'],
  custodianName: str(r.custodian_name),
  movementCount: Number(r.movement_count),
  version: Number(r.version),
  updatedAt: String(r.updated_at),
  updatedBy: String(r.updated_by),
});

const joined = (db: Knex) =>
  db('instruments as i')
    .join('instrument_types as t', 't.id', 'i.type_id')
    .leftJoin('establishments as e', 'e.id', 'i.establishment_id')
    .leftJoin('establishments as et', 'et.id', 'i.transit_to_establishment_id');

/** Narrows a query further (a restricted user's establishments: auth/access.ts whereInScope). */
export type Narrow = (q: Knex.QueryBuilder) => void;
const noNarrow: Narrow = () => {};

function filtered(db: Knex, f: Filter, narrow: Narrow = noNarrow): Knex.QueryBuilder {
  const q = joined(db);
  narrow(q);
  whereWords(q, 'i.search_text', f.search);
  if (f.typeId !== null) q.where('i.type_id', f.typeId);
  if (f.family !== null) q.where('t.family', f.family);
  if (f.establishmentId === 'central') q.whereNull('i.establishment_id');
  else if (f.establishmentId !== null) q.where('i.establishment_id', f.establishmentId);
  if (f.status !== null) q.where('i.status', f.status);
  if (f.condition !== null) q.where('i.condition', f.condition);
  return q;
}

/** Only the instruments table is needed to count most filters: skip the joins when possible. */
function countQuery(db: Knex, f: Filter, narrow: Narrow): Knex.QueryBuilder {
  if (f.family !== null) return filtered(db, f, narrow);
  const q = db('instruments as i');
  narrow(q);
  whereWords(q, 'i.search_text', f.search);
  if (f.typeId !== null) q.where('i.type_id', f.typeId);
  if (f.establishmentId === 'central') q.whereNull('i.establishment_id');
  else if (f.establishmentId !== null) q.where('i.establishment_id', f.establishmentId);
  if (f.status !== null) q.where('i.status', f.status);
  if (f.condition !== null) q.where('i.condition', f.condition);
  return q;
}

export async function listInstruments(
  db: Knex,
  f: Filter & { sort: SortColumn; direction: 'asc' | 'desc'; page: number; pageSize: number },
  narrow: Narrow = noNarrow,
): Promise<Page<Instrument>> {
  const [countRow] = (await countQuery(db, f, narrow).count({ n: '*' })) as Row[];
  const rows = (await filtered(db, f, narrow)
    .select(selectColumns)
    .orderBy(sortExpressions[f.sort], f.direction)
    .orderBy('i.id', f.direction)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)) as Row[];
  return { rows: rows.map(toInstrument), total: toCount(countRow), page: f.page, pageSize: f.pageSize };
}

export async function allInstruments(db: Knex, f: Filter, sort: SortColumn, direction: 'asc' | 'desc', narrow: Narrow = noNarrow): Promise<Instrument[]> {
  const rows = (await filtered(db, f, narrow).select(selectColumns).orderBy(sortExpressions[sort], direction).orderBy('i.id', direction)) as Row[];
  return rows.map(toInstrument);
}

export async function getInstrument(db: Knex, id: number): Promise<Instrument | null> {
  const row = (await joined(db).select(selectColumns).where('i.id', id).first()) as Row | undefined;
  return row ? toInstrument(row) : null;
}

export async function getInstruments(db: Knex, ids: number[]): Promise<Instrument[]> {
  const out: Instrument[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = (await joined(db).select(selectColumns).whereIn('i.id', ids.slice(i, i + 500))) as Row[];
    out.push(...rows.map(toInstrument));
  }
  return out;
}

export async function findInstrumentIdByCode(db: Knex, code: string): Promise<number | null> {
  const row = (await db('instruments').select('id').where('code', code).first()) as { id: number } | undefined;
  return row?.id ?? null;
}

export { stateOf } from '../../../shared/instruments/rules';

const searchText = (v: InstrumentValues) =>
  normalizeText([v.code, v.serialNumber, v.brand, v.model].filter(Boolean).join(' '));

const columnsOf = (v: InstrumentValues) => ({
  code: v.code,
  serial_number: v.serialNumber,
  type_id: v.typeId,
  brand: v.brand,
  model: v.model,
  acquisition_date: v.acquisitionDate,
  cost_centimos: v.costCentimos,
  funding: v.funding,
  supplier: v.supplier,
  supplier_document: v.supplierDocument,
  notes: v.notes,
  search_text: searchText(v),
});

/** Inserts the register row; its state columns are set by the alta movement right after. */
export async function insertInstrument(db: Knex, v: InstrumentValues, actor: Actor, now: string): Promise<number> {
  const [row] = (await db('instruments')
    .insert({
      ...columnsOf(v),
      status: 'en_almacen',
      condition: 'bueno',
      establishment_id: null,
      transit_to_establishment_id: null,
      custodian_type: null,
      custodian_name: null,
      movement_count: 0,
      version: 1,
      created_at: now,
      created_by: actor.name,
      updated_at: now,
      updated_by: actor.name,
    })
    .returning('id')) as Array<{ id: number }>;
  return row!.id;
}

/**
 * Bulk registration (imports): register rows with the state their movements leave, in the
 * caller's transaction; answers the new ids in order. The movements go in with insertMovements.
 */
export async function insertInstrumentsWithState(
  db: Knex,
  rows: Array<{ values: InstrumentValues; state: InstrumentState; movementCount: number }>,
  actor: Actor,
  now: string,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = (await db('instruments')
    .insert(
      rows.map(({ values, state, movementCount }) => ({
        ...columnsOf(values),
        ...stateColumns(state),
        movement_count: movementCount,
        version: 1,
        created_at: now,
        created_by: actor.name,
        updated_at: now,
        updated_by: actor.name,
      })),
    )
    .returning('id')) as Array<{ id: number }>;
  return inserted.map((r) => r.id);
}

/** Bulk ledger rows for instruments whose cached state the caller already wrote. */
export async function insertMovements(
  db: Knex,
  rows: Array<{ instrumentId: number; seq: number; record: MovementRecord; after: InstrumentState }>,
  actor: Actor,
  now: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    await db('instrument_movements').insert(rows.slice(i, i + 400).map((r) => movementRow(r.instrumentId, r.seq, r.record, r.after, actor, now)));
  }
}

export async function updateInstrumentFields(
  db: Knex,
  id: number,
  version: number,
  v: InstrumentValues,
  actor: Actor,
  now: string,
): Promise<boolean> {
  const n = await db('instruments')
    .where({ id, version })
    .update({ ...columnsOf(v), version: version + 1, updated_at: now, updated_by: actor.name });
  return n === 1;
}

/** The cached state columns of an instrument. */
const stateColumns = (s: InstrumentState) => ({
  status: s.status,
  condition: s.condition,
  establishment_id: s.establishmentId,
  transit_to_establishment_id: s.transitTo,
  custodian_type: s.custodian?.type ?? null,
  custodian_name: s.custodian?.name ?? null,
});

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

/** What a movement records beyond its effect on the state. */
export interface MovementRecord {
  kind: string;
  date: string;
  fromEstablishmentId: number | null;
  toEstablishmentId: number | null;
  custodianType: CustodianType | null;
  custodianName: string | null;
  condition: string | null;
  documentNumber: string | null;
  person: string | null;
  provider: string | null;
  costCentimos: number | null;
  description: string | null;
  batchId: string | null;
  stocktakeId: number | null;
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
  return true;
}

export async function history(db: Knex, instrumentId: number): Promise<Movement[]> {
  const rows = (await db('instrument_movements as m')
    .leftJoin('establishments as f', 'f.id', 'm.from_establishment_id')
    .leftJoin('establishments as t', 't.id', 'm.to_establishment_id')
    .leftJoin('establishments as a', 'a.id', 'm.establishment_after_id')
    .where('m.instrument_id', instrumentId)
    .orderBy('m.seq', 'desc')
    .select(
      'm.*',
      'f.name as from_name',
      't.name as to_name',
      'a.name as after_name',
    )) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    seq: Number(r.seq),
    kind: r.kind as Movement['kind'],
    date: String(r.date),
    recordedAt: String(r.recorded_at),
    recordedBy: String(r.recorded_by),
    fromEstablishmentName: str(r.from_name),
    toEstablishmentName: str(r.to_name),
    custodianType: (r.custodian_type ?? null) as Movement['custodianType'],
    custodianName: str(r.custodian_name),
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

// ── Types ───────────────────────────────────────────────────────────────────────

export async function listTypes(db: Knex): Promise<InstrumentType[]> {
  const rows = (await db('instrument_types as t')
    .leftJoin('instruments as i', 'i.type_id', 't.id')
    .groupBy('t.id', 't.name', 't.family', 't.active', 't.version', 't.name_key')
    .orderBy('t.family')
    .orderBy('t.name_key')
    .select('t.id', 't.name', 't.family', 't.active', 't.version')
    .count({ n: 'i.id' })) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    family: r.family as InstrumentType['family'],
    active: toBool(r.active),
    version: Number(r.version),
    instrumentCount: toCount(r),
  }));
}

export async function getType(db: Knex, id: number): Promise<InstrumentType | null> {
  return (await listTypes(db)).find((t) => t.id === id) ?? null;
}

export async function findTypeIdByName(db: Knex, name: string): Promise<number | null> {
  const row = (await db('instrument_types').select('id').where('name_key', normalizeText(name)).first()) as { id: number } | undefined;
  return row?.id ?? null;
}

/** A new instrument type (active, version 1); answers its id. */
export async function insertType(db: Knex, name: string, family: string): Promise<number> {
  const [row] = (await db('instrument_types')
    .insert({ name, name_key: normalizeText(name), family, active: true, version: 1 })
    .returning('id')) as Array<{ id: number } | number>;
  return typeof row === 'object' ? Number(row.id) : Number(row);
}
