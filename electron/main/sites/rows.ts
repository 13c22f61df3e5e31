import type { Knex } from 'knex';
import type { Row } from '../db/rows';
import { TRAVELLING } from './travelling';

/**
 * A travelling row as it crosses between installations (issue 20, docs/SITES.md decisions 4 and
 * 6): its foreign keys written as the parents' gids (attachments by hash), never a local integer
 * id; columns that only mean something where they were written stay behind. Shared by the
 * enrolment snapshot (sites/reference.ts), the package builder (sites/outbox.ts) and the applier
 * (sites/apply.ts), and — beside TRAVELLING — where each table's rows belong (which establishment).
 */

/** Foreign keys that travel as the parent's gid: column → parent table ('' = an instrument's custodian, by its type). */
export const REFS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  establishments: {},
  instrument_types: {},
  users: {},
  user_establishments: { user_id: 'users', establishment_id: 'establishments' },
  teachers: {},
  teacher_authorisations: { teacher_id: 'teachers', establishment_id: 'establishments' },
  instruments: {
    type_id: 'instrument_types',
    establishment_id: 'establishments',
    transit_to_establishment_id: 'establishments',
    custodian_id: '',
  },
  consumable_items: {},
  consumable_minimums: { item_id: 'consumable_items', establishment_id: 'establishments' },
  participants: { establishment_id: 'establishments' },
  workshops: { establishment_id: 'establishments' },
  workshop_teachers: { workshop_id: 'workshops', teacher_id: 'teachers' },
  ensembles: { establishment_id: 'establishments' },
  attachments: {},
  instrument_photos: { instrument_id: 'instruments', attachment_hash: 'attachments' },
  instrument_movements: {
    instrument_id: 'instruments',
    from_establishment_id: 'establishments',
    to_establishment_id: 'establishments',
    establishment_after_id: 'establishments',
    stocktake_id: 'stocktakes',
    custodian_id: '',
  },
  stocktakes: { establishment_id: 'establishments' },
  stocktake_counts: { stocktake_id: 'stocktakes', instrument_id: 'instruments' },
  consumable_movements: { item_id: 'consumable_items', establishment_id: 'establishments' },
  participant_movements: {
    participant_id: 'participants',
    from_establishment_id: 'establishments',
    to_establishment_id: 'establishments',
  },
  enrolments: { participant_id: 'participants', workshop_id: 'workshops', ensemble_id: 'ensembles', part_type_id: 'instrument_types' },
  enrolment_stages: { enrolment_id: 'enrolments' },
  workshop_sessions: { workshop_id: 'workshops', teacher_id: 'teachers' },
  attendance: { session_id: 'workshop_sessions', participant_id: 'participants' },
  events: { establishment_id: 'establishments' },
  event_ensembles: { event_id: 'events', ensemble_id: 'ensembles' },
  event_photos: { event_id: 'events', attachment_hash: 'attachments' },
  artworks: { workshop_id: 'workshops', establishment_id: 'establishments', artist_participant_id: 'participants' },
  artwork_photos: { artwork_id: 'artworks', attachment_hash: 'attachments' },
  artwork_consents: { artwork_id: 'artworks', document_hash: 'attachments' },
  artwork_custody: { artwork_id: 'artworks' },
  artwork_condition_reports: { artwork_id: 'artworks' },
  artwork_condition_photos: { report_id: 'artwork_condition_reports', attachment_hash: 'attachments' },
};

/**
 * Columns kept where they were written: a teacher's RUC, e-mail, address and notes (the centre's
 * contracts use them), an account's sign-in attempts and locks. Besides these, every other `…_id`
 * column not in REFS stays behind too (a regional office, a donation, an initiative, a season, a
 * partner, an exhibition's loan: the centre's records); a row inserted elsewhere leaves it empty.
 */
const PRIVATE: Readonly<Record<string, readonly string[]>> = {
  teachers: ['ruc', 'email', 'address', 'notes'],
  users: ['failed_attempts', 'locked_until', 'last_sign_in_at'],
};

/** The table of the rows known by their content's hash (whose bytes a package carries). */
export const BY_HASH = 'attachments';

/** Columns of each installation's own bookkeeping: not compared, and not overwritten on an update. */
export const BOOKKEEPING = ['version', 'created_at', 'created_by'];

/** Whose an instrument's custodian is, by its type (a staff member keeps the name only). */
export const CUSTODIANS: Readonly<Record<string, string>> = { participante: 'participants', docente: 'teachers', elenco: 'ensembles' };

/** The table a reference of `row` points to: REFS's, or an instrument's custodian by its type. */
export const parentTable = (refs: Readonly<Record<string, string>>, column: string, row: Row): string | undefined =>
  refs[column] || CUSTODIANS[String(row.custodian_type)];

/** Ledgers: rows appended, never changed (an arrival of one already known is skipped). */
export const LEDGERS = new Set([
  'instrument_movements',
  'participant_movements',
  'consumable_movements',
  'enrolment_stages',
  'artwork_consents',
  'artwork_custody',
  'artwork_condition_reports',
  'stocktake_counts',
  'instrument_photos',
  'event_photos',
  'artwork_photos',
  'attachments',
]);

/** Ledgers whose rows are fitted to the local numbering when inserted (state-machines.ts `fitted`: an entry's number), so one at a time. */
export const FITTED = new Set(['instrument_movements', 'artwork_custody']);

/** Tables in an order where every parent comes before its children (inserts in this order, deletes in the reverse). */
export const TABLE_ORDER: readonly string[] = (() => {
  const out: string[] = [];
  const visit = (t: string) => {
    if (out.includes(t)) return;
    for (const p of Object.values(REFS[t] ?? {})) if (p && p !== t) visit(p);
    if (t === 'instruments' || t === 'instrument_movements') ['participants', 'teachers', 'ensembles'].forEach(visit);
    out.push(t);
  };
  Object.keys(TRAVELLING).forEach(visit);
  return out;
})();

/** How a row is known everywhere: its gid, its hash, or its two parents' keys joined by '|'. */
export function rowKey(table: string, encoded: Row): string {
  const key = TRAVELLING[table]!;
  if (key.kind === 'gid') return String(encoded.gid);
  if (key.kind === 'hash') return String(encoded.hash);
  return `${String(encoded[key.parents[0].column])}|${String(encoded[key.parents[1].column])}`;
}

/** Looks gids up by local id and back, once per id, for one package. */
export class GidMap {
  private readonly toGid = new Map<string, Map<number, string>>();
  private readonly toId = new Map<string, Map<string, number>>();
  constructor(private readonly db: Knex) {}

  private side<K, V>(m: Map<string, Map<K, V>>, table: string): Map<K, V> {
    let s = m.get(table);
    if (!s) m.set(table, (s = new Map()));
    return s;
  }

  async gid(table: string, id: number): Promise<string | undefined> {
    const known = this.side(this.toGid, table);
    if (!known.has(id)) {
      const r = (await this.db(table).where({ id }).first('gid')) as { gid: string } | undefined;
      if (!r) return undefined;
      known.set(id, String(r.gid));
      this.side(this.toId, table).set(String(r.gid), id);
    }
    return known.get(id);
  }

  async id(table: string, gid: string): Promise<number | undefined> {
    const known = this.side(this.toId, table);
    if (!known.has(gid)) {
      const r = (await this.db(table).where({ gid }).first('id')) as { id: number } | undefined;
      if (!r) return undefined;
      known.set(gid, Number(r.id));
      this.side(this.toGid, table).set(Number(r.id), gid);
    }
    return known.get(gid);
  }

  /** The gid of a local id already looked up (no query), or undefined. */
  knownGid(table: string, id: number): string | undefined {
    return this.toGid.get(table)?.get(id);
  }

  /** The local id of a gid already looked up (no query), or undefined. */
  knownId(table: string, gid: string): number | undefined {
    return this.toId.get(table)?.get(gid);
  }

  /** Remembers a row just inserted. */
  learn(table: string, id: number, gid: string): void {
    this.side(this.toId, table).set(gid, id);
    this.side(this.toGid, table).set(id, gid);
  }

  /** Looks up in bulk the gids of these local ids not known yet (a package's thousands of rows: one query per chunk, not per row). */
  async prefetchGids(table: string, ids: Iterable<number>): Promise<void> {
    const known = this.side(this.toGid, table);
    const wanted = [...new Set([...ids].filter((id) => !known.has(id)))];
    for (const part of chunked(wanted)) {
      const rows = (await this.db(table).whereIn('id', part).select('id', 'gid')) as Array<{ id: number; gid: string }>;
      for (const r of rows) this.learn(table, Number(r.id), String(r.gid));
    }
  }

  /** Looks up in bulk the local ids of these gids not known yet. */
  async prefetchIds(table: string, gids: Iterable<string>): Promise<void> {
    const known = this.side(this.toId, table);
    const wanted = [...new Set([...gids].filter((gid) => !known.has(gid)))];
    for (const part of chunked(wanted)) {
      const rows = (await this.db(table).whereIn('gid', part).select('id', 'gid')) as Array<{ id: number; gid: string }>;
      for (const r of rows) this.learn(table, Number(r.id), String(r.gid));
    }
  }

  /** Prefetches every parent gid that encoding these local rows of `table` will ask for. */
  async prefetchForEncode(table: string, rows: readonly Row[]): Promise<void> {
    await this.prefetchRefs(table, rows, true);
  }

  /** Prefetches every parent id that decoding these travelling rows of `table` will ask for. */
  async prefetchForDecode(table: string, rows: readonly Row[]): Promise<void> {
    await this.prefetchRefs(table, rows, false);
  }

  private async prefetchRefs(table: string, rows: readonly Row[], byId: boolean): Promise<void> {
    const refs = REFS[table] ?? {};
    const byParent = new Map<string, Set<string>>();
    for (const row of rows)
      for (const column of Object.keys(refs)) {
        const value = row[column];
        const parent = parentTable(refs, column, row);
        if (value === null || value === undefined || !parent || parent === BY_HASH) continue;
        let s = byParent.get(parent);
        if (!s) byParent.set(parent, (s = new Set()));
        s.add(String(value));
      }
    for (const [parent, values] of byParent)
      if (byId) await this.prefetchGids(parent, [...values].map(Number).filter(Number.isSafeInteger));
      else await this.prefetchIds(parent, values);
  }
}

/**
 * How many values one statement binds at most when rows are read or written in bulk: far below
 * SQLite's limit (32,766 bound variables since 3.32; 999 before) and PostgreSQL's (65,535).
 */
export const BINDINGS = 900;

/** `items` in parts of at most `size` (BINDINGS by default). */
export function chunked<T>(items: readonly T[], size = BINDINGS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A local row as it travels: no local id, private columns left behind, references as gids (or hashes). */
export async function encodeRow(map: GidMap, table: string, row: Row): Promise<Row> {
  const refs = REFS[table] ?? {};
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === 'id' || PRIVATE[table]?.includes(column)) continue;
    if (column in refs) {
      const parent = parentTable(refs, column, row);
      out[column] =
        value === null || value === undefined || !parent
          ? null
          : parent === 'attachments'
            ? value
            : (map.knownGid(parent, Number(value)) ?? (await map.gid(parent, Number(value))) ?? null);
    } else if (!column.endsWith('_id')) out[column] = value;
  }
  return out;
}

/** A travelling row with its references mapped to local ids; `missing` names a parent this installation does not have. */
export async function decodeRow(map: GidMap, table: string, row: Row): Promise<{ row: Row; missing: string | null }> {
  const refs = REFS[table] ?? {};
  const out: Row = {};
  let missing: string | null = null;
  for (const [column, value] of Object.entries(row)) {
    if (!(column in refs)) {
      out[column] = value;
      continue;
    }
    const parent = parentTable(refs, column, row);
    if (value === null || value === undefined || !parent) out[column] = null;
    else if (parent === 'attachments') out[column] = value;
    else {
      const id = map.knownId(parent, String(value)) ?? (await map.id(parent, String(value)));
      if (id === undefined) missing ??= `${parent}:${String(value)}`;
      out[column] = id ?? null;
    }
  }
  return { row: out, missing };
}

/** Whether two travelling versions of a row hold the same data (each installation's bookkeeping aside). */
export function sameValues(a: Row, b: Row): boolean {
  const keys = new Set(
    [...Object.keys(a), ...Object.keys(b)].filter((k) => !BOOKKEEPING.includes(k) && k !== 'updated_at' && k !== 'updated_by'),
  );
  for (const k of keys) if (!sameValue(a[k], b[k])) return false;
  return true;
}

/** Whether two travelling values of a column are the same (missing is null; a boolean equals its 0/1; a number its text). */
export function sameValue(a: unknown, b: unknown): boolean {
  const x = a === undefined ? null : a;
  const y = b === undefined ? null : b;
  if (typeof x === 'boolean' || typeof y === 'boolean') return Boolean(x) === Boolean(y);
  return x === y || String(x) === String(y);
}

// ── Where a row belongs ──

/**
 * Which establishment each table's rows belong to, written once beside TRAVELLING: the centre
 * sends a site the changes of its establishment only. `national` rows (the lists of instrument
 * types and consumable items) go to every site; `column`s name the establishment directly (a
 * transfer belongs to both prisons); `via` follows a reference to the parent's; `linked` finds it
 * through a link table (an account, a teacher); `referenced` rows (attachments) travel with the
 * rows that point to them.
 */
type Owner =
  | { kind: 'national' }
  | { kind: 'self' }
  | { kind: 'column'; columns: readonly string[] }
  | { kind: 'via'; column: string; table: string }
  | { kind: 'linked'; table: string; column: string }
  | { kind: 'referenced' };

const col = (...columns: string[]): Owner => ({ kind: 'column', columns });
const via = (column: string, table: string): Owner => ({ kind: 'via', column, table });

export const OWNER: Readonly<Record<string, Owner>> = {
  establishments: { kind: 'self' },
  instrument_types: { kind: 'national' },
  consumable_items: { kind: 'national' },
  users: { kind: 'linked', table: 'user_establishments', column: 'user_id' },
  user_establishments: col('establishment_id'),
  teachers: { kind: 'linked', table: 'teacher_authorisations', column: 'teacher_id' },
  teacher_authorisations: col('establishment_id'),
  instruments: col('establishment_id', 'transit_to_establishment_id'),
  consumable_minimums: col('establishment_id'),
  participants: col('establishment_id'),
  workshops: col('establishment_id'),
  workshop_teachers: via('workshop_id', 'workshops'),
  ensembles: col('establishment_id'),
  attachments: { kind: 'referenced' },
  instrument_photos: via('instrument_id', 'instruments'),
  instrument_movements: col('from_establishment_id', 'to_establishment_id', 'establishment_after_id'),
  stocktakes: col('establishment_id'),
  stocktake_counts: via('stocktake_id', 'stocktakes'),
  consumable_movements: col('establishment_id'),
  participant_movements: col('from_establishment_id', 'to_establishment_id'),
  enrolments: via('participant_id', 'participants'),
  enrolment_stages: via('enrolment_id', 'enrolments'),
  workshop_sessions: via('workshop_id', 'workshops'),
  attendance: via('session_id', 'workshop_sessions'),
  events: col('establishment_id'),
  event_ensembles: via('event_id', 'events'),
  event_photos: via('event_id', 'events'),
  artworks: col('establishment_id'),
  artwork_photos: via('artwork_id', 'artworks'),
  artwork_consents: via('artwork_id', 'artworks'),
  artwork_custody: via('artwork_id', 'artworks'),
  artwork_condition_reports: via('artwork_id', 'artworks'),
  artwork_condition_photos: via('report_id', 'artwork_condition_reports'),
};

/** What `belongsTo` reads, answered from rows read beforehand (batch.ts OwnerCache). */
export interface OwnerLookups {
  row(table: string, id: unknown): Promise<Row | undefined>;
  linked(table: string, column: string, id: unknown, e: number): Promise<boolean>;
}

/** Whether a local row of `table` belongs to establishment `e` (or to every one); `cache` reads its parents and links once. */
export async function belongsTo(db: Knex, table: string, row: Row, e: number, cache?: OwnerLookups): Promise<boolean> {
  const owner = OWNER[table]!;
  switch (owner.kind) {
    case 'national':
      return true;
    case 'self':
      return Number(row.id) === e;
    case 'column':
      return owner.columns.some((c) => row[c] !== null && row[c] !== undefined && Number(row[c]) === e);
    case 'linked':
      if (cache) return cache.linked(owner.table, owner.column, row.id, e);
      return Boolean(
        await db(owner.table)
          .where({ [owner.column]: row.id, establishment_id: e })
          .first(owner.column),
      );
    case 'referenced':
      return false;
    case 'via': {
      if (row[owner.column] === null || row[owner.column] === undefined) return false;
      const parent = cache
        ? await cache.row(owner.table, row[owner.column])
        : ((await db(owner.table).where({ id: row[owner.column] }).first()) as Row | undefined);
      return parent ? belongsTo(db, owner.table, parent, e, cache) : false;
    }
  }
}
