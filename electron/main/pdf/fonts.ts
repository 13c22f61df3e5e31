import fs from 'node:fs';

/**
 * The two font families every printed document uses, bundled with the app (never a system
 * font, so a catalog has the same line breaks and page count on every PC): Source Serif 4
 * for texts and captions, Source Sans 3 for headings and labels, both under the SIL Open
 * Font License 1.1, from their @fontsource npm packages (dependencies, so packed into
 * app.asar, where fs reads them). Printing loads no network and runs no script, so the
 * faces travel inside the HTML as data: URLs; only the latin and latin-ext subsets (every
 * Spanish letter and sign) in the weights the documents use, each with its unicode-range,
 * and Chromium embeds in the PDF only the glyphs a document prints.
 */

/** The CSS names of the bundled families: distinct from any installed font's name. */
export const SERIF_FAMILY = 'ArteINPE Serif';
export const SANS_FAMILY = 'ArteINPE Sans';

/**
 * font-family values for CSS and SVG attributes: the bundled family, then only the generic
 * fallback (never a named system font).
 */
export const SERIF = `'${SERIF_FAMILY}', serif`;
export const SANS = `'${SANS_FAMILY}', sans-serif`;

/** PostScript name prefixes of the bundled faces, as pdffonts lists them after the subset tag (SourceSerif4-Italic, SourceSans3ExtraLight-Bold: @fontsource's static instances keep the variable font's default name before the style). */
export const BUNDLED_FONT_NAMES = ['SourceSerif4', 'SourceSans3'] as const;

const PACKAGES = [
  { family: SERIF_FAMILY, pkg: 'source-serif-4' },
  { family: SANS_FAMILY, pkg: 'source-sans-3' },
] as const;

/** Regular and bold, upright and italic: what the documents' CSS asks for (b, th, h1–h3, cite, em). */
const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'normal' },
  { weight: 700, style: 'italic' },
] as const;

/** @fontsource's unicode ranges for its latin and latin-ext subsets. */
const SUBSETS = {
  latin:
    'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  'latin-ext':
    'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C4, U+2113, U+2C60-2C7F, U+A720-A7FF',
} as const;

let cached: string | null = null;

/** The @font-face rules of both bundled families (read once, then cached). */
export function fontFaceCss(): string {
  if (cached !== null) return cached;
  const rules: string[] = [];
  for (const { family, pkg } of PACKAGES) {
    for (const { weight, style } of FACES) {
      for (const [subset, range] of Object.entries(SUBSETS)) {
        const file = require.resolve(`@fontsource/${pkg}/files/${pkg}-${subset}-${weight}-${style}.woff2`);
        const data = fs.readFileSync(file).toString('base64');
        rules.push(
          `@font-face { font-family: '${family}'; src: url(data:font/woff2;base64,${data}) format('woff2'); font-weight: ${weight}; font-style: ${style}; font-display: block; unicode-range: ${range}; }`,
        );
      }
    }
  }
  cached = rules.join('\n');
  return cached;
}
