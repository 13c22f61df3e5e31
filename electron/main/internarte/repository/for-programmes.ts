import type { Knex } from 'knex';
import type { InitiativeMember } from '../../../../shared/programmes/initiative-schemas';
import { nonEmpty, type Row, num, numOr0 } from '../../db/rows';
import { exhibitionHeading } from './exhibition-heading';

/**
 * What the programmes read of InternArte (issue 15): the exhibitions held under one of the
 * programme's agreements, for the agreement's page.
 */

export interface AgreementExhibition {
  id: number;
  title: string;
  venue: string | null;
  startsOn: string | null;
  endsOn: string | null;
}

/** The exhibitions that name this agreement, the earliest first. */
export async function exhibitionsUnderAgreement(db: Knex, agreementId: number): Promise<AgreementExhibition[]> {
  const rows = (await db('exhibitions')
    .where({ agreement_id: agreementId })
    .orderBy('starts_on')
    .orderBy('id')
    .select('id', 'title', 'venue', 'starts_on', 'ends_on')) as Row[];
  return rows.map(exhibitionHeading);
}

// ── Initiatives (issue 17, item 1) ──────────────────────────────────────────────

/** An exhibition as an initiative's page lists it. */
const asMember = (r: Row): InitiativeMember => ({
  id: Number(r.id),
  label: String(r.title),
  detail: nonEmpty(r.venue),
  date: nonEmpty(r.starts_on),
  amountCentimos: null,
});

/** The exhibitions of an initiative (null: those of none, the candidates to link), the earliest first. */
export async function exhibitionsOfInitiative(db: Knex, initiativeId: number | null): Promise<InitiativeMember[]> {
  const q = db('exhibitions');
  if (initiativeId === null) q.whereNull('initiative_id');
  else q.where({ initiative_id: initiativeId });
  const rows = (await q.orderBy('starts_on').orderBy('id').select('id', 'title', 'venue', 'starts_on')) as Row[];
  return rows.map(asMember);
}

/** The initiative each of these exhibitions belongs to (null: none); an id absent from the map is no exhibition. */
export async function exhibitionInitiatives(db: Knex, ids: readonly number[]): Promise<Map<number, number | null>> {
  const rows = (await db('exhibitions')
    .whereIn('id', [...ids])
    .select('id', 'initiative_id')) as Row[];
  return new Map(rows.map((r) => [Number(r.id), num(r.initiative_id)]));
}

/** Moves these exhibitions from initiative `from` (null: none) to `to`; answers how many moved. */
export async function moveExhibitions(db: Knex, ids: readonly number[], from: number | null, to: number | null): Promise<number> {
  const q = db('exhibitions').whereIn('id', [...ids]);
  if (from === null) q.whereNull('initiative_id');
  else q.where({ initiative_id: from });
  return q.update({ initiative_id: to });
}

/** How many exhibitions each initiative has. */
export async function exhibitionsPerInitiative(db: Knex): Promise<Map<number, number>> {
  const rows = (await db('exhibitions')
    .whereNotNull('initiative_id')
    .groupBy('initiative_id')
    .select('initiative_id')
    .count({ n: '*' })) as Row[];
  return new Map(rows.map((r) => [Number(r.initiative_id), Number(r.n)]));
}

/** How many of an initiative's exhibitions were open during [from, to] (those without dates are not counted). */
export async function initiativeExhibitionsDuring(db: Knex, initiativeId: number, from: string, to: string): Promise<number> {
  const [r] = (await db('exhibitions')
    .where({ initiative_id: initiativeId })
    .whereNotNull('starts_on')
    .where('starts_on', '<=', to)
    .where((w) => w.whereNull('ends_on').orWhere('ends_on', '>=', from))
    .count({ n: '*' })) as Row[];
  return numOr0(r?.n);
}
