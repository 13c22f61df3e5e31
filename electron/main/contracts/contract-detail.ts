import { EXPIRY_WARNING_DAYS, lifecycleCheck, periodOf, unauthorisedAtStart, type ContractAction } from '../../../shared/contracts/rules';
import type { Contract, ContractAlerts, ContractDetail, ContractResult, ContractWarning } from '../../../shared/contracts/schemas';
import { formatDate, addDays } from '../../../shared/format';
import type { Column } from '../export/table';
import { AppError, orNotFound } from '../ipc/errors';
import type { HandlerContext } from '../ipc/context';
import { requireEstablishment } from '../auth/access';
import { budgetSummary } from './budget';
import { todayOf } from './common';
import { chainOf, contractScope, eventsOf, expiringContracts, getContract, monthsOf } from './repository/contracts';
import { activeConformitiesOf, missingAlert } from './repository/conformities';
import { contractDocs, documentsOf } from './repository/documents';
import { authorisationsOf, expiringAuthorisations, suspensionsOf, teacherTerms } from './repository/teachers';

/** Reading a contract as the officer sees it: the contract within the user's scope, its warnings, its whole record, the dashboard's alerts. */

/** The contract, if it exists and the user may see it. */
export async function mustGet(ctx: HandlerContext, id: number): Promise<Contract> {
  const c = orNotFound(await getContract(ctx.db, id, todayOf(ctx)));
  requireEstablishment(ctx, ...c.establishments.map((e) => e.establishmentId));
  return c;
}

/** The lifecycle's refusal of `action` on the contract, next to `fieldForRefusal` when given. */
export function refuseUnless(c: Contract, action: ContractAction, fieldForRefusal?: string): void {
  const refusal = lifecycleCheck(c.status, action, c.renewedById !== null);
  if (refusal === null) return;
  const params = { number: c.number };
  throw new AppError(
    'conflict',
    `contracts.rules.${refusal}`,
    params,
    fieldForRefusal ? { [fieldForRefusal]: { key: `contracts.rules.${refusal}`, params } } : {},
  );
}

/** Warnings that never block: establishments where the teacher may not enter on the start day. */
async function warningsFor(ctx: HandlerContext, c: Contract): Promise<ContractWarning[]> {
  const out: ContractWarning[] = [];
  if (c.status === 'resuelto') return out;
  const auths = await authorisationsOf(ctx.db, c.teacherId, todayOf(ctx));
  for (const id of unauthorisedAtStart(
    c.startDate,
    c.establishments.map((e) => e.establishmentId),
    auths,
  )) {
    const name = c.establishments.find((e) => e.establishmentId === id)!.name;
    out.push({
      kind: 'noAuthorisation',
      message: ctx.t('contracts.warnings.noAuthorisation', { establishment: name, date: formatDate(c.startDate) }),
    });
  }
  if (c.overBudget)
    out.push({
      kind: 'overBudget',
      message: ctx.t('contracts.warnings.overBudget', { line: ctx.t(`contracts.budgetLines.${c.budgetLine}`) }),
    });
  return out;
}

/** What a write answers: the contract as it is now, with its warnings. */
export async function result(ctx: HandlerContext, id: number): Promise<ContractResult> {
  const contract = await mustGet(ctx, id);
  return { contract, warnings: await warningsFor(ctx, contract) };
}

export async function contractDetail(ctx: HandlerContext, id: number): Promise<ContractDetail> {
  const today = todayOf(ctx);
  const contract = await mustGet(ctx, id);
  const months = await monthsOf(ctx.db, id);
  const conformities = await activeConformitiesOf(ctx.db, id);
  const events = await eventsOf(ctx.db, id);
  const teacher = await teacherTerms(ctx.db, contract.teacherId);
  const suspensions = await suspensionsOf(ctx.db, contract.teacherId);
  const currentPeriod = periodOf(today);
  let paid = 0;
  let pending = 0;
  const schedule = months.map((m) => {
    const f = conformities.find((x) => x.period === m.period);
    const expected = m.expectedCentimos;
    if (f?.status === 'pagada') paid += f.grossCentimos;
    else pending += f ? f.grossCentimos : expected;
    return {
      period: m.period,
      expectedCentimos: expected,
      due: contract.status !== 'borrador' && m.period < currentPeriod && expected > 0,
      conformityId: f ? f.id : null,
      conformityStatus: f ? f.status : null,
      grossCentimos: f ? f.grossCentimos : null,
      paymentDate: f ? f.paymentDate : null,
    };
  });
  return {
    contract,
    teacherRuc: teacher ? teacher.ruc : null,
    teacherSuspensions: suspensions,
    schedule,
    chain: await chainOf(ctx.db, contract, today),
    events,
    documents: await documentsOf(ctx.db, contractDocs, id),
    warnings: await warningsFor(ctx, contract),
    paidCentimos: paid,
    pendingCentimos: contract.status === 'borrador' ? 0 : pending,
  };
}

// ── Alerts for the dashboard ────────────────────────────────────────────────────

export async function contractAlerts(ctx: HandlerContext): Promise<ContractAlerts> {
  const today = todayOf(ctx);
  const soon = addDays(today, EXPIRY_WARNING_DAYS);
  // A user restricted to some establishments is alerted about theirs (auth/access.ts).
  const scope = contractScope(ctx);
  const expiring = await expiringContracts(ctx.db, scope, today, soon);
  // An authorisation already followed by a later one for the same prison is not an alert.
  const authorisations = await expiringAuthorisations(ctx.db, ctx.session, today, soon);
  const missing = await missingAlert(ctx.db, today, scope);
  const year = Number(today.slice(0, 4));
  const budget = await budgetSummary(ctx.db, year);
  return {
    today,
    expiring,
    authorisations,
    ...missing,
    budgetLines: budget.defined ? budget.lines.filter((l) => l.alert).map((l) => ({ year, line: l.line, usedPercent: l.usedPercent })) : [],
  };
}

// ── Export ──────────────────────────────────────────────────────────────────────

export function exportColumns(ctx: HandlerContext): Column<Contract>[] {
  const { t } = ctx;
  return [
    { header: t('contracts.contracts.number'), width: 20, value: (c) => c.number },
    { header: t('contracts.contracts.teacher'), width: 30, value: (c) => c.teacherName },
    { header: t('contracts.teachers.dni'), width: 11, value: (c) => c.teacherDni },
    { header: t('contracts.contracts.modality'), width: 24, value: (c) => t(`contracts.modalities.${c.modality}`) },
    { header: t('contracts.contracts.object'), width: 40, value: (c) => c.object },
    {
      header: t('contracts.contracts.establishments'),
      width: 40,
      value: (c) =>
        c.establishments
          .map((e) => {
            const workshops = e.linkedWorkshops.map((w) => w.name).join(', ') || e.workshops;
            return workshops ? `${e.name} (${workshops})` : e.name;
          })
          .join('; '),
    },
    { header: t('contracts.contracts.startDate'), width: 12, kind: 'date', value: (c) => c.startDate },
    { header: t('contracts.contracts.endDate'), width: 12, kind: 'date', value: (c) => c.endDate },
    { header: t('contracts.contracts.amountType'), width: 14, value: (c) => t(`contracts.amountTypes.${c.amountType}`) },
    { header: t('contracts.contracts.amountSoles'), width: 14, kind: 'money', value: (c) => c.amountCentimos },
    { header: t('contracts.contracts.totalSoles'), width: 14, kind: 'money', value: (c) => c.totalCentimos },
    { header: t('contracts.contracts.hoursPerWeek'), width: 10, value: (c) => c.hoursPerWeek },
    { header: t('contracts.contracts.budgetLine'), width: 16, value: (c) => t(`contracts.budgetLines.${c.budgetLine}`) },
    { header: t('contracts.contracts.status'), width: 14, value: (c) => t(`contracts.statuses.${c.status}`) },
    { header: t('contracts.contracts.signedOn'), width: 12, kind: 'date', value: (c) => c.signedOn },
    { header: t('contracts.contracts.resolvedOn'), width: 12, kind: 'date', value: (c) => c.resolvedOn },
    { header: t('contracts.contracts.resolutionReason'), width: 30, value: (c) => c.resolutionReason },
    { header: t('contracts.contracts.previous'), width: 20, value: (c) => c.previousNumber },
    { header: t('contracts.contracts.overBudget'), width: 12, value: (c) => (c.overBudget ? t('common.yes') : '') },
  ];
}
