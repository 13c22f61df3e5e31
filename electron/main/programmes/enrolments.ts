import { formatDate } from '../../../shared/format';
import { attendanceFigures, stageTransitions } from '../../../shared/programmes/rules';
import { str, toBool } from '../db/rows';
import { stale, fieldError, orNotFound } from '../ipc/errors';
import type { DomainHandlers } from '../ipc/context';
import { chosenPart } from './ensemble-parts';
import { canSeeNames } from './privacy';
import * as repo from './repository';
import { mustWorkshop } from './workshops';
import { requireEstablishment } from '../auth/access';

type EnrolmentChannel = 'enrolments.list' | 'enrolments.create' | 'enrolments.setStage' | 'attendance.get' | 'attendance.save';

export const enrolmentHandlers: DomainHandlers<EnrolmentChannel> = {
  'enrolments.list': (f, ctx) => repo.listEnrolments(ctx.db, ctx.session, f),

  'enrolments.create': async ({ workshopId, ensembleId, participantIds, date, partTypeId, partVoice }, ctx) => {
    const kind = workshopId !== null ? 'workshop' : 'ensemble';
    const groupId = (workshopId ?? ensembleId)!;
    const field = workshopId !== null ? 'workshopId' : 'ensembleId';
    const group = await repo.groupOf(ctx.db, kind, groupId);
    if (!group) throw fieldError(field, workshopId !== null ? 'programmes.errors.unknownWorkshop' : 'programmes.errors.unknownEnsemble');
    requireEstablishment(ctx, Number(group.establishment_id));
    if (!toBool(group.active)) throw fieldError(field, 'programmes.errors.groupInactive');
    const ids = [...new Set(participantIds)];
    const people = await repo.participantsByIds(ctx.db, ids);
    if (people.length !== ids.length) throw fieldError('participantIds', 'programmes.errors.unknownParticipant');
    for (const p of people) {
      if (p.status !== 'activo') {
        throw fieldError('participantIds', 'programmes.errors.participantNotActive', {
          code: String(p.code),
          status: ctx.t(`programmes.participantStatuses.${String(p.status)}`),
        });
      }
      if (Number(p.establishment_id) !== Number(group.establishment_id)) {
        throw fieldError('participantIds', 'programmes.errors.otherEstablishment', { code: String(p.code) });
      }
    }
    const already = await repo.alreadyEnrolledCodes(ctx.db, kind, groupId, ids);
    if (already.length > 0) throw fieldError('participantIds', 'programmes.errors.alreadyEnrolled', { codes: already.join(', ') });
    if (workshopId !== null) {
      const open = await repo.openEnrolmentCount(ctx.db, workshopId);
      if (open + ids.length > Number(group.capacity)) {
        throw fieldError('participantIds', 'programmes.errors.overCapacity', {
          capacity: Number(group.capacity),
          free: Math.max(0, Number(group.capacity) - open),
        });
      }
      if (date < String(group.start_date) || (group.end_date && date > String(group.end_date))) {
        throw fieldError('date', 'programmes.errors.enrolOutsidePeriod');
      }
    }
    const part = ensembleId !== null ? await chosenPart(ctx, partTypeId, partVoice) : null;
    const created: number[] = [];
    for (const pid of ids) {
      const id = await repo.insertEnrolment(
        ctx.db,
        {
          participantId: pid,
          workshopId,
          ensembleId,
          part: part?.text ?? null,
          partTypeId: part?.typeId ?? null,
          partVoice: part?.voice ?? null,
          date,
        },
        ctx.session.actor,
        ctx.now,
      );
      await repo.appendStage(ctx.db, id, 'inscrito', date, null, ctx.session.actor, ctx.now);
      created.push(id);
    }
    for (const [i, id] of created.entries()) {
      await ctx.audit({
        entity: 'enrolment',
        entityId: id,
        action: 'create',
        after: { participantId: ids[i], workshopId, ensembleId, date, ...(part ? { part: part.text } : {}) },
      });
    }
    return { created: created.length, enrolments: await repo.enrolmentsByIds(ctx.db, ctx.session, created) };
  },

  'enrolments.setStage': async ({ id, version, stage, date, reason, partTypeId, partVoice }, ctx) => {
    const before = orNotFound(await repo.getEnrolment(ctx.db, ctx.session, id));
    if (before.version !== version) throw stale();
    const changesStage = stage !== before.stage;
    if (changesStage && !stageTransitions[before.stage].includes(stage)) {
      throw fieldError('stage', 'programmes.errors.stageNotAllowed', {
        from: ctx.t(`programmes.stages.${before.stage}`),
        to: ctx.t(`programmes.stages.${stage}`),
      });
    }
    if (changesStage && date < before.enrolledOn)
      throw fieldError('date', 'programmes.errors.beforeEnrolment', { date: formatDate(before.enrolledOn) });
    const ending = stage === 'completado' || stage === 'retirado';
    // The part changes only when one is given for an ensemble's member; a part "sin vincular" chosen now leaves the review list.
    const choosing = before.ensembleId !== null && (partTypeId !== undefined || partVoice !== undefined);
    const part = choosing ? await chosenPart(ctx, partTypeId ?? null, partVoice ?? null) : null;
    const pendingReview = choosing ? await repo.pendingPartReviewOf(ctx.db, id) : null;
    await repo.updateEnrolment(
      ctx.db,
      id,
      version,
      {
        stage,
        part: choosing ? { text: part?.text ?? null, typeId: part?.typeId ?? null, voice: part?.voice ?? null } : undefined,
        endedOn: changesStage && ending ? date : before.endedOn,
        endReason: changesStage && ending ? (stage === 'completado' ? 'completado' : 'retiro') : before.endReason,
      },
      ctx.session.actor,
      ctx.now,
    );
    if (changesStage) await repo.appendStage(ctx.db, id, stage, date, reason, ctx.session.actor, ctx.now);
    if (pendingReview !== null) {
      await repo.resolvePartReview(ctx.db, pendingReview, part ? 'vinculado' : 'descartado', ctx.session.actor.name, ctx.now);
    }
    const after = (await repo.getEnrolment(ctx.db, ctx.session, id))!;
    await ctx.audit({
      entity: 'enrolment',
      entityId: id,
      action: 'stage',
      before: { stage: before.stage, part: before.part },
      after: { stage, part: after.part, date, reason },
    });
    return after;
  },

  // ── Attendance ──

  'attendance.get': async ({ id }, ctx) => {
    const session = orNotFound(await repo.getSession(ctx.db, id));
    const w = await mustWorkshop(ctx, session.workshopId);
    const people = await repo.sheetParticipants(ctx.db, session.workshopId, id, session.date);
    const markOf = await repo.marksOf(ctx.db, id);
    // Figures so far: the sessions taken before this one.
    const earlier = (await repo.takenSessions(ctx.db, session.workshopId)).filter(
      (s) => s.date < session.date || (s.date === session.date && s.id < id),
    );
    const presentBy = await repo.presentAt(
      ctx.db,
      earlier.map((s) => s.id),
      people.map((p) => Number(p.id)),
    );
    const names = canSeeNames(ctx.session);
    return {
      session,
      workshopName: w.name,
      establishmentName: w.establishmentName,
      rows: people.map((p) => {
        const fig = attendanceFigures(earlier, presentBy.get(Number(p.id)) ?? new Set(), {
          from: String(p.enrolled_on),
          to: str(p.ended_on),
        });
        return {
          participantId: Number(p.id),
          code: String(p.code),
          firstNames: names ? String(p.first_names) : null,
          lastNames: names ? String(p.last_names) : null,
          present: markOf.has(Number(p.id)) ? markOf.get(Number(p.id))! : null,
          consecutiveAbsences: fig.consecutiveAbsences,
          rate: fig.rate,
        };
      }),
    };
  },

  'attendance.save': async ({ sessionId, marks }, ctx) => {
    const session = await repo.sessionOfSheet(ctx.db, sessionId);
    if (!session) throw fieldError('sessionId', 'programmes.errors.unknownSession');
    requireEstablishment(ctx, await repo.workshopEstablishmentId(ctx.db, Number(session.workshop_id)));
    const people = await repo.sheetParticipants(ctx.db, Number(session.workshop_id), sessionId, String(session.date));
    const inGroup = new Map(people.map((p) => [Number(p.id), p]));
    const strangers = marks.filter((m) => !inGroup.has(m.participantId));
    if (strangers.length > 0) throw fieldError('marks', 'programmes.errors.notInGroup', { count: strangers.length });
    await repo.saveMarks(ctx.db, sessionId, marks);
    await repo.markSessionTaken(ctx.db, sessionId, ctx.session.actor, ctx.now);
    // A participant enrolled who comes to a session is now active in the group.
    const starting = marks
      .filter((m) => m.present && inGroup.get(m.participantId)?.stage === 'inscrito')
      .map((m) => Number(inGroup.get(m.participantId)!.enrolment_id));
    if (starting.length > 0) await repo.startEnrolments(ctx.db, starting, String(session.date), ctx.session.actor, ctx.now);
    await repo.refreshAbsenceRuns(
      ctx.db,
      Number(session.workshop_id),
      marks.map((m) => m.participantId),
    );
    const present = marks.filter((m) => m.present).length;
    await ctx.audit({
      entity: 'session',
      entityId: sessionId,
      action: 'attendance',
      after: repo.marksAudit(marks),
    });
    return { sessionId, present, absent: marks.length - present };
  },
};
