import type { Knex } from 'knex';
import { ABSENCE_ALERT, openStages } from '../../../../shared/programmes/rules';
import { whereInScope } from '../../auth/access';
import { numOr0, type Row } from '../../db/rows';
import { establishmentsByIds } from '../../establishments/repository';
import { openRecoveryCount } from '../../inventory/repository/for-programmes';
import type { Session } from '../../ipc/context';

/**
 * The programme's home page counts, within the session's establishments (auth/access.ts
 * whereInScope): a restricted user sees their figures.
 */

/** Active participants by establishment and sex, with the establishments' names. */
export async function activeParticipantsBySex(
  db: Knex,
  session: Session,
): Promise<Array<{ establishmentId: number; name: string; sex: string; n: number }>> {
  // Grouped on the participants' covering index alone; the (few) names are read after.
  const bySex = (await whereInScope(session, db('participants'), 'establishment_id')
    .where('status', 'activo')
    .groupBy('establishment_id', 'sex')
    .select('establishment_id', 'sex')
    .count({ n: '*' })) as Row[];
  const names = new Map(
    (await establishmentsByIds(db, [...new Set(bySex.map((r) => Number(r.establishment_id)))])).map((e) => [e.id, e.name]),
  );
  return bySex.map((r) => ({
    establishmentId: Number(r.establishment_id),
    name: names.get(Number(r.establishment_id)) ?? '',
    sex: String(r.sex),
    n: Number(r.n),
  }));
}

/** Workshops active on `today` (not ended) and active ensembles. */
export async function activeGroups(db: Knex, session: Session, today: string): Promise<{ workshops: number; ensembles: number }> {
  const [w] = (await whereInScope(session, db('workshops'), 'establishment_id')
    .where({ active: true })
    .where((q) => q.whereNull('end_date').orWhere('end_date', '>=', today))
    .count({ n: '*' })) as Row[];
  const [g] = (await whereInScope(session, db('ensembles'), 'establishment_id').where({ active: true }).count({ n: '*' })) as Row[];
  return { workshops: numOr0(w?.n), ensembles: numOr0(g?.n) };
}

/** Open enrolments whose absences in a row reached the alert. */
export async function absenceAlerts(db: Knex, session: Session): Promise<number> {
  const [absences] = (await whereInScope(
    session,
    db('enrolments as n'),
    (scope) => db('workshops as w').whereRaw('w.id = n.workshop_id').whereIn('w.establishment_id', scope).select(db.raw('1')),
    (scope) => db('ensembles as g').whereRaw('g.id = n.ensemble_id').whereIn('g.establishment_id', scope).select(db.raw('1')),
  )
    .whereIn('n.stage', [...openStages])
    .where('n.absence_run', '>=', ABSENCE_ALERT)
    .count({ n: '*' })) as Row[];
  return numOr0(absences?.n);
}

/**
 * Instruments in the hands of participants who are no longer in the programme: the open
 * items of the inventory's recovery list (issue 15). null when this installation has no inventory.
 */
export const instrumentsToRecover = (db: Knex, session: Session): Promise<number | null> => openRecoveryCount(db, session);
