import type { Knex } from 'knex';
import type { ContractWorkshopReview, Delivered } from '../../../../shared/contracts/schemas';
import { type Row, str, num } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';
import { deliveredSessions, workshopsByIds } from '../../programmes/repository/for-contracts';
import { fullName } from './words';
import { compareSpanish } from '../../../../shared/format';

/** The workshops contracts cover, by id, and the names typed before links existed that wait for a clerk. */

/** A restricted user's contracts (contracts.ts: contractScope). */
type ContractNarrow = (q: Knex.QueryBuilder) => void;

export type LinkedWorkshop = { id: number; name: string; establishmentId: number };

/** Each contract's workshops (by name), with the establishment each belongs to. */
export async function linkedWorkshopsOf(db: Knex, contractIds: number[]): Promise<Map<number, LinkedWorkshop[]>> {
  const out = new Map<number, LinkedWorkshop[]>();
  const links = await workshopIdsByContract(db, contractIds);
  const workshops = await workshopsByIds(db, [...new Set([...links.values()].flat())]);
  for (const [id, workshopIds] of links) {
    const list = workshopIds.flatMap((w) => workshops.get(w) ?? []).map(({ id, name, establishmentId }) => ({ id, name, establishmentId }));
    list.sort((a, b) => compareSpanish(a.name, b.name) || a.id - b.id);
    if (list.length > 0) out.set(id, list);
  }
  return out;
}

/** The ids of the workshops each of these contracts covers (a contract that covers none is absent). */
async function workshopIdsByContract(db: Knex, contractIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  const unique = [...new Set(contractIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const links = (await db('contract_workshops')
      .whereIn('contract_id', unique.slice(i, i + 500))
      .orderBy(['contract_id', 'workshop_id'])
      .select('contract_id', 'workshop_id')) as Row[];
    for (const l of links) out.set(Number(l.contract_id), [...(out.get(Number(l.contract_id)) ?? []), Number(l.workshop_id)]);
  }
  return out;
}

/** The contract's workshops are these (written with its terms, in the same transaction). */
export async function writeContractWorkshops(db: Knex, contractId: number, workshopIds: number[]): Promise<void> {
  await db('contract_workshops').where({ contract_id: contractId }).delete();
  const rows = [...new Set(workshopIds)].map((workshop_id) => ({ contract_id: contractId, workshop_id }));
  for (let i = 0; i < rows.length; i += 200) await db('contract_workshops').insert(rows.slice(i, i + 200));
}

/** Adds one workshop to a contract (nothing when it is already there). */
export async function addContractWorkshop(db: Knex, contractId: number, workshopId: number): Promise<void> {
  const there = await db('contract_workshops').where({ contract_id: contractId, workshop_id: workshopId }).first('workshop_id');
  if (!there) await db('contract_workshops').insert({ contract_id: contractId, workshop_id: workshopId });
}

// ── Names carried over as text ("sin vincular") ─────────────────────────────────

const reviewQuery = (db: Knex) =>
  joinEstablishment(db('contract_workshop_reviews as r').join('contracts as c', 'c.id', 'r.contract_id'), 'e', 'r.establishment_id')
    .join('teachers as t', 't.id', 'c.teacher_id')
    .select(
      'r.*',
      'c.number as contract_number',
      'c.status as contract_status',
      't.first_names',
      't.last_names',
      'e.name as establishment_name',
    );

type ReviewRow = Omit<ContractWorkshopReview, 'workshopName'>;

const toReview = (r: Row): ReviewRow => ({
  id: Number(r.id),
  contractId: Number(r.contract_id),
  contractNumber: String(r.contract_number),
  teacherName: fullName(String(r.last_names), String(r.first_names)),
  establishmentId: Number(r.establishment_id),
  establishmentName: String(r.establishment_name),
  originalText: String(r.original_text),
  status: r.status as ContractWorkshopReview['status'],
  workshopId: num(r.workshop_id),
  resolvedAt: str(r.resolved_at),
  resolvedBy: str(r.resolved_by),
});

/** With the name of the workshop each linked one was linked to. */
async function named(db: Knex, rows: ReviewRow[]): Promise<ContractWorkshopReview[]> {
  const ids = rows.flatMap((r) => (r.workshopId === null ? [] : [r.workshopId]));
  const workshops = await workshopsByIds(db, ids);
  return rows.map((r) => ({ ...r, workshopName: r.workshopId === null ? null : (workshops.get(r.workshopId)?.name ?? null) }));
}

export async function listWorkshopReviews(
  db: Knex,
  status: ContractWorkshopReview['status'],
  narrow: ContractNarrow,
): Promise<ContractWorkshopReview[]> {
  const q = reviewQuery(db).where('r.status', status).orderBy('c.number_key').orderBy('e.name_key').orderBy('r.id').limit(2000);
  narrow(q);
  return named(db, ((await q) as Row[]).map(toReview));
}

export async function getWorkshopReview(db: Knex, id: number): Promise<ContractWorkshopReview | null> {
  const r = (await reviewQuery(db).where('r.id', id).first()) as Row | undefined;
  return r ? (await named(db, [toReview(r)]))[0]! : null;
}

/** Whether the contract still covers that establishment (a draft may have dropped it). */
export async function coversEstablishment(db: Knex, contractId: number, establishmentId: number): Promise<boolean> {
  return (
    (await db('contract_establishments').where({ contract_id: contractId, establishment_id: establishmentId }).first('contract_id')) !==
    undefined
  );
}

/** Marks a review resolved; answers false when it was no longer pending (another clerk got there first). */
export async function resolveWorkshopReview(
  db: Knex,
  id: number,
  status: 'vinculado' | 'descartado',
  workshopId: number | null,
  who: string,
  now: string,
): Promise<boolean> {
  const n = await db('contract_workshop_reviews')
    .where({ id, status: 'pendiente' })
    .update({ status, workshop_id: workshopId, resolved_at: now, resolved_by: who });
  return Number(n) === 1;
}

// ── What a month delivered ──────────────────────────────────────────────────────

/** A month of a contract whose delivery is asked: the contract, its teacher, the month ('YYYY-MM'). */
export interface DeliveredMonth {
  contractId: number;
  teacherId: number;
  period: string;
}

/**
 * What each contract's teacher delivered in the month in the contract's workshops (an answer
 * per month asked, in order): one query for the contracts' workshops, one for the sessions.
 */
export async function deliveredInMonths(db: Knex, months: readonly DeliveredMonth[]): Promise<Delivered[]> {
  const contractIds = months.map((m) => m.contractId);
  const workshops = await workshopIdsByContract(db, contractIds);
  const asked = months.map((m) => ({ teacherId: m.teacherId, workshopIds: workshops.get(m.contractId) ?? [], period: m.period }));
  const sessions = await deliveredSessions(db, asked);
  return asked.map((q, i) => ({ workshops: q.workshopIds.length, ...sessions[i]! }));
}

/** What the contract's teacher delivered in the month in the contract's workshops. */
export async function deliveredIn(db: Knex, contractId: number, teacherId: number, period: string): Promise<Delivered> {
  return (await deliveredInMonths(db, [{ contractId, teacherId, period }]))[0]!;
}
