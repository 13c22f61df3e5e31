import { formatDate } from '../../../shared/format';
import { allowedCustody, endsEnrolments, statusAfterCustody } from '../../../shared/programmes/rules';
import type { Participant } from '../../../shared/programmes/schemas';
import { isUniqueViolation } from '../db/dialect';
import { instrumentsHeldBy, openRecoveriesFor } from '../inventory/repository/for-programmes';
import { AppError, stale, fieldError, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { canSeeNames } from './privacy';
import { exportTableWithReason } from '../privacy/personal-data';
import * as repo from './repository';
import { checkEstablishment } from './workshops';
import { requireEstablishment, requirePermission } from '../auth/access';
import { paperHandlers, type PaperOwner } from '../files/papers';
import type { PaperChannel } from '../../../shared/paper-channels';

type ParticipantChannel =
  | 'participants.list'
  | 'participants.search'
  | 'participants.get'
  | 'participants.create'
  | 'participants.update'
  | 'participants.custodyChange'
  | 'participants.history'
  | 'participants.instruments'
  | 'participants.export'
  | PaperChannel<'participants'>;

export async function mustParticipant(ctx: HandlerContext, id: number): Promise<Participant> {
  const p = orNotFound(await repo.getParticipant(ctx.db, ctx.session, id));
  requireEstablishment(ctx, p.establishmentId);
  return p;
}

function duplicateCode(code: string): AppError {
  return new AppError(
    'conflict',
    'programmes.errors.duplicateParticipant',
    { code },
    {
      code: { key: 'programmes.errors.duplicateParticipant', params: { code } },
    },
  );
}

/** One registered again later keeps their record (the code is unique): a released one comes back by «Reincorporar». */
async function duplicateOf(ctx: HandlerContext, id: number, code: string): Promise<AppError> {
  const p = await repo.getParticipant(ctx.db, ctx.session, id);
  if (p?.status !== 'egresado') return duplicateCode(code);
  const key = 'programmes.errors.duplicateReleased';
  return new AppError('conflict', key, { code }, { code: { key, params: { code } } });
}

/**
 * A participant's signed consent form (issue 16, item 4): personal data, for the roles that see
 * the participant's names only; a copy says why and is logged, the audit keeps no file name.
 */
const consentPapers: PaperOwner<'participants'> = {
  prefix: 'participants',
  type: 'participant',
  entity: 'participant',
  personal: true,
  reach: async (ctx, id) => {
    requirePermission(ctx, 'personalData');
    const p = await mustParticipant(ctx, id);
    return { kind: 'consentimiento', title: p.code };
  },
};

export const participantHandlers: DomainHandlers<ParticipantChannel> = {
  ...paperHandlers(consentPapers),
  'participants.list': (q, ctx) => repo.listParticipants(ctx.db, ctx.session, q),

  'participants.search': (q, ctx) => repo.searchParticipants(ctx.db, ctx.session, q),

  'participants.get': ({ id }, ctx) => mustParticipant(ctx, id),

  'participants.create': async ({ code, firstNames, lastNames, sex, birthYear, establishmentId, date }, ctx) => {
    await checkEstablishment(ctx, establishmentId);
    const existing = await repo.participantIdByCode(ctx.db, code);
    if (existing !== null) throw await duplicateOf(ctx, existing, code);
    let id: number;
    try {
      id = await repo.insertParticipant(
        ctx.db,
        { code, firstNames, lastNames, sex, birthYear, establishmentId },
        ctx.session.actor,
        ctx.now,
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateCode(code);
      throw err;
    }
    await repo.appendMovement(ctx.db, id, repo.altaMovement(date, establishmentId), ctx.session.actor, ctx.now);
    const created = await mustParticipant(ctx, id);
    // The audit keeps the code, not the names: the log is read more widely than the register.
    await ctx.audit({ entity: 'participant', entityId: id, action: 'create', after: { code, sex, birthYear, establishmentId } });
    return created;
  },

  'participants.update': async ({ id, version, code, firstNames, lastNames, sex, birthYear }, ctx) => {
    const before = await mustParticipant(ctx, id);
    if (before.version !== version) throw stale();
    const other = await repo.participantIdByCode(ctx.db, code);
    if (other !== null && other !== id) throw duplicateCode(code);
    const n = await repo.updateParticipant(
      ctx.db,
      id,
      version,
      { code, firstNames, lastNames, sex, birthYear },
      ctx.session.actor,
      ctx.now,
    );
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

  'participants.custodyChange': async (
    { participantId, version, kind, date, toEstablishmentId, documentNumber, notes, continuesPractice, referral },
    ctx,
  ) => {
    const before = await mustParticipant(ctx, participantId);
    if (before.version !== version) throw stale();
    if (!allowedCustody(before.status).includes(kind)) {
      throw fieldError('kind', 'programmes.errors.custodyNotAllowed', {
        kind: ctx.t(`programmes.custodyKinds.${kind}`),
        status: ctx.t(`programmes.participantStatuses.${before.status}`),
      });
    }
    const last = await repo.lastMovementDate(ctx.db, participantId);
    if (last !== null && date < last) throw fieldError('date', 'programmes.errors.custodyBeforeLast', { date: formatDate(last) });
    if (referral !== null && !(await repo.getPartner(ctx.db, referral.partnerId))) {
      throw fieldError('referral.partnerId', 'programmes.errors.partnerUnknown');
    }
    if (toEstablishmentId !== null) {
      await checkEstablishment(ctx, toEstablishmentId, 'toEstablishmentId');
      if (kind === 'traslado' && toEstablishmentId === before.establishmentId) {
        throw fieldError('toEstablishmentId', 'programmes.errors.sameEstablishment');
      }
    }

    // The open enrolments at the origin end the same day, each with its stage recorded.
    const ended = endsEnrolments(kind)
      ? await repo.endOpenEnrolments(
          ctx.db,
          participantId,
          date,
          kind,
          ctx.t(`programmes.custodyKinds.${kind}`),
          ctx.session.actor,
          ctx.now,
        )
      : 0;
    const destination = toEstablishmentId ?? before.establishmentId;
    const statusAfter = statusAfterCustody[kind];
    const n = await repo.setCustody(ctx.db, participantId, version, statusAfter, destination, ctx.session.actor, ctx.now);
    if (n !== 1) throw stale();
    await repo.appendMovement(
      ctx.db,
      participantId,
      {
        kind,
        date,
        fromEstablishmentId: before.establishmentId,
        toEstablishmentId,
        statusAfter,
        documentNumber,
        notes,
        enrolmentsEnded: ended,
        continuesPractice,
        referralPartnerId: referral?.partnerId ?? null,
        referralNote: referral?.note ?? null,
      },
      ctx.session.actor,
      ctx.now,
    );
    const participant = await mustParticipant(ctx, participantId);
    // What they hold goes on the recovery list, by id, until returned, transferred with them or reported lost.
    const instrumentsToRecover =
      kind === 'traslado' || kind === 'egreso' || kind === 'retiro'
        ? await openRecoveriesFor(ctx.db, participantId, kind, date, ctx.session.actor, ctx.now)
        : [];
    await ctx.audit({
      entity: 'participant',
      entityId: participantId,
      action: `custody:${kind}`,
      before: { status: before.status, establishmentId: before.establishmentId },
      after: {
        status: statusAfter,
        establishmentId: destination,
        enrolmentsEnded: ended,
        instrumentsToRecover: instrumentsToRecover?.map((i) => i.code) ?? null,
        // The follow-up's answers are read only as aggregates: the log says that they were given, not what.
        ...(kind === 'egreso' ? { followUpRecorded: continuesPractice !== null || referral !== null } : {}),
      },
    });
    return { participant, enrolmentsEnded: ended, instrumentsToRecover };
  },

  'participants.history': async ({ id }, ctx) => {
    await mustParticipant(ctx, id);
    return repo.movementsOf(ctx.db, id);
  },

  /** The instruments a participant holds according to the inventory (by id). null when this installation has no inventory. */
  'participants.instruments': async ({ id }, ctx) => instrumentsHeldBy(ctx.db, (await mustParticipant(ctx, id)).id),

  'participants.export': async ({ filter, format, reason }, ctx) => {
    const { t } = ctx;
    const rows = await repo.allParticipants(ctx.db, ctx.session, {
      search: filter.search ?? '',
      establishmentId: filter.establishmentId ?? null,
      status: filter.status ?? null,
      sex: filter.sex ?? null,
    });
    const names = canSeeNames(ctx.session);
    const where = filter.establishmentId ? (rows[0]?.establishmentName ?? null) : null;
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
};
