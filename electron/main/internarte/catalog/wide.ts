import type { CatalogLayout } from '../catalog-data';
import type { PageGeometry } from './layout';
import { worksGrid } from './layout';

/**
 * The works pages of the papers lower than they are wide (A4 landscape, the 21 × 21 cm square):
 * one work has its caption beside the image, two sit side by side with their captions under
 * them (layout.ts wideGrid decides the boxes). Appended after the template's CSS; nothing for
 * the portrait papers.
 */
export function wideCss(g: PageGeometry, layout: CatalogLayout): string {
  if (g.size !== 'A4Landscape' && g.size !== 'Square21') return '';
  const grid = worksGrid(g.size, layout);
  if (layout === 'one')
    return `
.layout-one .work { flex-direction: row; align-items: flex-end; gap: 8mm; }
.layout-one .frame { align-self: auto; width: ${grid.imageBox.widthMm}mm; height: ${grid.imageBox.heightMm}mm; justify-content: flex-end; }
.layout-one .caption { margin-top: 0; display: block; width: ${grid.captionWidthMm}mm !important; }
.layout-one .caption .c-no { margin-bottom: 2mm; }
`;
  if (layout === 'two')
    return `
.layout-two .work { flex-direction: column; align-items: stretch; gap: 0; }
.layout-two .frame { width: auto; height: ${grid.imageBox.heightMm}mm; justify-content: center; }
.layout-two .caption { width: auto; margin-top: 3mm; }
`;
  return '';
}
