import type { Translate } from '../../i18n';
import { SANS, SERIF } from '../../pdf/fonts';
import { escapeHtml as h, htmlDocument } from '../../pdf/html';
import type { CatalogData, CatalogLayout, CatalogPageSize, CatalogWork } from '../catalog-data';
import { artistIndex, captionLines, consentDate, cssString, formatDateRange, paragraphs } from './captions';
import {
  COVER_IMAGE_KEY,
  coverBox,
  cssPageSize,
  logoBox,
  logoImageKey,
  pageGeometry,
  placeImage,
  SECTION_BAND_MM,
  workImageKey,
  worksGrid,
  type PageGeometry,
} from './layout';
import { wideCss } from './wide';

/**
 * The exhibition catalog as ONE pure function: CatalogData (consent already applied) and
 * the print options in, a complete static HTML document out, for Platform.printPdf
 * (Chromium's print engine). It prints exactly what it is given and looks nothing up.
 *
 * Pagination: the cover and every works page are page-sized blocks that the template fills
 * itself (one work, two, or a grid per page), so a work's page never depends on text
 * measurement; the presentation, curatorial text, index and credits flow over as many pages
 * as they need. Page numbers are CSS page-margin boxes (`@page { @bottom-right { content:
 * counter(page) } }`), which Chromium's print engine fills with the real page number
 * (supported since Chromium 131; Electron 45 ships 142). The index of artists refers to
 * catalog numbers, which the works carry on every page, as museum catalogs do.
 */

export interface CatalogTemplateOptions {
  pageSize: CatalogPageSize;
  layout: CatalogLayout;
  /** The source (relative file or data: URL) of each prepared image by its key (layout.ts); a missing one prints as "image not published". */
  images: ReadonlyMap<string, string>;
  /** Only the first works (the preview); the index and the credits are then left out. */
  maxWorks?: number;
  /** More rows for the credits (the print-shop catalog adds its fonts). */
  colophonExtra?: Array<[string, string]>;
}

function catalogCss(g: PageGeometry, layout: CatalogLayout, consentNote: string): string {
  const grid = worksGrid(g.size, layout);
  const small = g.size === 'A5';
  const note = cssString(consentNote);
  const margin = `${g.marginTopMm}mm ${g.marginSideMm}mm ${g.marginBottomMm}mm`;
  return `
@page {
  size: ${cssPageSize(g.size)};
  margin: ${margin};
  @bottom-right { content: counter(page); font: ${small ? 7.5 : 8.5}pt ${SANS}; color: #444; vertical-align: top; padding-top: ${small ? 5 : 7}mm; }
  @bottom-left { content: ${note}; font: ${small ? 5.5 : 6.5}pt ${SANS}; color: #666; vertical-align: top; padding-top: ${small ? 5.3 : 7.3}mm; }
}
@page :left {
  @bottom-left { content: counter(page); font: ${small ? 7.5 : 8.5}pt ${SANS}; color: #444; vertical-align: top; padding-top: ${small ? 5 : 7}mm; }
  @bottom-right { content: ${note}; font: ${small ? 5.5 : 6.5}pt ${SANS}; color: #666; vertical-align: top; padding-top: ${small ? 5.3 : 7.3}mm; text-align: right; }
}
@page :first {
  @bottom-right { content: none; }
  @bottom-left { content: none; }
}
body { font-family: ${SERIF}; font-size: ${small ? 9 : 10.5}pt; line-height: 1.45; color: #1a1a1a; }
h2 { font-family: ${SERIF}; font-weight: normal; font-size: ${small ? 15 : 19}pt; letter-spacing: 0.01em; margin: 0 0 ${small ? 5 : 8}mm; }
p { margin: 0 0 3mm; text-align: justify; hyphens: auto; }
cite { font-style: italic; }
img { display: block; max-width: 100%; max-height: 100%; object-fit: contain; }
.page { position: relative; }
.page + .page { break-before: page; page-break-before: always; }
.sheet { height: ${g.contentHeightMm - 0.8}mm; overflow: hidden; }
.org { font-family: ${SANS}; font-size: ${small ? 6.5 : 7.5}pt; letter-spacing: 0.14em; text-transform: uppercase; color: #555; }

/* Cover */
.cover { display: flex; flex-direction: column; }
.cover .org { margin-bottom: ${small ? 6 : 9}mm; }
.cover-image { height: ${coverBox(g.size).heightMm}mm; display: flex; align-items: flex-end; justify-content: flex-start; margin-bottom: ${small ? 7 : 11}mm; }
.cover-rule { width: 22mm; border-top: 1.2pt solid #8c2f1b; margin-bottom: ${small ? 4 : 6}mm; }
.cover-title { font-family: ${SERIF}; font-weight: bold; font-size: ${small ? 21 : 30}pt; line-height: 1.12; margin: 0 0 ${small ? 3 : 5}mm; break-after: auto; }
.cover-subtitle { font-style: italic; font-size: ${small ? 11 : 14}pt; color: #333; margin: 0 0 ${small ? 4 : 7}mm; text-align: left; }
.cover-meta { font-family: ${SANS}; font-size: ${small ? 7.5 : 9}pt; color: #333; line-height: 1.6; text-align: left; }
.cover-partners { margin-top: auto; display: flex; flex-wrap: wrap; align-items: center; gap: ${small ? 4 : 7}mm; border-top: 0.4pt solid #999; padding-top: ${small ? 3 : 5}mm; }
.cover-partners .partner-name { font-family: ${SANS}; font-size: ${small ? 6.5 : 7.5}pt; color: #333; max-width: ${logoBox(g.size).widthMm + 10}mm; }

/* Texts */
.text h2 { margin-top: ${small ? 8 : 14}mm; }
.byline { font-family: ${SANS}; font-size: ${small ? 7.5 : 8.5}pt; color: #444; margin-bottom: ${small ? 5 : 8}mm; text-align: left; }
.text .body { column-count: ${small ? 1 : 1}; }

/* Works */
.band { height: ${SECTION_BAND_MM}mm; display: flex; align-items: flex-start; border-bottom: 0.4pt solid #bbb; margin-bottom: 0; }
.band h2 { font-size: ${small ? 11 : 13}pt; margin: 0; }
.band .running { font-family: ${SANS}; font-size: ${small ? 6.5 : 7.5}pt; letter-spacing: 0.14em; text-transform: uppercase; color: #666; }
.cells { height: ${g.contentHeightMm - SECTION_BAND_MM - 1}mm; display: grid; grid-template-columns: repeat(${grid.columns}, 1fr); grid-template-rows: repeat(${grid.rows}, 1fr); column-gap: ${small ? 6 : 8}mm; row-gap: ${small ? 5 : 6}mm; padding-top: ${small ? 3 : 4}mm; }
.work { margin: 0; overflow: hidden; display: flex; min-height: 0; }
.frame { display: flex; justify-content: center; align-items: flex-end; flex: none; }
.noimage { display: flex; align-items: center; justify-content: center; border: 0.4pt solid #ccc; background: #f4f2ee; color: #777; font-family: ${SANS}; font-size: 7pt; }
.caption { font-family: ${SANS}; color: #222; }
.caption cite { font-family: ${SERIF}; }
.c-no { font-weight: bold; color: #8c2f1b; }
.c-artist { font-weight: bold; }
.layout-one .work { flex-direction: column; align-items: center; }
.layout-one .frame { align-self: stretch; }
.layout-one .frame { height: ${grid.imageBox.heightMm}mm; }
.layout-one .caption { margin-top: ${small ? 4 : 6}mm; font-size: ${small ? 8 : 9}pt; line-height: 1.45; display: grid; grid-template-columns: ${small ? 12 : 16}mm 1fr; }
.layout-one .c-title { font-size: ${small ? 10 : 11.5}pt; }
.layout-two .work { flex-direction: row; gap: ${small ? 4 : 6}mm; align-items: flex-end; }
.layout-two .frame { width: ${grid.imageBox.widthMm}mm; height: ${grid.imageBox.heightMm}mm; justify-content: flex-end; }
.layout-two .caption { width: ${grid.captionWidthMm}mm; font-size: ${small ? 7.5 : 8.5}pt; line-height: 1.45; }
.layout-two .c-title { font-size: ${small ? 9 : 10.5}pt; }
.layout-grid .work { flex-direction: column; }
.layout-grid .frame { height: ${grid.imageBox.heightMm}mm; justify-content: flex-start; }
.layout-grid .caption { margin-top: 2mm; font-size: ${small ? 6.5 : 7.2}pt; line-height: 1.35; }
.layout-grid .c-title { font-size: ${small ? 7.5 : 8.2}pt; }

/* Index and credits */
.index-note { font-family: ${SANS}; font-size: ${small ? 7 : 8}pt; color: #555; text-align: left; }
.index-list { list-style: none; margin: 0; padding: 0; column-count: 2; column-gap: ${small ? 6 : 10}mm; font-size: ${small ? 8 : 9.5}pt; }
.index-list li { display: flex; gap: 2mm; break-inside: avoid; line-height: 1.55; }
.index-list .name { flex: none; max-width: 75%; }
.index-list .dots { flex: 1; border-bottom: 0.5pt dotted #999; margin-bottom: 1.2mm; }
.index-list .nums { flex: none; font-family: ${SANS}; font-size: 0.9em; }
.colophon dl { display: grid; grid-template-columns: ${small ? 26 : 38}mm 1fr; gap: 2mm 5mm; margin: 0 0 8mm; font-size: ${small ? 8 : 9}pt; }
.colophon dt { font-family: ${SANS}; font-size: 0.85em; letter-spacing: 0.08em; text-transform: uppercase; color: #555; }
.colophon dd { margin: 0; }
.colophon-logos { display: flex; flex-wrap: wrap; align-items: flex-end; gap: ${small ? 4 : 6}mm ${small ? 6 : 9}mm; margin: 0 0 8mm; break-inside: avoid; }
.colophon-logos figure { margin: 0; display: flex; flex-direction: column; align-items: center; max-width: ${creditsLogoBox(g.size).widthMm + 8}mm; }
.colophon-logos figcaption { margin-top: 1.5mm; font-family: ${SANS}; font-size: ${small ? 6 : 7}pt; color: #333; text-align: center; }
.consent { border-top: 0.4pt solid #999; padding-top: 4mm; margin-top: 10mm; font-family: ${SANS}; font-size: ${small ? 7 : 8}pt; color: #333; text-align: left; }

@media screen {
  html { background: #707070; }
  body { padding: 8mm 0; background: transparent; }
  .page { width: ${g.widthMm}mm; margin: 0 auto 8mm; padding: ${margin}; background: #fff; box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.45); }
  .sheet { height: ${g.heightMm}mm; }
  .flow { min-height: ${g.heightMm}mm; }
}
`;
}

function imageTag(src: string | undefined, alt: string, widthMm: number, heightMm: number): string {
  if (!src) return '';
  return `<img src="${h(src)}" alt="${h(alt)}" style="width:${widthMm}mm;height:${heightMm}mm">`;
}

function coverPage(data: CatalogData, opts: CatalogTemplateOptions, t: Translate): string {
  const ex = data.exhibition;
  const size = opts.pageSize;
  const cover = ex.cover ? placeImage(ex.cover, coverBox(size)) : null;
  const meta = [ex.venue, formatDateRange(ex.startsOn, ex.endsOn, data.lang, t)].filter(Boolean) as string[];
  const partners = ex.partners
    .map((p, i) => {
      const src = opts.images.get(logoImageKey(i));
      if (p.logo && src) {
        const pl = placeImage(p.logo, logoBox(size));
        return `<div class="partner">${imageTag(src, p.name, pl.widthMm, pl.heightMm)}</div>`;
      }
      return `<div class="partner partner-name">${h(p.name)}</div>`;
    })
    .join('');
  const coverSrc = opts.images.get(COVER_IMAGE_KEY);
  return `<section class="page sheet cover">
<div class="org">${h(t('internarte.catalog.doc.org'))} · ${h(t('internarte.catalog.doc.programme'))}</div>
<div class="cover-image">${ex.cover && cover && coverSrc ? imageTag(coverSrc, ex.cover.alt, cover.widthMm, cover.heightMm) : ''}</div>
<div class="cover-rule"></div>
<h1 class="cover-title">${h(ex.title)}</h1>
${ex.subtitle ? `<p class="cover-subtitle">${h(ex.subtitle)}</p>` : ''}
${meta.length ? `<div class="cover-meta">${meta.map((m) => `<div>${h(m)}</div>`).join('')}</div>` : ''}
${partners ? `<div class="cover-partners">${partners}</div>` : ''}
</section>`;
}

function textPage(heading: string, text: string | null, byline?: string): string {
  if (!text) return '';
  return `<section class="page flow text">
<h2>${h(heading)}</h2>
${byline ? `<p class="byline">${h(byline)}</p>` : ''}
<div class="body">${paragraphs(text)}</div>
</section>`;
}

function workFigure(w: CatalogWork, opts: CatalogTemplateOptions, t: Translate, lang: CatalogData['lang']): string {
  const grid = worksGrid(opts.pageSize, opts.layout);
  const src = w.image ? opts.images.get(workImageKey(w.artworkId)) : undefined;
  let frame: string;
  let shownWidthMm: number;
  if (w.image && src) {
    const pl = placeImage(w.image, grid.imageBox);
    shownWidthMm = pl.widthMm;
    frame = `<div class="frame">${imageTag(src, w.image.alt, pl.widthMm, pl.heightMm)}</div>`;
  } else {
    const box = opts.layout === 'one' ? { w: 60, h: 75 } : opts.layout === 'two' ? { w: 45, h: 55 } : { w: 40, h: 32 };
    shownWidthMm = box.w;
    frame = `<div class="frame"><div class="noimage" style="width:${box.w}mm;height:${box.h}mm">${h(t('internarte.catalog.doc.noImage'))}</div></div>`;
  }
  const lines = captionLines(w, lang, t);
  const number = `<div class="c-no">${h(w.catalogNumber)}</div>`;
  // One per page: the caption starts at the image's left edge, as on a museum page.
  const captionWidth = Math.min(grid.captionWidthMm, Math.max(shownWidthMm, 100));
  const caption =
    opts.layout === 'one'
      ? `<figcaption class="caption" style="width:${captionWidth}mm">${number}<div>${lines.join('')}</div></figcaption>`
      : `<figcaption class="caption">${number}${lines.join('')}</figcaption>`;
  return `<figure class="work" data-artwork="${w.artworkId}">${frame}${caption}</figure>`;
}

/**
 * The works grouped by section, sections in the order they first appear in the checklist and
 * works in checklist order within each: one heading per establishment (or technique) even
 * when the checklist alternates them.
 */
function sections(works: CatalogWork[]): Array<{ title: string | null; works: CatalogWork[] }> {
  const out = new Map<string | null, CatalogWork[]>();
  for (const w of works) {
    const list = out.get(w.section);
    if (list) list.push(w);
    else out.set(w.section, [w]);
  }
  return [...out].map(([title, list]) => ({ title, works: list }));
}

function worksPages(data: CatalogData, works: CatalogWork[], opts: CatalogTemplateOptions, t: Translate): string[] {
  const { perPage } = worksGrid(opts.pageSize, opts.layout);
  const pages: string[] = [];
  for (const s of sections(works)) {
    const heading = s.title ?? t('internarte.catalog.doc.works');
    for (let i = 0; i < s.works.length; i += perPage) {
      const band = i === 0 ? `<h2 class="section-title">${h(heading)}</h2>` : `<div class="running">${h(heading)}</div>`;
      const figures = s.works
        .slice(i, i + perPage)
        .map((w) => workFigure(w, opts, t, data.lang))
        .join('\n');
      pages.push(`<section class="page sheet works layout-${opts.layout}">
<header class="band">${band}</header>
<div class="cells">${figures}</div>
</section>`);
    }
  }
  return pages;
}

function indexPage(works: CatalogWork[], t: Translate): string {
  const entries = artistIndex(works);
  if (entries.length === 0) return '';
  const items = entries
    .map(
      (e) =>
        `<li><span class="name">${h(e.artist)}</span><span class="dots"></span><span class="nums">${h(e.numbers.join(', '))}</span></li>`,
    )
    .join('\n');
  return `<section class="page flow index">
<h2>${h(t('internarte.catalog.doc.indexOfArtists'))}</h2>
<p class="index-note">${h(t('internarte.catalog.doc.indexNote'))}</p>
<ul class="index-list">${items}</ul>
</section>`;
}

/** A partner's logo in the credits: smaller than on the cover (so its image, prepared for the cover, prints sharper still). */
function creditsLogoBox(size: CatalogPageSize): { widthMm: number; heightMm: number } {
  const box = logoBox(size);
  return { widthMm: box.widthMm * 0.75, heightMm: box.heightMm * 0.75 };
}

/** The partners' logos in a row, each with the partner's name under it (only those with a logo). */
function colophonLogos(data: CatalogData, opts: CatalogTemplateOptions): string {
  const figures = data.exhibition.partners
    .map((p, i) => {
      const src = opts.images.get(logoImageKey(i));
      if (!p.logo || !src) return '';
      const pl = placeImage(p.logo, creditsLogoBox(opts.pageSize));
      return `<figure class="partner-logo">${imageTag(src, p.name, pl.widthMm, pl.heightMm)}<figcaption>${h(p.name)}</figcaption></figure>`;
    })
    .join('');
  return figures ? `<div class="colophon-logos">${figures}</div>` : '';
}

function colophonPage(data: CatalogData, opts: CatalogTemplateOptions, t: Translate): string {
  const ex = data.exhibition;
  const extra = opts.colophonExtra ?? [];
  const rows: Array<[string, string]> = [];
  if (ex.curators.length) rows.push([t('internarte.catalog.doc.curators'), ex.curators.join(', ')]);
  if (ex.venue) rows.push([t('internarte.catalog.doc.venue'), ex.venue]);
  const dates = formatDateRange(ex.startsOn, ex.endsOn, data.lang, t);
  if (dates) rows.push(['', dates]);
  if (ex.partners.length) rows.push([t('internarte.catalog.doc.partners'), ex.partners.map((p) => p.name).join(' · ')]);
  rows.push(...extra);
  const date = consentDate(data.consentAsOf);
  return `<section class="page flow colophon">
<h2>${h(t('internarte.catalog.doc.credits'))}</h2>
${rows.length ? `<dl>${rows.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>` : ''}
${colophonLogos(data, opts)}
${paragraphs(ex.credits)}
<div class="consent"><p>${h(t('internarte.catalog.doc.consentNoteLong', { date }))}</p><p>${h(t('internarte.catalog.doc.generated', { date }))}</p></div>
</section>`;
}

/** The catalog's pieces in print order: cover and texts, one entry per works page, index, credits ('' when absent). */
export interface CatalogPieces {
  front: string;
  works: string[];
  index: string;
  colophon: string;
}

export function catalogPieces(data: CatalogData, opts: CatalogTemplateOptions, t: Translate): CatalogPieces {
  const ex = data.exhibition;
  const works = opts.maxWorks === undefined ? data.works : data.works.slice(0, opts.maxWorks);
  const full = opts.maxWorks === undefined || opts.maxWorks >= data.works.length;
  const front = [
    coverPage(data, opts, t),
    textPage(t('internarte.catalog.doc.presentation'), ex.presentation),
    textPage(
      t('internarte.catalog.doc.curatorialText'),
      ex.curatorialText,
      ex.curators.length ? `${t('internarte.catalog.doc.curators')}: ${ex.curators.join(', ')}` : undefined,
    ),
  ];
  return {
    front: front.filter(Boolean).join('\n'),
    works: works.length
      ? worksPages(data, works, opts, t)
      : [`<section class="page flow text"><p>${h(t('internarte.catalog.doc.noWorks'))}</p></section>`],
    index: full ? indexPage(data.works, t) : '',
    colophon: full ? colophonPage(data, opts, t) : '',
  };
}

/** A catalog document around some of its pieces (`body`); `extraCss` comes after the catalog's own (print-shop page, part offsets). */
export function catalogDocument(data: CatalogData, opts: CatalogTemplateOptions, t: Translate, body: string, extraCss = ''): string {
  const g = pageGeometry(opts.pageSize);
  return htmlDocument({
    lang: data.lang,
    title: data.exhibition.title,
    css:
      catalogCss(g, opts.layout, t('internarte.catalog.doc.consentNote', { date: consentDate(data.consentAsOf) })) +
      wideCss(g, opts.layout) +
      extraCss,
    body,
    page: { size: cssPageSize(opts.pageSize), margin: `${g.marginTopMm}mm ${g.marginSideMm}mm ${g.marginBottomMm}mm` },
  });
}

/** The complete catalog document. */
export function catalogHtml(data: CatalogData, opts: CatalogTemplateOptions, t: Translate): string {
  const p = catalogPieces(data, opts, t);
  const body = [p.front, ...p.works, p.index, p.colophon].filter(Boolean).join('\n');
  return catalogDocument(data, opts, t, body);
}
