import { budgetLines } from '../../../shared/contracts/rules';
import type { EvaluationChart, EvaluationSummary } from '../../../shared/evaluation/schemas';
import { formatMoney, type Locale } from '../../../shared/format';
import { conditions } from '../../../shared/inventory/rules';
import { audienceGroups } from '../../../shared/programmes/rules';
import type { Translate } from '../i18n';
import type { ChartSpec } from '../pdf/svg-chart';

/**
 * What each chart of the evaluation page draws, for the printed documents (the page's PDF and
 * the annual report): the same series as the page (renderer/src/features/evaluation/
 * EvaluationCharts.tsx), from the same summary. A count of persons hidden as a small cell is
 * null: a gap in the chart, "< 5" in its table.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-PE', { maximumFractionDigits: digits })));
  return f;
}

/** The number formats of the printed charts and tables, in the session's language. */
export function printFormats(locale: Locale) {
  const months = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'es-PE', { month: 'short', timeZone: 'UTC' });
  return {
    count: (n: number) => numberFormat(locale, 0).format(n),
    decimal: (n: number) => numberFormat(locale, 1).format(n),
    /** A percentage already ×100 (what a chart's axis reads). */
    percentAxis: (n: number) => `${numberFormat(locale, 1).format(n)} %`,
    /** A fraction (0…1) as a percentage. */
    percent: (v: number) => `${numberFormat(locale, 1).format(Math.round(v * 1000) / 10)} %`,
    money: (centimos: number) => formatMoney(centimos, locale),
    usd: (cents: number) =>
      `US$ ${new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-PE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100)}`,
    /** "2026-03" → "mar. 2026" (short: a chart's axis has little room). */
    month: (period: string) => {
      const [y, m] = period.split('-').map(Number) as [number, number];
      return `${months.format(new Date(Date.UTC(y, m - 1, 1)))} ${y}`;
    },
  };
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Every chart of the page as a drawing's specification. */
export function evaluationChartSpecs(s: EvaluationSummary, t: Translate, locale: Locale): Record<EvaluationChart, ChartSpec> {
  const f = printFormats(locale);
  const c = (k: string) => t(`evaluation.columns.${k}`);
  const servedPopulation = s.reach.rows.reduce((n, r) => n + (r.population ?? 0), 0);
  const budgetMonths = [...new Set(s.budget.map((b) => b.month))];
  return {
    reach: {
      kind: 'bars',
      horizontal: true,
      categories: s.reach.rows.map((r) => r.name),
      series: [{ label: c('reach'), values: s.reach.rows.map((r) => pct(r.ratio)) }],
      format: f.percentAxis,
    },
    gap: {
      kind: 'bars',
      horizontal: true,
      categories: [t('evaluation.page.servedPopulation'), t('evaluation.page.unservedPopulation')],
      series: [{ label: c('population'), values: [servedPopulation, s.gap.unservedPopulation] }],
      format: f.count,
    },
    stages: {
      kind: 'bars',
      categories: s.stages.map((r) => t(`programmes.stages.${r.stage}`)),
      series: [{ label: t('evaluation.columns.enrolments'), values: s.stages.map((r) => r.enrolments) }],
      format: f.count,
    },
    retention: {
      kind: 'lines',
      categories: s.retention.map((r) => f.month(r.cohort)),
      series: (['rate1', 'rate3', 'rate6'] as const).map((k) => ({ label: c(k), values: s.retention.map((r) => pct(r[k])) })),
      format: f.percentAxis,
    },
    attendance: {
      kind: 'lines',
      categories: s.attendance.map((r) => f.month(r.month)),
      series: [{ label: c('rate'), values: s.attendance.map((r) => pct(r.rate)) }],
      format: f.percentAxis,
    },
    attendanceWorkshops: {
      kind: 'bars',
      horizontal: true,
      categories: s.attendanceWorkshops.map((r) => `${r.name} (${r.establishmentName})`),
      series: [{ label: c('rate'), values: s.attendanceWorkshops.map((r) => pct(r.rate)) }],
      format: f.percentAxis,
    },
    hours: {
      kind: 'bars',
      categories: s.hours.map((r) => f.month(r.month)),
      series: [{ label: c('perParticipant'), values: s.hours.map((r) => r.perParticipant) }],
      format: f.decimal,
    },
    completions: {
      kind: 'bars',
      categories: s.completions.map((r) => f.month(r.month)),
      series: [
        { label: c('completions'), values: s.completions.map((r) => r.completions) },
        { label: c('certificates'), values: s.completions.map((r) => r.certificates) },
      ],
      format: f.count,
    },
    ensembles: {
      kind: 'bars',
      categories: s.ensembles.map((r) => t(`programmes.ensembleTypes.${r.type}`)),
      series: [
        { label: t('evaluation.columns.ensembles'), values: s.ensembles.map((r) => r.ensembles) },
        { label: c('members'), values: s.ensembles.map((r) => r.members) },
      ],
      format: f.count,
    },
    events: {
      kind: 'stacked',
      categories: s.events.map((r) => f.month(r.month)),
      series: audienceGroups.map((g) => ({ label: t(`programmes.audienceGroups.${g}`), values: s.events.map((r) => r[g]) })),
      format: f.count,
    },
    instruments: {
      kind: 'stacked',
      horizontal: true,
      categories: s.instruments.map((r) => r.name),
      series: conditions.map((k) => ({ label: t(`inventory.conditions.${k}`), values: s.instruments.map((r) => r[k]) })),
      format: f.count,
    },
    budget: {
      kind: 'stacked',
      categories: budgetMonths.map(f.month),
      series: budgetLines.map((l) => ({
        label: t(`contracts.budgetLines.${l}`),
        values: budgetMonths.map((m) => s.budget.filter((b) => b.month === m && b.line === l).reduce((a, b) => a + b.pen, 0)),
      })),
      format: f.money,
    },
  };
}
