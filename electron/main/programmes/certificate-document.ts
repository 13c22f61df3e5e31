import { formatDate, type Locale } from '../../../shared/format';
import { hoursOf } from '../../../shared/programmes/rules';
import type { Translate } from '../i18n';
import { escapeHtml as h, htmlDocument } from '../pdf/html';

/**
 * The programme's certificates as a pure function from data to HTML (printed by
 * Platform.printPdf): one landscape A4 page per participant. The reports are in documents.ts.
 */

/** "26 de noviembre de 2026" / "26 November 2026". */
export function longDate(iso: string, t: Translate): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return t('programmes.certificates.longDate', { day: d, month: t(`programmes.months.m${m}`), year: y });
}

// ── Certificates ────────────────────────────────────────────────────────────────

export interface CertificateData {
  /** The name as it may be printed (or the code where names may not be shown). */
  name: string;
  code: string;
  minutes: number;
  workshopName: string;
  programme: string;
  establishmentName: string;
  startDate: string;
  endDate: string | null;
}

const certificateCss = `
.cert { height: 180mm; display: flex; flex-direction: column; justify-content: space-between; border: 2.5pt double #1f3a68; padding: 12mm 16mm; text-align: center; }
.cert .org { font-size: 11pt; letter-spacing: 0.08em; text-transform: uppercase; color: #1f3a68; font-weight: bold; }
.cert .sub { font-size: 9.5pt; color: #333; }
.cert h1 { font-size: 26pt; letter-spacing: 0.06em; margin: 6mm 0 4mm; color: #1f3a68; }
.cert .to { font-size: 12pt; }
.cert .name { font-size: 22pt; font-weight: bold; margin: 3mm 0 1mm; }
.cert .code { font-size: 10pt; color: #333; }
.cert .body { font-size: 12.5pt; line-height: 1.55; margin: 5mm 12mm 0; }
.cert .place { font-size: 11pt; margin-top: 6mm; }
.cert .signs { display: grid; grid-template-columns: 1fr 1fr; gap: 30mm; margin: 0 20mm; }
.cert .signs div { border-top: 0.7pt solid #000; padding-top: 1.5mm; font-size: 9.5pt; }
`;

export function certificatesHtml(items: CertificateData[], date: string, t: Translate, locale: Locale): string {
  const pages = items
    .map(
      (c, i) => `
<section class="cert${i < items.length - 1 ? ' page-break' : ''}">
  <div>
    <div class="org">Instituto Nacional Penitenciario</div>
    <div class="sub">${h(t('app.tagline'))}</div>
    <h1>${h(t('programmes.certificates.heading'))}</h1>
    <div class="to">${h(t('programmes.certificates.awardedTo'))}</div>
    <div class="name">${h(c.name)}</div>
    <div class="code">${h(t('programmes.certificates.internalCode', { code: c.code }))}</div>
    <p class="body">${h(
      t('programmes.certificates.body', {
        workshop: c.workshopName,
        programme: t(`programmes.programmes.${c.programme}`),
        establishment: c.establishmentName,
        from: formatDate(c.startDate),
        to: formatDate(c.endDate ?? date),
        hours: hoursOf(c.minutes),
      }),
    )}</p>
    <div class="place">${h(t('programmes.certificates.place', { date: longDate(date, t) }))}</div>
  </div>
  <div class="signs">
    <div>${h(t('programmes.certificates.signDirector'))}</div>
    <div>${h(t('programmes.certificates.signCoordinator'))}</div>
  </div>
</section>`,
    )
    .join('');
  return htmlDocument({
    lang: locale,
    title: t('programmes.certificates.heading'),
    css: certificateCss,
    page: { size: 'A4', landscape: true, margin: '12mm' },
    body: pages,
  });
}
