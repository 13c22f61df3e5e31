import { cellText, isSmallCell } from '../../../shared/evaluation/suppression';
import { formatDate, formatDateTime, formatMoney, type Locale } from '../../../shared/format';
import { audienceGroups } from '../../../shared/programmes/rules';
import type { ProgrammeFigures } from '../../../shared/programmes/schemas';
import { cellFormats, excelDate } from '../export/table';
import { newWorkbook } from '../export/workbook';
import type { Translate } from '../i18n';
import { escapeHtml as h, htmlDocument } from '../pdf/html';

/**
 * The programme's printed documents as pure functions from data to HTML (printed by
 * Platform.printPdf) or to a workbook: certificates (certificate-document.ts), the annual report,
 * (the UNESCO entry: unesco-document.ts). The reports take aggregates only (ProgrammeFigures): no participant's name
 * can reach them.
 */

const numberFmt = (locale: Locale) => new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-PE', { maximumFractionDigits: 1 });
const usdFmt = (cents: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-PE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
const pct = (v: number | null, locale: Locale) => (v === null ? '—' : `${numberFmt(locale).format(Math.round(v * 1000) / 10)} %`);

// ── The annual report ───────────────────────────────────────────────────────────

const reportCss = `
.org { font-size: 8.5pt; letter-spacing: 0.04em; text-transform: uppercase; color: #333; margin-bottom: 1mm; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 3mm 0 2mm; }
.figures div { border: 0.5pt solid #555; padding: 2mm; }
.figures b { display: block; font-size: 15pt; }
th { background: #eee; }
.footer { margin-top: 6mm; font-size: 8pt; color: #444; }
ul { margin: 0 0 2mm 5mm; padding: 0; }
`;

/** The key figures as label/value pairs: shared by the PDF and the workbook's first sheet. */
/** One key figure: a count, hours, or a share (0–1); null when the period gives none. */
type KeyFigure = { label: string; value: number | string | null; kind: 'count' | 'hours' | 'percent' | 'text' };

/** A count of persons as the report prints it: "< 5" for 1 to 4 (shared/evaluation/suppression.ts), else the number. */
const persons = (n: number): number | string => (isSmallCell(n) ? cellText(null, true) : n);

export function keyFigures(f: ProgrammeFigures, t: Translate): KeyFigure[] {
  const count = (label: string, value: number): KeyFigure => ({ label, value, kind: 'count' });
  const people = (label: string, n: number): KeyFigure => (isSmallCell(n) ? { label, value: persons(n), kind: 'text' } : count(label, n));
  // The indicators are shares of the period's participants: with 1 to 4 of them, none is printed.
  const share = (label: string, value: number | null): KeyFigure => ({
    label,
    value: isSmallCell(f.participants.total) ? null : value,
    kind: 'percent',
  });
  return [
    people(t('programmes.reports.participants'), f.participants.total),
    people(t('programmes.reports.men'), f.participants.men),
    people(t('programmes.reports.women'), f.participants.women),
    people(t('programmes.reports.newParticipants'), f.participants.new),
    people(t('programmes.reports.activeAtEnd'), f.participants.active),
    count(t('programmes.reports.establishments'), f.establishments.total),
    {
      label: t('programmes.reports.establishmentsSplit'),
      value: t('programmes.reports.split', { men: f.establishments.men, women: f.establishments.women, mixed: f.establishments.mixed }),
      kind: 'text',
    },
    count(t('programmes.reports.workshops'), f.workshops.total),
    count(t('programmes.reports.sessions'), f.workshops.sessions),
    { label: t('programmes.reports.hoursDelivered'), value: f.workshops.hours, kind: 'hours' },
    count(t('programmes.reports.ensembles'), f.ensembles.total),
    people(t('programmes.reports.ensembleMembers'), f.ensembles.members),
    count(t('programmes.reports.events'), f.events.total),
    count(t('programmes.reports.audience'), f.events.totalAudience),
    count(t('programmes.reports.partners'), f.partners.length),
    count(t('programmes.reports.agreementsInForce'), f.agreementsInForce),
    share(t('programmes.reports.retention'), f.evaluation.retention),
    share(t('programmes.reports.completion'), f.evaluation.completion),
    share(t('programmes.reports.attendanceRate'), f.evaluation.attendanceRate),
    { ...share(t('programmes.reports.hoursPerParticipant'), f.evaluation.hoursPerParticipant), kind: 'hours' },
  ];
}

/** A key figure as the PDF prints it ("12,5 %", "1 234,5"; "—" for none). */
function keyFigureText(k: KeyFigure, locale: Locale): string | number {
  if (k.value === null) return '—';
  if (k.kind === 'percent') return pct(k.value as number, locale);
  if (k.kind === 'hours') return numberFmt(locale).format(k.value as number);
  return k.value;
}

/** The Excel number format of a key figure's cell (a share as a percentage, hours with one decimal). */
const keyFigureFormat: Record<KeyFigure['kind'], string | undefined> = {
  count: '#,##0',
  hours: '#,##0.0',
  percent: cellFormats.percent,
  text: undefined,
};

const table = (head: string[], rows: Array<Array<string | number>>, numeric: number[] = []) =>
  `<table><thead><tr>${head.map((x, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${h(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

/** A table's head and rows: the PDF and the workbook print the same ones. */
type Rows = [head: string[], rows: Array<Array<string | number>>];

const establishmentRows = (f: ProgrammeFigures, t: Translate): Rows => [
  [
    t('programmes.common.establishment'),
    t('programmes.reports.population'),
    t('programmes.reports.participants'),
    t('programmes.reports.men'),
    t('programmes.reports.women'),
    t('programmes.reports.workshops'),
    t('programmes.reports.ensembles'),
  ],
  f.byEstablishment.map((e) => [
    e.name,
    t(`establishments.populations.${e.population}`),
    persons(e.participants),
    persons(e.men),
    persons(e.women),
    e.workshops,
    e.ensembles,
  ]),
];

/** By programme; `hours` writes the hours (text in the PDF, a number in the workbook). */
const programmeRows = (f: ProgrammeFigures, t: Translate, hours: (h: number) => string | number): Rows => [
  [
    t('programmes.workshops.programme'),
    t('programmes.reports.workshops'),
    t('programmes.reports.participants'),
    t('programmes.reports.sessions'),
    t('programmes.reports.hours'),
  ],
  f.byProgramme.map((p) => [t(`programmes.programmes.${p.programme}`), p.workshops, persons(p.participants), p.sessions, hours(p.hours)]),
];

const partnerRows = (f: ProgrammeFigures, t: Translate): Rows => [
  [t('programmes.partners.name'), t('programmes.partners.type'), t('programmes.reports.events'), t('programmes.reports.agreements')],
  f.partners.map((p) => [p.name, t(`programmes.partnerTypes.${p.type}`), p.events, p.agreements]),
];

/** The annual report as HTML; `charts`: the evaluation page's charts of the period (evaluation/for-programmes.ts), printed after the tables. */
export function annualReportHtml(
  f: ProgrammeFigures,
  t: Translate,
  locale: Locale,
  now: string,
  user: string,
  charts?: { html: string; css: string },
): string {
  const fmt = numberFmt(locale);
  const money = (c: number) => formatMoney(c, locale);
  const body = `
<div class="org">Instituto Nacional Penitenciario — ${h(t('app.tagline'))}</div>
<h1>${h(t('programmes.reports.annualTitle'))}</h1>
<p>${h(t('programmes.reports.period', { from: formatDate(f.from), to: formatDate(f.to) }))}</p>
<div class="figures">
  <div>${h(t('programmes.reports.participants'))}<b>${isSmallCell(f.participants.total) ? h(persons(f.participants.total)) : fmt.format(f.participants.total)}</b></div>
  <div>${h(t('programmes.reports.establishments'))}<b>${fmt.format(f.establishments.total)}</b></div>
  <div>${h(t('programmes.reports.events'))}<b>${fmt.format(f.events.total)}</b></div>
  <div>${h(t('programmes.reports.audience'))}<b>${fmt.format(f.events.totalAudience)}</b></div>
</div>
<h2>${h(t('programmes.reports.keyFigures'))}</h2>
${table(
  [t('programmes.reports.indicator'), t('programmes.reports.value')],
  keyFigures(f, t).map((k) => [k.label, keyFigureText(k, locale)]),
  [1],
)}
<h2>${h(t('programmes.reports.byEstablishment'))}</h2>
${table(...establishmentRows(f, t), [2, 3, 4, 5, 6])}
<h2>${h(t('programmes.reports.byProgramme'))}</h2>
${table(...programmeRows(f, t, (hours) => fmt.format(hours)), [1, 2, 3, 4])}
<h2>${h(t('programmes.reports.ensemblesByType'))}</h2>
${table(
  [t('programmes.ensembles.type'), t('programmes.reports.count')],
  f.ensembles.byType.map((g) => [t(`programmes.ensembleTypes.${g.type}`), g.count]),
  [1],
)}
<h2>${h(t('programmes.reports.eventsByType'))}</h2>
${table(
  [t('programmes.events.type'), t('programmes.reports.count'), t('programmes.reports.audience')],
  f.events.byType.map((e) => [t(`programmes.eventTypes.${e.type}`), e.count, e.audience]),
  [1, 2],
)}
<h3>${h(t('programmes.reports.audienceByGroup'))}</h3>
${table(
  audienceGroups.map((g) => t(`programmes.audienceGroups.${g}`)),
  [audienceGroups.map((g) => f.events.audience[g])],
  [0, 1, 2, 3, 4],
)}
<h2>${h(t('programmes.reports.partnersHeading'))}</h2>
${table(...partnerRows(f, t), [2, 3])}
<h2>${h(t('programmes.reports.finance'))}</h2>
${
  f.finance
    ? `<p>${h(t('programmes.reports.financeLine', { year: f.finance.year, pen: money(f.finance.pen), usd: usdFmt(f.finance.usd, locale), rate: f.finance.exchangeRate }))}</p>`
    : `<p>${h(t('programmes.reports.financeUnavailable'))}</p>`
}
${charts ? `<h2 class="page-break-before">${h(t('evaluation.print.annualCharts'))}</h2>\n${charts.html}` : ''}
<p class="footer">${h(t('programmes.reports.generatedAt', { date: formatDateTime(now), user }))} ${h(t('programmes.reports.aggregatesOnly'))}</p>`;
  return htmlDocument({
    lang: locale,
    title: `${t('programmes.reports.annualTitle')} ${f.from.slice(0, 4)}`,
    css: charts ? `${reportCss}\n${charts.css}` : reportCss,
    body,
  });
}

export async function annualReportXlsx(f: ProgrammeFigures, t: Translate): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'ArteINPE';
  wb.created = new Date();
  const sheet = (name: string, head: string[], rows: Array<Array<string | number>>, widths: number[]) => {
    const ws = wb.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = head.map((header, i) => ({ header, width: widths[i] ?? 14 }));
    for (const r of rows) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
  };
  // Key figures as the office sums and sorts them: the period as Excel dates, counts and
  // hours as numbers, shares as percentages (a period without any: an empty cell).
  const key = wb.addWorksheet(t('programmes.reports.keyFigures').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  key.columns = [
    { header: t('programmes.reports.indicator'), width: 40 },
    { header: t('programmes.reports.value'), width: 28 },
  ];
  key.getRow(1).font = { bold: true };
  key.addRow([t('programmes.reports.periodFrom'), excelDate(f.from)]).getCell(2).numFmt = cellFormats.date;
  key.addRow([t('programmes.reports.periodTo'), excelDate(f.to)]).getCell(2).numFmt = cellFormats.date;
  for (const k of keyFigures(f, t)) {
    const cell = key.addRow([k.label, k.value]).getCell(2);
    const numFmt = keyFigureFormat[k.kind];
    if (numFmt) cell.numFmt = numFmt;
  }
  sheet(t('programmes.reports.byEstablishment'), ...establishmentRows(f, t), [36, 12, 14, 10, 10, 10, 10]);
  sheet(t('programmes.reports.byProgramme'), ...programmeRows(f, t, (hours) => hours), [26, 12, 14, 12, 12]);
  sheet(
    t('programmes.reports.eventsByType'),
    [
      t('programmes.events.type'),
      t('programmes.reports.count'),
      t('programmes.reports.audience'),
      ...audienceGroups.map((g) => t(`programmes.audienceGroups.${g}`)),
    ],
    [
      ...f.events.byType.map((e) => [t(`programmes.eventTypes.${e.type}`), e.count, e.audience]),
      [t('programmes.reports.total'), f.events.total, f.events.totalAudience, ...audienceGroups.map((g) => f.events.audience[g])],
    ],
    [30, 10, 12, 12, 12, 14, 14, 12],
  );
  sheet(t('programmes.reports.partnersHeading'), ...partnerRows(f, t), [40, 26, 10, 12]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
