import type { Knex } from 'knex';
import type { TeacherReview, Workshop } from '../../../shared/programmes/schemas';
import { requireEstablishment, whereInScope } from '../auth/access';
import { activeTeacherOptions, teachersByIds } from '../contracts/repository/for-programmes';
import { AppError, fieldError, stale, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import * as repo from './repository';

/**
 * Workshops' teachers by id (issue 15, item 4): the teachers a workshop may name, the names
 * carried over as text that a clerk links or dismisses, and what a teacher delivered (for
 * the teacher's page, in the contracts module: the channel `teaching.activity`).
 */

export type WorkshopTeacherChannel =
  'workshops.teacherOptions' | 'workshops.teacherReviews' | 'workshops.linkTeacher' | 'workshops.dismissTeacher' | 'teaching.activity';

/**
 * The teachers a workshop's form names, checked: each exists, and each newly named is active
 * (one already named who was since deactivated may stay). A teacher no longer named must
 * not have led any of its sessions. Refusals name the field teacherIds.
 */
export async function checkWorkshopTeachers(ctx: HandlerContext, ids: readonly number[], before: Workshop | null): Promise<void> {
  const found = await teachersByIds(ctx.db, ids);
  const already = new Set(before?.teacherLinks.map((t) => t.id) ?? []);
  for (const id of ids) {
    const t = found.get(id);
    if (!t) throw fieldError('teacherIds', 'programmes.errors.unknownTeacher');
    if (!t.active && !already.has(id)) throw fieldError('teacherIds', 'programmes.errors.inactiveTeacher', { name: t.name });
  }
  if (!before) return;
  for (const gone of before.teacherLinks.filter((t) => !ids.includes(t.id))) {
    if ((await repo.sessionsLedBy(ctx.db, before.id, [gone.id])) > 0) {
      throw fieldError('teacherIds', 'programmes.errors.teacherLedSessions', { name: gone.name });
    }
  }
}

/** The teacher who led a session is one of its workshop's teachers (or none). */
export function checkSessionTeacher(w: Workshop, teacherId: number | null): void {
  if (teacherId !== null && !w.teacherLinks.some((t) => t.id === teacherId)) {
    throw fieldError('teacherId', 'programmes.errors.sessionTeacherNotInWorkshop');
  }
}

const workshopScopeOf = (ctx: HandlerContext) => (q: Knex.QueryBuilder) => {
  whereInScope(ctx.session, q, 'w.establishment_id');
};

async function shownReview(ctx: HandlerContext, r: repo.TeacherReviewRow): Promise<TeacherReview> {
  const name = r.teacherId === null ? null : ((await teachersByIds(ctx.db, [r.teacherId])).get(r.teacherId)?.name ?? null);
  return { ...r, teacherName: name };
}

async function mustReview(ctx: HandlerContext, id: number): Promise<repo.TeacherReviewRow> {
  const r = orNotFound(await repo.getTeacherReview(ctx.db, id));
  requireEstablishment(ctx, r.establishmentId);
  if (r.status !== 'pendiente') throw new AppError('conflict', 'programmes.workshopTeachers.reviews.errors.resolved');
  return r;
}

export const workshopTeacherHandlers: DomainHandlers<WorkshopTeacherChannel> = {
  'workshops.teacherOptions': async ({ search, ids }, ctx) => {
    const found = await activeTeacherOptions(ctx.db, search);
    const chosen = [...(await teachersByIds(ctx.db, ids)).values()].filter((t) => !found.some((f) => f.id === t.id));
    return [...chosen, ...found];
  },

  'workshops.teacherReviews': async ({ status }, ctx) => {
    const rows = await repo.listTeacherReviews(ctx.db, status, workshopScopeOf(ctx));
    const names = await teachersByIds(
      ctx.db,
      rows.flatMap((r) => (r.teacherId === null ? [] : [r.teacherId])),
    );
    return rows.map((r) => ({ ...r, teacherName: r.teacherId === null ? null : (names.get(r.teacherId)?.name ?? null) }));
  },

  /**
   * The clerk says which teacher a typed name was: the teacher is added to the workshop. When
   * that leaves the workshop with no name still pending and this one teacher, its sessions
   * that name no teacher were led by them (the migration's rule).
   */
  'workshops.linkTeacher': async ({ id, teacherId }, ctx) => {
    const r = await mustReview(ctx, id);
    const teacher = (await teachersByIds(ctx.db, [teacherId])).get(teacherId);
    if (!teacher) throw fieldError('teacherId', 'programmes.errors.unknownTeacher');
    if (!teacher.active) throw fieldError('teacherId', 'programmes.errors.inactiveTeacher', { name: teacher.name });
    const before = (await repo.getWorkshop(ctx.db, r.workshopId))!;
    await repo.addWorkshopTeacher(ctx.db, r.workshopId, [teacherId]);
    if (!(await repo.resolveTeacherReview(ctx.db, id, 'vinculado', teacherId, ctx.session.actor.name, ctx.now))) throw stale();
    const after = (await repo.getWorkshop(ctx.db, r.workshopId))!;
    let assigned = 0;
    if (after.pendingTeachers === 0 && after.teacherLinks.length === 1) {
      assigned = await repo.assignUnledSessions(ctx.db, r.workshopId, teacherId);
    }
    await ctx.audit({
      entity: 'workshop',
      entityId: r.workshopId,
      action: 'linkTeacher',
      before: { teacherIds: before.teacherLinks.map((t) => t.id) },
      after: { teacherIds: after.teacherLinks.map((t) => t.id), reviewId: id, originalText: r.originalText, sessionsAssigned: assigned },
    });
    return shownReview(ctx, (await repo.getTeacherReview(ctx.db, id))!);
  },

  'workshops.dismissTeacher': async ({ id }, ctx) => {
    const r = await mustReview(ctx, id);
    if (!(await repo.resolveTeacherReview(ctx.db, id, 'descartado', null, ctx.session.actor.name, ctx.now))) throw stale();
    await ctx.audit({
      entity: 'workshop',
      entityId: r.workshopId,
      action: 'dismissTeacher',
      after: { reviewId: id, originalText: r.originalText },
    });
    return shownReview(ctx, (await repo.getTeacherReview(ctx.db, id))!);
  },

  'teaching.activity': async ({ teacherId }, ctx) => {
    const scope = workshopScopeOf(ctx);
    const workshops = await repo.workshopsOfTeacher(ctx.db, teacherId, scope);
    const byMonth = new Map<string, { month: string; sessions: number; taken: number; minutes: number }>();
    for (const s of await repo.sessionsOfTeacher(ctx.db, teacherId, scope)) {
      const month = s.date.slice(0, 7);
      const m = byMonth.get(month) ?? { month, sessions: 0, taken: 0, minutes: 0 };
      m.sessions++;
      if (s.taken) {
        m.taken++;
        m.minutes += s.minutes;
      }
      byMonth.set(month, m);
    }
    return { workshops, months: [...byMonth.values()].sort((a, b) => b.month.localeCompare(a.month)) };
  },
};
