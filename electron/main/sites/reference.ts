import type { Knex } from 'knex';
import { toBool, type Row } from '../db/rows';
import type { Actor } from '../../../shared/app/schemas';
import { parentTable } from './rows';

/**
 * An establishment's reference data, as the enrolment package carries it (issue 20, decision 1)
 * and as a new site inserts it: rows keyed by gid, foreign keys as the parents' gids, mapped back
 * to local ids on arrival (decision 4). Like travelling.ts, this names every table it moves.
 *
 * What goes, for establishment E: the establishment; the national lists of instrument types and
 * consumable items (they replace a new site's seed, so both sides know each by the same gid); E's
 * minimums; E's users (those whose account is limited to E) with their password hashes — a site's
 * users must sign in offline, and the hash (scrypt) travels only inside the encrypted package —,
 * but not their sign-in attempts or locks; the teachers authorised at E (names, DNI, sex, phone,
 * specialties: not their RUC, e-mail, address or notes, which the contracts at the centre use)
 * with their authorisations at E and their workshop links; E's active participants with the
 * minimal fields only (code, names, sex, birth year, status), recorded at the site as written by
 * whoever installs it; E's ensembles and workshops (without their initiative, which stays at the
 * centre), and those participants' enrolments in them with their stages (a session's sheet at the
 * site lists who is enrolled); E's instruments, with their custodian when it travels too (a participant, a teacher, an
 * ensemble; a staff member keeps the name only), and without their donation.
 */

export type Snapshot = Record<string, Row[]>;

interface Spec {
  table: string;
  /** Known by gid, or by its two parents' gids (a link). */
  byGid: boolean;
  /** Copied as they are. */
  columns: string[];
  /** Foreign keys that travel as the parent's gid: column → parent table. */
  refs: Record<string, string>;
  /** Nullable references: left empty when the parent does not travel. */
  optional?: string[];
  rows(db: Knex, e: number): Knex.QueryBuilder;
  /** Columns a new site fills itself (who wrote it: the installer). */
  local?: (actor: Actor, now: string) => Row;
}

const written = ['version', 'created_at', 'created_by', 'updated_at', 'updated_by'];
const inE = (table: string) => (db: Knex, e: number) => db(table).where({ establishment_id: e });
/** The ids of establishment `e`'s active participants (the ones that travel). */
const activeIn = (db: Knex, e: number) => db('participants').where({ establishment_id: e, status: 'activo' }).select('id');
/** Their enrolments in `e`'s own workshops and ensembles (one in another prison's stays behind). */
const enrolmentsIn = (db: Knex, e: number) =>
  db('enrolments')
    .whereIn('participant_id', activeIn(db, e))
    .where((q) =>
      q
        .whereIn('workshop_id', db('workshops').where({ establishment_id: e }).select('id'))
        .orWhereIn('ensemble_id', db('ensembles').where({ establishment_id: e }).select('id')),
    );

/** In the order a site inserts them (parents first). */
const SPECS: Spec[] = [
  {
    table: 'establishments',
    byGid: true,
    columns: ['code', 'name', 'name_key', 'search_text', 'population', 'city', 'in_programme', 'active', 'loan_days', ...written],
    refs: {},
    rows: (db, e) => db('establishments').where({ id: e }),
  },
  {
    table: 'instrument_types',
    byGid: true,
    columns: ['name', 'name_key', 'family', 'active', 'version'],
    refs: {},
    rows: (db) => db('instrument_types'),
  },
  {
    table: 'consumable_items',
    byGid: true,
    columns: ['name', 'unit', 'active', 'version', 'category'],
    refs: {},
    rows: (db) => db('consumable_items'),
  },
  {
    table: 'consumable_minimums',
    byGid: false,
    columns: ['minimum'],
    refs: { item_id: 'consumable_items', establishment_id: 'establishments' },
    rows: inE('consumable_minimums'),
  },
  {
    table: 'users',
    byGid: true,
    columns: ['username', 'full_name', 'role', 'password_hash', 'must_change_password', 'active', 'password_changed_at', ...written],
    refs: {},
    rows: (db, e) => db('users').whereIn('id', db('user_establishments').where({ establishment_id: e }).select('user_id')),
    local: () => ({ failed_attempts: 0 }),
  },
  {
    table: 'user_establishments',
    byGid: false,
    columns: [],
    refs: { user_id: 'users', establishment_id: 'establishments' },
    rows: inE('user_establishments'),
  },
  {
    table: 'teachers',
    byGid: true,
    columns: ['dni', 'first_names', 'last_names', 'name_key', 'search_text', 'sex', 'phone', 'specialties_json', 'active', ...written],
    refs: {},
    rows: (db, e) => db('teachers').whereIn('id', db('teacher_authorisations').where({ establishment_id: e }).select('teacher_id')),
  },
  {
    table: 'teacher_authorisations',
    byGid: true,
    columns: ['valid_from', 'valid_to', 'document_number', 'notes', 'recorded_at', 'recorded_by'],
    refs: { teacher_id: 'teachers', establishment_id: 'establishments' },
    rows: inE('teacher_authorisations'),
  },
  {
    table: 'participants',
    byGid: true,
    columns: ['code', 'first_names', 'last_names', 'sex', 'birth_year', 'status', 'search_text', 'sort_key'],
    refs: { establishment_id: 'establishments' },
    rows: (db, e) => db('participants').where({ establishment_id: e, status: 'activo' }),
    local: (actor, now) => ({ version: 1, created_at: now, created_by: actor.name, updated_at: now, updated_by: actor.name }),
  },
  {
    table: 'ensembles',
    byGid: true,
    columns: ['name', 'name_key', 'type', 'director', 'formed_on', 'active', 'notes', ...written],
    refs: { establishment_id: 'establishments' },
    rows: inE('ensembles'),
  },
  {
    table: 'workshops',
    byGid: true,
    columns: [
      'name',
      'name_key',
      'programme',
      'discipline',
      'teachers',
      'schedule',
      'start_date',
      'end_date',
      'capacity',
      'active',
      'notes',
      ...written,
    ],
    refs: { establishment_id: 'establishments' },
    rows: inE('workshops'),
  },
  {
    table: 'workshop_teachers',
    byGid: false,
    columns: [],
    refs: { workshop_id: 'workshops', teacher_id: 'teachers' },
    rows: (db, e) => db('workshop_teachers').whereIn('workshop_id', db('workshops').where({ establishment_id: e }).select('id')),
  },
  {
    // Who is in its workshops and ensembles, with their stages: a session's sheet at the site lists them.
    table: 'enrolments',
    byGid: true,
    columns: ['stage', 'part', 'part_voice', 'enrolled_on', 'ended_on', 'end_reason', 'absence_run', ...written],
    refs: { participant_id: 'participants', workshop_id: 'workshops', ensemble_id: 'ensembles', part_type_id: 'instrument_types' },
    optional: ['workshop_id', 'ensemble_id', 'part_type_id'],
    rows: (db, e) => enrolmentsIn(db, e),
  },
  {
    table: 'enrolment_stages',
    byGid: true,
    columns: ['stage', 'date', 'reason', 'recorded_at', 'recorded_by'],
    refs: { enrolment_id: 'enrolments' },
    rows: (db, e) => db('enrolment_stages').whereIn('enrolment_id', enrolmentsIn(db, e).select('id')),
  },
  {
    table: 'instruments',
    byGid: true,
    columns: [
      'code',
      'serial_number',
      'brand',
      'model',
      'acquisition_date',
      'cost_centimos',
      'funding',
      'supplier',
      'supplier_document',
      'notes',
      'search_text',
      'status',
      'condition',
      'custodian_type',
      'custodian_name',
      'custody_since',
      'custody_due',
      'movement_count',
      ...written,
    ],
    refs: {
      type_id: 'instrument_types',
      establishment_id: 'establishments',
      transit_to_establishment_id: 'establishments',
      custodian_id: '',
    },
    optional: ['transit_to_establishment_id', 'custodian_id'],
    rows: inE('instruments'),
  },
];

/** The table a reference of `row` points to ('' for an instrument's custodian: by its type; sites/rows.ts, shared with the packages). */
const parentOf = (spec: Spec, column: string, row: Row): string | undefined => parentTable(spec.refs, column, row);

/** Establishment `e`'s reference data, as the enrolment package carries it. */
export async function readSnapshot(db: Knex, e: number): Promise<Snapshot> {
  const gidOf: Record<string, Map<number, string>> = {};
  const out: Snapshot = {};
  for (const spec of SPECS) {
    const rows = (await spec.rows(db, e)) as Row[];
    if (spec.byGid) gidOf[spec.table] = new Map(rows.map((r) => [Number(r.id), String(r.gid)]));
    out[spec.table] = [];
    for (const r of rows) {
      const item: Row = spec.byGid ? { gid: r.gid } : {};
      for (const c of spec.columns) item[c] = r[c];
      let whole = true;
      for (const column of Object.keys(spec.refs)) {
        const parent = parentOf(spec, column, r);
        const gid = r[column] === null || !parent ? undefined : gidOf[parent]?.get(Number(r[column]));
        if (gid === undefined && !spec.optional?.includes(column)) whole = false;
        item[column] = gid ?? null;
      }
      if (spec.table === 'establishments') item.regional_office = await regionalOfficeCode(db, Number(r.regional_office_id));
      if (whole) out[spec.table]!.push(item);
    }
  }
  return out;
}

const regionalOfficeCode = async (db: Knex, id: number) =>
  ((await db('regional_offices').where({ id }).first('code')) as { code: string }).code;

/**
 * Whether this database is new: nothing but the migrations' seed (no establishment, account,
 * participant, teacher, instrument, workshop or ensemble, and no installation row).
 */
export async function isFresh(db: Knex): Promise<boolean> {
  for (const table of ['installation', 'establishments', 'users', 'participants', 'teachers', 'instruments', 'workshops', 'ensembles']) {
    if (await db(table).first()) return false;
  }
  return true;
}

/**
 * Inserts a snapshot into a new site's database (inside the caller's transaction, capture
 * paused), mapping every gid to the local id its row gets; the seed's instrument types and
 * consumable items give way to the centre's. Answers the local id of each gid, by table.
 */
export async function insertSnapshot(
  trx: Knex.Transaction,
  snapshot: Snapshot,
  actor: Actor,
  now: string,
): Promise<Record<string, Map<string, number>>> {
  await trx('instrument_types').del();
  await trx('consumable_items').del();
  const idOf: Record<string, Map<string, number>> = {};
  for (const spec of SPECS) {
    const rows = (snapshot[spec.table] ?? []).map(async (r) => {
      const row: Row = { ...spec.local?.(actor, now) };
      if (spec.byGid) row.gid = r.gid;
      for (const c of spec.columns) row[c] = r[c];
      for (const column of Object.keys(spec.refs)) {
        const parent = parentOf(spec, column, r);
        row[column] = r[column] === null || !parent ? null : idOf[parent]!.get(String(r[column]));
      }
      if (spec.table === 'establishments') row.regional_office_id = await regionalOfficeId(trx, String(r.regional_office));
      return row;
    });
    const resolved = await Promise.all(rows);
    for (let i = 0; i < resolved.length; i += 20) await trx(spec.table).insert(resolved.slice(i, i + 20));
    if (spec.byGid) {
      const ids = (await trx(spec.table).select('id', 'gid')) as Array<{ id: number; gid: string }>;
      idOf[spec.table] = new Map(ids.map((x) => [x.gid, Number(x.id)]));
    }
  }
  return idOf;
}

const regionalOfficeId = async (db: Knex, code: string) =>
  ((await db('regional_offices').where({ code }).first('id')) as { id: number }).id;

/** How many rows of each table a snapshot holds (for the audit entry and the screens). */
export const snapshotCounts = (snapshot: Snapshot): Record<string, number> =>
  Object.fromEntries(Object.entries(snapshot).map(([t, rows]) => [t, rows.length]));

/** An establishment's name and whether it is active; null when there is none. */
export async function establishmentOf(db: Knex, id: number): Promise<{ name: string; active: boolean; gid: string } | null> {
  const row = (await db('establishments').where({ id }).first('name', 'active', 'gid')) as Row | undefined;
  return row ? { name: String(row.name), active: toBool(row.active), gid: String(row.gid) } : null;
}
