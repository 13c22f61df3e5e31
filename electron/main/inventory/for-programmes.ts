import type { Knex } from 'knex';
import type { HeldInstrument } from '../../../shared/programmes/schemas';
import { whereInScope } from '../auth/access';
import { type Row, str } from '../db/rows';
import { escapeLike } from '../db/search';
import { joinEstablishment } from '../establishments/repository';
import type { Session } from '../ipc/context';

/**
 * What the programmes domain asks of the inventory: the instruments in participants' hands.
 * The inventory knows a participant only as a custodian's name (custodian type
 * 'participante', the INPE code within the name). Every answer is null when this
 * installation has no inventory.
 */

/** The instruments a participant holds: custodian type 'participante' and the INPE code within the custodian's name. */
export async function instrumentsHeldByCode(db: Knex, code: string): Promise<HeldInstrument[] | null> {
  if (!(await db.schema.hasTable('instruments'))) return null;
  const q = db('instruments as i').join('instrument_types as t', 't.id', 'i.type_id');
  const rows = (await joinEstablishment(q, 'e', 'i.establishment_id', 'left')
    .where('i.custodian_type', 'participante')
    .whereRaw("UPPER(i.custodian_name) LIKE ? ESCAPE '\\'", [`%${escapeLike(code.toUpperCase())}%`])
    .orderBy('i.code')
    .select('i.id', 'i.code', 't.name as type_name', 'e.name as establishment_name', 'i.custodian_name')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    typeName: String(r.type_name),
    establishmentName: str(r.establishment_name),
    custodianName: String(r.custodian_name),
  }));
}

/** The custodian names of every instrument in a participant's custody within the session's establishments (one per instrument). */
export async function participantCustodianNames(db: Knex, session: Session): Promise<string[] | null> {
  if (!(await db.schema.hasTable('instruments'))) return null;
  const held = (await whereInScope(session, db('instruments as i'), 'i.establishment_id', 'i.transit_to_establishment_id')
    .where({ custodian_type: 'participante' })
    .select('custodian_name')) as Row[];
  return held.map((r) => String(r.custodian_name ?? ''));
}
