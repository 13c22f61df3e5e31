import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import type { recoveryClosings, recoveryReasons } from '../../../../shared/inventory/custody-schemas';
import { type Row, num, str, numOr0 } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';
import type { Narrow } from './instruments';

/**
 * The recovery list (issue 15): an item per instrument a participant held when released,
 * transferred or withdrawn; open until a movement frees the instrument (the movement's kind
 * is recorded as how it closed) or the instrument follows the participant.
 */

export type RecoveryReason = (typeof recoveryReasons)[number];
export type RecoveryClosing = (typeof recoveryClosings)[number];

/** The ledger movements that free an instrument from its custodian, each closing its recovery item. */
export const closingKinds: ReadonlySet<string> = new Set<RecoveryClosing>(['devolucion', 'extravio', 'regularizacion']);

/**
 * Opens one item per instrument (in the caller's transaction). An instrument that already
 * has an open item keeps that one (a participant transferred and then released while still
 * holding it): one open item per instrument, open since the first departure.
 */
export async function openRecoveries(
  db: Knex,
  items: Array<{ instrumentId: number; participantId: number; establishmentId: number | null; reason: RecoveryReason; openedOn: string }>,
  actor: Actor,
  now: string,
): Promise<void> {
  if (items.length === 0) return;
  const open = new Set<number>();
  for (let k = 0; k < items.length; k += 500) {
    const ids = items.slice(k, k + 500).map((i) => i.instrumentId);
    const rows = (await db('instrument_recoveries').whereIn('instrument_id', ids).whereNull('closed_on').select('instrument_id')) as Row[];
    for (const r of rows) open.add(Number(r.instrument_id));
  }
  const fresh = items.filter((i) => !open.has(i.instrumentId));
  if (fresh.length === 0) return;
  await db('instrument_recoveries').insert(
    fresh.map((i) => ({
      instrument_id: i.instrumentId,
      participant_id: i.participantId,
      establishment_id: i.establishmentId,
      reason: i.reason,
      opened_on: i.openedOn,
      created_at: now,
      created_by: actor.name,
    })),
  );
}

/** Closes the instrument's open items (at most one, by construction). */
export async function closeRecoveries(
  db: Knex,
  instrumentId: number,
  by: RecoveryClosing,
  date: string,
  seq: number | null,
  actor: Actor,
  now: string,
): Promise<number> {
  return Number(
    await db('instrument_recoveries')
      .where({ instrument_id: instrumentId })
      .whereNull('closed_on')
      .update({ closed_on: date, closed_by: by, closing_seq: seq, closed_at: now, closed_by_user: actor.name }),
  );
}

export interface RecoveryRow {
  id: number;
  instrumentId: number;
  code: string;
  typeName: string;
  establishmentId: number | null;
  establishmentName: string | null;
  participantId: number;
  reason: RecoveryReason;
  openedOn: string;
  closedOn: string | null;
  closedBy: RecoveryClosing | null;
  custodianType: string | null;
  custodianId: number | null;
  movementCount: number;
}

const recoveryQuery = (db: Knex) => {
  const q = db('instrument_recoveries as r')
    .join('instruments as i', 'i.id', 'r.instrument_id')
    .join('instrument_types as t', 't.id', 'i.type_id');
  return joinEstablishment(q, 'e', 'i.establishment_id', 'left').select(
    'r.*',
    'i.code',
    't.name as type_name',
    'i.establishment_id as at_establishment_id',
    'e.name as establishment_name',
    'i.custodian_type',
    'i.custodian_id',
    'i.movement_count',
  );
};

const toRecovery = (r: Row): RecoveryRow => ({
  id: Number(r.id),
  instrumentId: Number(r.instrument_id),
  code: String(r.code),
  typeName: String(r.type_name),
  establishmentId: num(r.at_establishment_id),
  establishmentName: str(r.establishment_name),
  participantId: Number(r.participant_id),
  reason: r.reason as RecoveryReason,
  openedOn: String(r.opened_on),
  closedOn: str(r.closed_on),
  closedBy: (r.closed_by ?? null) as RecoveryClosing | null,
  custodianType: str(r.custodian_type),
  custodianId: num(r.custodian_id),
  movementCount: Number(r.movement_count),
});

/** Open (oldest first) or closed (latest first) items, narrowed to the user's establishments on the item's establishment. */
export async function listRecoveries(
  db: Knex,
  f: { open: boolean; establishmentId: number | null; participantId: number | null },
  narrow: Narrow,
): Promise<RecoveryRow[]> {
  const q = recoveryQuery(db);
  if (f.open) q.whereNull('r.closed_on').orderBy('r.opened_on').orderBy('r.id');
  else q.whereNotNull('r.closed_on').orderBy('r.closed_on', 'desc').orderBy('r.id', 'desc').limit(500);
  if (f.establishmentId !== null) q.where('r.establishment_id', f.establishmentId);
  if (f.participantId !== null) q.where('r.participant_id', f.participantId);
  narrow(q);
  return ((await q) as Row[]).map(toRecovery);
}

export async function getRecovery(db: Knex, id: number): Promise<RecoveryRow | null> {
  const r = (await recoveryQuery(db).where('r.id', id).first()) as Row | undefined;
  return r ? toRecovery(r) : null;
}

/** How many items are open and since when the oldest (for the dashboard). */
export async function openRecoveryFigures(db: Knex, narrow: Narrow): Promise<{ open: number; oldest: string | null }> {
  const q = db('instrument_recoveries as r').whereNull('r.closed_on');
  narrow(q);
  const row = (await q.count({ n: '*' }).min({ oldest: 'r.opened_on' }).first()) as Row | undefined;
  return { open: numOr0(row?.n), oldest: str(row?.oldest) };
}
