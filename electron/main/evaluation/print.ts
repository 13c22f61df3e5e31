import { evaluationCharts, type EvaluationChart, type EvaluationSummary } from '../../../shared/evaluation/schemas';
import { formatDate, formatDateTime, type Locale } from '../../../shared/format';
import type { Translate } from '../i18n';
import { escapeHtml as h, htmlDocument } from '../pdf/html';
import { chartSvg } from '../pdf/svg-chart';
import { evaluationChartSpecs, printFormats } from './charts';
import { evaluationSheets, type Sheet } from './export';

/**
 * The evaluation page printed (issue 17): a line of the filters applied, in words, then each
 * chart drawn as SVG (pdf/svg-chart.ts) with its title and its table (the workbook's columns,
 * small cells "< 5"). A chart and its title never split across pages. Aggregates only: the
 * summary names no person. The annual report prints some of the same charts (chartSectionsHtml).
 */

/** The filters as the cover line reads them (names already looked up; null: not filtered). */
export interface FiltersInWords {
  from: string;
  to: string;
  establishment: string | null;
  regionalOffice: string | null;
  initiative: string | null;
  discipline: string | null;
  sex: string | null;
}

/** The printed charts' own layout, after the base print CSS. */
export const chartCss = `
.chart-block { margin: 0 0 6mm; }
.chart-fig { break-inside: avoid; page-break-inside: avoid; }
.chart-fig h2 { margin-top: 0; }
.chart-fig .hint { font-size: 8.5pt; color: #333; }
.side { display: grid; grid-template-columns: 3fr 2fr; gap: 5mm; align-items: start; }
svg.chart { display: block; width: 100%; height: auto; max-height: 95mm; }
svg.chart.tall { max-height: 175mm; }
svg.chart text.on-bar { paint-order: stroke; stroke: #000; stroke-width: 1.6px; }
.chart-block table { font-size: 8pt; }
.chart-block th { background: #eee; }
.filters { border: 0.5pt solid #555; padding: 2mm 3mm; margin-bottom: 5mm; }
.filters span { margin-right: 6mm; white-space: nowrap; }
`;

/** A table cell of a printed chart: counts and money in the session's language, "< 5" as it came. */
function cellOf(col: Sheet['columns'][number], row: unknown, f: ReturnType<typeof printFormats>): { text: string; num: boolean } {
  const v = col.value(row as never) as unknown;
  if (v === null || v === undefined || v === '') return { text: '—', num: col.kind !== undefined && col.kind !== 'text' };
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}$/.test(v)) return { text: f.month(v), num: false };
    return { text: v, num: v.startsWith('<') };
  }
  if (typeof v !== 'number') return { text: String(v), num: false };
  if (col.kind === 'percent') return { text: f.percent(v), num: true };
  if (col.kind === 'money') return { text: f.money(v), num: true };
  if (col.kind === 'usd') return { text: f.usd(v), num: true };
  return { text: Number.isInteger(v) ? f.count(v) : f.decimal(v), num: true };
}

function tableHtml(sheet: Sheet, title: string, f: ReturnType<typeof printFormats>): string {
  const rows = sheet.rows.map((r) => sheet.columns.map((c) => cellOf(c, r, f)));
  const numeric = sheet.columns.map((_, i) => rows.some((r) => r[i]!.num));
  const head = sheet.columns.map((c, i) => `<th${numeric[i] ? ' class="num"' : ''}>${h(c.header)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="num"' : ''}>${h(c.text)}</td>`).join('')}</tr>`).join('');
  return `<table aria-label="${h(title)}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The charts `keys` of a summary, each a titled drawing with its table beside it (short) or below it (long). */
export function chartSectionsHtml(
  s: EvaluationSummary,
  keys: readonly EvaluationChart[],
  t: Translate,
  locale: Locale,
  heading: 'h2' | 'h3' = 'h2',
): string {
  const specs = evaluationChartSpecs(s, t, locale);
  const sheets = evaluationSheets(s, t);
  const f = printFormats(locale);
  const hints: Partial<Record<EvaluationChart, string>> = {
    gap: t('evaluation.gapSummary', { served: s.gap.served, total: s.gap.establishments, population: f.count(s.gap.unservedPopulation) }),
  };
  return keys
    .map((key) => {
      const title = t(`evaluation.charts.${key}`);
      const svg = chartSvg(specs[key], { empty: t('evaluation.page.noData') });
      const hint = hints[key] ? `<p class="hint">${h(hints[key])}</p>` : '';
      const table = sheets[key].rows.length > 0 ? tableHtml(sheets[key], title, f) : '';
      const short = sheets[key].rows.length <= 12 && sheets[key].columns.length <= 5;
      const fig = `<${heading}>${h(title)}</${heading}>${hint}`;
      return short
        ? `<section class="chart-block chart-fig" data-chart="${key}">${fig}<div class="side"><div>${svg}</div><div>${table}</div></div></section>`
        : `<section class="chart-block" data-chart="${key}"><div class="chart-fig">${fig}${svg}</div>${table}</section>`;
    })
    .join('\n');
}

/** The whole evaluation page as a document for Platform.printPdf (A4 landscape). */
export function evaluationPdfHtml(
  s: EvaluationSummary,
  filters: FiltersInWords,
  t: Translate,
  locale: Locale,
  now: string,
  user: string,
): string {
  const all = t('evaluation.page.all');
  const item = (label: string, value: string | null) => `<span><b>${h(label)}:</b> ${h(value ?? all)}</span>`;
  const body = `
<div class="org small">Instituto Nacional Penitenciario — ${h(t('app.tagline'))}</div>
<h1>${h(t('evaluation.print.title'))}</h1>
<div class="filters" data-testid="filters">
  <div><b>${h(t('evaluation.print.filtersApplied'))}</b></div>
  ${item(t('evaluation.print.period'), t('evaluation.print.periodValue', { from: formatDate(filters.from), to: formatDate(filters.to) }))}
  ${item(t('evaluation.columns.establishment'), filters.establishment)}
  ${item(t('evaluation.columns.regionalOffice'), filters.regionalOffice)}
  ${item(t('evaluation.page.initiative'), filters.initiative)}
  ${item(t('evaluation.page.discipline'), filters.discipline)}
  ${item(t('evaluation.page.sex'), filters.sex)}
</div>
<p class="small muted">${h(t('evaluation.smallCellNote'))}</p>
${chartSectionsHtml(s, evaluationCharts, t, locale)}
<p class="small muted">${h(t('evaluation.print.generated', { date: formatDateTime(now), user }))}</p>`;
  return htmlDocument({
    lang: locale,
    title: `${t('evaluation.print.title')} ${filters.from} – ${filters.to}`,
    css: chartCss,
    body,
    page: { size: 'A4', landscape: true, margin: '12mm' },
  });
}
