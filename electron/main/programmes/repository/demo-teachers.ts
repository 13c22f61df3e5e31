import type { Knex } from 'knex';
import type { Row } from '../../db/rows';

/**
 * The demonstration's workshops' teachers, once the contracts' demonstration has linked each
 * workshop to the teachers its contracts cover (programmes/repository/for-contracts.ts, linkDemoTeachers):
 * every session names the teacher who led it (the only one; with several, in turn), and a
 * workshop left with no teacher record keeps its typed name "sin vincular", as the update of
 * an older database would leave it (migration 0012).
 */
export async function finishDemoTeachers(db: Knex, now: string): Promise<void> {
  const links = (await db('workshop_teachers').orderBy('workshop_id').orderBy('teacher_id').select('workshop_id', 'teacher_id')) as Row[];
  const byWorkshop = new Map<number, number[]>();
  for (const l of links) byWorkshop.set(Number(l.workshop_id), [...(byWorkshop.get(Number(l.workshop_id)) ?? []), Number(l.teacher_id)]);
  for (const [workshopId, teachers] of byWorkshop) {
    if (teachers.length === 1) {
      await db('workshop_sessions').where({ workshop_id: workshopId }).whereNull('teacher_id').update({ teacher_id: teachers[0] });
      continue;
    }
    const sessions = (await db('workshop_sessions')
      .where({ workshop_id: workshopId })
      .orderBy('date')
      .orderBy('id')
      .pluck('id')) as number[];
    for (const [k, teacherId] of teachers.entries()) {
      const mine = sessions.filter((_, i) => i % teachers.length === k);
      for (let i = 0; i < mine.length; i += 500) {
        await db('workshop_sessions')
          .whereIn('id', mine.slice(i, i + 500))
          .update({ teacher_id: teacherId });
      }
    }
  }
  const unlinked = (await db('workshops as w').whereNotNull('w.teachers').select('w.id', 'w.teachers')) as Row[];
  const reviews = unlinked
    .filter((w) => !byWorkshop.has(Number(w.id)))
    .map((w) => ({ workshop_id: Number(w.id), original_text: String(w.teachers), status: 'pendiente', created_at: now }));
  for (let i = 0; i < reviews.length; i += 200) await db('workshop_teacher_reviews').insert(reviews.slice(i, i + 200));
}
