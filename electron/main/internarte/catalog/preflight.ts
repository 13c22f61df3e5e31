import type { PreflightFinding } from '../../../../shared/internarte/catalog-schemas';
import type { CatalogData, CatalogLayout, CatalogPageSize, CatalogWork } from '../catalog-data';
import { formatDimensions } from './captions';
import { isDrawing } from './images';
import { COVER_IMAGE_KEY, pageGeometry, planImages, SECTION_BAND_MM, worksGrid } from './layout';

/**
 * The preflight (issue 18, item 4): what a print shop would reject in this catalog, found
 * from the same data and geometry the PDF is made from, so that the clerk can fix it first or
 * export anyway. Pure: CatalogData and the options in, the findings out, in print order.
 *
 * - An image below 200 ppi at its printed size: ppi = pixels ÷ (printed mm ÷ 25.4), the lower
 *   of width and height (the image is fitted in its box keeping its proportions, layout.ts
 *   placeImage). SVG logos are drawn, not pixels: never low. A partner's logo is checked at its
 *   cover size: the credits print it smaller (template.ts creditsLogoBox), so sharper.
 * - A caption too long for its box: an estimate, not a measurement. The box is the caption's
 *   part of a works cell (layout.ts worksGrid); its lines are the caption's lines (artist,
 *   title and year, technique, materials, dimensions, establishment, price), each wrapped at
 *   the characters a line holds (an average sans character is half its font size wide); the
 *   box holds its height ÷ (font size × line height) lines. Font sizes as template.ts prints them.
 * - A work without a publishable photo (none, or no consent to publish it).
 * - In an English catalog, each exhibition text with no English version (the Spanish prints).
 */

export const MIN_PRINT_PPI = 200;
const MM_PER_INCH = 25.4;
const MM_PER_PT = 25.4 / 72;
/** An average character of the sans captions, as a fraction of the font size. */
const CHAR_WIDTH_EM = 0.5;

/** The caption's box and type for a layout on a paper (the sizes of template.ts's CSS). */
export function captionBox(size: CatalogPageSize, layout: CatalogLayout) {
  const g = pageGeometry(size);
  const grid = worksGrid(size, layout);
  const small = size === 'A5';
  const type =
    layout === 'grid'
      ? { pt: small ? 6.5 : 7.2, lh: 1.35 }
      : layout === 'two'
        ? { pt: small ? 7.5 : 8.5, lh: 1.45 }
        : { pt: small ? 8 : 9, lh: 1.45 };
  if (grid.captionBeside) return { widthMm: grid.captionWidthMm, heightMm: grid.imageBox.heightMm, ...type };
  const cellHeight = (g.contentHeightMm - SECTION_BAND_MM - 4 - (grid.rows - 1) * 6) / grid.rows;
  // Portrait "one": the catalog number takes a column of its own at the caption's left.
  const numberColumn = layout === 'one' ? (small ? 12 : 16) : 0;
  const widthMm = (layout === 'one' ? Math.min(grid.captionWidthMm, 100) : grid.captionWidthMm) - numberColumn;
  return { widthMm, heightMm: cellHeight - grid.imageBox.heightMm - (layout === 'one' ? (small ? 4 : 6) : 2), ...type };
}

function captionTexts(w: CatalogWork, lang: CatalogData['lang']): string[] {
  const dims = formatDimensions(w.dimensionsMm, lang);
  return [
    w.artistLabel,
    `${w.title}${w.year ? `, ${w.year}` : ''}`,
    w.technique,
    w.materials ?? '',
    dims ?? '',
    w.establishment,
    w.priceCentimos !== null ? 'Precio: S/ 0 000,00' : '',
  ].filter(Boolean);
}

/** The caption's estimated lines and the lines its box holds. */
export function captionFit(w: CatalogWork, lang: CatalogData['lang'], size: CatalogPageSize, layout: CatalogLayout) {
  const box = captionBox(size, layout);
  const perLine = Math.max(1, Math.floor(box.widthMm / (box.pt * MM_PER_PT * CHAR_WIDTH_EM)));
  const lines = captionTexts(w, lang).reduce((n, text) => n + Math.ceil(text.length / perLine), 0) + (layout === 'one' ? 0 : 1);
  const fits = Math.max(1, Math.floor(box.heightMm / (box.pt * MM_PER_PT * box.lh)));
  return { lines, fits };
}

const cm = (mm: number) => Math.round(mm) / 10;

export function preflight(data: CatalogData, size: CatalogPageSize, layout: CatalogLayout): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  const ex = data.exhibition;
  for (const field of data.textFallbacks ?? []) out.push({ kind: 'missingEnglish', artworkId: null, label: field, params: { field } });

  const byKey = new Map(data.works.map((w) => [`work-${w.artworkId}`, w]));
  const coverWork = data.works.find((w) => w.image !== null && w.image === ex.cover);
  for (const p of planImages(data, size, layout)) {
    if (isDrawing(p)) continue;
    const ppi = Math.floor(
      Math.min(p.image.width / (p.placement.widthMm / MM_PER_INCH), p.image.height / (p.placement.heightMm / MM_PER_INCH)),
    );
    if (ppi >= MIN_PRINT_PPI) continue;
    const printed = {
      ppi,
      widthCm: cm(p.placement.widthMm),
      heightCm: cm(p.placement.heightMm),
      widthPx: p.image.width,
      heightPx: p.image.height,
    };
    const work = p.key === COVER_IMAGE_KEY ? coverWork : byKey.get(p.key);
    if (p.key.startsWith('logo-')) {
      const partner = ex.partners[Number(p.key.slice(5))]!;
      out.push({ kind: 'logoLowResolution', artworkId: null, label: partner.name, params: { ...printed, name: partner.name } });
    } else if (work) {
      out.push({
        kind: p.key === COVER_IMAGE_KEY ? 'coverLowResolution' : 'lowResolution',
        artworkId: work.artworkId,
        label: work.title,
        params: { ...printed, title: work.title, number: work.catalogNumber },
      });
    }
  }

  for (const w of data.works) {
    const params = { title: w.title, number: w.catalogNumber };
    if (w.image === null) out.push({ kind: 'noPhoto', artworkId: w.artworkId, label: w.title, params });
    const fit = captionFit(w, data.lang, size, layout);
    if (fit.lines > fit.fits)
      out.push({ kind: 'captionTooLong', artworkId: w.artworkId, label: w.title, params: { ...params, lines: fit.lines, fits: fit.fits } });
  }
  return out;
}
