import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { isSmallCell, cellText } from '../../../shared/evaluation/suppression';
import { formatDate, formatDateTime, formatMoney, type Locale } from '../../../shared/format';
import type { InitiativeFigures } from '../../../shared/programmes/initiative-schemas';
import { audienceGroups } from '../../../shared/programmes/rules';
import type { ProgrammeFigures, UnescoEntry, UnescoTexts } from '../../../shared/programmes/schemas';
import type { Translate } from '../i18n';
import { escapeHtml as h, htmlDocument } from '../pdf/html';
import { newWorkbook } from '../export/workbook';

/**
 * The UNESCO 2005 Convention entry (issue 17, item 5): built from the period's figures, the
 * initiatives and their figures, the budget executed and the texts the office keeps for the
 * year, in the periodic report form's sections and order (the seed's entry). One model,
 * `unescoSections`, printed three ways: DOCX (Word, where the office edits it), PDF (HTML) and
 * plain text for the online form. Aggregates only; every count of persons under 5 reads "< 5".
 */

const numberFmt = (locale: Locale) => new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-PE', { maximumFractionDigits: 1 });
const usdFmt = (cents: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-PE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
const pct = (v: number | null, locale: Locale) => (v === null ? '—' : `${numberFmt(locale).format(Math.round(v * 1000) / 10)} %`);

export interface UnescoSources {
  figures: ProgrammeFigures;
  texts: UnescoTexts;
  initiatives: Array<{ name: string; description: string; figures: InitiativeFigures }>;
  execution: { pen: number; usd: number | null; rates: Array<{ year: number; rate: number }> };
}

export function unescoEntry(s: UnescoSources, t: Translate, locale: Locale): UnescoEntry {
  const f = s.figures;
  const fmt = numberFmt(locale);
  /** A count of persons as printed: "< 5" from 1 to 4. */
  const persons = (v: number) => cellText(v, isSmallCell(v), (x) => fmt.format(x));
  const k = (key: string, args: Record<string, unknown> = {}) => t(`programmes.unescoEntry.${key}`, args);
  const activities =
    s.initiatives.length > 0
      ? s.initiatives.map((i) =>
          k('activity', {
            name: i.name,
            description: i.description.trim().replace(/([^.!?])$/, '$1.'),
            workshops: i.figures.workshops,
            sessions: i.figures.sessions,
            hours: fmt.format(i.figures.hours),
            participants: i.figures.participants === null ? cellText(null, true) : persons(i.figures.participants),
            events: i.figures.events,
            audience: persons(i.figures.audience),
            exhibitions: i.figures.exhibitions,
          }),
        )
      : f.byProgramme.map((p) =>
          k('activityProgramme', {
            programme: t(`programmes.programmes.${p.programme}`),
            workshops: p.workshops,
            sessions: p.sessions,
            hours: fmt.format(p.hours),
            participants: persons(p.participants),
          }),
        );
  const results = [
    k('resultEvents', {
      events: f.events.total,
      audience: persons(f.events.totalAudience),
      groups: audienceGroups.map((g) => `${t(`programmes.audienceGroups.${g}`)}: ${persons(f.events.audience[g])}`).join('; '),
    }),
    k('resultPartners', {
      partners: f.partners.length,
      names: f.partners.map((p) => p.name).join(', ') || '—',
      agreements: f.agreementsInForce,
    }),
    k('resultBudget', { pen: formatMoney(s.execution.pen, locale) }),
    k('resultPrisons', {
      total: f.establishments.total,
      men: f.establishments.men,
      women: f.establishments.women,
      mixed: f.establishments.mixed,
    }),
    k('resultBeneficiaries', {
      total: persons(f.participants.total),
      men: persons(f.participants.men),
      women: persons(f.participants.women),
    }),
    k('resultEnsembles', {
      total: f.ensembles.total,
      members: persons(f.ensembles.members),
      types: f.ensembles.byType.map((g) => `${t(`programmes.ensembleTypes.${g.type}`).toLowerCase()} (${g.count})`).join(', ') || '—',
    }),
  ];
  const financial =
    s.execution.usd === null
      ? k('financialUnavailable')
      : k('financial', {
          usd: usdFmt(s.execution.usd, locale),
          pen: formatMoney(s.execution.pen, locale),
          rates: s.execution.rates.map((r) => `${r.year}: ${r.rate}`).join('; '),
        });
  const evaluation = [
    k('evalRetention', { value: pct(f.evaluation.retention, locale), withdrawn: persons(f.evaluation.withdrawn) }),
    k('evalCompletion', { value: pct(f.evaluation.completion, locale), completed: persons(f.evaluation.completed) }),
    k('evalAttendance', { value: pct(f.evaluation.attendanceRate, locale) }),
    k('evalHours', { value: f.evaluation.hoursPerParticipant === null ? '—' : fmt.format(f.evaluation.hoursPerParticipant) }),
  ];
  return {
    title: t('programmes.unesco.policyTitle'),
    period: `${formatDate(f.from)} – ${formatDate(f.to)}`,
    year: s.texts.year,
    description: s.texts.mainFeatures.trim() || t('programmes.unesco.description'),
    activities,
    results,
    financial,
    partners: f.partners.map((p) => ({ name: p.name, type: t(`programmes.partnerTypes.${p.type}`) })),
    evaluated: s.texts.evaluated,
    conclusions: s.texts.conclusions,
    evaluation,
    goals: s.texts.goals.map((g) => k(`goals.${g}`)),
    domains: s.texts.domains.map((d) => k(`domains.${d}`)),
    figures: f,
  };
}

// ── One model of sections, three prints ─────────────────────────────────────────

interface Section {
  heading: string;
  paragraphs: string[];
  items?: string[];
  table?: { head: [string, string]; rows: Array<[string, string]> };
}

const roman = (i: number) => ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][i] ?? String(i + 1);

/** The entry's sections in the form's order, with the headings of the form. */
export function unescoSections(e: UnescoEntry, t: Translate): Section[] {
  const k = (key: string) => t(`programmes.unescoEntry.${key}`);
  const none = k('none');
  const evaluated = e.evaluated === null ? k('notSaid') : e.evaluated ? k('yes') : k('no');
  return [
    {
      heading: k('headings.mainFeatures'),
      paragraphs: e.description
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
    },
    { heading: k('headings.activities'), paragraphs: e.activities.map((a, i) => `${roman(i)}- ${a}`) },
    { heading: k('headings.results'), paragraphs: [], items: e.results },
    { heading: k('headings.financial'), paragraphs: [e.financial] },
    {
      heading: k('headings.partners'),
      paragraphs: e.partners.length === 0 ? [none] : [],
      table: e.partners.length ? { head: [k('partnerName'), k('partnerType')], rows: e.partners.map((p) => [p.name, p.type]) } : undefined,
    },
    { heading: k('headings.evaluated'), paragraphs: [evaluated] },
    {
      heading: k('headings.conclusions'),
      paragraphs: [...(e.conclusions.trim() ? e.conclusions.split(/\n\s*\n/).map((p) => p.trim()) : [none]), k('indicators')],
      items: e.evaluation,
    },
    { heading: k('headings.goals'), paragraphs: e.goals.length ? [] : [none], items: e.goals },
    { heading: k('headings.domains'), paragraphs: e.domains.length ? [] : [none], items: e.domains },
  ];
}

const agency = 'Instituto Nacional Penitenciario (INPE)';

/** Plain text for pasting into the online form: headings, paragraphs, "- " items, tab-separated partners. */
export function unescoText(e: UnescoEntry, t: Translate): string {
  const out = [e.title, agency, `${t('programmes.reports.periodLabel')}: ${e.period}`, ''];
  for (const s of unescoSections(e, t)) {
    out.push(s.heading, '');
    for (const p of s.paragraphs) out.push(p, '');
    if (s.table) out.push(s.table.head.join('\t'), ...s.table.rows.map((r) => r.join('\t')), '');
    if (s.items?.length) out.push(...s.items.map((x) => `- ${x}`), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The entry as a Word document. */
export async function unescoDocx(e: UnescoEntry, t: Translate, generated: string): Promise<Buffer> {
  const cell = (text: string, bold = false) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
    });
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: t('programmes.unesco.header'), alignment: AlignmentType.LEFT }),
    new Paragraph({ text: e.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: agency }),
    new Paragraph({ text: `${t('programmes.reports.periodLabel')}: ${e.period}` }),
  ];
  for (const s of unescoSections(e, t)) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2 }));
    for (const p of s.paragraphs) children.push(new Paragraph({ text: p }));
    if (s.table) {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ children: s.table.head.map((x) => cell(x, true)) }),
            ...s.table.rows.map((r) => new TableRow({ children: r.map((x) => cell(x)) })),
          ],
        }),
      );
    }
    for (const x of s.items ?? []) children.push(new Paragraph({ text: x, bullet: { level: 0 } }));
  }
  children.push(new Paragraph({ children: [new TextRun({ text: generated, size: 16, italics: true })] }));
  const doc = new Document({ creator: 'ArteINPE', title: e.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

const css = `
.org { font-size: 8.5pt; letter-spacing: 0.04em; text-transform: uppercase; color: #333; margin-bottom: 1mm; }
th { background: #eee; }
.footer { margin-top: 6mm; font-size: 8pt; color: #444; }
ul { margin: 0 0 2mm 5mm; padding: 0; }
`;

export function unescoHtml(e: UnescoEntry, t: Translate, locale: Locale, now: string, user: string): string {
  const sections = unescoSections(e, t)
    .map(
      (s) => `<h2>${h(s.heading)}</h2>
${s.paragraphs.map((p) => `<p>${h(p)}</p>`).join('')}
${s.table ? `<table><thead><tr>${s.table.head.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${s.table.rows.map((r) => `<tr>${r.map((x) => `<td>${h(x)}</td>`).join('')}</tr>`).join('')}</tbody></table>` : ''}
${s.items?.length ? `<ul>${s.items.map((x) => `<li>${h(x)}</li>`).join('')}</ul>` : ''}`,
    )
    .join('\n');
  const body = `
<div class="org">${h(t('programmes.unesco.header'))}</div>
<h1>${h(e.title)}</h1>
<p>${h(agency)} — ${h(t('programmes.reports.periodLabel'))}: ${h(e.period)}</p>
${sections}
<p class="footer">${h(t('programmes.reports.generatedAt', { date: formatDateTime(now), user }))} ${h(t('programmes.reports.aggregatesOnly'))}</p>`;
  return htmlDocument({ lang: locale, title: e.title, css, body });
}

/** The footer line of the Word document. */
export const generatedLine = (t: Translate, now: string, user: string): string =>
  `${t('programmes.reports.generatedAt', { date: formatDateTime(now), user })} ${t('programmes.reports.aggregatesOnly')}`;

/** The entry as a workbook: one sheet, the form's sections down column A and their content in B. */
export async function unescoXlsx(e: UnescoEntry, t: Translate): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'ArteINPE';
  const ws = wb.addWorksheet('UNESCO');
  ws.columns = [{ width: 48 }, { width: 90 }, { width: 30 }];
  ws.addRow([e.title]).font = { bold: true, size: 13 };
  ws.addRow([agency]);
  ws.addRow([t('programmes.reports.periodLabel'), e.period]);
  for (const s of unescoSections(e, t)) {
    ws.addRow([]);
    ws.addRow([s.heading]).font = { bold: true };
    for (const p of s.paragraphs) ws.addRow(['', p]);
    if (s.table) {
      ws.addRow(['', ...s.table.head]).font = { bold: true };
      for (const r of s.table.rows) ws.addRow(['', ...r]);
    }
    for (const x of s.items ?? []) ws.addRow(['', `- ${x}`]);
  }
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
