import type { Knex } from 'knex';
import { contractSchedule, findOverlap, needsRuc, periodOf, scheduledInYear } from '../../../shared/contracts/rules';
import type { contractChannels } from '../../../shared/contracts/channels';
import type { Contract } from '../../../shared/contracts/schemas';
import { formatDate, formatMoney } from '../../../shared/format';
import { isUniqueViolation } from '../db/dialect';
import { exportTable, saveExport } from '../export/table';
import { AppError, stale, fieldError } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { refusedEstablishments } from '../establishments/repository';
import { budgetSummary } from './budget';
import { addDocument, removeDocument, saveDocumentCopy, todayOf } from './common';
import { contractAlerts, contractDetail, exportColumns, mustGet, refuseUnless, result } from './contract-detail';
import { contractSummaryHtml } from './documents';
import { allContracts, contractIdByNumber, contractScope, inForceOf, listContracts, type ContractListFilter } from './repository/contracts';
import {
  activateContract,
  appendEvent,
  insertContract,
  terminateContract,
  updateContract,
  type ContractValues,
} from './repository/contract-writes';
import { conformityPeriodAfter } from './repository/conformities';
import { contractDocs, documentsOf } from './repository/documents';
import { teacherTerms, type TeacherTerms } from './repository/teachers';
import { fullName } from './repository/words';
import { workshopsAt } from '../programmes/repository/for-contracts';
import type { ContractWorkshopChannel } from './contract-workshops';

/** Teacher and establishments must exist and be active; a service order needs the teacher's RUC (the form's and the import's check). */
export async function checkTerms(
  db: Knex,
  v: ContractValues,
  current: Contract | null,
  /** The contract renewed: the workshops it covered carry over, even one closed since. */
  renewed: Contract | null = null,
): Promise<TeacherTerms> {
  const teacher = await teacherTerms(db, v.teacherId);
  if (!teacher || (!teacher.active && current?.teacherId !== v.teacherId)) throw fieldError('teacherId', 'contracts.errors.unknownTeacher');
  if (needsRuc(v.modality) && !teacher.ruc) {
    throw fieldError('teacherId', 'contracts.errors.rucNeeded', { name: fullName(teacher.lastNames, teacher.firstNames) });
  }
  const refused = await refusedEstablishments(
    db,
    v.establishments.map((e) => e.establishmentId),
    (current?.establishments ?? []).map((e) => e.establishmentId),
  );
  const i = v.establishments.findIndex((e) => refused.has(e.establishmentId));
  if (i >= 0) throw fieldError(`establishments.${i}.establishmentId`, 'contracts.errors.unknownEstablishment');
  await checkWorkshops(db, v, current ?? renewed);
  const owner = await contractIdByNumber(db, v.number);
  if (owner !== null && owner !== current?.id)
    throw fieldError('number', 'contracts.errors.duplicateNumber', { number: v.number }, 'conflict');
  return teacher;
}

/** Each workshop named is one of its establishment's, and active unless the contract already covered it. */
async function checkWorkshops(db: Knex, v: ContractValues, current: Contract | null): Promise<void> {
  const options = new Map(
    (
      await workshopsAt(
        db,
        v.establishments.map((e) => e.establishmentId),
      )
    ).map((w) => [w.id, w]),
  );
  const had = new Set((current?.establishments ?? []).flatMap((e) => e.linkedWorkshops.map((w) => w.id)));
  v.establishments.forEach((e, i) => {
    for (const id of e.workshopIds) {
      const w = options.get(id);
      if (!w || w.establishmentId !== e.establishmentId || (!w.active && !had.has(id))) {
        throw fieldError(`establishments.${i}.workshopIds`, 'contracts.workshopLinks.errors.unknownWorkshop');
      }
    }
  });
}

/** Per fiscal year the contract touches: what it needs and what its line has available. */
async function budgetShortfalls(
  ctx: HandlerContext,
  c: Contract,
): Promise<Array<{ year: number; need: number; available: number; defined: boolean }>> {
  const schedule = contractSchedule({ ...c, resolvedOn: null });
  const years = [...new Set(schedule.map((m) => Number(m.period.slice(0, 4))))];
  const out = [];
  for (const year of years) {
    const need = scheduledInYear(schedule, year);
    const s = await budgetSummary(ctx.db, year);
    const available = s.lines.find((l) => l.line === c.budgetLine)!.availableCentimos;
    if (need > available) out.push({ year, need, available, defined: s.defined });
  }
  return out;
}

const money = (ctx: HandlerContext, c: number) => formatMoney(c, ctx.session.locale);

export const contractHandlers: DomainHandlers<Exclude<(typeof contractChannels)[number], ContractWorkshopChannel>> = {
  'contracts.list': (q, ctx) => listContracts(ctx.db, q, todayOf(ctx), contractScope(ctx)),

  'contracts.get': ({ id }, ctx) => contractDetail(ctx, id),

  'contracts.create': async (v, ctx) => {
    const teacher = await checkTerms(ctx.db, v, null);
    let id: number;
    try {
      id = await insertContract(ctx.db, v, teacher, {}, ctx.session.actor, ctx.now);
    } catch (err) {
      if (isUniqueViolation(err)) throw fieldError('number', 'contracts.errors.duplicateNumber', { number: v.number }, 'conflict');
      throw err;
    }
    const out = await result(ctx, id);
    await ctx.audit({ entity: 'contract', entityId: id, action: 'create', after: out.contract });
    return out;
  },

  'contracts.update': async ({ id, version, ...v }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    refuseUnless(before, 'edit');
    const teacher = await checkTerms(ctx.db, v, before);
    if (!(await updateContract(ctx.db, id, version, v, teacher, ctx.session.actor, ctx.now))) throw stale();
    const out = await result(ctx, id);
    await ctx.audit({ entity: 'contract', entityId: id, action: 'update', before, after: out.contract });
    return out;
  },

  'contracts.activate': async ({ id, version, signedOn, confirmOverBudget }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    refuseUnless(before, 'activate');
    const teacher = (await teacherTerms(ctx.db, before.teacherId))!;
    if (needsRuc(before.modality) && !teacher.ruc) {
      throw new AppError('conflict', 'contracts.errors.rucNeeded', { name: before.teacherName });
    }
    const clash = findOverlap(
      {
        id,
        number: before.number,
        start: before.startDate,
        end: before.endDate,
        establishmentIds: before.establishments.map((e) => e.establishmentId),
      },
      await inForceOf(ctx.db, before.teacherId),
    );
    if (clash) {
      const establishment = before.establishments.find((e) => e.establishmentId === clash.establishmentId)!.name;
      const params = { number: clash.other.number, establishment, from: formatDate(clash.other.start), to: formatDate(clash.other.end) };
      throw new AppError('conflict', 'contracts.errors.overlap', params, { signedOn: { key: 'contracts.errors.overlap', params } });
    }
    const shortfalls = await budgetShortfalls(ctx, before);
    if (shortfalls.length > 0 && !confirmOverBudget) {
      const s = shortfalls[0]!;
      const params = {
        line: ctx.t(`contracts.budgetLines.${before.budgetLine}`),
        year: s.year,
        need: money(ctx, s.need),
        available: money(ctx, s.available),
      };
      const key = s.defined ? 'contracts.errors.overBudget' : 'contracts.errors.noBudget';
      throw new AppError('conflict', key, params, { confirmOverBudget: { key, params } });
    }
    const overBudget = shortfalls.length > 0;
    const detail = overBudget ? ctx.t('contracts.events.overBudgetConfirmed') : null;
    await activateContract(ctx.db, id, version, { signedOn, overBudget, detail }, ctx.session.actor, ctx.now);
    const out = await result(ctx, id);
    await ctx.audit({ entity: 'contract', entityId: id, action: 'activate', before, after: out.contract });
    return out;
  },

  'contracts.terminate': async ({ id, version, date, reason }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    refuseUnless(before, 'terminate');
    if (date < before.startDate || date > before.endDate) {
      throw fieldError('date', 'contracts.errors.resolutionOutside', {
        from: formatDate(before.startDate),
        to: formatDate(before.endDate),
      });
    }
    const later = await conformityPeriodAfter(ctx.db, id, periodOf(date));
    if (later !== null) throw fieldError('date', 'contracts.errors.conformityAfterResolution', { period: later });
    await terminateContract(ctx.db, id, version, date, reason, ctx.session.actor, ctx.now);
    const out = await result(ctx, id);
    await ctx.audit({ entity: 'contract', entityId: id, action: 'terminate', before, after: out.contract });
    return out;
  },

  'contracts.renew': async ({ id, number, startDate, endDate, amountCentimos }, ctx) => {
    const previous = await mustGet(ctx, id);
    refuseUnless(previous, 'renew');
    if (startDate <= previous.endDate) {
      throw fieldError('startDate', 'contracts.errors.renewalStart', { date: formatDate(previous.endDate) });
    }
    const v: ContractValues = {
      teacherId: previous.teacherId,
      modality: previous.modality,
      number,
      object: previous.object,
      startDate,
      endDate,
      amountType: previous.amountType,
      amountCentimos,
      hoursPerWeek: previous.hoursPerWeek,
      budgetLine: previous.budgetLine,
      establishments: previous.establishments.map((e) => ({
        establishmentId: e.establishmentId,
        workshopIds: e.linkedWorkshops.map((w) => w.id),
        workshops: e.workshops,
      })),
      notes: previous.notes,
    };
    if (amountCentimos === 0 && v.modality !== 'voluntariado' && v.modality !== 'convenio') {
      throw fieldError('amountCentimos', 'contracts.errors.amountRequired');
    }
    const teacher = await checkTerms(ctx.db, v, null, previous);
    const newId = await insertContract(
      ctx.db,
      v,
      teacher,
      { previousContractId: id, createdDetail: ctx.t('contracts.events.renewalOf', { number: previous.number }) },
      ctx.session.actor,
      ctx.now,
    );
    await appendEvent(ctx.db, id, 'renovado', startDate, ctx.t('contracts.events.renewedBy', { number }), ctx.session.actor, ctx.now);
    const out = await result(ctx, newId);
    await ctx.audit({ entity: 'contract', entityId: newId, action: 'renew', before: { previous: previous.number }, after: out.contract });
    return out;
  },

  'contracts.addDocument': async ({ id, kind, fileName, dataBase64 }, ctx) => {
    await mustGet(ctx, id);
    const stored = await addDocument(ctx, contractDocs, id, { fileName, dataBase64, kind });
    await appendEvent(
      ctx.db,
      id,
      'documento',
      null,
      `${ctx.t(`contracts.documentKinds.${kind}`)}: ${stored.name}`,
      ctx.session.actor,
      ctx.now,
    );
    await ctx.audit({ entity: 'contract', entityId: id, action: 'document:add', after: { ...stored, kind } });
    return documentsOf(ctx.db, contractDocs, id);
  },

  'contracts.removeDocument': async ({ id, hash }, ctx) => {
    await mustGet(ctx, id);
    await removeDocument(ctx, contractDocs, id, hash);
    await appendEvent(ctx.db, id, 'documento_retirado', null, hash.slice(0, 12), ctx.session.actor, ctx.now);
    await ctx.audit({ entity: 'contract', entityId: id, action: 'document:remove', before: { hash } });
    return documentsOf(ctx.db, contractDocs, id);
  },

  'contracts.documentCopy': ({ id, hash }, ctx) => saveDocumentCopy(ctx, contractDocs, id, hash),

  'contracts.export': async ({ filter, format, sort, direction }, ctx) => {
    const rows = await allContracts(ctx.db, filter as ContractListFilter, sort, direction, todayOf(ctx), contractScope(ctx));
    return exportTable(ctx, {
      baseName: ctx.t('contracts.contracts.fileName'),
      sheetName: ctx.t('contracts.contracts.sheet'),
      format,
      columns: exportColumns(ctx),
      rows,
    });
  },

  'contracts.summaryPdf': async ({ id }, ctx) => {
    const d = await contractDetail(ctx, id);
    const safe = d.contract.number
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
    return saveExport(ctx, {
      baseName: `${ctx.t('contracts.contracts.summaryFile')}-${safe}`,
      extension: 'pdf',
      rows: 1,
      build: () =>
        ctx.platform.printPdf({ html: contractSummaryHtml(d, ctx.t, ctx.session.locale, ctx.now, ctx.session.actor.name), pageSize: 'A4' }),
    });
  },

  'contracts.alerts': (_input, ctx) => contractAlerts(ctx),
};
