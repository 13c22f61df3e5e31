/**
 * Pure helpers to build the static HTML documents that Platform.printPdf turns into PDFs
 * (inventory actas, label sheets, contracts, the exhibition catalog). No 'electron'; the only
 * I/O is fonts.ts reading the bundled fonts once, which every document embeds.
 */

import { fontFaceCss, SANS } from './fonts';

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML element or a quoted attribute value. */
export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

export interface PageSetup {
  /**
   * Fixes the paper size in the document itself (it then wins over printPdf's pageSize).
   * Left out, the paper is whatever printPdf is asked for.
   */
  size?: 'A4' | 'A5' | 'Letter' | `${number}mm ${number}mm`;
  landscape?: boolean;
  /** A CSS margin value for @page, e.g. "15mm" or "12mm 10mm". Default 15mm. */
  margin?: string;
}

export interface HtmlDocumentOptions {
  /** e.g. "es-PE"; drives hyphenation and the PDF's language. */
  lang: string;
  /** Becomes the PDF's Title metadata. */
  title: string;
  /** The document's own CSS (trusted, written by the app), after the base print CSS. */
  css?: string;
  /** Trusted markup: escape every user value with escapeHtml before it gets here. */
  body: string;
  page?: PageSetup;
}

export const DEFAULT_PAGE_MARGIN = '15mm';

function pageRule(page: PageSetup = {}): string {
  const size = page.size ? `  size: ${page.size}${page.landscape ? ' landscape' : ''};\n` : '';
  const margin = page.margin ?? DEFAULT_PAGE_MARGIN;
  return `@page {\n${size}  margin: ${margin};\n}`;
}

/** The base print CSS every document starts from: the bundled fonts' faces, then the page and the defaults. */
export function basePrintCss(page?: PageSetup): string {
  return `${fontFaceCss()}
${pageRule(page)}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${SANS}; font-size: 10pt; line-height: 1.35; color: #000; background: #fff; }
h1 { font-size: 15pt; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
p { margin: 0 0 2mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.5pt solid #555; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tr, img, svg, figure { break-inside: avoid; page-break-inside: avoid; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
img { max-width: 100%; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.page-break { break-after: page; page-break-after: always; }
.page-break-before { break-before: page; page-break-before: always; }
.avoid-break { break-inside: avoid; page-break-inside: avoid; }
.muted { color: #444; }
.small { font-size: 8pt; }`;
}

/** A complete HTML document, ready for Platform.printPdf. */
export function htmlDocument(opts: HtmlDocumentOptions): string {
  return `<!doctype html>
<html lang="${escapeHtml(opts.lang)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(opts.title)}</title>
<style>
${basePrintCss(opts.page)}
</style>${opts.css ? `\n<style>\n${opts.css}\n</style>` : ''}
</head>
<body>
${opts.body}
</body>
</html>
`;
}
