import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdfWorkbench } from '../../helpers/pdf-files';
import { code128Svg, qrSvg } from '../../../electron/main/pdf/codes';
import { escapeHtml, htmlDocument } from '../../../electron/main/pdf/html';
import type { PdfRequest } from '../../../electron/main/platform';

// The Node printer (Debian's Chromium through Playwright) stands in for Electron's
// printToPDF: the same Chromium print path. poppler-utils read the PDFs back as a reader would.

const SPANISH = 'Año, niño, ¿Cuántos? ¡Sí! Ñandú';
const { printer, file: pdfFile } = pdfWorkbench('arteinpe-pdf-');

async function print(req: PdfRequest): Promise<string> {
  const buf = await printer.printPdf(req);
  expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const file = pdfFile();
  fs.writeFileSync(file, buf);
  return file;
}

const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const text = (file: string) => run('pdftotext', '-layout', file, '-');

function info(file: string) {
  const out = run('pdfinfo', file);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    title: /Title:\s+(.*)/.exec(out)?.[1]?.trim(),
  };
}

/** Points; Chromium rounds page sizes to whole CSS pixels, so within 1.5 pt. */
function expectPage(file: string, width: number, height: number, pages = 1) {
  const i = info(file);
  expect(i.pages).toBe(pages);
  expect(Math.abs(i.width - width)).toBeLessThan(1.5);
  expect(Math.abs(i.height - height)).toBeLessThan(1.5);
}

const A4 = [595.28, 841.89] as const;
const A5 = [419.53, 595.28] as const;
const LETTER = [612, 792] as const;

const doc = (body: string, page?: Parameters<typeof htmlDocument>[0]['page']) =>
  htmlDocument({ lang: 'es-PE', title: 'Acta de inventario físico — E.P. Ancón', body, page });

/** Rasterizes page 1 at 300 dpi (an office printer prints at 600) and decodes one barcode format, as a scanner would. */
async function scan(file: string, format: BarcodeFormat): Promise<string> {
  const prefix = pdfFile('scan', '');
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const { data, info: img } = await sharp(`${prefix}.png`).greyscale().raw().toBuffer({ resolveWithObject: true });
  const luminance = new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [format]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, img.width, img.height)));
  return reader.decode(bitmap, hints).getText();
}

describe('printing to PDF', () => {
  it('an acta in Spanish prints on one A4 page with its accents, its title and every font embedded', async () => {
    const file = await print({
      html: doc(`<h1>${escapeHtml(SPANISH)}</h1><p>Instrumento ${code128Svg('INS-000123')}</p>`),
      pageSize: 'A4',
    });
    expectPage(file, ...A4);
    expect(info(file).title).toBe('Acta de inventario físico — E.P. Ancón');
    const words = text(file);
    expect(words).toContain(SPANISH);
    // The human-readable line under the bars is real text, found by search and copy.
    expect(words).toContain('INS-000123');

    const fonts = run('pdffonts', file)
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      // name, type…, encoding, then the emb / sub / uni columns.
      const cols = line.trim().split(/\s+/);
      expect(cols.at(-5), line).toBe('yes');
    }
  });

  it('the printed Code 128 and QR code scan back to exactly what was encoded', async () => {
    const file = await print({
      html: doc(`<p>${code128Svg('INS-000123')}</p><p style="margin-top:20mm">${qrSvg('https://inpe.gob.pe/arte?obra=Ñandú-7')}</p>`),
      pageSize: 'A4',
    });
    expect(await scan(file, BarcodeFormat.CODE_128)).toBe('INS-000123');
    expect(await scan(file, BarcodeFormat.QR_CODE)).toBe('https://inpe.gob.pe/arte?obra=Ñandú-7');
  });

  it('a small label-sheet barcode (0.25 mm bars, 8 mm high) still scans', async () => {
    const file = await print({
      html: doc(code128Svg('EP-LIM-01/0042', { moduleMm: 0.25, heightMm: 8, textMm: 2.2 })),
      pageSize: 'A4',
    });
    expect(await scan(file, BarcodeFormat.CODE_128)).toBe('EP-LIM-01/0042');
    expect(text(file)).toContain('EP-LIM-01/0042');
  });

  it('prints on Letter, A5 and landscape paper when asked', async () => {
    const body = `<p>${escapeHtml(SPANISH)}</p>`;
    expectPage(await print({ html: doc(body), pageSize: 'Letter' }), ...LETTER);
    expectPage(await print({ html: doc(body), pageSize: 'A5' }), ...A5);
    expectPage(await print({ html: doc(body), pageSize: 'A4', landscape: true }), A4[1], A4[0]);
    expectPage(await print({ html: doc(body), pageSize: 'Letter', landscape: true }), LETTER[1], LETTER[0]);
  });

  it('a paper size fixed in the document wins, and its 15 mm margin is where the text starts', async () => {
    const file = await print({ html: doc(`<p>${escapeHtml(SPANISH)}</p>`, { size: 'A5', landscape: true }), pageSize: 'A4' });
    expectPage(file, A5[1], A5[0]);
    const bbox = run('pdftotext', '-bbox', file, '-');
    const xMin = Number(/<word xMin="([\d.]+)"/.exec(bbox)?.[1]);
    expect(Math.abs(xMin - (15 / 25.4) * 72)).toBeLessThan(1.5);
  });

  it('a page break starts a new page', async () => {
    const file = await print({
      html: doc('<p class="page-break">Primera hoja</p><p>Segunda hoja</p>'),
      pageSize: 'A4',
    });
    expect(info(file).pages).toBe(2);
    const [first, second] = text(file).split('\f');
    expect(first).toContain('Primera hoja');
    expect(second).toContain('Segunda hoja');
  });

  it('a name typed with markup prints as the letters typed, not as markup', async () => {
    const name = '<b>Rosa</b> & "Quispe" <script>x</script>';
    const file = await print({ html: doc(`<p>Artista: ${escapeHtml(name)}</p>`), pageSize: 'A4' });
    expect(text(file)).toContain(`Artista: ${name}`);
  });
});

describe('barcode markup', () => {
  it('sizes the symbols in millimetres, quiet zones included', () => {
    // INS-000123 is 123 modules wide, plus 10 modules of quiet zone on each side.
    expect(code128Svg('INS-000123', { moduleMm: 0.5, heightMm: 10, showText: false })).toContain('width="71.5mm" height="10mm"');
    expect(qrSvg('INS-000123', { sizeMm: 20 })).toContain('width="20mm" height="20mm"');
  });

  it('refuses a Code 128 that a keyboard-wedge scanner could not type back', () => {
    expect(() => code128Svg('Ñandú-01')).toThrow(RangeError);
    expect(() => code128Svg('')).toThrow(RangeError);
  });
});
