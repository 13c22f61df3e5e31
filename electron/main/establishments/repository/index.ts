import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import { normalizeText } from '../../../../shared/format';
import type { Page } from '../../../../shared/ipc';
import type {
  Establishment,
  EstablishmentFilter,
  Population,
  RegionalOffice,
  establishmentSortColumns,
} from '../../../../shared/establishments/schemas';
import { toBool, toCount, num } from '../../db/rows';
import { whereWords } from '../../db/search';
import { joinAs, type JoinKind } from '../../db/join';
import { firstVersion, insertId, updateVersion } from '../../db/writes';
import { sortedPage, type SortedPageAt } from '../../db/paging';

/** The filter after the contract's defaults are applied. */
export type Filter = Required<{ [K in keyof EstablishmentFilter]-?: Exclude<EstablishmentFilter[K], undefined> }>;
export type SortColumn = (typeof establishmentSortColumns)[number];

export interface EstablishmentValues {
  code: string;
  name: string;
  regionalOfficeId: number;
  population: Population;
  city: string;
  inProgramme: boolean;
  /** The hand-over's default period in days; undefined keeps what is recorded. */
  loanDays?: number | null;
}

const sortExpressions: Record<SortColumn, string> = {
  code: 'e.code',
  name: 'e.name_key',
  regionalOffice: 'r.sort_order',
  city: 'e.city',
  population: 'e.population',
  inProgramme: 'e.in_programme',
  active: 'e.active',
  updatedAt: 'e.updated_at',
};

const selectColumns = [
  'e.id',
  'e.code',
  'e.name',
  'e.regional_office_id',
  'r.name as regional_office_name',
  'e.population',
  'e.city',
  'e.in_programme',
  'e.loan_days',
  'e.active',
  'e.version',
  'e.created_at',
  'e.updated_at',
  'e.updated_by',
];

/** An establishment's row joined with its regional office's name (selectColumns). */
interface EstablishmentRecord {
  id: number;
  code: string;
  name: string;
  regional_office_id: number;
  regional_office_name: string;
  population: Population;
  city: string;
  in_programme: unknown;
  loan_days: number | null;
  active: unknown;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

const toEstablishment = (r: EstablishmentRecord): Establishment => ({
  id: r.id,
  code: r.code,
  name: r.name,
  regionalOfficeId: r.regional_office_id,
  regionalOfficeName: r.regional_office_name,
  population: r.population,
  city: r.city,
  inProgramme: toBool(r.in_programme),
  loanDays: num(r.loan_days),
  active: toBool(r.active),
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

function filtered(db: Knex, f: Filter): Knex.QueryBuilder {
  const q = db('establishments as e').join('regional_offices as r', 'r.id', 'e.regional_office_id');
  whereWords(q, 'e.search_text', f.search);
  if (f.regionalOfficeId !== null) q.where('e.regional_office_id', f.regionalOfficeId);
  if (f.population !== null) q.where('e.population', f.population);
  if (f.inProgramme !== null) q.where('e.in_programme', f.inProgramme);
  if (f.status !== 'all') q.where('e.active', f.status === 'active');
  return q;
}

export async function listEstablishments(db: Knex, f: Filter & SortedPageAt<SortColumn>): Promise<Page<Establishment>> {
  const [countRow] = (await filtered(db, f).count({ n: '*' })) as Array<Record<string, unknown>>;
  const rows = (await sortedPage(filtered(db, f).select(selectColumns), sortExpressions[f.sort], 'e.id', f)) as EstablishmentRecord[];
  return { rows: rows.map(toEstablishment), total: toCount(countRow), page: f.page, pageSize: f.pageSize };
}

/** Every row that matches a filter, for exports. */
export async function allEstablishments(db: Knex, f: Filter, sort: SortColumn, direction: 'asc' | 'desc'): Promise<Establishment[]> {
  const rows = (await filtered(db, f)
    .select(selectColumns)
    .orderBy(sortExpressions[sort], direction)
    .orderBy('e.id', direction)) as EstablishmentRecord[];
  return rows.map(toEstablishment);
}

export async function getEstablishment(db: Knex, id: number): Promise<Establishment | null> {
  const row = (await db('establishments as e')
    .join('regional_offices as r', 'r.id', 'e.regional_office_id')
    .select(selectColumns)
    .where('e.id', id)
    .first()) as EstablishmentRecord | undefined;
  return row ? toEstablishment(row) : null;
}

export async function findIdByCode(db: Knex, code: string): Promise<number | null> {
  const row = (await db('establishments').select('id').where('code', code).first()) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Code → id of the establishments with these codes (for imports: one query per 500 codes). */
export async function findIdsByCodes(db: Knex, codes: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = (await db('establishments')
      .select('id', 'code')
      .whereIn('code', unique.slice(i, i + 500))) as Array<{ id: number; code: string }>;
    for (const r of rows) out.set(r.code, r.id);
  }
  return out;
}

export async function regionalOfficeExists(db: Knex, id: number): Promise<boolean> {
  return (await db('regional_offices').select('id').where('id', id).first()) !== undefined;
}

const derived = (v: EstablishmentValues) => ({
  name_key: normalizeText(v.name),
  search_text: normalizeText(`${v.code} ${v.name} ${v.city}`),
});

const columnsOf = (v: EstablishmentValues) => ({
  code: v.code,
  name: v.name,
  regional_office_id: v.regionalOfficeId,
  population: v.population,
  city: v.city,
  in_programme: v.inProgramme,
  ...(v.loanDays === undefined ? {} : { loan_days: v.loanDays }),
  ...derived(v),
});

export async function insertEstablishment(db: Knex, v: EstablishmentValues, actor: Actor, now: string): Promise<number> {
  return insertId(db('establishments'), {
    ...columnsOf(v),
    active: true,
    ...firstVersion(actor, now),
  });
}

/** Updates when the stored version is still `version`; answers whether it did. */
export async function updateEstablishment(
  db: Knex,
  id: number,
  version: number,
  changes: Partial<EstablishmentValues> & { active?: boolean },
  actor: Actor,
  now: string,
): Promise<boolean> {
  const current = await getEstablishment(db, id);
  if (!current) return false;
  const merged: EstablishmentValues = { ...current, ...changes };
  const n = await updateVersion(
    db('establishments'),
    id,
    version,
    { ...columnsOf(merged), ...(changes.active === undefined ? {} : { active: changes.active }) },
    actor,
    now,
  );
  return n === 1;
}

export async function deleteEstablishment(db: Knex, id: number): Promise<void> {
  await db('establishments').where({ id }).delete();
}

export async function listRegionalOffices(db: Knex): Promise<RegionalOffice[]> {
  const rows = (await db('regional_offices as r')
    .leftJoin('establishments as e', 'e.regional_office_id', 'r.id')
    .groupBy('r.id', 'r.code', 'r.name', 'r.seat', 'r.sort_order')
    .orderBy('r.sort_order')
    .select('r.id', 'r.code', 'r.name', 'r.seat')
    .count({ establishment_count: 'e.id' })
    .select(db.raw('SUM(CASE WHEN e.in_programme = ? THEN 1 ELSE 0 END) AS in_programme_count', [true]))) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    seat: String(r.seat),
    establishmentCount: toCount(r, 'establishment_count'),
    inProgrammeCount: toCount(r, 'in_programme_count'),
  }));
}

export async function countEstablishments(db: Knex): Promise<number> {
  return toCount((await db('establishments').count({ n: '*' }))[0]);
}

/** Whether every one of `ids` names an establishment (active or not). */
export async function allEstablishmentsExist(db: Knex, ids: readonly number[]): Promise<boolean> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return true;
  const found = (await db('establishments').whereIn('id', unique).pluck('id')) as unknown[];
  return found.length === unique.length;
}

/** The ids of the establishments in the programme, or of the active ones (the demonstration data's). */
export async function establishmentIdsWhere(db: Knex, where: { inProgramme: true } | { active: true }): Promise<number[]> {
  const q = db('establishments');
  if ('inProgramme' in where) q.where({ in_programme: true });
  else q.where({ active: true });
  return (await q.pluck('id')) as number[];
}

/** Regional office code → id. */
export async function regionalOfficeIdsByCode(db: Knex): Promise<Map<string, number>> {
  const offices = (await db('regional_offices').select('id', 'code')) as Array<{ id: number; code: string }>;
  return new Map(offices.map((o) => [o.code, o.id]));
}

/** The start page's figures: offices, establishments (active, in the programme, by population) and each office's. */
export async function establishmentFigures(db: Knex) {
  const [offices] = await db('regional_offices').count({ n: '*' });
  const [totals] = (await db('establishments')
    .count({ n: '*' })
    .select(
      db.raw('SUM(CASE WHEN active = ? THEN 1 ELSE 0 END) AS active_n', [true]),
      db.raw('SUM(CASE WHEN in_programme = ? AND active = ? THEN 1 ELSE 0 END) AS programme_n', [true, true]),
    )) as Array<Record<string, unknown>>;
  const byPopulation = (await db('establishments')
    .where({ in_programme: true, active: true })
    .groupBy('population')
    .select('population')
    .count({ n: '*' })) as Array<Record<string, unknown>>;
  const split = { varones: 0, mujeres: 0, mixto: 0 };
  for (const r of byPopulation) split[r.population as keyof typeof split] = toCount(r);
  const regions = (await db('regional_offices as r')
    .leftJoin('establishments as e', function () {
      this.on('e.regional_office_id', '=', 'r.id').andOn('e.active', '=', db.raw('?', [true]));
    })
    .groupBy('r.id', 'r.name', 'r.sort_order')
    .orderBy('r.sort_order')
    .select('r.id', 'r.name')
    .count({ total: 'e.id' })
    .select(db.raw('SUM(CASE WHEN e.in_programme = ? THEN 1 ELSE 0 END) AS in_programme', [true]))) as Array<Record<string, unknown>>;
  return {
    regionalOffices: toCount(offices),
    establishments: toCount(totals),
    activeEstablishments: toCount(totals, 'active_n'),
    inProgramme: toCount(totals, 'programme_n'),
    inProgrammeByPopulation: split,
    byRegionalOffice: regions.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      total: toCount(r, 'total'),
      inProgramme: toCount(r, 'in_programme'),
    })),
  };
}

/**
 * Another domain's query naming its rows' establishment: joins the establishments table as
 * `alias` on `column` (`e.id = column`). Other domains reach this table only through here.
 */
export const joinEstablishment = <Q extends Knex.QueryBuilder>(q: Q, alias: string, column: string, how: JoinKind = 'inner'): Q =>
  joinAs(q, how, 'establishments', alias, column);

/** The same for an establishment's regional office (`alias.id = column`). */
export const joinRegionalOffice = <Q extends Knex.QueryBuilder>(q: Q, alias: string, column: string, how: JoinKind = 'inner'): Q =>
  joinAs(q, how, 'regional_offices', alias, column);

/**
 * Which of `ids` a record may not name: an establishment that does not exist, or one that is
 * closed (inactive) unless the record already names it (`keptIds`): a closed establishment can
 * be kept, not newly given. Answers the refused ids; empty: every one may be named. The one
 * "establishment must be active" rule of every domain (contracts, teachers' authorisations,
 * consumables, artworks).
 */
export async function refusedEstablishments(db: Knex, ids: readonly number[], keptIds: Iterable<number> = []): Promise<Set<number>> {
  const kept = new Set(keptIds);
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? ((await db('establishments').whereIn('id', unique).select('id', 'active')) as Array<{ id: unknown; active: unknown }>)
    : [];
  const usable = new Set(rows.filter((r) => toBool(r.active) || kept.has(Number(r.id))).map((r) => Number(r.id)));
  return new Set(unique.filter((id) => !usable.has(id)));
}

/**
 * The establishments with these ids (id, name, population), in name order or by id: another
 * domain's figures and summaries name the establishments of their rows through here.
 */
export async function establishmentsByIds(
  db: Knex,
  ids: readonly number[],
  order: 'name' | 'id' = 'name',
): Promise<Array<{ id: number; name: string; population: Population }>> {
  if (ids.length === 0) return [];
  const rows = (await db('establishments')
    .whereIn('id', [...ids])
    .select('id', 'name', 'population')
    .orderBy(order === 'name' ? 'name_key' : 'id')) as Array<{ id: unknown; name: unknown; population: Population }>;
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name), population: r.population }));
}
