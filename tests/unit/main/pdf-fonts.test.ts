import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../electron/main/i18n';
import { labelsHtml as wallLabelsHtml } from '../../../electron/main/internarte/catalog/labels';
import { catalogHtml } from '../../../electron/main/internarte/catalog/template';
import { BUNDLED_FONT_NAMES } from '../../../electron/main/pdf/fonts';
import { certificatesHtml } from '../../../electron/main/programmes/certificate-document';
import type { PdfRequest } from '../../../electron/main/platform';
import { poppler, syntheticCatalog } from '../../helpers/catalog';
import { pdfWorkbench } from '../../helpers/pdf-files';
import { evaluationDataPerFile } from './evaluation-data';

/**
 * Issue 18, item 1: every printed document uses the bundled fonts (Source Serif 4 and
 * Source Sans 3, embedded in the HTML), never a font of the PC it is printed on. The build
 * machines have DejaVu installed, and the documents' generic fallbacks (serif, sans-serif)
 * resolve to it: any text the bundled faces did not cover, or any document that did not
 * load them, would show up in pdffonts as DejaVu (or another system font).
 */

const t = translator('es-PE');
const d = evaluationDataPerFile();
const { printer, file: pdfFile } = pdfWorkbench('arteinpe-fonts-');

async function print(req: PdfRequest): Promise<string> {
  const file = pdfFile();
  fs.writeFileSync(file, await printer.printPdf(req));
  return file;
}

async function saved(result: Promise<{ status: string; path?: string }>): Promise<string> {
  const r = await result;
  if (r.status !== 'saved' || !r.path) throw new Error('cancelled');
  return r.path;
}

/** The fonts pdffonts lists (on the given page only, if asked): name without the subset tag ("ABCDEF+"), type, embedded. */
function fontsOf(file: string, page?: number): Array<{ name: string; type: string; embedded: string }> {
  const args = page ? ['-f', String(page), '-l', String(page), file] : [file];
  const [, rule, ...rows] = poppler('pdffonts', ...args).split('\n');
  // The columns are as wide as the header's dashes.
  const cuts = [...rule!.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  return rows
    .filter((l) => l.trim())
    .map((l) => {
      const col = (i: number) => l.slice(cuts[i]![0], cuts[i]![1]).trim();
      return { name: col(0).replace(/^[A-Z]{6}\+/, ''), type: col(1), embedded: col(3) };
    });
}

const bundled = (name: string) => BUNDLED_FONT_NAMES.some((family) => new RegExp(`^${family}[A-Za-z]*-[A-Za-z]+$`).test(name));

/** Every font of the PDF is a bundled face, embedded; answers their names. */
function expectOnlyBundledFonts(file: string): string[] {
  const fonts = fontsOf(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) {
    // Chromium draws stroked text (the figures on the charts' bars, outlined to read in black and
    // white) as Type 3 outlines of the face it was set in: they carry no font name.
    if (f.name === '[none]' && f.type === 'Type 3') continue;
    expect(bundled(f.name), `${f.name} (${f.type}) is not a bundled font`).toBe(true);
    expect(f.embedded, f.name).toBe('yes');
  }
  return fonts.map((f) => f.name).filter((name) => name !== '[none]');
}

const catalog = syntheticCatalog({ works: 4 });

/** One of each kind of printed document: the pure builders, or the very channel the app calls. */
const documents: Array<[string, () => Promise<string>]> = [
  [
    'the exhibition catalog',
    () => print({ html: catalogHtml(catalog, { pageSize: 'A4', layout: 'one', images: new Map() }, t), pageSize: 'A4' }),
  ],
  ['the wall labels', () => print({ html: wallLabelsHtml(catalog, t), pageSize: 'A4' })],
  [
    'a certificate',
    () =>
      print({
        html: certificatesHtml(
          [
            {
              name: 'Ñusta Güemes Peñaloza',
              code: 'LUR-1',
              minutes: 2400,
              workshopName: 'Cerámica ayacuchana',
              programme: 'artes_plasticas',
              establishmentName: 'E.P. de Lurigancho',
              startDate: '2026-03-02',
              endDate: '2026-06-30',
            },
          ],
          '2026-07-15',
          t,
          'es-PE',
        ),
        pageSize: 'A4',
        landscape: true,
      }),
  ],
  ['the evaluation print (charts)', () => saved(d.app.ok('evaluation.print', { from: '2026-01-01', to: '2026-06-30' }))],
  ['the annual report', () => saved(d.app.ok('programmeReports.annual', { from: '2026-01-01', to: '2026-12-31', format: 'pdf' }))],
  ['the UNESCO entry', () => saved(d.app.ok('programmeReports.unescoExport', { from: '2026-01-01', to: '2026-12-31', format: 'pdf' }))],
  ['the budget report', () => saved(d.app.ok('budget.export', { year: 2026, format: 'pdf' }))],
  ['the inventory by establishment', () => saved(d.app.ok('inventory.reportByEstablishment', { establishmentId: d.lur, format: 'pdf' }))],
  ...(['qr', 'code128'] as const).map((symbology): [string, () => Promise<string>] => [
    `the inventory labels (${symbology})`,
    async () => {
      const ids = (await d.app.ok('instruments.list', {})).rows.map((i) => i.id);
      return saved(d.app.ok('inventory.labels', { instrumentIds: ids, symbology }));
    },
  ]),
  [
    'a stocktake acta',
    async () => {
      const st = await d.app.ok('stocktakes.open', { establishmentId: d.lur });
      for (const code of ['VIO-1', 'VIO-2', 'VIO-3']) await d.app.ok('stocktakes.count', { id: st.id, code });
      await d.app.ok('stocktakes.close', { id: st.id, actaNumber: 'AIF-2026-007', date: '2026-07-01', confirm: true });
      return saved(d.app.ok('stocktakes.acta', { id: st.id }));
    },
  ],
];

describe('the printed documents use only the bundled fonts', () => {
  it('every printed HTML is built by htmlDocument (which embeds the fonts), and no source names a system font', () => {
    const root = path.resolve(import.meta.dirname, '../../../electron/main');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    const systemFont = /DejaVu|Georgia|Cambria|Times New Roman|Segoe|Arial|Helvetica|Calibri|Consolas|Courier|Verdana|Tahoma/i;
    for (const f of files) {
      const source = fs.readFileSync(path.join(root, f), 'utf8');
      expect(source, f).not.toMatch(systemFont);
      if (f !== path.join('pdf', 'html.ts')) expect(source, f).not.toMatch(/<!doctype|<html[\s>]/i);
    }
  });

  it.each(documents)('%s', async (_, make) => {
    const names = expectOnlyBundledFonts(await make());
    // The shared shell's body text is the sans.
    expect(names.some((f) => f.startsWith('SourceSans3'))).toBe(true);
  });

  it('the catalog sets its texts and the work titles in the serif, its labels and page numbers in the sans', async () => {
    const file = await print({
      html: catalogHtml(catalog, { pageSize: 'A4', layout: 'one', images: new Map() }, t),
      pageSize: 'A4',
    });
    const names = expectOnlyBundledFonts(file);
    // The cover title is bold serif; the titles of the works are cited in italic serif.
    expect(names).toContain('SourceSerif4-Bold');
    expect(names).toContain('SourceSerif4-Italic');
    // Page 4 is the first work: its caption (sans) with its cited title (italic serif), and the page number (sans).
    const work = fontsOf(file, 4).map((f) => f.name);
    expect(work).toContain('SourceSerif4-Italic');
    expect(work.some((f) => f.startsWith('SourceSans3'))).toBe(true);
    expect(poppler('pdftotext', '-f', '4', '-l', '4', '-layout', file, '-')).toContain('¿Dónde está mi niñez? ¡Aquí!');
  });

  it('the wall labels set the work title in the serif', async () => {
    const names = expectOnlyBundledFonts(await print({ html: wallLabelsHtml(catalog, t), pageSize: 'A4' }));
    expect(names.some((f) => f.startsWith('SourceSerif4'))).toBe(true);
  });
});
