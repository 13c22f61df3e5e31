import type { CatalogData, CatalogImage, CatalogLayout, CatalogPageSize } from '../catalog-data';

/**
 * The catalog's geometry as pure functions, shared by the HTML template (where each image
 * is printed, at what size) and the image preparation (how many pixels that size needs at
 * 300 ppi). Millimetres throughout; portrait only.
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
};

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
  const columns = 2;
  const rows = small ? 2 : 3;
  const gapX = small ? 6 : 8;
  const gapY = small ? 5 : 6;
  const caption = small ? 26 : 27;
  const cellW = (w - gapX * (columns - 1)) / columns;
  const cellH = (h - gapY * (rows - 1)) / rows;
  return {
    columns,
    rows,
    perPage: columns * rows,
    imageBox: { widthMm: round2(cellW), heightMm: round2(cellH - caption) },
    captionBeside: false,
    captionWidthMm: round2(cellW),
  };
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
