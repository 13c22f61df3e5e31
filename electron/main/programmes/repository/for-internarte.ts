import type { Knex } from 'knex';
import { whereWords } from '../../db/search';
import { joinAs, type JoinKind } from '../../db/join';
import { type Row, str } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';

/**
 * What InternArte reads of the programmes' registers: an artwork's artist is a participant of
 * the register (or a name typed in), it comes from a workshop, and an exhibition names the
 * programme's partners. InternArte never names these tables: it calls these functions, and
 * joins its own queries to them through the join helpers here.
 */

/** Joins the participants register as `alias` on `column` (`alias.id = column`). */
export const joinParticipant = <Q extends Knex.QueryBuilder>(q: Q, alias: string, column: string, how: JoinKind = 'inner'): Q =>
  joinAs(q, how, 'participants', alias, column);

/** Joins the workshops as `alias` on `column` (`alias.id = column`). */
export const joinWorkshop = <Q extends Knex.QueryBuilder>(q: Q, alias: string, column: string, how: JoinKind = 'inner'): Q =>
  joinAs(q, how, 'workshops', alias, column);

/** Joins the agreements as `alias` on `column` (`alias.id = column`): the agreement an exhibition names. */
export const joinAgreement = <Q extends Knex.QueryBuilder>(q: Q, alias: string, column: string, how: JoinKind = 'inner'): Q =>
  joinAs(q, how, 'agreements', alias, column);

/** Joins the partners as `alias` on `column` (`alias.id = column`). */
export const joinPartner = <Q extends Knex.QueryBuilder>(q: Q, alias: string, column: string, how: JoinKind = 'inner'): Q =>
  joinAs(q, how, 'partners', alias, column);

/** Which participants may be chosen: the caller narrows them (to some ids, to the session's establishments). */
export interface ParticipantChoice {
  /** Only the participants of this subquery (a list of ids), or null for the whole register. */
  onlyIds: Knex.QueryBuilder | null;
  /** Narrows a query to the caller's establishments, given the participant's establishment column. */
  scope: (q: Knex.QueryBuilder, establishmentColumn: string) => Knex.QueryBuilder;
}

function choosable(db: Knex, c: ParticipantChoice): Knex.QueryBuilder {
  const q = joinEstablishment(db('participants as p'), 'e', 'p.establishment_id');
  if (c.onlyIds !== null) q.whereIn('p.id', c.onlyIds);
  c.scope(q, 'p.establishment_id');
  return q;
}

/** Whether the participant `id` is among those the choice allows. */
export async function isChoosableParticipant(db: Knex, id: number, c: ParticipantChoice): Promise<boolean> {
  return (await choosable(db, c).where('p.id', id).first('p.id')) !== undefined;
}

/** The first `limit` participants the choice allows whose search text has every word typed, in the register's order. */
export async function searchChoosableParticipants(
  db: Knex,
  search: string,
  c: ParticipantChoice,
  limit = 50,
): Promise<Array<{ id: number; code: string; name: string; establishmentId: number; establishmentName: string }>> {
  const q = whereWords(choosable(db, c), 'p.search_text', search);
  const rows = (await q
    .orderBy('p.sort_key')
    .limit(limit)
    .select('p.id', 'p.code', 'p.first_names', 'p.last_names', 'p.establishment_id', 'e.name as establishment_name')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    name: `${String(r.first_names)} ${String(r.last_names)}`,
    establishmentId: Number(r.establishment_id),
    establishmentName: String(r.establishment_name),
  }));
}

/** A participant's full name ("first names last names"), or null when there is no such participant. */
export async function participantFullName(db: Knex, id: number): Promise<string | null> {
  const p = (await db('participants').where({ id }).first('first_names', 'last_names')) as Row | undefined;
  return p ? `${String(p.first_names)} ${String(p.last_names)}` : null;
}

/** The first `limit` participants (by id) of these establishments: the demonstration's artists. */
export async function firstParticipants(
  db: Knex,
  establishmentIds: readonly number[],
  limit: number,
): Promise<Array<{ id: number; establishmentId: number; firstNames: string; lastNames: string }>> {
  const rows = (await db('participants')
    .whereIn('establishment_id', establishmentIds)
    .orderBy('id')
    .limit(limit)
    .select('id', 'establishment_id', 'first_names', 'last_names')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    establishmentId: Number(r.establishment_id),
    firstNames: String(r.first_names),
    lastNames: String(r.last_names),
  }));
}

export async function workshopExists(db: Knex, id: number): Promise<boolean> {
  return (await db('workshops').where({ id }).first('id')) !== undefined;
}

/** The active workshops, by name, with their establishment; `scope` narrows them to the caller's establishments. */
export async function activeWorkshops(
  db: Knex,
  scope: (q: Knex.QueryBuilder, establishmentColumn: string) => Knex.QueryBuilder,
): Promise<Array<{ id: number; name: string; establishmentId: number; establishmentName: string }>> {
  const q = joinEstablishment(db('workshops as w'), 'e', 'w.establishment_id').where('w.active', true);
  const rows = (await scope(q, 'w.establishment_id')
    .orderBy('w.name_key')
    .select('w.id', 'w.name', 'w.establishment_id', 'e.name as establishment_name')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    establishmentId: Number(r.establishment_id),
    establishmentName: String(r.establishment_name),
  }));
}

/** The workshops of these programmes (ceramica, artes_plasticas…), each with its establishment. */
export async function workshopsOfProgrammes(
  db: Knex,
  programmes: readonly string[],
): Promise<Array<{ id: number; establishmentId: number; programme: string }>> {
  const rows = (await db('workshops').whereIn('programme', programmes).select('id', 'establishment_id', 'programme')) as Row[];
  return rows.map((r) => ({ id: Number(r.id), establishmentId: Number(r.establishment_id), programme: String(r.programme) }));
}

/** Which of `ids` are partners of the register. */
export async function existingPartnerIds(db: Knex, ids: readonly number[]): Promise<number[]> {
  return ((await db('partners').whereIn('id', ids).pluck('id')) as unknown[]).map(Number);
}

/** The logos of these partners (the catalog's cover and credits): the programmes' own query. */
export { partnerLogoFiles } from './partners';

/** The active partners, by name. */
export async function activePartners(db: Knex): Promise<Array<{ id: number; name: string }>> {
  const rows = (await db('partners').where({ active: true }).orderBy('name_key').select('id', 'name')) as Row[];
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name) }));
}

/** The first partner whose search key is like `pattern` (SQL LIKE), or null. */
export async function partnerIdLike(db: Knex, pattern: string): Promise<number | null> {
  const p = (await db('partners').where('name_key', 'like', pattern).first('id')) as Row | undefined;
  return p ? Number(p.id) : null;
}

/** Every agreement, with its partner and period: what an exhibition may name (the form narrows them to its partners). */
export async function agreementChoices(
  db: Knex,
): Promise<Array<{ id: number; title: string; partnerId: number; startDate: string; endDate: string | null }>> {
  const rows = (await db('agreements')
    .orderBy('start_date', 'desc')
    .orderBy('id')
    .select('id', 'title', 'partner_id', 'start_date', 'end_date')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    title: String(r.title),
    partnerId: Number(r.partner_id),
    startDate: String(r.start_date),
    endDate: str(r.end_date),
  }));
}

/** Why an exhibition of these partners, opening on this date, cannot name this agreement (null: it may). */
export { agreementMisfit } from '../agreement-links';
