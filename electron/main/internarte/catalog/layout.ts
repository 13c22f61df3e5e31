import type { CatalogData, CatalogImage, CatalogLayout, CatalogPageSize } from '../catalog-data';

/**
 * The catalog's geometry as pure functions, shared by the HTML template (where each image
 * is printed, at what size) and the image preparation (how many pixels that size needs at
 * 300 ppi). Millimetres throughout: portrait papers (A4, A5, Letter), A4 landscape and a
 * 21 × 21 cm square; the template prints the page's size in millimetres (`@page { size }`).
 */

export const PRINT_PPI = 300;
const MM_PER_INCH = 25.4;

export interface PageGeometry {
  size: CatalogPageSize;
  widthMm: number;
  heightMm: number;
  marginTopMm: number;
  marginSideMm: number;
  /** Holds the page number and the consent note (CSS page-margin boxes). */
  marginBottomMm: number;
  /** The printable area inside the margins. */
  contentWidthMm: number;
  contentHeightMm: number;
}

const papers: Record<CatalogPageSize, { w: number; h: number; top: number; side: number; bottom: number }> = {
  A4: { w: 210, h: 297, top: 20, side: 20, bottom: 22 },
  Letter: { w: 215.9, h: 279.4, top: 19, side: 20, bottom: 21 },
  A5: { w: 148, h: 210, top: 14, side: 14, bottom: 17 },
  A4Landscape: { w: 297, h: 210, top: 16, side: 20, bottom: 19 },
  Square21: { w: 210, h: 210, top: 16, side: 18, bottom: 19 },
};

/**
 * The paper Platform.printPdf is asked for (its `pageSize`, a fallback: the document's
 * `@page { size }` in millimetres decides in both printers, preferCSSPageSize): A4 landscape
 * is A4 turned, the square fits on A4.
 */
export function fallbackPaper(size: CatalogPageSize): { pageSize: 'A4' | 'A5' | 'Letter'; landscape: boolean } {
  if (size === 'A4Landscape') return { pageSize: 'A4', landscape: true };
  if (size === 'Square21') return { pageSize: 'A4', landscape: false };
  return { pageSize: size, landscape: false };
}

/** The CSS `@page { size }` value: the paper in millimetres ("210mm 297mm"). */
export const cssPageSize = (size: CatalogPageSize): `${number}mm ${number}mm` => `${papers[size].w}mm ${papers[size].h}mm`;

export function pageGeometry(size: CatalogPageSize): PageGeometry {
  const p = papers[size];
  return {
    size,
    widthMm: p.w,
    heightMm: p.h,
    marginTopMm: p.top,
    marginSideMm: p.side,
    marginBottomMm: p.bottom,
    contentWidthMm: round2(p.w - 2 * p.side),
    contentHeightMm: round2(p.h - p.top - p.bottom),
  };
}

/** The band at the top of every works page: the section's heading, or its running head. */
export const SECTION_BAND_MM = 12;

export interface WorksGrid {
  columns: number;
  rows: number;
  /** Works per page. */
  perPage: number;
  /** Where the image may go in one cell (it is fitted inside, keeping its proportions). */
  imageBox: { widthMm: number; heightMm: number };
  /** Caption beside the image ('two') instead of under it. */
  captionBeside: boolean;
  captionWidthMm: number;
}

/** How a works page is divided for a layout on a paper size. */
export function worksGrid(size: CatalogPageSize, layout: CatalogLayout): WorksGrid {
  const g = pageGeometry(size);
  const small = size === 'A5';
  const h = g.contentHeightMm - SECTION_BAND_MM;
  const w = g.contentWidthMm;
  if (size === 'A4Landscape' || size === 'Square21') return wideGrid(size, layout, w, h);
  if (layout === 'one') {
    const caption = small ? 40 : 48;
    return {
      columns: 1,
      rows: 1,
      perPage: 1,
      imageBox: { widthMm: w, heightMm: round2(h - caption) },
      captionBeside: false,
      captionWidthMm: w,
    };
  }
  if (layout === 'two') {
    const gap = small ? 5 : 8;
    const captionWidth = small ? 42 : 56;
    const rowHeight = (h - gap) / 2;
    return {
      columns: 1,
      rows: 2,
      perPage: 2,
      imageBox: { widthMm: round2(w - captionWidth - (small ? 4 : 6)), heightMm: round2(rowHeight - 2) },
      captionBeside: true,
      captionWidthMm: captionWidth,
    };
  }
  return cellsGrid({ columns: 2, rows: small ? 2 : 3, gapX: small ? 6 : 8, gapY: small ? 5 : 6, caption: small ? 26 : 27 }, w, h);
}

/** A grid of equal cells, each an image with its caption under it. */
function cellsGrid(g: { columns: number; rows: number; gapX: number; gapY: number; caption: number }, w: number, h: number): WorksGrid {
  const cellW = (w - g.gapX * (g.columns - 1)) / g.columns;
  const cellH = (h - g.gapY * (g.rows - 1)) / g.rows;
  return {
    columns: g.columns,
    rows: g.rows,
    perPage: g.columns * g.rows,
    imageBox: { widthMm: round2(cellW), heightMm: round2(cellH - g.caption) },
    captionBeside: false,
    captionWidthMm: round2(cellW),
  };
}

/**
 * The grids of the landscape and square papers, which are lower than they are wide: one work
 * with its caption beside it, two side by side (caption under each), a grid of 3 × 2 on the
 * landscape page and 2 × 2 on the square one.
 */
function wideGrid(size: 'A4Landscape' | 'Square21', layout: CatalogLayout, w: number, h: number): WorksGrid {
  if (layout === 'one') {
    const captionWidth = size === 'Square21' ? 52 : 70;
    return {
      columns: 1,
      rows: 1,
      perPage: 1,
      imageBox: { widthMm: round2(w - captionWidth - 8), heightMm: round2(h - 4) },
      captionBeside: true,
      captionWidthMm: captionWidth,
    };
  }
  const columns = layout === 'two' ? 2 : size === 'Square21' ? 2 : 3;
  return cellsGrid({ columns, rows: layout === 'two' ? 1 : 2, gapX: 8, gapY: 6, caption: layout === 'two' ? 34 : 27 }, w, h);
}

/** The cover image's box: the full content width, a little under half the page's height. */
export function coverBox(size: CatalogPageSize): { widthMm: number; heightMm: number } {
  const g = pageGeometry(size);
  return { widthMm: g.contentWidthMm, heightMm: round2(g.contentHeightMm * 0.46) };
}

/** A partner's logo on the cover: at most this box. */
export function logoBox(size: CatalogPageSize): { widthMm: number; heightMm: number } {
  return size === 'A5' ? { widthMm: 28, heightMm: 12 } : { widthMm: 38, heightMm: 16 };
}

export interface Placement {
  /** The printed size, fitted inside its box with the image's proportions. */
  widthMm: number;
  heightMm: number;
  /** Pixels for 300 ppi at that size, never more than the original has (no upscaling). */
  targetWidthPx: number;
  targetHeightPx: number;
}

/** Fits an image inside a box and says how many pixels print it at 300 ppi (capped by the original). */
export function placeImage(image: Pick<CatalogImage, 'width' | 'height'>, box: { widthMm: number; heightMm: number }): Placement {
  const iw = Math.max(1, image.width);
  const ih = Math.max(1, image.height);
  const scale = Math.min(box.widthMm / iw, box.heightMm / ih);
  const widthMm = round2(iw * scale);
  const heightMm = round2(ih * scale);
  const wantW = Math.round((widthMm / MM_PER_INCH) * PRINT_PPI);
  const wantH = Math.round((heightMm / MM_PER_INCH) * PRINT_PPI);
  const factor = Math.min(1, wantW / iw, wantH / ih);
  return {
    widthMm,
    heightMm,
    targetWidthPx: Math.max(1, Math.round(iw * factor)),
    targetHeightPx: Math.max(1, Math.round(ih * factor)),
  };
}

/** One image the catalog prints: which one, where (its key in the template), how big. */
export interface PlannedImage {
  /** "cover", "logo-0", "work-12" (artworkId): how the template asks for its source. */
  key: string;
  image: CatalogImage;
  placement: Placement;
}

export const workImageKey = (artworkId: number) => `work-${artworkId}`;
export const logoImageKey = (index: number) => `logo-${index}`;
export const COVER_IMAGE_KEY = 'cover';

/**
 * Every image of the catalog with its printed size, in the order they appear: the cover,
 * the partners' logos, then the works. `maxWorks` limits the works (the preview).
 */
export function planImages(data: CatalogData, size: CatalogPageSize, layout: CatalogLayout, maxWorks = Infinity): PlannedImage[] {
  const out: PlannedImage[] = [];
  const { cover, partners } = data.exhibition;
  if (cover) out.push({ key: COVER_IMAGE_KEY, image: cover, placement: placeImage(cover, coverBox(size)) });
  partners.forEach((p, i) => {
    if (p.logo) out.push({ key: logoImageKey(i), image: p.logo, placement: placeImage(p.logo, logoBox(size)) });
  });
  const box = worksGrid(size, layout).imageBox;
  for (const w of data.works.slice(0, maxWorks)) {
    if (w.image) out.push({ key: workImageKey(w.artworkId), image: w.image, placement: placeImage(w.image, box) });
  }
  return out;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
