import { daysBetween } from '../format';

/**
 * The contracts officer's rules, pure and shared: main enforces them, the renderer shows
 * them before anyone presses Save. Money is integer céntimos (PEN); dates are ISO
 * yyyy-mm-dd; a month ("period") is yyyy-mm.
 */

// ── Identity documents ──────────────────────────────────────────────────────────

/** DNI: the 8 digits of Peru's national identity document. */
export const isValidDni = (dni: string): boolean => /^\d{8}$/.test(dni) && dni !== '00000000';

const RUC_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** SUNAT's check digit of a RUC: (11 − Σ(dᵢ·wᵢ) mod 11) mod 10 over the first ten digits. */
export function rucCheckDigit(firstTen: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(firstTen[i]) * RUC_WEIGHTS[i]!;
  return (11 - (sum % 11)) % 10;
}

/** Prefixes SUNAT gives: 10 persons with DNI, 15 and 17 other persons, 20 legal entities. */
export const rucPrefixes = ['10', '15', '17', '20'] as const;

export type RucProblem = 'format' | 'prefix' | 'checkDigit';

/** Why a RUC is not valid, or null when it is. */
export function rucProblem(ruc: string): RucProblem | null {
  if (!/^\d{11}$/.test(ruc)) return 'format';
  if (!(rucPrefixes as readonly string[]).includes(ruc.slice(0, 2))) return 'prefix';
  if (rucCheckDigit(ruc) !== Number(ruc[10])) return 'checkDigit';
  return null;
}

export const isValidRuc = (ruc: string): boolean => rucProblem(ruc) === null;

/** A person's RUC 10 carries their DNI in digits 3 to 10. */
export const rucMatchesDni = (ruc: string, dni: string): boolean => !ruc.startsWith('10') || ruc.slice(2, 10) === dni;

// ── Catalogues ──────────────────────────────────────────────────────────────────

export const disciplines = ['musica', 'canto_coral', 'ceramica', 'pintura', 'escultura', 'teatro', 'danza', 'otro'] as const;
export type Discipline = (typeof disciplines)[number];

export const sexes = ['F', 'M'] as const;
export type Sex = (typeof sexes)[number];

export const teacherDocumentKinds = ['cv', 'dni', 'titulo', 'certificado', 'otro'] as const;
export const contractDocumentKinds = ['contrato_firmado', 'adenda', 'informe', 'otro'] as const;

export const modalities = ['orden_servicio', 'cas', 'convenio', 'voluntariado'] as const;
export type Modality = (typeof modalities)[number];

/** Engagements paid by receipts for fees (recibo por honorarios), which need a RUC. */
export const needsRuc = (m: Modality): boolean => m === 'orden_servicio';

export const amountTypes = ['mensual', 'total'] as const;
export type AmountType = (typeof amountTypes)[number];

export const budgetLines = ['instrumentos', 'docentes', 'capacitacion', 'materiales', 'eventos'] as const;
export type BudgetLine = (typeof budgetLines)[number];

/** The lines whose spending is recorded as expenses: contracts pay docentes, the inventory's purchases instrumentos. */
export const expenseLines = ['capacitacion', 'materiales', 'eventos'] as const satisfies readonly BudgetLine[];
export const expenseDocumentTypes = ['factura', 'boleta', 'recibo_honorarios', 'otro'] as const;
export const expenseLinkKinds = ['evento', 'taller', 'exposicion'] as const;
export type ExpenseLinkKind = (typeof expenseLinkKinds)[number];
/** A budget modification during the year: raises a line, lowers it, or moves an amount from one line to another. */
export const modificationKinds = ['incremento', 'reduccion', 'transferencia'] as const;
export type ModificationKind = (typeof modificationKinds)[number];

/** What a modification adds to each line's assigned amount (negative: takes away). */
export function modificationEffect(m: { kind: ModificationKind; line: BudgetLine; toLine: BudgetLine | null; amountCentimos: number }) {
  const out: Partial<Record<BudgetLine, number>> = {};
  const add = (l: BudgetLine, c: number) => (out[l] = (out[l] ?? 0) + c);
  if (m.kind === 'incremento') add(m.line, m.amountCentimos);
  else add(m.line, -m.amountCentimos);
  if (m.kind === 'transferencia' && m.toLine) add(m.toLine, m.amountCentimos);
  return out;
}

// ── Dates and months ────────────────────────────────────────────────────────────

const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Today in Lima (UTC−5, no daylight saving) from a UTC timestamp. */
export const limaToday = (nowIso: string): string => fromMs(Date.parse(nowIso) - 5 * 3600 * 1000);

export const periodOf = (iso: string): string => iso.slice(0, 7);

export function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The last day of a month yyyy-mm. */
export function lastDayOf(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return fromMs(Date.UTC(y, m, 0));
}

/** Every month from one period to another, both included. */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = nextPeriod(p)) out.push(p);
  return out;
}

// ── Contract lifecycle ──────────────────────────────────────────────────────────

/** What is stored: borrador → vigente → resuelto. "vencido" and "por vencer" follow from the dates. */
export const storedStatuses = ['borrador', 'vigente', 'resuelto'] as const;
export type StoredStatus = (typeof storedStatuses)[number];

/** What the officer sees. */
export const contractStatuses = ['borrador', 'vigente', 'por_vencer', 'vencido', 'resuelto'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

/** "Por vencer" shows this many days before the end. */
export const EXPIRY_WARNING_DAYS = 30;

export function effectiveStatus(stored: StoredStatus, end: string, today: string): ContractStatus {
  if (stored !== 'vigente') return stored;
  if (end < today) return 'vencido';
  if (daysBetween(today, end) <= EXPIRY_WARNING_DAYS) return 'por_vencer';
  return 'vigente';
}

export type ContractAction = 'edit' | 'activate' | 'terminate' | 'renew' | 'conformity';

/** i18n key (under contracts.rules) of a refusal. */
export type LifecycleRefusal =
  'onlyDraftEditable' | 'onlyDraftActivates' | 'notInForce' | 'alreadyEnded' | 'cannotRenew' | 'alreadyRenewed' | 'draftHasNoConformity';

/** Whether an action applies to a contract in a status; the refusal otherwise. */
export function lifecycleCheck(status: ContractStatus, action: ContractAction, renewed = false): LifecycleRefusal | null {
  switch (action) {
    case 'edit':
      return status === 'borrador' ? null : 'onlyDraftEditable';
    case 'activate':
      return status === 'borrador' ? null : 'onlyDraftActivates';
    case 'terminate':
      if (status === 'vencido') return 'alreadyEnded';
      return status === 'vigente' || status === 'por_vencer' ? null : 'notInForce';
    case 'renew':
      if (status === 'borrador' || status === 'resuelto') return 'cannotRenew';
      return renewed ? 'alreadyRenewed' : null;
    case 'conformity':
      return status === 'borrador' ? 'draftHasNoConformity' : null;
  }
}

/** The actions a contract offers, for the renderer's buttons. */
export const allowedActions = (status: ContractStatus, renewed: boolean): ContractAction[] =>
  (['edit', 'activate', 'terminate', 'renew', 'conformity'] as const).filter((a) => lifecycleCheck(status, a, renewed) === null);

/** The days a contract was (or will be) in force: a resolution ends it early. */
export const effectiveEnd = (c: { endDate: string; resolvedOn: string | null }): string =>
  c.resolvedOn !== null && c.resolvedOn < c.endDate ? c.resolvedOn : c.endDate;

export interface Interval {
  start: string;
  end: string;
}

export const intervalsOverlap = (a: Interval, b: Interval): boolean => a.start <= b.end && b.start <= a.end;

export interface InForce extends Interval {
  id: number;
  number: string;
  establishmentIds: number[];
}

/**
 * Two contracts in force of the same teacher may not overlap in time for the same
 * establishment. Answers the first clash (the other contract and the establishment), or null.
 */
export function findOverlap(candidate: InForce, others: InForce[]): { other: InForce; establishmentId: number } | null {
  for (const o of others) {
    if (o.id === candidate.id || !intervalsOverlap(candidate, o)) continue;
    const shared = candidate.establishmentIds.find((e) => o.establishmentIds.includes(e));
    if (shared !== undefined) return { other: o, establishmentId: shared };
  }
  return null;
}

export interface Authorisation {
  establishmentId: number;
  validFrom: string;
  validTo: string;
}

/** Authorisation valid on a day for an establishment. */
export const authorisedOn = (auths: Authorisation[], establishmentId: number, day: string): boolean =>
  auths.some((a) => a.establishmentId === establishmentId && a.validFrom <= day && day <= a.validTo);

/** The establishments where the teacher may not yet enter on the day the contract starts. */
export const unauthorisedAtStart = (start: string, establishmentIds: number[], auths: Authorisation[]): number[] =>
  establishmentIds.filter((e) => !authorisedOn(auths, e, start));

// ── Schedule: what a contract pays, month by month ──────────────────────────────

export interface ScheduleTerms {
  startDate: string;
  endDate: string;
  resolvedOn: string | null;
  amountType: AmountType;
  amountCentimos: number;
}

export interface Installment {
  period: string;
  expectedCentimos: number;
}

/**
 * One installment per calendar month the contract covers. A monthly fee is due for every
 * month; a total amount is split in equal installments over the agreed months (the last
 * takes the céntimos left over). A resolution drops the months after it, and with them what
 * they would have paid.
 */
export function contractSchedule(t: ScheduleTerms): Installment[] {
  const agreed = periodsBetween(periodOf(t.startDate), periodOf(t.endDate));
  const lastPeriod = periodOf(effectiveEnd(t));
  let amounts: number[];
  if (t.amountType === 'mensual') amounts = agreed.map(() => t.amountCentimos);
  else {
    const each = Math.floor(t.amountCentimos / agreed.length);
    amounts = agreed.map((_, i) => (i === agreed.length - 1 ? t.amountCentimos - each * (agreed.length - 1) : each));
  }
  return agreed.map((period, i) => ({ period, expectedCentimos: amounts[i]! })).filter((x) => x.period <= lastPeriod);
}

/** The agreed total (before any resolution). */
export const contractTotal = (t: Omit<ScheduleTerms, 'resolvedOn'>): number =>
  contractSchedule({ ...t, resolvedOn: null }).reduce((a, x) => a + x.expectedCentimos, 0);

/** What a schedule places in one fiscal year. */
export const scheduledInYear = (schedule: Installment[], year: number): number =>
  schedule.filter((x) => x.period.startsWith(`${year}-`)).reduce((a, x) => a + x.expectedCentimos, 0);

/**
 * The months that should have a conformity: those of the schedule with something to pay that
 * have ended by `today`, minus those that have one.
 */
export const missingPeriods = (schedule: Installment[], withConformity: Set<string>, today: string): string[] =>
  schedule
    .filter((x) => x.expectedCentimos > 0)
    .map((x) => x.period)
    .filter((p) => lastDayOf(p) < today && !withConformity.has(p));

// ── Income tax retention (cuarta categoría) ─────────────────────────────────────

/** A receipt for fees above S/ 1,500.00 has 8% withheld, unless the teacher has a suspension on file. */
export const RETENTION_THRESHOLD_CENTIMOS = 150_000;
export const RETENTION_RATE_PERCENT = 8;

export interface Retention {
  grossCentimos: number;
  retentionCentimos: number;
  netCentimos: number;
  /** A suspension on file spared a receipt that would otherwise have had retention. */
  suspended: boolean;
}

export function retentionFor(grossCentimos: number, hasSuspension: boolean): Retention {
  const applies = grossCentimos > RETENTION_THRESHOLD_CENTIMOS;
  const retention = applies && !hasSuspension ? Math.round((grossCentimos * RETENTION_RATE_PERCENT) / 100) : 0;
  return { grossCentimos, retentionCentimos: retention, netCentimos: grossCentimos - retention, suspended: applies && hasSuspension };
}

export interface Suspension {
  fiscalYear: number;
  filedOn: string;
}

/** A suspension counts for receipts of its fiscal year issued on or after it was filed. */
export const suspensionCovers = (suspensions: Suspension[], receiptDate: string): boolean =>
  suspensions.some((s) => String(s.fiscalYear) === receiptDate.slice(0, 4) && s.filedOn <= receiptDate);

// ── Budget ──────────────────────────────────────────────────────────────────────

/** The exchange rate is kept as soles per US dollar in ten-thousandths (3.4000 → 34000). */
export const RATE_SCALE = 10_000;

export const rateToScaled = (rate: number): number => Math.round(rate * RATE_SCALE);
export const scaledToRate = (scaled: number): number => scaled / RATE_SCALE;

/** Céntimos of PEN → cents of USD at a scaled rate, rounded to the cent. */
export const penToUsdCents = (centimos: number, scaledRate: number): number =>
  scaledRate > 0 ? Math.round((centimos * RATE_SCALE) / scaledRate) : 0;

export interface LineFigures {
  budgetCentimos: number;
  committedCentimos: number;
  executedCentimos: number;
}

export interface LineBalance extends LineFigures {
  availableCentimos: number;
  /** (committed + executed) / budget, in percent with one decimal; null without a budget. */
  usedPercent: number | null;
  /** Above 90% of the budget. */
  alert: boolean;
}

export const ALERT_PERCENT = 90;

export function lineBalance(f: LineFigures): LineBalance {
  const used = f.committedCentimos + f.executedCentimos;
  const usedPercent = f.budgetCentimos > 0 ? Math.round((used * 1000) / f.budgetCentimos) / 10 : null;
  return {
    ...f,
    availableCentimos: f.budgetCentimos - used,
    usedPercent,
    alert: f.budgetCentimos > 0 ? used * 100 > f.budgetCentimos * ALERT_PERCENT : used > 0,
  };
}

/** Totals of several lines, with the same arithmetic. */
export function totalBalance(lines: LineFigures[]): LineBalance {
  return lineBalance({
    budgetCentimos: lines.reduce((a, l) => a + l.budgetCentimos, 0),
    committedCentimos: lines.reduce((a, l) => a + l.committedCentimos, 0),
    executedCentimos: lines.reduce((a, l) => a + l.executedCentimos, 0),
  });
}
