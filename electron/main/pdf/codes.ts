import bwipjs from 'bwip-js/node';
import { SANS } from './fonts';
import { escapeHtml } from './html';

/**
 * Barcodes as inline SVG for the printed documents (label sheets, actas, catalog). The
 * symbols are encoded by bwip-js (Barcode Writer in Pure PostScript); the drawing is ours,
 * so the sizes are exact millimetres and the quiet zones are always there. The
 * human-readable line under a Code 128 is real text (selectable, searchable in the PDF).
 */

// The default export is the same object in bwip-js's CJS and ESM builds; there `raw` is the
// encoder (the ESM named export `raw` is a symbology of that name).
const encode = bwipjs.raw as (bcid: string, text: string, opts: Record<string, unknown>) => unknown;

const fmt = (n: number): string => String(Number(n.toFixed(3)));

export interface Code128Options {
  /** Width of the narrowest bar in millimetres (0.25–0.5 reads well with handheld scanners). Default 0.33. */
  moduleMm?: number;
  /** Height of the bars in millimetres. Default 12. */
  heightMm?: number;
  /** The text under the bars. Default true. */
  showText?: boolean;
  /** Font size of that text in millimetres. Default 2.8 (about 8 pt). */
  textMm?: number;
}

/** What a keyboard-wedge scanner can type back: printable ASCII. */
const CODE128_TEXT = /^[\x20-\x7e]+$/;

/** A Code 128 barcode of `text` (printable ASCII, e.g. an instrument code "INS-000123"). */
export function code128Svg(text: string, opts: Code128Options = {}): string {
  if (!CODE128_TEXT.test(text)) throw new RangeError(`code128Svg: only printable ASCII can be encoded, got ${JSON.stringify(text)}`);
  const moduleMm = opts.moduleMm ?? 0.33;
  const heightMm = opts.heightMm ?? 12;
  const showText = opts.showText ?? true;
  const textMm = opts.textMm ?? 2.8;
  const symbol = (encode('code128', text, {}) as Array<{ sbs?: number[] }>)[0];
  if (!symbol?.sbs) throw new Error('code128Svg: bwip-js returned no bars');

  const quiet = 10; // modules of white on each side (ISO/IEC 15417)
  let x = quiet;
  let bars = '';
  symbol.sbs.forEach((w, i) => {
    if (i % 2 === 0) bars += `M${fmt(x * moduleMm)} 0h${fmt(w * moduleMm)}v${fmt(heightMm)}h${fmt(-w * moduleMm)}z`;
    x += w;
  });
  const width = (x + quiet) * moduleMm;
  const height = showText ? heightMm + 0.8 + textMm : heightMm;
  const label = escapeHtml(text);
  const caption = showText
    ? `<text x="${fmt(width / 2)}" y="${fmt(heightMm + 0.6 + textMm * 0.8)}" font-size="${fmt(textMm)}" text-anchor="middle" font-family="${SANS}" fill="#000">${label}</text>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="barcode code128" role="img" aria-label="${label}"` +
    ` width="${fmt(width)}mm" height="${fmt(height)}mm" viewBox="0 0 ${fmt(width)} ${fmt(height)}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<path d="${bars}" fill="#000" shape-rendering="crispEdges"/>${caption}</svg>`
  );
}

export interface QrOptions {
  /** Side of the printed square, quiet zone included, in millimetres. Default 25. */
  sizeMm?: number;
  /** Error correction: L 7 %, M 15 %, Q 25 %, H 30 %. Default M. */
  errorCorrection?: 'L' | 'M' | 'Q' | 'H';
}

/** A QR code of `text` (UTF-8, so "Ñandú" reads back as written). */
export function qrSvg(text: string, opts: QrOptions = {}): string {
  if (text.length === 0) throw new RangeError('qrSvg: nothing to encode');
  const sizeMm = opts.sizeMm ?? 25;
  const symbol = (
    encode('qrcode', text, { eclevel: opts.errorCorrection ?? 'M' }) as Array<{ pixs?: number[]; pixx?: number; pixy?: number }>
  )[0];
  if (!symbol?.pixs || !symbol.pixx || !symbol.pixy) throw new Error('qrSvg: bwip-js returned no modules');
  const { pixs, pixx, pixy } = symbol;

  const quiet = 4; // modules of white around the symbol (ISO/IEC 18004)
  let d = '';
  for (let y = 0; y < pixy; y++) {
    for (let x = 0; x < pixx;) {
      if (!pixs[y * pixx + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < pixx && pixs[y * pixx + x]) x++;
      d += `M${start + quiet} ${y + quiet}h${x - start}v1h${start - x}z`;
    }
  }
  const side = Math.max(pixx, pixy) + 2 * quiet;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="barcode qr" role="img" aria-label="${escapeHtml(text)}"` +
    ` width="${fmt(sizeMm)}mm" height="${fmt(sizeMm)}mm" viewBox="0 0 ${side} ${side}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<path d="${d}" fill="#000" shape-rendering="crispEdges"/></svg>`
  );
}
