import type { Translate } from '../../i18n';
import { SANS, SERIF } from '../../pdf/fonts';
import { escapeHtml as h, htmlDocument } from '../../pdf/html';
import type { CatalogData } from '../catalog-data';
import { captionLines, consentDate, cssString } from './captions';

/**
 * The wall labels (cartelas) as a pure function: A4 sheets of 8 labels (2 × 4, 90 × 64 mm)
 * with dotted cut lines and corner marks, one label per work of CatalogData (purpose
 * 'labels': the works the artists allowed to be exhibited), with the catalog's caption.
 *
 * Every sheet holds 8: the labels are cut into sheets of 8 here (each sheet starts a page),
 * and the sheet's title and the cutting note sit in the page's top margin, so nothing above
 * the grid can push a row onto the next page. The page: 297 mm = 13 (top margin, with the
 * title) + 4 × 64 + 3 × 4 (labels and gaps: 268) + 14 (bottom margin, with the consent note
 * and the page number), 2 mm to spare; across: 210 = 12 + 2 × 90 + 6 + 12.
 */

const LABEL_W = 90;
const LABEL_H = 64;
export const LABELS_PER_SHEET = 8;

const marginText = `font: 7pt ${SANS}; color: #555; vertical-align: bottom; padding-bottom: 3mm;`;

const css = (note: string, head: string, cut: string) => `
@page {
  size: A4;
  margin: 13mm 12mm 14mm;
  @top-left { content: ${cssString(head)}; ${marginText} }
  @top-right { content: ${cssString(cut)}; ${marginText} }
  @bottom-left { content: ${cssString(note)}; font: 6.5pt ${SANS}; color: #666; vertical-align: top; padding-top: 4mm; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 7.5pt ${SANS}; color: #444; vertical-align: top; padding-top: 4mm; }
}
body { font-family: ${SANS}; color: #1a1a1a; }
.sheet + .sheet { break-before: page; }
.labels { display: grid; grid-template-columns: repeat(2, ${LABEL_W}mm); grid-auto-rows: ${LABEL_H}mm; gap: 4mm 6mm; justify-content: center; }
.label { position: relative; border: 0.5pt dashed #9a9a9a; padding: 6mm 6.5mm 5mm; overflow: hidden; break-inside: avoid; display: flex; flex-direction: column; }
.label::before, .label::after { content: ""; position: absolute; width: 3mm; height: 3mm; border-color: #000; border-style: solid; }
.label::before { top: -0.3mm; left: -0.3mm; border-width: 0.6pt 0 0 0.6pt; }
.label::after { bottom: -0.3mm; right: -0.3mm; border-width: 0 0.6pt 0.6pt 0; }
.c-artist { font-size: 11.5pt; font-weight: bold; line-height: 1.25; margin-bottom: 1mm; }
.c-title { font-family: ${SERIF}; font-size: 12.5pt; line-height: 1.25; margin-bottom: 2.5mm; }
.c-title cite { font-style: italic; }
.c-technique, .c-materials, .c-dims, .c-est, .c-price { font-size: 8.5pt; line-height: 1.4; }
.c-est { margin-top: 1mm; }
.c-price { margin-top: 1mm; font-weight: bold; }
.l-foot { margin-top: auto; display: flex; justify-content: space-between; gap: 4mm; border-top: 0.4pt solid #bbb; padding-top: 1.5mm; font-size: 6.5pt; color: #555; }
.l-foot .no { font-weight: bold; color: #8c2f1b; white-space: nowrap; }
`;

export function labelsHtml(data: CatalogData, t: Translate): string {
  const note = t('internarte.catalog.doc.consentNote', { date: consentDate(data.consentAsOf) });
  const title = data.exhibition.title;
  const label = (w: CatalogData['works'][number]) => `<div class="label" data-artwork="${w.artworkId}">
${captionLines(w, data.lang, t).join('')}
<div class="l-foot"><span>${h(title)}</span><span class="no">${h(t('internarte.catalog.doc.catalogNumber', { n: w.catalogNumber }))}</span></div>
</div>`;
  const sheets: string[] = [];
  for (let i = 0; i < data.works.length; i += LABELS_PER_SHEET) {
    sheets.push(
      `<section class="sheet"><div class="labels">${data.works
        .slice(i, i + LABELS_PER_SHEET)
        .map(label)
        .join('\n')}</div></section>`,
    );
  }
  const body = sheets.length ? sheets.join('\n') : `<p>${h(t('internarte.catalog.doc.noWorks'))}</p>`;
  const head = t('internarte.catalog.doc.labelsTitle', { title });
  return htmlDocument({
    lang: data.lang,
    title: head,
    css: css(note, head, t('internarte.catalog.doc.labelsNote')),
    body,
    page: { size: 'A4', margin: '13mm 12mm 14mm' },
  });
}
