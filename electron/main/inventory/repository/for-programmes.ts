import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import type { HeldInstrument } from '../../../../shared/programmes/schemas';
import { whereInScope } from '../../auth/access';
import { type Row, str, toBool, toCount, num } from '../../db/rows';
import { joinEstablishment } from '../../establishments/repository';
import type { Session } from '../../ipc/context';
import { openRecoveries, type RecoveryReason } from './recoveries';

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
    establishmentId: num(r.establishment_id),
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

/** The instrument types an ensemble member's part may name (the active ones, by family and name); [] without inventory. */
export async function partTypeOptions(db: Knex): Promise<Array<{ id: number; name: string; family: string }>> {
  if (!(await db.schema.hasTable('instrument_types'))) return [];
  const rows = (await db('instrument_types')
    .where({ active: true })
    .orderBy(['family', 'name_key'])
    .select('id', 'name', 'family')) as Row[];
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name), family: String(r.family) }));
}

/** These instrument types' names and whether each is active, by id (an id not found is absent). */
export async function instrumentTypesByIds(db: Knex, ids: number[]): Promise<Map<number, { name: string; active: boolean }>> {
  const out = new Map<number, { name: string; active: boolean }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = (await db('instrument_types')
      .whereIn('id', unique.slice(i, i + 500))
      .select('id', 'name', 'active')) as Row[];
    for (const r of rows) out.set(Number(r.id), { name: String(r.name), active: toBool(r.active) });
  }
  return out;
}

/** Every instrument type's id by its name (the demonstration's parts name them). */
export async function instrumentTypeIdsByName(db: Knex): Promise<Map<string, number>> {
  const rows = (await db('instrument_types').select('id', 'name')) as Row[];
  return new Map(rows.map((r) => [String(r.name), Number(r.id)]));
}

/**
 * The instruments an ensemble has at hand: those it holds itself (custodian "elenco") and
 * those its members (these participants) hold. null without inventory.
 */
export async function instrumentsOfEnsemble(
  db: Knex,
  ensembleId: number,
  participantIds: number[],
): Promise<Array<{ id: number; code: string; typeId: number; typeName: string; participantId: number | null }> | null> {
  if (!(await db.schema.hasTable('instruments'))) return null;
  const rows = (await db('instruments as i')
    .join('instrument_types as t', 't.id', 'i.type_id')
    .where((w) => {
      w.where({ 'i.custodian_type': 'elenco', 'i.custodian_id': ensembleId });
      if (participantIds.length > 0)
        w.orWhere((p) => p.where('i.custodian_type', 'participante').whereIn('i.custodian_id', participantIds));
    })
    .orderBy('t.name_key')
    .orderBy('i.code')
    .select('i.id', 'i.code', 'i.type_id', 't.name as type_name', 'i.custodian_type', 'i.custodian_id')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    typeId: Number(r.type_id),
    typeName: String(r.type_name),
    participantId: r.custodian_type === 'participante' ? Number(r.custodian_id) : null,
  }));
}
