import type { Knex } from 'knex';
import type { Stocktake } from '../../../../shared/inventory/stocktake-schemas';
import { type Row, str, num, numOr0 } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';
import type { Narrow } from './instruments';
import { insertId } from '../../db/writes';

/** Stocktakes (tomas de inventario) of one establishment and the codes counted in them. */

const toStocktake = (r: Row): Stocktake => ({
  id: Number(r.id),
  establishmentId: Number(r.establishment_id),
  establishmentName: String(r.establishment_name),
  status: r.status as Stocktake['status'],
  openedAt: String(r.opened_at),
  openedBy: String(r.opened_by),
  closedAt: str(r.closed_at),
  closedBy: str(r.closed_by),
  actaNumber: str(r.acta_number),
  actaDate: str(r.acta_date),
  notes: str(r.notes),
  counted: numOr0(r.counted),
});

function stocktakes(db: Knex) {
  return joinEstablishment(db('stocktakes as s'), 'e', 's.establishment_id')
    .select('s.*', 'e.name as establishment_name')
    .select(db.raw('(SELECT count(*) FROM stocktake_counts c WHERE c.stocktake_id = s.id) AS counted'));
}

export async function getStocktake(db: Knex, id: number): Promise<Stocktake | null> {
  const row = (await stocktakes(db).where('s.id', id).first()) as Row | undefined;
  return row ? toStocktake(row) : null;
}

/** Newest first. `narrow`: a restricted user's establishments (on s.establishment_id). */
export async function listStocktakes(
  db: Knex,
  f: { establishmentId: number | null; status: Stocktake['status'] | null },
  narrow: Narrow,
): Promise<Stocktake[]> {
  const q = stocktakes(db).orderBy('s.id', 'desc');
  narrow(q);
  if (f.establishmentId !== null) q.where('s.establishment_id', f.establishmentId);
  if (f.status !== null) q.where('s.status', f.status);
  return ((await q) as Row[]).map(toStocktake);
}

/** Whether the establishment has a stocktake open (one at a time). */
export async function hasOpenStocktake(db: Knex, establishmentId: number): Promise<boolean> {
  return (await db('stocktakes').where({ establishment_id: establishmentId, status: 'abierto' }).first()) !== undefined;
}

export async function insertStocktake(
  db: Knex,
  establishmentId: number,
  notes: string | null,
  openedBy: string,
  now: string,
): Promise<number> {
  return insertId(db('stocktakes'), { establishment_id: establishmentId, status: 'abierto', opened_at: now, opened_by: openedBy, notes });
}

/** The result a closed stocktake froze when its acta was signed (JSON of a StocktakeDetail); null: none. */
export async function frozenResult(db: Knex, id: number): Promise<string | null> {
  const row = (await db('stocktakes').where({ id }).first('closed_result_json')) as { closed_result_json: string | null };
  return row.closed_result_json;
}

/** Closes a stocktake with its acta and the result as it stood (frozen). */
export async function closeStocktake(
  db: Knex,
  id: number,
  v: { closedBy: string; now: string; actaNumber: string; actaDate: string; resultJson: string },
): Promise<void> {
  await db('stocktakes').where({ id }).update({
    status: 'cerrado',
    closed_at: v.now,
    closed_by: v.closedBy,
    acta_number: v.actaNumber,
    acta_date: v.actaDate,
    closed_result_json: v.resultJson,
  });
}

/** A code counted in a stocktake. */
export interface CountedCode {
  code: string;
  instrumentId: number | null;
  condition: string | null;
  countedAt: string;
}

const toCounted = (r: Row): CountedCode => ({
  code: String(r.code),
  instrumentId: num(r.instrument_id),
  condition: str(r.condition),
  countedAt: String(r.counted_at),
});

/** The codes counted, in the order they were scanned. */
export async function countedCodes(db: Knex, stocktakeId: number): Promise<CountedCode[]> {
  return ((await db('stocktake_counts').where({ stocktake_id: stocktakeId }).orderBy('id')) as Row[]).map(toCounted);
}

export async function findCount(db: Knex, stocktakeId: number, code: string): Promise<CountedCode | null> {
  const row = (await db('stocktake_counts').where({ stocktake_id: stocktakeId, code }).first()) as Row | undefined;
  return row ? toCounted(row) : null;
}

export async function insertCount(
  db: Knex,
  v: { stocktakeId: number; code: string; instrumentId: number | null; condition: string | null; countedBy: string; now: string },
): Promise<void> {
  await db('stocktake_counts').insert({
    stocktake_id: v.stocktakeId,
    code: v.code,
    instrument_id: v.instrumentId,
    condition: v.condition,
    counted_at: v.now,
    counted_by: v.countedBy,
  });
}

/** Removes a counted code; answers whether there was one. */
export async function deleteCount(db: Knex, stocktakeId: number, code: string): Promise<boolean> {
  return (await db('stocktake_counts').where({ stocktake_id: stocktakeId, code }).delete()) > 0;
}
