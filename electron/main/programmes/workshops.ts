import { formatDate } from '../../../shared/format';
import type { Workshop } from '../../../shared/programmes/schemas';
import { exportTable } from '../export/table';
import { notFound, stale, orNotFound, fieldError } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import * as repo from './repository';
import { requireEstablishment } from '../auth/access';
import { checkSessionTeacher, checkWorkshopTeachers, type WorkshopTeacherChannel, workshopTeacherHandlers } from './workshop-teachers';

type WorkshopChannel =
  | 'workshops.list'
  | 'workshops.get'
  | 'workshops.create'
  | 'workshops.update'
  | 'workshops.export'
  | 'sessions.list'
  | 'sessions.create'
  | 'sessions.update'
  | WorkshopTeacherChannel;

/** Workshops, ensembles and participants belong to an active establishment. */
export async function checkEstablishment(ctx: HandlerContext, id: number, field = 'establishmentId'): Promise<void> {
  if (!(await repo.isActiveEstablishment(ctx.db, id))) {
    throw fieldError(field, 'programmes.errors.unknownEstablishment');
  }
}

export async function mustWorkshop(ctx: HandlerContext, id: number, field?: string): Promise<Workshop> {
  const w = await repo.getWorkshop(ctx.db, id);
  if (!w) {
    if (field) throw fieldError(field, 'programmes.errors.unknownWorkshop');
    throw notFound();
  }
  requireEstablishment(ctx, w.establishmentId);
  return w;
}

/** A session falls within the workshop's period. */
function checkSessionDate(w: Workshop, date: string): void {
  if (date < w.startDate || (w.endDate !== null && date > w.endDate)) {
    throw fieldError('date', 'programmes.errors.sessionOutsidePeriod', { from: formatDate(w.startDate), to: formatDate(w.endDate) || '…' });
  }
}

export const workshopHandlers: DomainHandlers<WorkshopChannel> = {
  'workshops.list': (q, ctx) => repo.listWorkshops(ctx.db, ctx.session, q),

  'workshops.get': ({ id }, ctx) => mustWorkshop(ctx, id),

  'workshops.create': async ({ teacherIds, ...input }, ctx) => {
    await checkEstablishment(ctx, input.establishmentId);
    await checkWorkshopTeachers(ctx, teacherIds, null);
    const id = await repo.insertWorkshop(ctx.db, input, ctx.session.actor, ctx.now);
    await repo.setWorkshopTeachers(ctx.db, id, teacherIds);
    const created = await mustWorkshop(ctx, id);
    await ctx.audit({ entity: 'workshop', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'workshops.update': async ({ id, version, active, teacherIds, ...values }, ctx) => {
    const before = await mustWorkshop(ctx, id);
    if (before.version !== version) throw stale();
    if (values.establishmentId !== before.establishmentId) {
      await checkEstablishment(ctx, values.establishmentId);
      // The group's members are at the establishment: a workshop with people enrolled does not move.
      if (before.enrolled > 0) {
        throw fieldError('establishmentId', 'programmes.errors.workshopHasMembers');
      }
    }
    if (teacherIds !== undefined) await checkWorkshopTeachers(ctx, teacherIds, before);
    const n = await repo.updateWorkshop(ctx.db, id, version, values, active, ctx.session.actor, ctx.now);
    if (n !== 1) throw stale();
    if (teacherIds !== undefined) await repo.setWorkshopTeachers(ctx.db, id, teacherIds);
    const after = await mustWorkshop(ctx, id);
    await ctx.audit({ entity: 'workshop', entityId: id, action: 'update', before, after });
    return after;
  },

  'workshops.export': async ({ filter, format }, ctx) => {
    const { t } = ctx;
    const rows = await repo.allWorkshops(ctx.db, ctx.session, {
      search: filter.search ?? '',
      programme: filter.programme ?? null,
      establishmentId: filter.establishmentId ?? null,
      status: filter.status ?? 'active',
    });
    return exportTable(ctx, {
      baseName: t('programmes.export.workshops'),
      sheetName: t('programmes.workshops.title').slice(0, 31),
      format,
      rows,
      columns: [
        { header: t('programmes.workshops.name'), width: 34, value: (w) => w.name },
        { header: t('programmes.workshops.programme'), width: 20, value: (w) => t(`programmes.programmes.${w.programme}`) },
        { header: t('programmes.workshops.discipline'), width: 20, value: (w) => w.discipline },
        { header: t('programmes.common.establishment'), width: 32, value: (w) => w.establishmentName },
        { header: t('programmes.workshops.teachers'), width: 28, value: (w) => w.teacherLinks.map((x) => x.name).join(', ') },
        { header: t('programmes.workshopTeachers.typed'), width: 28, value: (w) => w.teachers },
        { header: t('programmes.workshops.schedule'), width: 24, value: (w) => w.schedule },
        { header: t('programmes.workshops.startDate'), width: 12, kind: 'date', value: (w) => w.startDate },
        { header: t('programmes.workshops.endDate'), width: 12, kind: 'date', value: (w) => w.endDate },
        { header: t('programmes.workshops.capacity'), width: 10, value: (w) => w.capacity },
        { header: t('programmes.workshops.enrolled'), width: 10, value: (w) => w.enrolled },
        { header: t('programmes.workshops.sessions'), width: 10, value: (w) => w.sessions },
      ],
    });
  },

  'sessions.list': async ({ workshopId }, ctx) => {
    await mustWorkshop(ctx, workshopId);
    return repo.listSessions(ctx.db, workshopId);
  },

  'sessions.create': async ({ workshopId, date, durationMinutes, topic, teacherId }, ctx) => {
    const w = await mustWorkshop(ctx, workshopId, 'workshopId');
    checkSessionDate(w, date);
    checkSessionTeacher(w, teacherId);
    const id = await repo.insertSession(ctx.db, workshopId, { date, durationMinutes, topic, teacherId }, ctx.session.actor, ctx.now);
    const created = (await repo.getSession(ctx.db, id))!;
    await ctx.audit({ entity: 'session', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'sessions.update': async ({ id, version, date, durationMinutes, topic, teacherId }, ctx) => {
    const before = orNotFound(await repo.getSession(ctx.db, id));
    if (before.version !== version) throw stale();
    const w = await mustWorkshop(ctx, before.workshopId);
    checkSessionDate(w, date);
    const leader = teacherId === undefined ? before.teacherId : teacherId;
    // Who led it is checked only when it changes (a teacher since removed from the workshop stays).
    if (leader !== before.teacherId) checkSessionTeacher(w, leader);
    await repo.updateSession(ctx.db, id, version, { date, durationMinutes, topic, teacherId: leader }, ctx.session.actor, ctx.now);
    const after = (await repo.getSession(ctx.db, id))!;
    await ctx.audit({ entity: 'session', entityId: id, action: 'update', before, after });
    return after;
  },

  ...workshopTeacherHandlers,
};
