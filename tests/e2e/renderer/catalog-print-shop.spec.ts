import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Harness } from '../../../electron/harness/server';
import { photoLikeJpeg } from '../../helpers/catalog';
import { expect, screen, screensDir, test } from '../fixtures';
import { createEstablishment, ok, recordConsent } from '../steps';

/**
 * The catalog for the print shop in the real renderer: the switch, the PDF made as a job,
 * then read back: the sheet larger than the A4 page by bleed and slug, the page count a
 * multiple of 4, the credits last; its first pages rendered with pdftoppm beside the screenshots.
 */

async function seed(harness: Harness): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-fotos-'));
  const lurigancho = await createEstablishment(harness, { code: 'EP-LIM-01', name: 'E.P. de Lurigancho' });
  const ids: number[] = [];
  for (const [i, title] of ['Vasija de la memoria', 'Mañana en el Mantaro', 'Cóndor de la esperanza'].entries()) {
    const file = path.join(dir, `obra-${i}.jpg`);
    await photoLikeJpeg(file, 1500, 1875, [18, 200, 95][i]);
    const a = await ok<{ id: number }>(harness, 'artworks.create', {
      title,
      artistName: ['Rosa Condori Ñique', 'Lucía Gutiérrez Ayala', 'Juan Ríos'][i],
      establishmentId: lurigancho.id,
      technique: 'pintura_oleo',
      heightMm: 600,
      widthMm: 480,
      year: 2026,
      receivedOn: '2026-09-01',
    });
    await ok(harness, 'artworks.addPhoto', { id: a.id, fileName: `obra-${i}.jpg`, dataBase64: fs.readFileSync(file).toString('base64') });
    await recordConsent(harness, a.id);
    ids.push(a.id);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const title = 'Manos que crean';
  const ex = await ok<{ id: number }>(harness, 'exhibitions.create', {
    title,
    venue: 'Centro Cultural de Lima',
    startsOn: '2026-12-05',
    presentation: 'Obras de los talleres de pintura del INPE.',
    credits: 'Fotografía: Oficina de Tratamiento Penitenciario.',
    sectionMode: 'establecimiento',
  });
  await ok(harness, 'exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: ids });
  return title;
}

test('the catalog for the print shop: bleed and crop marks, a multiple of 4 pages, the credits last', async ({ app, harness }) => {
  test.setTimeout(120_000);
  const title = await seed(harness);
  await app.getByRole('link', { name: 'Exposiciones', exact: true }).click();
  await app.getByText(title, { exact: true }).click();
  await app.getByRole('tab', { name: 'Catálogo y cartelas' }).click();
  const printShop = app.getByRole('switch', { name: 'Para imprenta (sangrado y marcas de corte)' });
  await expect(printShop).not.toBeChecked();
  await printShop.check();
  await expect(app.getByText('Agrega 3 mm de sangrado, marcas de corte')).toBeVisible();

  await app.getByRole('button', { name: 'Exportar catálogo (PDF)…' }).click();
  const done = app.getByTestId('catalog-done');
  // cover, presentation, 3 works, index, credits = 7 pages; one blank page makes 8
  await expect(done).toContainText('Catálogo guardado: 8 páginas, 3 obras.', { timeout: 60_000 });
  const file = (await done.getByTestId('saved-path').innerText()).replace('Archivo guardado en: ', '').trim();
  await screen(app, '93b-catalogo-imprenta-exportado');

  const info = execFileSync('pdfinfo', ['-box', file], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+8\n/);
  // A4 (595 × 842 pt) plus 2 × 10 mm (57 pt): bleed and slug.
  expect(info).toMatch(/Page size:\s+65\d\.\d+ x 89\d\.\d+ pts/);
  const trim = /TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(info)!;
  expect(Number(trim[3]) - Number(trim[1])).toBeCloseTo(595.3, 0);
  const last = execFileSync('pdftotext', ['-f', '8', '-l', '8', file, '-'], { encoding: 'utf8' });
  expect(last).toContain('Créditos');
  expect(last).toMatch(/Source Serif 4 y Source Sans 3/);
  expect(execFileSync('pdftotext', ['-f', '7', '-l', '7', file, '-'], { encoding: 'utf8' }).trim()).toBe('');

  // The first pages as the print shop sees them: the whole sheet, marks included (40 ppi).
  fs.mkdirSync(screensDir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '3', file, path.join(screensDir, '93c-catalogo-imprenta-pagina')]);
  const pngs = fs.readdirSync(screensDir).filter((f) => f.startsWith('93c-catalogo-imprenta-pagina-') && f.endsWith('.png'));
  expect(pngs.length).toBe(3);
});
