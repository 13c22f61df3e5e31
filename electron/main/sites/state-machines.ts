import type { Knex } from 'knex';
import { allowedKinds, stateOf, type MovementKind, type RegisteredState } from '../../../shared/inventory/rules';
import { applyCustody, type CustodyStatus } from '../../../shared/internarte/rules';
import { allowedCustody, type CustodyKind, type ParticipantStatus } from '../../../shared/programmes/rules';
import type { Row } from '../db/rows';
import { rowsWhere } from './batch';

/**
 * The ledgers' state machines a site's package meets at the centre (issue 20, docs/SITES.md
 * decision 8). Each ledger below belongs to a subject (a movement to its instrument, a custody
 * change to its participant, a custody entry to its artwork) whose state at the centre may have
 * moved on since the site last heard of it: the centre wrote the instrument off, released the
 * participant, lent the artwork. The *first new* entry of each subject in a package must be one
 * the subject's state at the centre allows; the rest follow from it at the site, whose own state
 * machine allowed them. When it does not, that subject's new entries and its own change are
 * refused with the reason (`instrument:de_baja`, `participant:egresado`, `artwork:prestada`), and
 * the centre's version travels back over the site's.
 *
 * The other ledgers need no order: consents (the latest by date is what the artist allows),
 * enrolment stages, condition reports and photos, stocktakes and consumable movements (a stock is
 * their sum, in any order) are appended as they come.
 */

interface Entry {
  table: string;
  key: string;
  row: Row | null;
}

interface Machine {
  /** The ledger's table and the column naming its subject (a gid in a package's row). */
  ledger: string;
  column: string;
  /** The subject's table and the reason's prefix. */
  subject: string;
  prefix: string;
  /** Where an entry stands in its subject's ledger (the earliest new one is checked). */
  order(row: Row): string;
  /** The subject's state at the centre, as the reason names it. */
  stateOf(subject: Row): string;
  /** Whether the subject's state at the centre allows the entry. */
  allows(subject: Row, entry: Row): boolean;
  /** The subject's columns its ledger decides (cached from its entries), and the one counting them, if any. */
  state: readonly string[];
  count: string | null;
}

const padded = (n: unknown) => String(Number(n)).padStart(12, '0');

/** An instrument's state columns (cached from its movements), by the field the inventory's rules read them as. */
const INSTRUMENT_STATE: Readonly<Record<keyof RegisteredState, string>> = {
  status: 'status',
  condition: 'condition',
  establishmentId: 'establishment_id',
  transitToEstablishmentId: 'transit_to_establishment_id',
  custodianType: 'custodian_type',
  custodianName: 'custodian_name',
  custodianId: 'custodian_id',
  custodySince: 'custody_since',
  custodyDue: 'custody_due',
};

/** An instrument's row as the inventory's rules read its state. */
const registered = (row: Row): RegisteredState =>
  Object.fromEntries(Object.entries(INSTRUMENT_STATE).map(([field, column]) => [field, row[column] ?? null])) as unknown as RegisteredState;

const MACHINES: readonly Machine[] = [
  {
    ledger: 'instrument_movements',
    column: 'instrument_id',
    subject: 'instruments',
    prefix: 'instrument',
    order: (r) => padded(r.seq),
    stateOf: (s) => String(s.status),
    allows: (s, e) => allowedKinds(stateOf(registered(s))).includes(e.kind as MovementKind),
    state: Object.values(INSTRUMENT_STATE),
    count: 'movement_count',
  },
  {
    ledger: 'participant_movements',
    column: 'participant_id',
    subject: 'participants',
    prefix: 'participant',
    // No number of its own: by date, then when it was recorded.
    order: (r) => `${String(r.date)}|${String(r.recorded_at)}`,
    stateOf: (s) => String(s.status),
    // «alta» is the participant's registration: it comes with a participant the centre does not know yet.
    allows: (s, e) => e.kind === 'alta' || allowedCustody(s.status as ParticipantStatus).includes(e.kind as CustodyKind),
    state: ['status', 'establishment_id'],
    count: null,
  },
  {
    ledger: 'artwork_custody',
    column: 'artwork_id',
    subject: 'artworks',
    prefix: 'artwork',
    order: (r) => padded(r.seq),
    stateOf: (s) => String(s.custody_status),
    allows: (s, e) =>
      applyCustody(Number(s.custody_count) === 0 ? null : (s.custody_status as CustodyStatus), { to: e.status as CustodyStatus }).ok,
    state: ['custody_status'],
    count: 'custody_count',
  },
];

const byLedger = new Map(MACHINES.map((m) => [m.ledger, m]));
const bySubject = new Map(MACHINES.map((m) => [m.subject, m]));

/** The rows of `table` with these gids, read in bulk, by gid. */
const byGid = (trx: Knex.Transaction, table: string, gids: readonly string[]) =>
  rowsWhere(
    trx,
    table,
    ['gid'],
    gids.map((g) => [g]),
  );

/**
 * What a package's ledger entries mean at the centre, read in bulk before it is applied: per
 * subject (`<table>|<gid>`), the reason its first new entry is refused (its state at the centre
 * does not allow it), and how many of its entries are new here. Entries already known (a package
 * read again, an entry carried twice) are not new; a subject the centre does not know yet is not
 * checked.
 */
export class LedgerPlan {
  private constructor(
    private readonly refusals: ReadonlyMap<string, string>,
    private readonly fresh: ReadonlyMap<string, number>,
  ) {}

  static async read(trx: Knex.Transaction, entries: readonly Entry[]): Promise<LedgerPlan> {
    const refusals = new Map<string, string>();
    const fresh = new Map<string, number>();
    for (const m of MACHINES) {
      const mine = entries.filter((e) => e.table === m.ledger && e.row);
      if (mine.length === 0) continue;
      const known = await byGid(
        trx,
        m.ledger,
        mine.map((e) => e.key),
      );
      const first = new Map<string, Entry>();
      for (const e of mine) {
        if (known.has(e.key)) continue;
        const subject = String(e.row![m.column]);
        fresh.set(`${m.subject}|${subject}`, (fresh.get(`${m.subject}|${subject}`) ?? 0) + 1);
        const prev = first.get(subject);
        if (!prev || m.order(e.row!) < m.order(prev.row!)) first.set(subject, e);
      }
      const subjects = await byGid(trx, m.subject, [...first.keys()]);
      for (const [gid, e] of first) {
        const s = subjects.get(gid);
        if (s && !m.allows(s, e.row!)) refusals.set(`${m.subject}|${gid}`, `${m.prefix}:${m.stateOf(s)}`);
      }
    }
    return new LedgerPlan(refusals, fresh);
  }

  /** Why an entry is refused with its subject (its own row, or one of its ledger's), if it is. */
  refusal(e: Entry): string | undefined {
    const subject = subjectOf(e);
    return subject === null ? undefined : this.refusals.get(subject);
  }

  /** How many new ledger entries of this subject row the package brings. */
  moved(table: string, key: string): number {
    return this.fresh.get(`${table}|${key}`) ?? 0;
  }
}

/** The subject (`<table>|<gid>`) an entry's refusal depends on: its own row's, or its ledger entry's; null for the other tables. */
function subjectOf(e: Entry): string | null {
  if (bySubject.has(e.table)) return `${e.table}|${e.key}`;
  const m = byLedger.get(e.table);
  return m && e.row ? `${m.subject}|${String(e.row[m.column])}` : null;
}

/** Whether a known row of this table is still refused with its subject (a ledger entry already here is not). */
export const refusedWhenKnown = (table: string): boolean => !byLedger.has(table);

/**
 * A ledger row about to be inserted, fitted to the centre's numbering: a number its subject's
 * ledger already used here (the centre recorded its own entry meanwhile) goes after its last one.
 */
export async function fitted(trx: Knex.Transaction, table: string, row: Row): Promise<Row> {
  const m = byLedger.get(table);
  if (!m || !('seq' in row)) return row;
  const taken = await trx(table)
    .where({ [m.column]: row[m.column], seq: row.seq })
    .first('id');
  if (!taken) return row;
  const max = (await trx(table)
    .where({ [m.column]: row[m.column] })
    .max('seq as m')
    .first()) as { m: number };
  return { ...row, seq: Number(max.m) + 1 };
}

/** The column counting a subject's ledger entries (an instrument's movements, a work's custody entries), if it has one. */
export const countColumn = (table: string): string | null => bySubject.get(table)?.count ?? null;

/**
 * A subject's state follows its ledger: with `moved` new entries of the site's appended here, the
 * columns its ledger decides become the site's (`incoming`, decoded to local ids) and its count
 * grows by them; its description stays, and only that can conflict. Answers the local row as it
 * is now. (When the centre also appended entries the site has not seen, the site's state is still
 * taken: replaying the merged ledger is not built yet — docs/SITES.md.)
 */
export async function followLedger(trx: Knex.Transaction, table: string, local: Row, incoming: Row, moved: number): Promise<Row> {
  const m = bySubject.get(table);
  if (!m || moved === 0) return local;
  const state: Row = {};
  for (const c of m.state) state[c] = incoming[c] ?? null;
  if (m.count) state[m.count] = Number(local[m.count]) + moved;
  if ('version' in local) state.version = Number(local.version) + 1;
  await trx(table).where({ id: local.id }).update(state);
  return { ...local, ...state };
}
