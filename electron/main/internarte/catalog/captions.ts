import { compareSpanish, formatDate, formatMoney, normalizeText } from '../../../../shared/format';
import type { Translate } from '../../i18n';
import { escapeHtml as h } from '../../pdf/html';
import type { CatalogWork, OutputLanguage } from '../catalog-data';

/**
 * The museum-style caption of a work, shared by the catalog and the wall labels: the
 * artist as given (consent already applied), the title in italics with the year, the
 * technique, the materials, the dimensions (height × width × depth, in cm), the
 * establishment of origin and, only when given, the price. Pure; every value escaped.
 */

const numberFormats = new Map<OutputLanguage, Intl.NumberFormat>();

/** Millimetres as centimetres with at most one decimal, in the document's language. */
export function formatCm(mm: number, lang: OutputLanguage): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'es-PE', { maximumFractionDigits: 1 });
    numberFormats.set(lang, f);
  }
  return f.format(mm / 10);
}

/** "45 × 30 × 20 cm" (depth only for works that have one). */
export function formatDimensions(d: CatalogWork['dimensionsMm'], lang: OutputLanguage): string | null {
  if (!d) return null;
  const parts = [d.height, d.width, ...(d.depth ? [d.depth] : [])].map((mm) => formatCm(mm, lang));
  return `${parts.join(' × ')} cm`;
}

/** A long date for the cover and the colophon: "5 de diciembre de 2026" / "5 December 2026". */
export function formatLongDate(iso: string, lang: OutputLanguage): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'es-PE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The exhibition's dates as one phrase, or null when it has none. */
export function formatDateRange(startsOn: string | null, endsOn: string | null, lang: OutputLanguage, t: Translate): string | null {
  if (startsOn && endsOn)
    return t('internarte.catalog.doc.dates', { from: formatLongDate(startsOn, lang), to: formatLongDate(endsOn, lang) });
  if (startsOn) return t('internarte.catalog.doc.from', { date: formatLongDate(startsOn, lang) });
  if (endsOn) return formatLongDate(endsOn, lang);
  return null;
}

/** The date the consents were read (dd/mm/aaaa, Lima). */
export const consentDate = (consentAsOf: string) => formatDate(consentAsOf);

/** The caption's lines as HTML (each a div with its own class). */
export function captionLines(w: CatalogWork, lang: OutputLanguage, t: Translate): string[] {
  const lines = [
    `<div class="c-artist">${h(w.artistLabel)}</div>`,
    `<div class="c-title"><cite>${h(w.title)}</cite>${w.year ? `, ${h(w.year)}` : ''}</div>`,
    `<div class="c-technique">${h(w.technique)}</div>`,
  ];
  if (w.materials) lines.push(`<div class="c-materials">${h(w.materials)}</div>`);
  const dims = formatDimensions(w.dimensionsMm, lang);
  if (dims) lines.push(`<div class="c-dims">${h(dims)}</div>`);
  lines.push(`<div class="c-est">${h(w.establishment)}</div>`);
  if (w.priceCentimos !== null)
    lines.push(`<div class="c-price">${h(t('internarte.catalog.doc.price', { price: formatMoney(w.priceCentimos, lang) }))}</div>`);
  return lines;
}

/**
 * The index of artists: every named artist (anonymous ones left out) with the catalog
 * numbers of their works, sorted as a reader looks names up (accents ignored).
 */
export function artistIndex(works: CatalogWork[]): Array<{ artist: string; numbers: string[] }> {
  const byArtist = new Map<string, { artist: string; numbers: string[] }>();
  for (const w of works) {
    if (w.anonymous) continue;
    const key = normalizeText(w.artistLabel);
    if (!key) continue;
    const entry = byArtist.get(key) ?? { artist: w.artistLabel, numbers: [] };
    entry.numbers.push(w.catalogNumber);
    byArtist.set(key, entry);
  }
  return [...byArtist.entries()].sort(([a], [b]) => compareSpanish(a, b)).map(([, v]) => v);
}

/** Plain text as paragraphs: blank lines separate them, single line breaks are kept. */
export function paragraphs(text: string | null): string {
  if (!text) return '';
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.split(/\r?\n/).map(h).join('<br>')}</p>`)
    .join('\n');
}

/**
 * A value as a CSS string literal, safe inside a <style> element: everything but plain
 * letters, digits and spaces is written as a CSS escape (so no quote, backslash or "</style>"
 * can end it).
 */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of value) {
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}
