import type { Knex } from 'knex';
import type { Actor } from '../../../shared/app/schemas';
import type { HeldInstrument } from '../../../shared/programmes/schemas';
import { whereInScope } from '../auth/access';
import { type Row, str, toCount } from '../db/rows';
import { joinEstablishment } from '../establishments/repository';
import type { Session } from '../ipc/context';
import { openRecoveries, type RecoveryReason } from './repository/recoveries';

/**
 * What the programmes domain asks of the inventory: the instruments a participant holds (by
 * the participant's id, issue 15), and the recovery items their departure opens. Every answer
 * is null when this installation has no inventory.
 */

/** The instruments a participant holds now. */
export async function instrumentsHeldBy(db: Knex, participantId: number): Promise<HeldInstrument[] | null> {
  if (!(await db.schema.hasTable('instruments'))) return null;
  const q = db('instruments as i').join('instrument_types as t', 't.id', 'i.type_id');
  const rows = (await joinEstablishment(q, 'e', 'i.establishment_id', 'left')
    .where({ 'i.custodian_type': 'participante', 'i.custodian_id': participantId })
    .orderBy('i.code')
    .select('i.id', 'i.code', 'i.establishment_id', 't.name as type_name', 'e.name as establishment_name', 'i.custodian_name')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    typeName: String(r.type_name),
    establishmentId: r.establishment_id === null ? null : Number(r.establishment_id),
    establishmentName: str(r.establishment_name),
    custodianName: String(r.custodian_name),
  }));
}

/**
 * A participant leaves (released, transferred, withdrawn): one recovery item per instrument
 * they hold, in the custody change's transaction. Answers those instruments.
 */
export async function openRecoveriesFor(
  db: Knex,
  participantId: number,
  reason: RecoveryReason,
  date: string,
  actor: Actor,
  now: string,
): Promise<HeldInstrument[] | null> {
  const held = await instrumentsHeldBy(db, participantId);
  if (held === null) return null;
  await openRecoveries(
    db,
    held.map((h) => ({ instrumentId: h.id, participantId, establishmentId: h.establishmentId, reason, openedOn: date })),
    actor,
    now,
  );
  return held;
}

/** Instruments still to be recovered (open recovery items in the user's establishments), held by participants who left. */
export async function openRecoveryCount(db: Knex, session: Session): Promise<number | null> {
  if (!(await db.schema.hasTable('instrument_recoveries'))) return null;
  const q = db('instrument_recoveries as r').whereNull('r.closed_on');
  whereInScope(session, q, 'r.establishment_id');
  const [row] = (await q.count({ n: '*' })) as Row[];
  return toCount(row);
}
