import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import { normalizeText } from '../../../shared/format';
import type { Page } from '../../../shared/ipc';
import type {
  Establishment,
  EstablishmentFilter,
  Population,
  RegionalOffice,
  establishmentSortColumns,
} from '../../../shared/establishments/schemas';
import { toBool, toCount } from '../db/rows';
import { whereWords } from '../db/search';

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
  'e.active',
  'e.version',
  'e.created_at',
  'e.updated_at',
  'e.updated_by',
];

interface Row {
  id: number;
  code: string;
  name: string;
  regional_office_id: number;
  regional_office_name: string;
  population: Population;
  city: string;
  in_programme: unknown;
  active: unknown;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

const toEstablishment = (r: Row): Establishment => ({
  id: r.id,
  code: r.code,
  name: r.name,
  regionalOfficeId: r.regional_office_id,
  regionalOfficeName: r.regional_office_name,
  population: r.population,
  city: r.city,
  inProgramme: toBool(r.in_programme),
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

export async function listEstablishments(
  db: Knex,
  f: Filter & { sort: SortColumn; direction: 'asc' | 'desc'; page: number; pageSize: number },
): Promise<Page<Establishment>> {
  const [countRow] = (await filtered(db, f).count({ n: '*' })) as Array<Record<string, unknown>>;
  const rows = (await filtered(db, f)
    .select(selectColumns)
    .orderBy(sortExpressions[f.sort], f.direction)
    .orderBy('e.id', f.direction)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)) as Row[];
  return { rows: rows.map(toEstablishment), total: toCount(countRow), page: f.page, pageSize: f.pageSize };
}

/** Every row that matches a filter, for exports. */
export async function allEstablishments(
  db: Knex,
  f: Filter,
  sort: SortColumn,
  direction: 'asc' | 'desc',
): Promise<Establishment[]> {
  const rows = (await filtered(db, f)
    .select(selectColumns)
    .orderBy(sortExpressions[sort], direction)
    .orderBy('e.id', direction)) as Row[];
  return rows.map(toEstablishment);
}

export async function getEstablishment(db: Knex, id: number): Promise<Establishment | null> {
  const row = (await db('establishments as e')
    .join('regional_offices as r', 'r.id', 'e.regional_office_id')
    .select(selectColumns)
    .where('e.id', id)
    .first()) as Row | undefined;
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
  ...derived(v),
});

export async function insertEstablishment(
  db: Knex,
  v: EstablishmentValues,
  actor: Actor,
  now: string,
): Promise<number> {
  const [row] = (await db('establishments')
    .insert({
      ...columnsOf(v),
      active: true,
      version: 1,
      created_at: now,
      created_by: actor.name,
      updated_at: now,
      updated_by: actor.name,
    })
    .returning('id')) as Array<{ id: number }>;
  return row!.id;
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
  const n = await db('establishments')
    .where({ id, version })
    .update({
      ...columnsOf(merged),
      ...(changes.active === undefined ? {} : { active: changes.active }),
      version: version + 1,
      updated_at: now,
      updated_by: actor.name,
    });
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
    .select(db.raw('SUM(CASE WHEN e.in_programme = ? THEN 1 ELSE 0 END) AS in_programme_count', [true]))) as Array<
    Record<string, unknown>
  >;
  return rows.map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    seat: String(r.seat),
    establishmentCount: toCount(r, 'establishment_count'),
    inProgrammeCount: toCount(r, 'in_programme_count'),
  }));
}

type JoinKind = 'inner' | 'left';
const joined = <Q extends Knex.QueryBuilder>(q: Q, how: JoinKind, table: string, left: string, right: string): Q =>
  (how === 'left' ? q.leftJoin(table, left, right) : q.join(table, left, right)) as Q;

/**
 * Another domain's query naming its rows' establishment: joins the establishments table as
 * `alias` on `column` (`e.id = column`). Other domains reach this table only through here.
 */
export const joinEstablishment = <Q extends Knex.QueryBuilder>(q: Q, alias: string, column: string, how: JoinKind = 'inner'): Q =>
  joined(q, how, `establishments as ${alias}`, `${alias}.id`, column);

/** The same for an establishment's regional office (`alias.id = column`). */
export const joinRegionalOffice = <Q extends Knex.QueryBuilder>(q: Q, alias: string, column: string, how: JoinKind = 'inner'): Q =>
  joined(q, how, `regional_offices as ${alias}`, `${alias}.id`, column);
