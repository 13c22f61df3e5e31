import type { Knex } from 'knex';
import type { CustodianType } from '../../../../shared/inventory/rules';
import { type Row, num, str, toCount } from '../../db/rows';
import { sortedPage } from '../../db/paging';
import { joinEstablishment } from '../../establishments/repository';
import type { Narrow } from './instruments';
import { closingKinds } from './recoveries';

/**
 * Custody by id (issue 15): the hand-overs past their expected return, what one custodian
 * holds and held, and the custodians carried over as text awaiting a clerk's link.
 */

/** A hand-over as the repository reads it; the handler names the custodian as the viewer may read it. */
export interface HoldingRow {
  instrumentId: number;
  code: string;
  typeName: string;
  establishmentId: number | null;
  establishmentName: string | null;
  custodianType: CustodianType;
  custodianId: number | null;
  custodianName: string;
  since: string | null;
  due: string | null;
  until: string | null;
  endedBy: string | null;
  movementCount: number;
}

const held = (db: Knex) => {
  const q = db('instruments as i').join('instrument_types as t', 't.id', 'i.type_id');
  return joinEstablishment(q, 'e', 'i.establishment_id', 'left');
};

const heldColumns = [
  'i.id',
  'i.code',
  't.name as type_name',
  'i.establishment_id',
  'e.name as establishment_name',
  'i.custodian_type',
  'i.custodian_id',
  'i.custodian_name',
  'i.custody_since',
  'i.custody_due',
  'i.movement_count',
];

const toHeld = (r: Row): HoldingRow => ({
  instrumentId: Number(r.id),
  code: String(r.code),
  typeName: String(r.type_name),
  establishmentId: num(r.establishment_id),
  establishmentName: str(r.establishment_name),
  custodianType: r.custodian_type as CustodianType,
  custodianId: num(r.custodian_id),
  custodianName: String(r.custodian_name),
  since: str(r.custody_since),
  due: str(r.custody_due),
  until: null,
  endedBy: null,
  movementCount: Number(r.movement_count),
});

const overdueSort = { due: 'i.custody_due', code: 'i.code', establishment: 'e.name_key', custodian: 'i.custodian_name' } as const;

export interface OverdueFilter {
  establishmentId: number | null;
  custodianType: CustodianType | null;
  /** Only expected returns before this day count: today minus the minimum days late (at least one), plus one. */
  dueBefore: string;
  sort: keyof typeof overdueSort;
  /** Whether the viewer reads custodians' names (else "custodian" sorts by type and id). */
  byName: boolean;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Instruments still held after their expected return (due before `dueBefore`). */
export async function overdueHoldings(db: Knex, f: OverdueFilter, narrow: Narrow): Promise<{ rows: HoldingRow[]; total: number }> {
  const where = (q: Knex.QueryBuilder) => {
    q.where('i.custody_due', '<', f.dueBefore).whereNotNull('i.custodian_type');
    if (f.establishmentId !== null) q.where('i.establishment_id', f.establishmentId);
    if (f.custodianType !== null) q.where('i.custodian_type', f.custodianType);
    narrow(q);
    return q;
  };
  const [count] = (await where(db('instruments as i')).count({ n: '*' })) as Row[];
  const q = where(held(db)).select(heldColumns);
  if (f.sort === 'custodian' && !f.byName) q.orderBy('i.custodian_type', f.direction).orderBy('i.custodian_id', f.direction);
  const rows = (await sortedPage(q, overdueSort[f.sort], 'i.id', f)) as Row[];
  return { rows: rows.map(toHeld), total: toCount(count) };
}

/** How many hand-overs are past their expected return today. */
export async function overdueCount(db: Knex, today: string, narrow: Narrow): Promise<number> {
  const q = db('instruments as i').where('i.custody_due', '<', today).whereNotNull('i.custodian_type');
  narrow(q);
  const [row] = (await q.count({ n: '*' })) as Row[];
  return toCount(row);
}

/** What one custodian holds now. */
export async function currentHoldings(db: Knex, type: CustodianType, id: number): Promise<HoldingRow[]> {
  const rows = (await held(db)
    .where({ 'i.custodian_type': type, 'i.custodian_id': id })
    .orderBy('i.custody_since')
    .orderBy('i.code')
    .select(heldColumns)) as Row[];
  return rows.map(toHeld);
}

/** The instruments held by any of these custodians (of one type) now: id → holdings. */
export async function holdingsOf(db: Knex, type: CustodianType, ids: number[]): Promise<Map<number, HoldingRow[]>> {
  const out = new Map<number, HoldingRow[]>();
  for (let k = 0; k < ids.length; k += 500) {
    const rows = (await held(db)
      .where('i.custodian_type', type)
      .whereIn('i.custodian_id', ids.slice(k, k + 500))
      .orderBy('i.code')
      .select(heldColumns)) as Row[];
    for (const h of rows.map(toHeld)) out.set(h.custodianId!, [...(out.get(h.custodianId!) ?? []), h]);
  }
  return out;
}

/** What one custodian held before: each hand-over to them and the movement that ended it, latest first. */
export async function pastHoldings(db: Knex, type: CustodianType, id: number): Promise<HoldingRow[]> {
  const q = db('instrument_movements as m')
    .join('instruments as i', 'i.id', 'm.instrument_id')
    .join('instrument_types as t', 't.id', 'i.type_id');
  joinEstablishment(q, 'e', 'm.establishment_after_id', 'left');
  const handed = (await q
    .where({ 'm.custodian_type': type, 'm.custodian_id': id, 'm.kind': 'entrega' })
    .select(
      'i.id',
      'i.code',
      't.name as type_name',
      'm.seq',
      'm.establishment_after_id as establishment_id',
      'e.name as establishment_name',
      'm.custodian_type',
      'm.custodian_id',
      'm.custodian_name',
      'm.date as custody_since',
      'm.due_date as custody_due',
      'i.movement_count',
    )) as Row[];
  // Each hand-over ended with the first movement after it that freed the instrument (two indexed reads, paired here).
  const ends = new Map<number, Row[]>();
  const instrumentIds = [...new Set(handed.map((r) => Number(r.id)))];
  for (let k = 0; k < instrumentIds.length; k += 500) {
    const rows = (await db('instrument_movements')
      .whereIn('instrument_id', instrumentIds.slice(k, k + 500))
      .whereIn('kind', [...closingKinds])
      .orderBy('seq')
      .select('instrument_id', 'seq', 'date', 'kind')) as Row[];
    for (const r of rows) ends.set(Number(r.instrument_id), [...(ends.get(Number(r.instrument_id)) ?? []), r]);
  }
  const past: HoldingRow[] = [];
  for (const r of handed) {
    const end = ends.get(Number(r.id))?.find((x) => Number(x.seq) > Number(r.seq));
    if (end) past.push({ ...toHeld(r), until: String(end.date), endedBy: String(end.kind) });
  }
  return past.sort((a, b) => (b.until! < a.until! ? -1 : b.until! > a.until! ? 1 : b.instrumentId - a.instrumentId)).slice(0, 500);
}

// ── Custodians carried over as text ─────────────────────────────────────────────

export interface ReviewRow {
  id: number;
  instrumentId: number;
  code: string;
  establishmentId: number | null;
  establishmentName: string | null;
  custodianType: CustodianType;
  originalText: string;
  status: 'pendiente' | 'vinculado' | 'descartado';
  custodianId: number | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** The instrument's custodian now (to check it is still the one typed). */
  heldType: string | null;
  heldName: string | null;
  heldId: number | null;
  movementCount: number;
}

const reviewQuery = (db: Knex) => {
  const q = db('custodian_reviews as r').join('instruments as i', 'i.id', 'r.instrument_id');
  return joinEstablishment(q, 'e', 'i.establishment_id', 'left').select(
    'r.*',
    'i.code',
    'i.establishment_id',
    'e.name as establishment_name',
    'i.custodian_type as held_type',
    'i.custodian_name as held_name',
    'i.custodian_id as held_id',
    'i.movement_count',
  );
};

const toReview = (r: Row): ReviewRow => ({
  id: Number(r.id),
  instrumentId: Number(r.instrument_id),
  code: String(r.code),
  establishmentId: num(r.establishment_id),
  establishmentName: str(r.establishment_name),
  custodianType: r.custodian_type as CustodianType,
  originalText: String(r.original_text),
  status: r.status as ReviewRow['status'],
  custodianId: num(r.custodian_id),
  resolvedAt: str(r.resolved_at),
  resolvedBy: str(r.resolved_by),
  heldType: str(r.held_type),
  heldName: str(r.held_name),
  heldId: num(r.held_id),
  movementCount: Number(r.movement_count),
});

export async function listReviews(db: Knex, status: ReviewRow['status'], narrow: Narrow): Promise<ReviewRow[]> {
  const q = reviewQuery(db).where('r.status', status).orderBy('e.name_key').orderBy('i.code').limit(2000);
  narrow(q);
  return ((await q) as Row[]).map(toReview);
}

export async function getReview(db: Knex, id: number): Promise<ReviewRow | null> {
  const r = (await reviewQuery(db).where('r.id', id).first()) as Row | undefined;
  return r ? toReview(r) : null;
}

export async function pendingReviewCount(db: Knex, narrow: Narrow): Promise<number> {
  const q = db('custodian_reviews as r').join('instruments as i', 'i.id', 'r.instrument_id').where('r.status', 'pendiente');
  narrow(q);
  const [row] = (await q.count({ n: '*' })) as Row[];
  return toCount(row);
}

/** Marks a review resolved; answers false when it was no longer pending (another clerk got there first). */
export async function resolveReview(
  db: Knex,
  id: number,
  status: 'vinculado' | 'descartado',
  custodianId: number | null,
  who: string,
  now: string,
): Promise<boolean> {
  const n = await db('custodian_reviews')
    .where({ id, status: 'pendiente' })
    .update({ status, custodian_id: custodianId, resolved_at: now, resolved_by: who });
  return Number(n) === 1;
}

/**
 * Links the instrument's current custodian (typed as text) to a record: the instrument and
 * the hand-over that gave it to them carry the id; the name stays as it was typed.
 */
export async function linkCurrentCustodian(db: Knex, instrumentId: number, custodianId: number): Promise<void> {
  await db('instruments').where({ id: instrumentId }).update({ custodian_id: custodianId });
  const last = (await db('instrument_movements')
    .where({ instrument_id: instrumentId, kind: 'entrega' })
    .orderBy('seq', 'desc')
    .first('id')) as Row | undefined;
  if (last)
    await db('instrument_movements')
      .where({ id: Number(last.id) })
      .update({ custodian_id: custodianId });
}
