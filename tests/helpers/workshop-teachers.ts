import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import { insertId } from '../../electron/main/db/writes';
import { type Ok, people } from './contracts';
import type { TestApp } from './services';

/**
 * Workshops' teachers by id (issue 15, item 4): a teacher record, a workshop that names
 * them, and a teacher's name "sin vincular" as the migration leaves one.
 */

/** A teacher record (one of the contracts' fixtures' people). */
export const newTeacher = (ok: Ok, who: keyof typeof people = 'rosa') =>
  ok('teachers.create', { ...people[who], disciplines: ['musica'], specialties: ['Violín'] });

/** A workshop of an establishment (Banda sinfónica, from 2026-03-01). */
export const newWorkshop = (ok: Ok, establishmentId: number, over: Partial<ChannelInput<'workshops.create'>> = {}) =>
  ok('workshops.create', {
    name: 'Banda sinfónica',
    programme: 'inpe_orquestando',
    discipline: 'Vientos',
    establishmentId,
    startDate: '2026-03-01',
    capacity: 30,
    ...over,
  });

/** A workshop of an establishment, given by these teachers. */
export const workshopWith = (ok: Ok, establishmentId: number, teacherIds: number[], over: Partial<ChannelInput<'workshops.create'>> = {}) =>
  newWorkshop(ok, establishmentId, { teacherIds, ...over });

/** A workshop whose teachers were typed as text before the migration, with one name of it left "sin vincular". */
export async function carriedOverTeacherName(app: TestApp, workshopId: number, text: string, name = text): Promise<number> {
  return app.db.transaction(async (trx) => {
    await trx('workshops').where({ id: workshopId }).update({ teachers: text });
    return insertId(trx('workshop_teacher_reviews'), {
      workshop_id: workshopId,
      original_text: name,
      status: 'pendiente',
      created_at: '2026-12-04T15:00:00.000Z',
    });
  });
}

/** A workshop as read, as the input of workshops.update: without what main derives (teachers' names, counts, who changed it). */
export function workshopUpdateOf(w: ChannelOutput<'workshops.get'>) {
  const {
    teacherLinks: _l,
    pendingTeachers: _p,
    teachers: _t,
    enrolled: _e,
    sessions: _s,
    establishmentName: _n,
    updatedAt: _u,
    updatedBy: _b,
    ...rest
  } = w;
  return rest;
}
