import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import { normalizeText } from '../../../../shared/format';
import type { Page } from '../../../../shared/ipc';
import type { InstrumentState } from '../../../../shared/inventory/rules';
import type { Instrument, InstrumentFilter, instrumentSortColumns } from '../../../../shared/inventory/schemas';
import { lockRows } from '../../db/dialect';
import { num, type Row, str, toCount, stampedOf } from '../../db/rows';
import { whereWords } from '../../db/search';
import { joinEstablishment } from '../../establishments/repository';
import type { Gallery } from '../../files/repository/gallery';
import { firstVersion, insertId, updateVersion } from '../../db/writes';
import { sortedPage, type SortedPageAt } from '../../db/paging';

/** The instruments' register: the rows, their filters and the cached state their movements leave. */

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
  /** The partner's donation it came from (issue 15); left as it is when not given. */
  donationId?: number | null;
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
  'i.donation_id',
  'i.status',
  'i.condition',
  'i.establishment_id',
  'e.name as establishment_name',
  'i.transit_to_establishment_id',
  'et.name as transit_name',
  'i.custodian_type',
  'i.custodian_name',
  'i.custodian_id',
  'i.custody_since',
  'i.custody_due',
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
  donationId: num(r.donation_id),
  status: r.status as Instrument['status'],
  condition: r.condition as Instrument['condition'],
  establishmentId: num(r.establishment_id),
  establishmentName: str(r.establishment_name),
  transitToEstablishmentId: num(r.transit_to_establishment_id),
  transitToEstablishmentName: str(r.transit_name),
  custodianType: (r.custodian_type ?? null) as Instrument['custodianType'],
  custodianName: str(r.custodian_name),
  custodianId: num(r.custodian_id),
  custodySince: str(r.custody_since),
  custodyDue: str(r.custody_due),
  movementCount: Number(r.movement_count),
  ...stampedOf(r),
});

const joined = (db: Knex) => {
  const q = db('instruments as i').join('instrument_types as t', 't.id', 'i.type_id');
  joinEstablishment(q, 'e', 'i.establishment_id', 'left');
  return joinEstablishment(q, 'et', 'i.transit_to_establishment_id', 'left');
};

/** Narrows a query further (a restricted user's establishments: auth/access.ts whereInScope). */
export type Narrow = (q: Knex.QueryBuilder) => void;
export const noNarrow: Narrow = () => {};

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
  f: Filter & SortedPageAt<SortColumn>,
  narrow: Narrow = noNarrow,
): Promise<Page<Instrument>> {
  const [countRow] = (await countQuery(db, f, narrow).count({ n: '*' })) as Row[];
  const rows = (await sortedPage(filtered(db, f, narrow).select(selectColumns), sortExpressions[f.sort], 'i.id', f)) as Row[];
  return { rows: rows.map(toInstrument), total: toCount(countRow), page: f.page, pageSize: f.pageSize };
}

export async function allInstruments(
  db: Knex,
  f: Filter,
  sort: SortColumn,
  direction: 'asc' | 'desc',
  narrow: Narrow = noNarrow,
): Promise<Instrument[]> {
  const rows = (await filtered(db, f, narrow)
    .select(selectColumns)
    .orderBy(sortExpressions[sort], direction)
    .orderBy('i.id', direction)) as Row[];
  return rows.map(toInstrument);
}

export async function getInstrument(db: Knex, id: number): Promise<Instrument | null> {
  const row = (await joined(db).select(selectColumns).where('i.id', id).first()) as Row | undefined;
  return row ? toInstrument(row) : null;
}

export async function getInstruments(db: Knex, ids: number[]): Promise<Instrument[]> {
  const out: Instrument[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = (await joined(db)
      .select(selectColumns)
      .whereIn('i.id', ids.slice(i, i + 500))) as Row[];
    out.push(...rows.map(toInstrument));
  }
  return out;
}

export async function findInstrumentIdByCode(db: Knex, code: string): Promise<number | null> {
  const row = (await db('instruments').select('id').where('code', code).first()) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Where an instrument is (or is on its way to), without its joins; null: no such instrument. */
export async function instrumentPlace(
  db: Knex,
  id: number,
): Promise<{ establishmentId: number | null; transitToEstablishmentId: number | null } | null> {
  const i = (await db('instruments').where({ id }).first('id', 'establishment_id', 'transit_to_establishment_id')) as
    { establishment_id: number | null; transit_to_establishment_id: number | null } | undefined;
  return i ? { establishmentId: i.establishment_id, transitToEstablishmentId: i.transit_to_establishment_id } : null;
}

/** The instruments with these codes: their ids and where they are (or are on their way to). */
export async function instrumentsByCodes(
  db: Knex,
  codes: string[],
): Promise<Array<{ id: number; code: string; establishmentId: number | null; transitToEstablishmentId: number | null }>> {
  const out: Array<{ id: number; code: string; establishmentId: number | null; transitToEstablishmentId: number | null }> = [];
  for (let i = 0; i < codes.length; i += 500) {
    const rows = (await db('instruments')
      .whereIn('code', codes.slice(i, i + 500))
      .select('id', 'code', 'establishment_id', 'transit_to_establishment_id')) as Row[];
    for (const r of rows) {
      out.push({
        id: Number(r.id),
        code: String(r.code),
        establishmentId: num(r.establishment_id),
        transitToEstablishmentId: num(r.transit_to_establishment_id),
      });
    }
  }
  return out;
}

/** The type an instrument is registered with; null: no such instrument. */
export async function typeIdOf(db: Knex, id: number): Promise<number | null> {
  const row = (await db('instruments').where({ id }).first('type_id')) as { type_id: number } | undefined;
  return row ? row.type_id : null;
}

/** The instruments on record at an establishment (assigned there, held by a custodian or not). */
export async function assignedInstrumentIds(db: Knex, establishmentId: number): Promise<number[]> {
  return (await db('instruments').where({ establishment_id: establishmentId, status: 'asignado' }).pluck('id')) as number[];
}

/** Office mode: concurrent moves of the same instruments queue up (db/dialect.ts lockRows). */
export const lockInstruments = (db: Knex, ids: number[]): Promise<void> => lockRows(db, 'instruments', ids);

/** An instrument's photos (files/gallery.ts: the same gallery as an artwork's). */
export const instrumentGallery: Gallery = { table: 'instrument_photos', owner: 'instrument_id', entity: 'instrument' };

export { stateOf } from '../../../../shared/inventory/rules';

/** What the register's search reads: code, serial number, brand and model (the demonstration data writes it too). */
export const instrumentSearchText = (v: Pick<InstrumentValues, 'code' | 'serialNumber' | 'brand' | 'model'>): string =>
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
  ...(v.donationId === undefined ? {} : { donation_id: v.donationId }),
  search_text: instrumentSearchText(v),
});

/** The cached state columns of an instrument. */
export const stateColumns = (s: InstrumentState) => ({
  status: s.status,
  condition: s.condition,
  establishment_id: s.establishmentId,
  transit_to_establishment_id: s.transitTo,
  custodian_type: s.custodian?.type ?? null,
  custodian_name: s.custodian?.name ?? null,
  custodian_id: s.custodian?.id ?? null,
  custody_since: s.custodian?.since ?? null,
  custody_due: s.custodian?.due ?? null,
});

/** Inserts the register row; its state columns are set by the alta movement right after. */
export async function insertInstrument(db: Knex, v: InstrumentValues, actor: Actor, now: string): Promise<number> {
  return insertId(db('instruments'), {
    ...columnsOf(v),
    status: 'en_almacen',
    condition: 'bueno',
    establishment_id: null,
    transit_to_establishment_id: null,
    custodian_type: null,
    custodian_name: null,
    custodian_id: null,
    custody_since: null,
    custody_due: null,
    movement_count: 0,
    ...firstVersion(actor, now),
  });
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
        ...firstVersion(actor, now),
      })),
    )
    .returning('id')) as Array<{ id: number }>;
  return inserted.map((r) => r.id);
}

export async function updateInstrumentFields(
  db: Knex,
  id: number,
  version: number,
  v: InstrumentValues,
  actor: Actor,
  now: string,
): Promise<boolean> {
  const n = await updateVersion(db('instruments'), id, version, columnsOf(v), actor, now);
  return n === 1;
}

/** The highest instrument id so far (0: none); the demonstration data numbers its rows after it. */
export async function lastInstrumentId(db: Knex): Promise<number> {
  return Number(((await db('instruments').max({ m: 'id' })) as Array<{ m: number | null }>)[0]?.m ?? 0);
}

/** The first instrument (by id) of a funding source, if any. */
export async function firstInstrumentFunded(db: Knex, funding: Instrument['funding']): Promise<number | undefined> {
  const first = (await db('instruments').where({ funding }).orderBy('id').first('id')) as { id: number } | undefined;
  return first?.id;
}

/** Names the partner's donation an instrument came from (demonstration data: no version, no audit). */
export async function setInstrumentDonation(db: Knex, id: number, donationId: number): Promise<void> {
  await db('instruments').where({ id }).update({ donation_id: donationId });
}
