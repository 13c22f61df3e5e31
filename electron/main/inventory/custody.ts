import { limaToday } from '../../../shared/contracts/rules';
import { addDays, daysBetween } from '../../../shared/format';
import type { Candidate, CustodianRecord, CustodianReview, Holding, Recovery } from '../../../shared/inventory/custody-schemas';
import { type Custodian, type CustodianType, daysOverdue } from '../../../shared/inventory/rules';
import type { Instrument } from '../../../shared/inventory/schemas';
import { filterInScope, requireEstablishment, whereInScope } from '../auth/access';
import { teacherCandidates, teacherCustodian } from '../contracts/repository/for-inventory';
import { establishmentsByIds, refusedEstablishments } from '../establishments/repository';
import { staffCustodian } from '../establishments/staff';
import { staffCandidates } from '../establishments/repository/staff';
import { AppError, fieldError, notFound, stale, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { canSeePersonalData } from '../privacy/personal-data';
import {
  ensembleCandidates,
  ensembleCustodian,
  participantCandidates,
  participantCustodian,
  participantsByIds,
} from '../programmes/repository/for-inventory';
import type { Knex } from 'knex';
import { effectOf, moveInstruments, recordOf } from './ledger';
import * as repo from './repository';

/**
 * Custody by id (issue 15): who may receive an instrument at an establishment, the
 * hand-overs past their expected return, what a person holds and held, the recovery list and
 * the custodians carried over as text.
 */

export type CustodyChannel =
  | 'custody.candidates'
  | 'custody.overdue'
  | 'custody.holdings'
  | 'custody.recoveries'
  | 'custody.follow'
  | 'custody.reviews'
  | 'custody.link'
  | 'custody.dismiss'
  | 'custody.summary';

const finders: Record<CustodianType, (db: Knex, id: number) => Promise<CustodianRecord | null>> = {
  docente: teacherCustodian,
  elenco: ensembleCustodian,
  participante: participantCustodian,
  personal: staffCustodian,
};

const searchers: Record<CustodianType, (db: Knex, establishmentId: number, search: string) => Promise<CustodianRecord[]>> = {
  docente: teacherCandidates,
  elenco: ensembleCandidates,
  participante: participantCandidates,
  personal: staffCandidates,
};

/** A custodian's record as the viewer may read it: a participant's name only with the personal-data permission. */
const labelOf = (ctx: HandlerContext, type: CustodianType, r: CustodianRecord): string =>
  type === 'participante' && !canSeePersonalData(ctx.session) ? (r.code ?? ctx.t('inventory.custodian.withheld')) : r.name;

/**
 * The custodian a hand-over names, checked: it exists, is active, and belongs to the
 * instruments' establishment. Refusals name the field of the form.
 */
export async function resolveCustodian(
  ctx: HandlerContext,
  m: { custodianType: CustodianType; custodianId: number; date: string; dueDate?: string | null | undefined },
  instruments: Instrument[],
): Promise<Custodian> {
  const found = await finders[m.custodianType](ctx.db, m.custodianId);
  if (!found) throw fieldError('movement.custodianId', 'inventory.custody.errors.custodianNotFound');
  const label = labelOf(ctx, m.custodianType, found);
  // Only an assigned instrument is handed over: the others are refused by the ledger's rules, each by its code.
  const places = [...new Set(instruments.filter((i) => i.status === 'asignado').map((i) => i.establishmentId))];
  if (places.length > 1) throw fieldError('movement.custodianId', 'inventory.custody.errors.mixedEstablishments');
  const at = places[0] ?? null;
  if (at !== null && !found.establishmentIds.includes(at)) {
    const [place] = await establishmentsByIds(ctx.db, [at]);
    throw fieldError('movement.custodianId', 'inventory.custody.errors.custodianElsewhere', {
      name: label,
      establishment: place?.name ?? '',
    });
  }
  if (!found.active) throw fieldError('movement.custodianId', 'inventory.custody.errors.custodianInactive', { name: label });
  const due = m.dueDate ?? null;
  if (due !== null && due < m.date) throw fieldError('movement.dueDate', 'inventory.custody.errors.dueBeforeDate');
  return { type: m.custodianType, id: found.id, name: found.name, since: m.date, due };
}

/** Participants' names as the viewer may read them (their codes without the permission), for holdings of any type. */
async function shownHoldings(ctx: HandlerContext, rows: repo.HoldingRow[]): Promise<Holding[]> {
  const today = limaToday(ctx.now);
  const withheld = !canSeePersonalData(ctx.session);
  const ids = withheld
    ? [...new Set(rows.filter((r) => r.custodianType === 'participante' && r.custodianId !== null).map((r) => r.custodianId!))]
    : [];
  const people = ids.length ? await participantsByIds(ctx.db, ids) : new Map();
  return rows.map((r) => ({
    ...r,
    custodianName:
      withheld && r.custodianType === 'participante'
        ? ((r.custodianId !== null ? people.get(r.custodianId)?.code : null) ?? ctx.t('inventory.custodian.withheld'))
        : r.custodianName,
    daysOverdue: r.until === null ? daysOverdue(r.due, today) : 0,
  }));
}

const instrumentScopeOf = (ctx: HandlerContext) => (q: Knex.QueryBuilder) => {
  whereInScope(ctx.session, q, 'i.establishment_id', 'i.transit_to_establishment_id');
};
const recoveryScopeOf = (ctx: HandlerContext) => (q: Knex.QueryBuilder) => {
  whereInScope(ctx.session, q, 'r.establishment_id');
};

async function shownRecoveries(ctx: HandlerContext, rows: repo.RecoveryRow[]): Promise<Recovery[]> {
  const today = limaToday(ctx.now);
  const people = await participantsByIds(ctx.db, [...new Set(rows.map((r) => r.participantId))]);
  const names = canSeePersonalData(ctx.session);
  return rows.map((r) => {
    const p = people.get(r.participantId);
    return {
      id: r.id,
      instrumentId: r.instrumentId,
      code: r.code,
      typeName: r.typeName,
      establishmentId: r.establishmentId,
      establishmentName: r.establishmentName,
      participantId: r.participantId,
      participantLabel: p ? (names ? p.name : p.code) : '',
      participantEstablishmentId: p?.establishmentId ?? null,
      participantEstablishmentName: p?.establishmentName ?? null,
      reason: r.reason,
      openedOn: r.openedOn,
      daysOpen: daysBetween(r.openedOn, r.closedOn ?? today),
      closedOn: r.closedOn,
      closedBy: r.closedBy,
      stillHeld: r.custodianType === 'participante' && r.custodianId === r.participantId,
      movementCount: r.movementCount,
    };
  });
}

function shownReview(ctx: HandlerContext, r: repo.ReviewRow): CustodianReview {
  const withheld = r.custodianType === 'participante' && !canSeePersonalData(ctx.session);
  return {
    id: r.id,
    instrumentId: r.instrumentId,
    code: r.code,
    establishmentId: r.establishmentId,
    establishmentName: r.establishmentName,
    custodianType: r.custodianType,
    originalText: withheld ? ctx.t('inventory.custodian.withheld') : r.originalText,
    status: r.status,
    custodianId: r.custodianId,
    resolvedAt: r.resolvedAt,
    resolvedBy: r.resolvedBy,
  };
}

async function mustReview(ctx: HandlerContext, id: number): Promise<repo.ReviewRow> {
  const r = orNotFound(await repo.getReview(ctx.db, id));
  requireEstablishment(ctx, r.establishmentId);
  if (r.status !== 'pendiente') throw new AppError('conflict', 'inventory.custody.errors.reviewResolved');
  return r;
}

async function mustRecovery(ctx: HandlerContext, id: number): Promise<repo.RecoveryRow> {
  const r = orNotFound(await repo.getRecovery(ctx.db, id));
  requireEstablishment(ctx, r.establishmentId);
  return r;
}

export const custodyHandlers: DomainHandlers<CustodyChannel> = {
  'custody.candidates': async ({ establishmentId, type, search }, ctx): Promise<Candidate[]> => {
    requireEstablishment(ctx, establishmentId);
    const found = await searchers[type](ctx.db, establishmentId, search);
    return found.map((r) => ({ type, id: r.id, label: labelOf(ctx, type, r), detail: r.detail }));
  },

  'custody.overdue': async (q, ctx) => {
    const today = limaToday(ctx.now);
    // At least `minDays` late (at least one, to be late at all): due on or before today − minDays.
    const dueBefore = addDays(today, 1 - Math.max(q.minDays ?? 0, 1));
    // Sorted by custodian, participants' hidden names would still give away their order: by id for a role without names.
    const byName = canSeePersonalData(ctx.session);
    const { rows, total } = await repo.overdueHoldings(ctx.db, { ...q, dueBefore, byName }, instrumentScopeOf(ctx));
    return { rows: await shownHoldings(ctx, rows), total, page: q.page, pageSize: q.pageSize };
  },

  'custody.holdings': async ({ custodianType, custodianId }, ctx) => {
    const current = await repo.currentHoldings(ctx.db, custodianType, custodianId);
    const past = await repo.pastHoldings(ctx.db, custodianType, custodianId);
    const scoped = (rows: repo.HoldingRow[]) => filterInScope(ctx.session, rows, (r) => r.establishmentId);
    return { current: await shownHoldings(ctx, scoped(current)), past: await shownHoldings(ctx, scoped(past)) };
  },

  'custody.recoveries': async (q, ctx) => shownRecoveries(ctx, await repo.listRecoveries(ctx.db, q, recoveryScopeOf(ctx))),

  'custody.follow': async ({ id, date, documentNumber, person, condition }, ctx) => {
    const item = await mustRecovery(ctx, id);
    if (item.closedOn !== null) throw new AppError('conflict', 'inventory.custody.errors.recoveryClosed');
    const [instrument] = await repo.getInstruments(ctx.db, [item.instrumentId]);
    if (!instrument) throw notFound();
    if (instrument.custodianType !== 'participante' || instrument.custodianId !== item.participantId) {
      throw new AppError('conflict', 'inventory.custody.errors.recoveryNotHeld', { code: instrument.code });
    }
    const person_ = (await participantsByIds(ctx.db, [item.participantId])).get(item.participantId);
    const destination = person_?.establishmentId ?? null;
    const moved = person_?.status === 'trasladado' || person_?.status === 'activo';
    if (!person_ || !moved || destination === null || destination === instrument.establishmentId) {
      throw new AppError('conflict', 'inventory.custody.errors.recoveryNoDestination');
    }
    // As any dispatch (instruments.move): to an active establishment the user works with.
    requireEstablishment(ctx, destination);
    if ((await refusedEstablishments(ctx.db, [destination])).size > 0) {
      throw new AppError('conflict', 'inventory.errors.unknownEstablishment');
    }
    await repo.closeRecoveries(ctx.db, item.instrumentId, 'traslado', date, instrument.movementCount + 1, ctx.session.actor, ctx.now);
    const ledger = {
      actor: ctx.session.actor,
      now: ctx.now,
      t: ctx.t,
      audit: (e: Parameters<typeof ctx.audit>[0]) => ctx.audit(e),
      custodianOf: () => person_.code,
    };
    const description = ctx.t('inventory.custody.audit.follow');
    const steps = [
      { kind: 'devolucion', date, condition: condition ?? null, description },
      { kind: 'despacho', date, toEstablishmentId: destination, documentNumber, person, description },
    ] as const;
    for (const step of steps) {
      const [current] = await repo.getInstruments(ctx.db, [item.instrumentId]);
      if (!current) throw stale();
      await moveInstruments(ctx.db, [current], (before) => ({ effect: effectOf(step), record: recordOf(step, before, null) }), ledger);
    }
    await ctx.audit({ entity: 'instrumentRecovery', entityId: id, action: 'follow', after: { destination, documentNumber } });
    const after = await mustRecovery(ctx, id);
    return (await shownRecoveries(ctx, [after]))[0]!;
  },

  'custody.reviews': async ({ status }, ctx) =>
    (await repo.listReviews(ctx.db, status, instrumentScopeOf(ctx))).map((r) => shownReview(ctx, r)),

  'custody.link': async ({ id, custodianId }, ctx) => {
    const r = await mustReview(ctx, id);
    if (r.heldType !== r.custodianType || r.heldId !== null || r.heldName !== r.originalText) {
      throw new AppError('conflict', 'inventory.custody.errors.reviewNotHeld', { code: r.code });
    }
    const found = await finders[r.custodianType](ctx.db, custodianId);
    if (!found) throw fieldError('custodianId', 'inventory.custody.errors.custodianNotFound');
    // A teacher, an ensemble or a staff member is linked only at their own establishment (a participant may have left it).
    if (r.custodianType !== 'participante' && r.establishmentId !== null && !found.establishmentIds.includes(r.establishmentId)) {
      throw fieldError('custodianId', 'inventory.custody.errors.custodianElsewhere', {
        name: found.name,
        establishment: r.establishmentName ?? '',
      });
    }
    await repo.linkCurrentCustodian(ctx.db, r.instrumentId, custodianId);
    if (!(await repo.resolveReview(ctx.db, id, 'vinculado', custodianId, ctx.session.actor.name, ctx.now))) throw stale();
    // A participant who already left holds it: the recovery their departure would have opened, with its reason.
    if (r.custodianType === 'participante' && (!found.active || !found.establishmentIds.includes(r.establishmentId ?? -1))) {
      const status = (await participantsByIds(ctx.db, [custodianId])).get(custodianId)?.status;
      const reason = status === 'egresado' ? 'egreso' : status === 'retirado' ? 'retiro' : 'traslado';
      await repo.openRecoveries(
        ctx.db,
        [
          {
            instrumentId: r.instrumentId,
            participantId: custodianId,
            establishmentId: r.establishmentId,
            reason,
            openedOn: limaToday(ctx.now),
          },
        ],
        ctx.session.actor,
        ctx.now,
      );
    }
    await ctx.audit({
      entity: 'instrument',
      entityId: r.instrumentId,
      action: 'linkCustodian',
      before: { custodianId: null },
      after: { custodianId },
    });
    return shownReview(ctx, (await repo.getReview(ctx.db, id))!);
  },

  'custody.dismiss': async ({ id }, ctx) => {
    const r = await mustReview(ctx, id);
    if (!(await repo.resolveReview(ctx.db, id, 'descartado', null, ctx.session.actor.name, ctx.now))) throw stale();
    await ctx.audit({ entity: 'instrument', entityId: r.instrumentId, action: 'dismissCustodian', after: { reviewId: id } });
    return shownReview(ctx, (await repo.getReview(ctx.db, id))!);
  },

  'custody.summary': async (_input, ctx) => {
    const today = limaToday(ctx.now);
    const recoveries = await repo.openRecoveryFigures(ctx.db, recoveryScopeOf(ctx));
    return {
      overdue: await repo.overdueCount(ctx.db, today, instrumentScopeOf(ctx)),
      openRecoveries: recoveries.open,
      oldestRecoveryDays: recoveries.oldest === null ? null : daysBetween(recoveries.oldest, today),
      pendingReviews: await repo.pendingReviewCount(ctx.db, instrumentScopeOf(ctx)),
    };
  },
};
