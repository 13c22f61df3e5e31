import { formatDate } from '../../../shared/format';
import {
  allowedCustody,
  attendanceFigures,
  endsEnrolments,
  openStages,
  stageTransitions,
  statusAfterCustody,
} from '../../../shared/programmes/rules';
import type { HeldInstrument, Participant, ParticipantMovement } from '../../../shared/programmes/schemas';
import { isUniqueViolation } from '../db/dialect';
import { AppError, notFound, stale, fieldError } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import { canSeeNames } from './privacy';
import { exportTableWithReason } from '../privacy/personal-data';
import * as repo from './repository';
import { checkEstablishment, mustWorkshop } from './workshops';
import { requireEstablishment } from '../auth/access';
import { type Row, str, toBool } from '../db/rows';

type ParticipantHandlers = Pick<
  Handlers,
  | 'participants.list'
  | 'participants.search'
  | 'participants.get'
  | 'participants.create'
  | 'participants.update'
  | 'participants.custodyChange'
  | 'participants.history'
  | 'participants.instruments'
  | 'participants.export'
  | 'enrolments.list'
  | 'enrolments.create'
  | 'enrolments.setStage'
  | 'attendance.get'
  | 'attendance.save'
>;

async function mustParticipant(ctx: HandlerContext, id: number): Promise<Participant> {
  const p = await repo.getParticipant(ctx.db, ctx.session, id);
  if (!p) throw notFound();
  requireEstablishment(ctx, p.establishmentId);
  return p;
}

function duplicateCode(code: string): AppError {
  return new AppError('conflict', 'programmes.errors.duplicateParticipant', { code }, {
    code: { key: 'programmes.errors.duplicateParticipant', params: { code } },
  });
}

/**
 * The instruments a participant holds according to the inventory: custodian type
 * 'participante' and the participant's INPE code within the custodian's name. null when
 * this installation has no inventory.
 */
export async function heldInstruments(ctx: HandlerContext, code: string): Promise<HeldInstrument[] | null> {
  if (!(await ctx.db.schema.hasTable('instruments'))) return null;
  const rows = (await ctx.db('instruments as i')
    .join('instrument_types as t', 't.id', 'i.type_id')
    .leftJoin('establishments as e', 'e.id', 'i.establishment_id')
    .where('i.custodian_type', 'participante')
    .whereRaw("UPPER(i.custodian_name) LIKE ? ESCAPE '\\'", [`%${repo.escapeLike(code.toUpperCase())}%`])
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

async function lastMovementDate(ctx: HandlerContext, participantId: number): Promise<string | null> {
  const r = (await ctx.db('participant_movements').where({ participant_id: participantId }).max({ d: 'date' })) as Array<{ d: string | null }>;
  return r[0]?.d ?? null;
}

/** The participants of a workshop who are in the group on a session's date, and any already marked. */
async function sheetParticipants(ctx: HandlerContext, workshopId: number, sessionId: number, date: string) {
  const rows = (await ctx.db('enrolments as n')
    .join('participants as p', 'p.id', 'n.participant_id')
    .where('n.workshop_id', workshopId)
    .where((w) =>
      w
        .where((x) =>
          x
            .where('n.enrolled_on', '<=', date)
            .where((y) => y.whereNull('n.ended_on').orWhere('n.ended_on', '>=', date)),
        )
        .orWhereExists(ctx.db('attendance as a').where('a.session_id', sessionId).whereRaw('a.participant_id = n.participant_id')),
    )
    .select('n.id as enrolment_id', 'n.stage', 'n.enrolled_on', 'n.ended_on', 'p.id', 'p.code', 'p.first_names', 'p.last_names', 'p.sort_key')
    .orderBy('p.sort_key')) as Row[];
  const seen = new Set<number>();
  return rows.filter((r) => {
    const id = Number(r.id);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Recomputes the cached absences-in-a-row of these participants' enrolments in a workshop. */
async function refreshAbsenceRuns(ctx: HandlerContext, workshopId: number, participantIds: number[]): Promise<void> {
  const sessions = await repo.takenSessions(ctx.db, workshopId);
  const enrolments = (await ctx.db('enrolments')
    .where({ workshop_id: workshopId })
    .whereIn('participant_id', participantIds)
    .select('id', 'participant_id', 'enrolled_on', 'ended_on', 'absence_run')) as Row[];
  const present = (await ctx.db('attendance as a')
    .join('workshop_sessions as s', 's.id', 'a.session_id')
    .where('s.workshop_id', workshopId)
    .whereIn('a.participant_id', participantIds)
    .where('a.present', true)
    .select('a.participant_id', 'a.session_id')) as Row[];
  const by = new Map<number, Set<number>>();
  for (const r of present) {
    const set = by.get(Number(r.participant_id)) ?? new Set<number>();
    set.add(Number(r.session_id));
    by.set(Number(r.participant_id), set);
  }
  for (const e of enrolments) {
    const run = attendanceFigures(sessions, by.get(Number(e.participant_id)) ?? new Set(), { from: String(e.enrolled_on), to: str(e.ended_on) }).consecutiveAbsences;
    if (run !== Number(e.absence_run)) await ctx.db('enrolments').where({ id: e.id }).update({ absence_run: run });
  }
}

export const participantHandlers: ParticipantHandlers = {
  'participants.list': (q, ctx) => repo.listParticipants(ctx.db, ctx.session, q),

  'participants.search': (q, ctx) => repo.searchParticipants(ctx.db, ctx.session, q),

  'participants.get': ({ id }, ctx) => mustParticipant(ctx, id),

  'participants.create': async ({ code, firstNames, lastNames, sex, birthYear, establishmentId, date }, ctx) => {
    await checkEstablishment(ctx, establishmentId);
    if (await ctx.db('participants').where({ code }).first('id')) throw duplicateCode(code);
    let id: number;
    try {
      const [row] = (await ctx.db('participants')
        .insert({
          code,
          first_names: firstNames,
          last_names: lastNames,
          sex,
          birth_year: birthYear,
          establishment_id: establishmentId,
          status: 'activo',
          search_text: repo.participantSearchText(code, firstNames, lastNames),
          sort_key: repo.participantSortKey(firstNames, lastNames),
          version: 1,
          ...repo.attributed(ctx.session.actor, ctx.now),
        })
        .returning('id')) as Array<{ id: number }>;
      id = row!.id;
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateCode(code);
      throw err;
    }
    await ctx.db('participant_movements').insert({
      participant_id: id,
      kind: 'alta',
      date,
      from_establishment_id: null,
      to_establishment_id: establishmentId,
      status_after: 'activo',
      document_number: null,
      notes: null,
      enrolments_ended: 0,
      recorded_at: ctx.now,
      recorded_by: ctx.session.actor.name,
    });
    const created = await mustParticipant(ctx, id);
    // The audit keeps the code, not the names: the log is read more widely than the register.
    await ctx.audit({ entity: 'participant', entityId: id, action: 'create', after: { code, sex, birthYear, establishmentId } });
    return created;
  },

  'participants.update': async ({ id, version, code, firstNames, lastNames, sex, birthYear }, ctx) => {
    const before = await mustParticipant(ctx, id);
    if (before.version !== version) throw stale();
    const other = (await ctx.db('participants').where({ code }).first('id')) as { id: number } | undefined;
    if (other && other.id !== id) throw duplicateCode(code);
    const n = await ctx.db('participants')
      .where({ id, version })
      .update({
        code,
        first_names: firstNames,
        last_names: lastNames,
        sex,
        birth_year: birthYear,
        search_text: repo.participantSearchText(code, firstNames, lastNames),
        sort_key: repo.participantSortKey(firstNames, lastNames),
        version: version + 1,
        ...repo.touched(ctx.session.actor, ctx.now),
      });
    if (n !== 1) throw stale();
    const after = await mustParticipant(ctx, id);
    await ctx.audit({
      entity: 'participant',
      entityId: id,
      action: 'update',
      before: { code: before.code, sex: before.sex, birthYear: before.birthYear },
      after: { code, sex, birthYear, namesChanged: before.firstNames !== firstNames || before.lastNames !== lastNames },
    });
    return after;
  },

  'participants.custodyChange': async ({ participantId, version, kind, date, toEstablishmentId, documentNumber, notes }, ctx) => {
    const before = await mustParticipant(ctx, participantId);
    if (before.version !== version) throw stale();
    if (!allowedCustody(before.status).includes(kind)) {
      throw fieldError('kind', 'programmes.errors.custodyNotAllowed', {
        kind: ctx.t(`programmes.custodyKinds.${kind}`),
        status: ctx.t(`programmes.participantStatuses.${before.status}`),
      });
    }
    const last = await lastMovementDate(ctx, participantId);
    if (last !== null && date < last) throw fieldError('date', 'programmes.errors.custodyBeforeLast', { date: formatDate(last) });
    if (toEstablishmentId !== null) {
      await checkEstablishment(ctx, toEstablishmentId, 'toEstablishmentId');
      if (kind === 'traslado' && toEstablishmentId === before.establishmentId) {
        throw fieldError('toEstablishmentId', 'programmes.errors.sameEstablishment');
      }
    }

    // The open enrolments at the origin end the same day, each with its stage recorded.
    let ended = 0;
    if (endsEnrolments(kind)) {
      const open = (await ctx.db('enrolments').where({ participant_id: participantId }).whereIn('stage', [...openStages]).select('id', 'version')) as Row[];
      for (const e of open) {
        await ctx.db('enrolments')
          .where({ id: e.id })
          .update({ stage: 'retirado', ended_on: date, end_reason: kind, version: Number(e.version) + 1, ...repo.touched(ctx.session.actor, ctx.now) });
        await repo.appendStage(ctx.db, Number(e.id), 'retirado', date, ctx.t(`programmes.custodyKinds.${kind}`), ctx.session.actor, ctx.now);
      }
      ended = open.length;
    }
    const destination = toEstablishmentId ?? before.establishmentId;
    const statusAfter = statusAfterCustody[kind];
    const n = await ctx.db('participants')
      .where({ id: participantId, version })
      .update({ status: statusAfter, establishment_id: destination, version: version + 1, ...repo.touched(ctx.session.actor, ctx.now) });
    if (n !== 1) throw stale();
    await ctx.db('participant_movements').insert({
      participant_id: participantId,
      kind,
      date,
      from_establishment_id: before.establishmentId,
      to_establishment_id: toEstablishmentId,
      status_after: statusAfter,
      document_number: documentNumber,
      notes,
      enrolments_ended: ended,
      recorded_at: ctx.now,
      recorded_by: ctx.session.actor.name,
    });
    const participant = await mustParticipant(ctx, participantId);
    const instrumentsToRecover = kind === 'reincorporacion' ? [] : await heldInstruments(ctx, before.code);
    await ctx.audit({
      entity: 'participant',
      entityId: participantId,
      action: `custody:${kind}`,
      before: { status: before.status, establishmentId: before.establishmentId },
      after: { status: statusAfter, establishmentId: destination, enrolmentsEnded: ended, instrumentsToRecover: instrumentsToRecover?.map((i) => i.code) ?? null },
    });
    return { participant, enrolmentsEnded: ended, instrumentsToRecover };
  },

  'participants.history': async ({ id }, ctx) => {
    await mustParticipant(ctx, id);
    const rows = (await ctx.db('participant_movements as m')
      .leftJoin('establishments as f', 'f.id', 'm.from_establishment_id')
      .leftJoin('establishments as t', 't.id', 'm.to_establishment_id')
      .where('m.participant_id', id)
      .orderBy('m.id', 'desc')
      .select('m.*', 'f.name as from_name', 't.name as to_name')) as Row[];
    return rows.map(
      (r): ParticipantMovement => ({
        id: Number(r.id),
        kind: r.kind as ParticipantMovement['kind'],
        date: String(r.date),
        fromEstablishmentName: str(r.from_name),
        toEstablishmentName: str(r.to_name),
        statusAfter: r.status_after as ParticipantMovement['statusAfter'],
        documentNumber: str(r.document_number),
        notes: str(r.notes),
        enrolmentsEnded: Number(r.enrolments_ended),
        recordedAt: String(r.recorded_at),
        recordedBy: String(r.recorded_by),
      }),
    );
  },

  'participants.instruments': async ({ id }, ctx) => heldInstruments(ctx, (await mustParticipant(ctx, id)).code),

  'participants.export': async ({ filter, format, reason }, ctx) => {
    const { t } = ctx;
    const rows = await repo.allParticipants(ctx.db, ctx.session, {
      search: filter.search ?? '',
      establishmentId: filter.establishmentId ?? null,
      status: filter.status ?? null,
      sex: filter.sex ?? null,
    });
    const names = canSeeNames(ctx.session);
    const where = filter.establishmentId ? rows[0]?.establishmentName ?? null : null;
    return exportTableWithReason(ctx, {
      reason,
      what: where ? t('programmes.export.participantsWhatAt', { establishment: where }) : t('programmes.export.participantsWhat'),
      baseName: t('programmes.export.participants'),
      sheetName: t('programmes.participants.title').slice(0, 31),
      format,
      rows,
      columns: [
        { header: t('programmes.participants.code'), width: 14, value: (p) => p.code },
        ...(names
          ? [
              { header: t('programmes.participants.lastNames'), width: 24, value: (p: Participant) => p.lastNames },
              { header: t('programmes.participants.firstNames'), width: 24, value: (p: Participant) => p.firstNames },
            ]
          : []),
        { header: t('programmes.participants.sex'), width: 12, value: (p) => t(`programmes.sexes.${p.sex}`) },
        { header: t('programmes.participants.birthYear'), width: 10, value: (p) => p.birthYear },
        { header: t('programmes.common.establishment'), width: 32, value: (p) => p.establishmentName },
        { header: t('programmes.participants.status'), width: 12, value: (p) => t(`programmes.participantStatuses.${p.status}`) },
        { header: t('programmes.participants.openEnrolments'), width: 12, value: (p) => p.openEnrolments },
      ],
    });
  },

  // ── Enrolments ──

  'enrolments.list': ({ workshopId, ensembleId, participantId, openOnly }, ctx) =>
    repo.enrolmentsWhere(ctx.db, ctx.session, (q) => {
      if (workshopId !== null) q.where('n.workshop_id', workshopId);
      if (ensembleId !== null) q.where('n.ensemble_id', ensembleId);
      if (participantId !== null) q.where('n.participant_id', participantId);
      if (openOnly) q.whereIn('n.stage', [...openStages]);
    }),

  'enrolments.create': async ({ workshopId, ensembleId, participantIds, date, part }, ctx) => {
    const table = workshopId !== null ? 'workshops' : 'ensembles';
    const groupId = (workshopId ?? ensembleId)!;
    const field = workshopId !== null ? 'workshopId' : 'ensembleId';
    const group = (await ctx.db(table).where({ id: groupId }).first()) as Row | undefined;
    if (!group) throw fieldError(field, workshopId !== null ? 'programmes.errors.unknownWorkshop' : 'programmes.errors.unknownEnsemble');
    requireEstablishment(ctx, Number(group.establishment_id));
    if (!toBool(group.active)) throw fieldError(field, 'programmes.errors.groupInactive');
    const ids = [...new Set(participantIds)];
    const people = (await ctx.db('participants').whereIn('id', ids).select('id', 'code', 'status', 'establishment_id')) as Row[];
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
    const groupColumn = workshopId !== null ? 'workshop_id' : 'ensemble_id';
    const already = (await ctx.db('enrolments as n')
      .join('participants as p', 'p.id', 'n.participant_id')
      .where(`n.${groupColumn}`, groupId)
      .whereIn('n.participant_id', ids)
      .whereIn('n.stage', [...openStages])
      .pluck('p.code')) as string[];
    if (already.length > 0) throw fieldError('participantIds', 'programmes.errors.alreadyEnrolled', { codes: already.join(', ') });
    if (workshopId !== null) {
      const open = Number(
        ((await ctx.db('enrolments').where({ workshop_id: workshopId }).whereIn('stage', [...openStages]).count({ n: '*' })) as Row[])[0]?.n ?? 0,
      );
      if (open + ids.length > Number(group.capacity)) {
        throw fieldError('participantIds', 'programmes.errors.overCapacity', { capacity: Number(group.capacity), free: Math.max(0, Number(group.capacity) - open) });
      }
      if (date < String(group.start_date) || (group.end_date && date > String(group.end_date))) {
        throw fieldError('date', 'programmes.errors.enrolOutsidePeriod');
      }
    }
    const created: number[] = [];
    for (const pid of ids) {
      const [row] = (await ctx.db('enrolments')
        .insert({
          participant_id: pid,
          workshop_id: workshopId,
          ensemble_id: ensembleId,
          stage: 'inscrito',
          part: ensembleId !== null ? part : null,
          enrolled_on: date,
          ended_on: null,
          end_reason: null,
          version: 1,
          ...repo.attributed(ctx.session.actor, ctx.now),
        })
        .returning('id')) as Array<{ id: number }>;
      await repo.appendStage(ctx.db, row!.id, 'inscrito', date, null, ctx.session.actor, ctx.now);
      created.push(row!.id);
    }
    for (const [i, id] of created.entries()) {
      await ctx.audit({ entity: 'enrolment', entityId: id, action: 'create', after: { participantId: ids[i], workshopId, ensembleId, date } });
    }
    return { created: created.length, enrolments: await repo.enrolmentsWhere(ctx.db, ctx.session, (q) => q.whereIn('n.id', created)) };
  },

  'enrolments.setStage': async ({ id, version, stage, date, reason, part }, ctx) => {
    const before = await repo.getEnrolment(ctx.db, ctx.session, id);
    if (!before) throw notFound();
    if (before.version !== version) throw stale();
    const changesStage = stage !== before.stage;
    if (changesStage && !stageTransitions[before.stage].includes(stage)) {
      throw fieldError('stage', 'programmes.errors.stageNotAllowed', {
        from: ctx.t(`programmes.stages.${before.stage}`),
        to: ctx.t(`programmes.stages.${stage}`),
      });
    }
    if (changesStage && date < before.enrolledOn) throw fieldError('date', 'programmes.errors.beforeEnrolment', { date: formatDate(before.enrolledOn) });
    const ending = stage === 'completado' || stage === 'retirado';
    await ctx.db('enrolments')
      .where({ id, version })
      .update({
        stage,
        part: before.ensembleId !== null ? part : null,
        ended_on: changesStage && ending ? date : before.endedOn,
        end_reason: changesStage && ending ? (stage === 'completado' ? 'completado' : 'retiro') : before.endReason,
        version: version + 1,
        ...repo.touched(ctx.session.actor, ctx.now),
      });
    if (changesStage) await repo.appendStage(ctx.db, id, stage, date, reason, ctx.session.actor, ctx.now);
    const after = (await repo.getEnrolment(ctx.db, ctx.session, id))!;
    await ctx.audit({ entity: 'enrolment', entityId: id, action: 'stage', before: { stage: before.stage, part: before.part }, after: { stage, part: after.part, date, reason } });
    return after;
  },

  // ── Attendance ──

  'attendance.get': async ({ id }, ctx) => {
    const session = await repo.getSession(ctx.db, id);
    if (!session) throw notFound();
    await mustWorkshop(ctx, session.workshopId);
    const w = (await ctx.db('workshops as w').join('establishments as e', 'e.id', 'w.establishment_id').where('w.id', session.workshopId).first('w.name', 'e.name as e_name')) as Row;
    const people = await sheetParticipants(ctx, session.workshopId, id, session.date);
    const marks = (await ctx.db('attendance').where({ session_id: id }).select('participant_id', 'present')) as Row[];
    const markOf = new Map(marks.map((m) => [Number(m.participant_id), toBool(m.present)]));
    // Figures so far: the sessions taken before this one.
    const earlier = (await repo.takenSessions(ctx.db, session.workshopId)).filter((s) => s.date < session.date || (s.date === session.date && s.id < id));
    const presentRows = earlier.length
      ? ((await ctx.db('attendance')
          .whereIn('session_id', earlier.map((s) => s.id))
          .whereIn('participant_id', people.map((p) => Number(p.id)))
          .where('present', true)
          .select('participant_id', 'session_id')) as Row[])
      : [];
    const presentBy = new Map<number, Set<number>>();
    for (const r of presentRows) {
      const s = presentBy.get(Number(r.participant_id)) ?? new Set<number>();
      s.add(Number(r.session_id));
      presentBy.set(Number(r.participant_id), s);
    }
    const names = canSeeNames(ctx.session);
    return {
      session,
      workshopName: String(w.name),
      establishmentName: String(w.e_name),
      rows: people.map((p) => {
        const fig = attendanceFigures(earlier, presentBy.get(Number(p.id)) ?? new Set(), { from: String(p.enrolled_on), to: str(p.ended_on) });
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
    const session = (await ctx.db('workshop_sessions').where({ id: sessionId }).first('id', 'workshop_id', 'date')) as Row | undefined;
    if (!session) throw fieldError('sessionId', 'programmes.errors.unknownSession');
    const group = (await ctx.db('workshops').where({ id: session.workshop_id }).first('establishment_id')) as Row;
    requireEstablishment(ctx, Number(group.establishment_id));
    const people = await sheetParticipants(ctx, Number(session.workshop_id), sessionId, String(session.date));
    const inGroup = new Map(people.map((p) => [Number(p.id), p]));
    const strangers = marks.filter((m) => !inGroup.has(m.participantId));
    if (strangers.length > 0) throw fieldError('marks', 'programmes.errors.notInGroup', { count: strangers.length });
    await ctx.db('attendance')
      .insert(marks.map((m) => ({ session_id: sessionId, participant_id: m.participantId, present: m.present })))
      .onConflict(['session_id', 'participant_id'])
      .merge(['present']);
    await ctx.db('workshop_sessions')
      .where({ id: sessionId })
      .update({ attendance_at: ctx.now, attendance_by: ctx.session.actor.name, version: ctx.db.raw('version + 1'), ...repo.touched(ctx.session.actor, ctx.now) });
    // A participant enrolled who comes to a session is now active in the group.
    const starting = marks.filter((m) => m.present && inGroup.get(m.participantId)?.stage === 'inscrito').map((m) => Number(inGroup.get(m.participantId)!.enrolment_id));
    if (starting.length > 0) {
      await ctx.db('enrolments').whereIn('id', starting).update({ stage: 'activo', version: ctx.db.raw('version + 1'), ...repo.touched(ctx.session.actor, ctx.now) });
      await ctx.db('enrolment_stages').insert(
        starting.map((id) => ({ enrolment_id: id, stage: 'activo', date: String(session.date), reason: null, recorded_at: ctx.now, recorded_by: ctx.session.actor.name })),
      );
    }
    await refreshAbsenceRuns(ctx, Number(session.workshop_id), marks.map((m) => m.participantId));
    const present = marks.filter((m) => m.present).length;
    await ctx.audit({
      entity: 'session',
      entityId: sessionId,
      action: 'attendance',
      after: { present: marks.filter((m) => m.present).map((m) => m.participantId), absent: marks.filter((m) => !m.present).map((m) => m.participantId) },
    });
    return { sessionId, present, absent: marks.length - present };
  },
};
