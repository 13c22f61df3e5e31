import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import type { ChannelParsedInput } from '../../../../shared/contract';
import { normalizeText } from '../../../../shared/format';
import {
  initiativeMemberKinds,
  type Initiative,
  type InitiativeFigures,
  type InitiativeMemberKind,
  type InitiativeOption,
} from '../../../../shared/programmes/initiative-schemas';
import { shownPersons } from '../../../../shared/evaluation/suppression';
import type { PartnerType } from '../../../../shared/programmes/rules';
import { initiativeExpensesDuring } from '../../contracts/repository/for-programmes';
import { numOr0 as n, type Row, toBool, num } from '../../db/rows';
import { whereWords } from '../../db/search';
import { firstVersion, insertId, updateVersion } from '../../db/writes';
import { initiativeExhibitionsDuring } from '../../internarte/repository/for-programmes';
import { audienceSumSql } from './events';
import { memberStores } from './initiative-members';

// ── Initiatives (issue 17, item 1) ──────────────────────────────────────────────

type Counts = Record<InitiativeMemberKind, Map<number, number>>;

async function memberCounts(db: Knex): Promise<Counts> {
  const out = {} as Counts;
  for (const kind of initiativeMemberKinds) out[kind] = await memberStores[kind].perInitiative(db);
  return out;
}

/** The partners and agreements of these initiatives, by initiative. */
async function linksOf(db: Knex, ids: number[]) {
  const partners = (await db('initiative_partners as l')
    .join('partners as p', 'p.id', 'l.partner_id')
    .whereIn('l.initiative_id', ids)
    .orderBy('p.name_key')
    .select('l.initiative_id', 'p.id', 'p.name', 'p.type')) as Row[];
  const agreements = (await db('initiative_agreements as l')
    .join('agreements as a', 'a.id', 'l.agreement_id')
    .join('partners as p', 'p.id', 'a.partner_id')
    .whereIn('l.initiative_id', ids)
    .orderBy('a.start_date')
    .orderBy('a.id')
    .select('l.initiative_id', 'a.id', 'a.title', 'p.name as partner_name')) as Row[];
  return { partners, agreements };
}

async function toInitiatives(db: Knex, rows: Row[]): Promise<Initiative[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const [counts, links] = [await memberCounts(db), await linksOf(db, ids)];
  return rows.map((r) => {
    const id = Number(r.id);
    return {
      id,
      name: String(r.name),
      startYear: Number(r.start_year),
      endYear: num(r.end_year),
      description: String(r.description),
      active: toBool(r.active),
      partners: links.partners
        .filter((p) => Number(p.initiative_id) === id)
        .map((p) => ({ id: Number(p.id), name: String(p.name), type: p.type as PartnerType })),
      agreements: links.agreements
        .filter((a) => Number(a.initiative_id) === id)
        .map((a) => ({ id: Number(a.id), title: String(a.title), partnerName: String(a.partner_name) })),
      counts: Object.fromEntries(initiativeMemberKinds.map((k) => [k, counts[k].get(id) ?? 0])) as Initiative['counts'],
      version: Number(r.version),
    };
  });
}

export async function listInitiatives(db: Knex, f: ChannelParsedInput<'initiatives.list'>): Promise<Initiative[]> {
  const q = db('initiatives as i');
  whereWords(q, 'i.name_key', f.search);
  if (f.status === 'active') q.where('i.active', true);
  if (f.status === 'inactive') q.where('i.active', false);
  return toInitiatives(db, (await q.orderBy('i.start_year').orderBy('i.name_key').select('i.*')) as Row[]);
}

export async function getInitiative(db: Knex, id: number): Promise<Initiative | null> {
  const r = (await db('initiatives').where({ id }).first()) as Row | undefined;
  return r ? (await toInitiatives(db, [r]))[0]! : null;
}

/** Every initiative by name, for a filter or a choice (the evaluation's). */
export async function initiativeOptions(db: Knex): Promise<InitiativeOption[]> {
  const rows = (await db('initiatives').orderBy('name_key').select('id', 'name', 'active')) as Row[];
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name), active: toBool(r.active) }));
}

/** The initiative with this name (without case or accents), or null. */
export async function initiativeIdByName(db: Knex, name: string): Promise<number | null> {
  const r = (await db('initiatives')
    .where({ name_key: normalizeText(name) })
    .first('id')) as Row | undefined;
  return r ? Number(r.id) : null;
}

/** Which of these partners' ids (or agreements') do not exist. */
export async function unknownIds(db: Knex, table: 'partners' | 'agreements', ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = new Set(
    (
      (await db(table)
        .whereIn('id', [...ids])
        .pluck('id')) as unknown[]
    ).map(Number),
  );
  return ids.filter((id) => !found.has(id));
}

/** Which of these partners' ids do not exist. */
export const unknownPartnerIds = (db: Knex, ids: readonly number[]): Promise<number[]> => unknownIds(db, 'partners', ids);

/** Which of these agreements' ids do not exist. */
export const unknownAgreementIds = (db: Knex, ids: readonly number[]): Promise<number[]> => unknownIds(db, 'agreements', ids);

export interface InitiativeValues {
  name: string;
  startYear: number;
  endYear: number | null;
  description: string;
  partnerIds: number[];
  agreementIds: number[];
}

const initiativeRow = (v: InitiativeValues) => ({
  name: v.name,
  name_key: normalizeText(v.name),
  start_year: v.startYear,
  end_year: v.endYear,
  description: v.description,
});

async function setLinks(db: Knex, id: number, v: InitiativeValues): Promise<void> {
  await db('initiative_partners').where({ initiative_id: id }).del();
  await db('initiative_agreements').where({ initiative_id: id }).del();
  const partners = [...new Set(v.partnerIds)].map((partner_id) => ({ initiative_id: id, partner_id }));
  const agreements = [...new Set(v.agreementIds)].map((agreement_id) => ({ initiative_id: id, agreement_id }));
  if (partners.length) await db('initiative_partners').insert(partners);
  if (agreements.length) await db('initiative_agreements').insert(agreements);
}

export async function insertInitiative(db: Knex, v: InitiativeValues, actor: Actor, now: string): Promise<number> {
  const id = await insertId(db('initiatives'), { ...initiativeRow(v), active: true, ...firstVersion(actor, now) });
  await setLinks(db, id, v);
  return id;
}

/** Answers the rows changed: 0 when another user changed the initiative first. */
export async function updateInitiative(
  db: Knex,
  id: number,
  version: number,
  v: InitiativeValues,
  active: boolean,
  actor: Actor,
  now: string,
): Promise<number> {
  const changed = await updateVersion(db('initiatives'), id, version, { ...initiativeRow(v), active }, actor, now);
  if (changed === 1) await setLinks(db, id, v);
  return changed;
}

// ── Figures ─────────────────────────────────────────────────────────────────────

/**
 * An initiative's figures for one year, from its records: workshops active during the year and
 * ensembles formed by its end, distinct participants enrolled in them during it (null, shown "< 5", from 1 to 4:
 * shared/evaluation/suppression.ts), sessions held (attendance taken) and their hours, events and their audiences,
 * exhibitions open during it, its partners, and the expenses executed (céntimos, voided
 * excluded). Aggregates only: no participant's names are read.
 */
export async function initiativeFigures(db: Knex, id: number, year: number): Promise<InitiativeFigures> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [workshops] = (await db('workshops')
    .where({ initiative_id: id })
    .where('start_date', '<=', to)
    .where((w) => w.whereNull('end_date').orWhere('end_date', '>=', from))
    .count({ n: '*' })) as Row[];
  const [ensembles] = (await db('ensembles')
    .where({ initiative_id: id })
    .where((w) => w.whereNull('formed_on').orWhere('formed_on', '<=', to))
    .count({ n: '*' })) as Row[];
  const [people] = (await db('enrolments as n')
    .leftJoin('workshops as w', 'w.id', 'n.workshop_id')
    .leftJoin('ensembles as g', 'g.id', 'n.ensemble_id')
    .where((w) => w.where('w.initiative_id', id).orWhere('g.initiative_id', id))
    .where('n.enrolled_on', '<=', to)
    .where((w) => w.whereNull('n.ended_on').orWhere('n.ended_on', '>=', from))
    .countDistinct({ n: 'n.participant_id' })) as Row[];
  const [sessions] = (await db('workshop_sessions as s')
    .join('workshops as w', 'w.id', 's.workshop_id')
    .where('w.initiative_id', id)
    .whereBetween('s.date', [from, to])
    .whereNotNull('s.attendance_at')
    .select(db.raw('COUNT(*) AS n'), db.raw('COALESCE(SUM(s.duration_minutes), 0) AS minutes'))) as Row[];
  const [events] = (await db('events as e')
    .where('e.initiative_id', id)
    .whereBetween('e.date', [from, to])
    .select(db.raw('COUNT(*) AS n'), db.raw(`COALESCE(SUM(${audienceSumSql}), 0) AS audience`))) as Row[];
  const [partners] = (await db('initiative_partners').where({ initiative_id: id }).count({ n: '*' })) as Row[];
  return {
    year,
    workshops: n(workshops?.n),
    ensembles: n(ensembles?.n),
    participants: shownPersons(n(people?.n)),
    sessions: n(sessions?.n),
    hours: Math.round((n(sessions?.minutes) / 60) * 10) / 10,
    events: n(events?.n),
    audience: n(events?.audience),
    exhibitions: await initiativeExhibitionsDuring(db, id, from, to),
    partners: n(partners?.n),
    expensesCentimos: await initiativeExpensesDuring(db, id, from, to),
  };
}
