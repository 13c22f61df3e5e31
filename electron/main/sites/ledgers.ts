import type { Knex } from 'knex';
import { allowedKinds, stateOf, type MovementKind, type RegisteredState } from '../../../shared/inventory/rules';
import type { Row } from '../db/rows';

/**
 * The domain rules a received package meets at the centre (issue 20, docs/SITES.md decision 8),
 * by table: ledgers are appended, and their state machines decide what is refused. Built so far:
 * the instruments' (shared/inventory/rules.ts). The other ledgers are appended without their
 * state machine for now (docs/SITES.md «Built so far»).
 */

interface Entry {
  table: string;
  key: string;
  row: Row | null;
}

/**
 * The instruments whose first new movement in the package their state at the centre does not
 * allow (written off, lost…), with the reason: those movements and the instrument's own change are
 * refused. Only the first is checked here: the rest follow from it at the site, whose own state
 * machine allowed them.
 */
export async function refusedInstruments(trx: Knex.Transaction, entries: readonly Entry[]): Promise<Map<string, string>> {
  const first = new Map<string, Entry>();
  for (const e of entries) {
    if (e.table !== 'instrument_movements' || !e.row) continue;
    if (await trx('instrument_movements').where({ gid: e.key }).first('id')) continue;
    const inst = String(e.row.instrument_id);
    const prev = first.get(inst);
    if (!prev || Number(e.row.seq) < Number(prev.row!.seq)) first.set(inst, e);
  }
  const out = new Map<string, string>();
  for (const [inst, e] of first) {
    const r = (await trx('instruments').where({ gid: inst }).first()) as Row | undefined;
    if (!r) continue;
    const state = stateOf({
      status: r.status,
      condition: r.condition,
      establishmentId: r.establishment_id,
      transitToEstablishmentId: r.transit_to_establishment_id,
      custodianType: r.custodian_type,
      custodianName: r.custodian_name,
      custodianId: r.custodian_id,
      custodySince: r.custody_since,
      custodyDue: r.custody_due,
    } as RegisteredState);
    if (!allowedKinds(state).includes(e.row!.kind as MovementKind)) out.set(inst, `instrument:${String(r.status)}`);
  }
  return out;
}

/** The instrument an entry's refusal depends on (its own gid, or its movement's), if any. */
export const instrumentOf = (e: Entry): string | null =>
  e.table === 'instruments' ? e.key : e.table === 'instrument_movements' && e.row ? String(e.row.instrument_id) : null;

/** Whether a known row of this table is still refused with its instrument (a movement already here is not). */
export const refusedWhenKnown = (table: string): boolean => table !== 'instrument_movements';

/** A row about to be inserted, fitted to local numbering: a movement number the centre already used goes after its last one. */
export async function fitted(trx: Knex.Transaction, table: string, row: Row): Promise<Row> {
  if (table !== 'instrument_movements') return row;
  const taken = await trx(table).where({ instrument_id: row.instrument_id, seq: row.seq }).first('id');
  if (!taken) return row;
  const max = (await trx(table).where({ instrument_id: row.instrument_id }).max('seq as m').first()) as { m: number };
  return { ...row, seq: Number(max.m) + 1 };
}

/** An attachment's row, by its hash. */
export const attachmentRow = async (db: Knex, hash: string): Promise<Row | undefined> =>
  (await db('attachments').where({ hash }).first()) as Row | undefined;
