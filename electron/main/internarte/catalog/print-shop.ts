import { cmyk, PDFName, type PDFPage } from 'pdf-lib';
import type { CatalogImage, CatalogPageSize } from '../catalog-data';
import { coverBox, pageGeometry, PRINT_PPI, type Placement } from './layout';

/**
 * The print-shop ("imprenta") catalog: every page is printed by Chromium on a sheet larger
 * than the trim by a 3 mm bleed and a 7 mm slug on each side (CSS `@page size` and margins
 * grown by 10 mm), so the design sits exactly where it does on screen, 10 mm in from the
 * sheet's top-left corner. Whatever touches the trim edge (the cover photo, full bleed in
 * this mode) reaches 3 mm beyond it. pdf-lib then sets each page's TrimBox and BleedBox and
 * draws the crop marks in the slug, never inside the bleed. Geometry comes from
 * pageGeometry(), whatever the paper.
 */

export const BLEED_MM = 3;
export const SLUG_MM = 7;
/** From the sheet's edge to the trim. */
export const TRIM_OFFSET_MM = BLEED_MM + SLUG_MM;
export const PT_PER_MM = 72 / 25.4;
/** Crop marks run from this far outside the trim (1 mm clear of the bleed) to 0.5 mm short of the sheet's edge. */
const MARK_FROM_MM = BLEED_MM + 1;
const MARK_TO_MM = TRIM_OFFSET_MM - 0.5;

export function printShopSheet(size: CatalogPageSize) {
  const g = pageGeometry(size);
  return {
    trimWidthMm: g.widthMm,
    trimHeightMm: g.heightMm,
    widthMm: g.widthMm + 2 * TRIM_OFFSET_MM,
    heightMm: g.heightMm + 2 * TRIM_OFFSET_MM,
  };
}

/** The full-bleed cover photo's box: the trim's width and the top of the page, each plus the bleed. */
export function coverBleedBox(size: CatalogPageSize): { widthMm: number; heightMm: number } {
  const g = pageGeometry(size);
  return { widthMm: g.widthMm + 2 * BLEED_MM, heightMm: coverBox(size).heightMm + g.marginTopMm + BLEED_MM };
}

/** An image that fills a box (cropped, not fitted), with the pixels 300 ppi needs (never upscaled). */
export function fillBox(image: Pick<CatalogImage, 'width' | 'height'>, box: { widthMm: number; heightMm: number }): Placement {
  const iw = Math.max(1, image.width);
  const ih = Math.max(1, image.height);
  const scale = Math.max(box.widthMm / iw, box.heightMm / ih);
  const widthMm = iw * scale;
  const heightMm = ih * scale;
  const factor = Math.min(1, ((widthMm / 25.4) * PRINT_PPI) / iw, ((heightMm / 25.4) * PRINT_PPI) / ih);
  return {
    widthMm: Math.round(widthMm * 100) / 100,
    heightMm: Math.round(heightMm * 100) / 100,
    targetWidthPx: Math.max(1, Math.round(iw * factor)),
    targetHeightPx: Math.max(1, Math.round(ih * factor)),
  };
}

/** CSS after the catalog's own: the larger sheet, the same margins measured from the trim, the full-bleed cover. */
export function printShopCss(size: CatalogPageSize): string {
  const g = pageGeometry(size);
  const s = printShopSheet(size);
  const o = TRIM_OFFSET_MM;
  const small = size === 'A5';
  return `
@media print {
  @page { size: ${s.widthMm}mm ${s.heightMm}mm; margin: ${g.marginTopMm + o}mm ${g.marginSideMm + o}mm ${g.marginBottomMm + o}mm; }
  /* Chromium clips a page's content to its page area: the cover is a page of its own without margins, laid out over the whole sheet, so its photo can reach into the bleed. */
  @page printshop-cover { margin: 0; }
  .cover { page: printshop-cover; overflow: visible; height: ${s.heightMm - 0.8}mm; padding: ${g.marginTopMm + o + coverBox(size).heightMm + (small ? 6 : 9)}mm ${g.marginSideMm + o}mm ${g.marginBottomMm + o}mm; }
  .cover .cover-image { position: absolute; top: ${SLUG_MM}mm; left: ${SLUG_MM}mm; right: ${SLUG_MM}mm; height: ${coverBleedBox(size).heightMm}mm; margin: 0; }
  .cover .cover-image img { width: 100% !important; height: 100% !important; max-width: none; max-height: none; object-fit: cover; }
}
`;
}

/** TrimBox, BleedBox and crop marks on a printed page (or a blank one) of the print-shop catalog. */
export function finishPrintShopPage(page: PDFPage, size: CatalogPageSize): void {
  const s = printShopSheet(size);
  const media = page.getMediaBox();
  // Chromium lays the page out from its top-left corner: the trim is 10 mm in from there.
  const left = media.x + TRIM_OFFSET_MM * PT_PER_MM;
  const top = media.y + media.height - TRIM_OFFSET_MM * PT_PER_MM;
  const w = s.trimWidthMm * PT_PER_MM;
  const hgt = s.trimHeightMm * PT_PER_MM;
  const bottom = top - hgt;
  const right = left + w;
  const b = BLEED_MM * PT_PER_MM;
  page.setTrimBox(left, bottom, w, hgt);
  page.setBleedBox(left - b, bottom - b, w + 2 * b, hgt + 2 * b);
  // Chromium sets no CropBox; a viewer then shows the whole sheet, marks included.
  page.node.delete(PDFName.of('CropBox'));
  const from = MARK_FROM_MM * PT_PER_MM;
  const to = MARK_TO_MM * PT_PER_MM;
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.25, color: cmyk(1, 1, 1, 1) });
  for (const x of [left, right]) {
    for (const y of [bottom, top]) {
      const dx = x === left ? -1 : 1;
      const dy = y === bottom ? -1 : 1;
      line(x + dx * from, y, x + dx * to, y); // along the trim's horizontal edge, outside it
      line(x, y + dy * from, x, y + dy * to); // along the vertical edge
    }
  }
}
