import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Harness } from '../../../electron/harness/server';
import sharp from 'sharp';
import { pdfImages, photoLikeJpeg } from '../../helpers/catalog';
import { expect, screen, screensDir, test } from '../fixtures';
import { chooseFiles, createEstablishment, ok, recordConsent } from '../steps';

/**
 * A curator's choices for the catalog (issue 18, items 3 and 4) in the real renderer: the
 * cover chosen in the exhibition's form among its works whose photo may be published, and
 * the preflight's list beside the export button (a photo too small for its printed size).
 */

async function seed(harness: Harness): Promise<{ title: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-fotos-'));
  const photo = async (name: string, w: number, h: number, hue: number) => {
    const file = path.join(dir, name);
    await photoLikeJpeg(file, w, h, hue);
    return fs.readFileSync(file).toString('base64');
  };
  // A good photo, and one far too small for a whole A4 page (400 × 500 px).
  const photos = [await photo('grande.jpg', 1500, 1875, 18), await photo('chica.jpg', 400, 500, 200)];
  fs.rmSync(dir, { recursive: true, force: true });
  const est = await createEstablishment(harness, { code: 'EP-LIM-01', name: 'E.P. de Lurigancho' });
  const ids: number[] = [];
  for (const [i, title] of ['Vasija de la memoria', 'Mañana en el Mantaro'].entries()) {
    const a = await ok<{ id: number }>(harness, 'artworks.create', {
      title,
      artistName: i === 0 ? 'Rosa Condori Ñique' : 'Lucía Gutiérrez Ayala',
      establishmentId: est.id,
      technique: i === 0 ? 'ceramica_alta_temperatura' : 'pintura_oleo',
      heightMm: 600,
      widthMm: 480,
      year: 2026,
      receivedOn: '2026-09-01',
    });
    await ok(harness, 'artworks.addPhoto', { id: a.id, fileName: `obra-${i}.jpg`, dataBase64: photos[i] });
    await recordConsent(harness, a.id);
    ids.push(a.id);
  }
  const title = 'InternArte: otra forma de libertad';
  const partner = await ok<{ id: number }>(harness, 'partners.create', { name: 'Municipalidad de Lima', type: 'sector_publico' });
  const ex = await ok<{ id: number }>(harness, 'exhibitions.create', {
    title,
    partnerIds: [partner.id],
    venue: 'Museo de Artes y Tradiciones Populares',
    presentation: 'Obras de los talleres del INPE.',
    curatorialText: 'La libertad es una forma de hacer.',
    titleEn: 'InternArte: another kind of freedom',
  });
  await ok(harness, 'exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: ids });
  return { title };
}

test('the curator chooses the cover; the preflight lists the small photo and the clerk can still export', async ({ app, harness }) => {
  test.setTimeout(120_000);
  const { title } = await seed(harness);
  await app.reload();
  await app.getByRole('link', { name: 'Exposiciones', exact: true }).click();
  await app.getByText(title, { exact: true }).click();
  await expect(app.getByRole('heading', { name: title })).toBeVisible();

  // The form: the texts in «Español» and «English», the cover among the works with a publishable photo.
  await app.getByRole('button', { name: 'Editar', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: 'Editar exposición' });
  await dialog.getByRole('tab', { name: 'English' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Título (inglés)', exact: true })).toHaveValue('InternArte: another kind of freedom');
  await dialog.getByRole('textbox', { name: 'Texto de presentación (inglés)', exact: true }).fill('Works from the workshops of INPE.');
  const cover = dialog.getByRole('combobox', { name: 'Portada del catálogo' });
  await expect(cover).toHaveAttribute('placeholder', 'Portada: primera obra con foto');
  await cover.click();
  await app.getByRole('option', { name: '2. Mañana en el Mantaro', exact: true }).click();
  await expect(cover).toHaveValue('2. Mañana en el Mantaro');
  await screen(app, '96-exposicion-portada');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();

  // The preflight beside the export button: the chosen cover (the small photo) and its own page.
  await app.getByRole('tab', { name: 'Catálogo y cartelas' }).click();
  const list = app.getByTestId('catalog-preflight');
  await expect(list).toContainText('Revisión antes de imprimir');
  await expect(list).toContainText(
    /La foto de portada \(«Mañana en el Mantaro», n\.º 2\) queda a 108 ppi en 9\.4 × 11\.7 cm \(400 × 500 px\): la imprenta pide 200\./,
  );
  await expect(list).toContainText(/La foto de «Mañana en el Mantaro» \(n\.º 2\) queda a \d+ ppi/);
  await expect(list).not.toContainText('Vasija de la memoria');
  await screen(app, '97-catalogo-revision');

  // In English the texts without an English version are named (the Spanish one prints).
  await app.getByText('Inglés', { exact: true }).click();
  await expect(list).toContainText('Falta en inglés: el texto curatorial. Se imprimirá el texto en español.');
  await expect(list).not.toContainText('Falta en inglés: la presentación');

  // The clerk can still export.
  await app.getByRole('button', { name: 'Exportar catálogo (PDF)…' }).click();
  await expect(app.getByTestId('catalog-done')).toContainText('Catálogo guardado:', { timeout: 60_000 });
});

test("a partner's logo uploaded in its form prints on the catalog's cover and in its credits", async ({ app, harness }) => {
  test.setTimeout(120_000);
  const { title } = await seed(harness);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-logos-'));
  const logo = path.join(dir, 'logo-municipalidad.png');
  // A wide logo (3 : 1), to be told from the works' photos in the PDF.
  await sharp({ create: { width: 900, height: 300, channels: 3, background: '#1d4e89' } })
    .composite([
      { input: Buffer.from('<svg width="900" height="300"><rect x="60" y="60" width="180" height="180" fill="#f2c230"/></svg>') },
    ])
    .png()
    .toFile(logo);
  const unsafe = path.join(dir, 'logo-con-script.svg');
  fs.writeFileSync(unsafe, '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30"><script>alert(1)</script></svg>');

  await app.reload();
  await app.getByRole('link', { name: 'Aliados y convenios' }).click();
  await app.getByRole('row', { name: /Municipalidad de Lima/ }).click();
  await app.getByRole('dialog', { name: 'Municipalidad de Lima' }).getByRole('button', { name: 'Editar', exact: true }).click();
  const form = app.getByRole('dialog', { name: 'Editar aliado' });
  await expect(form.getByText('Sin logo.')).toBeVisible();
  const upload = form.getByRole('button', { name: 'Subir logo (PNG o SVG)' });

  // An SVG that could run a script is refused beside the field, not cleaned.
  await chooseFiles(app, upload, unsafe);
  await expect(
    form.getByText('El SVG tiene scripts, eventos o referencias externas: expórtelo solo como dibujo e inténtelo de nuevo.'),
  ).toBeVisible();
  await expect(form.getByText('Sin logo.')).toBeVisible();

  await chooseFiles(app, upload, logo);
  const shown = form.getByRole('img', { name: 'Logo de Municipalidad de Lima' });
  await expect(shown).toBeVisible();
  await expect(shown).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  await expect(form.getByText('logo-municipalidad.png')).toBeVisible();
  await expect(form.getByText('El SVG tiene scripts')).toBeHidden();
  await screen(app, '98-aliado-logo');
  await app.keyboard.press('Escape');
  fs.rmSync(dir, { recursive: true, force: true });

  // The catalog: the logo on the cover and, with the partner's name under it, in the credits.
  await app.getByRole('link', { name: 'Exposiciones', exact: true }).click();
  await app.getByText(title, { exact: true }).click();
  await app.getByRole('tab', { name: 'Catálogo y cartelas' }).click();
  await app.getByRole('button', { name: 'Exportar catálogo (PDF)…' }).click();
  const done = app.getByTestId('catalog-done');
  await expect(done).toContainText('Catálogo guardado:', { timeout: 60_000 });
  const file = (await done.getByTestId('saved-path').innerText()).replace('Archivo guardado en: ', '').trim();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const logos = pdfImages(file).filter((i) => Math.abs(i.width / i.height - 3) < 0.05);
  expect(logos.map((i) => i.page)).toEqual([1, pages]);
  expect(execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), file, '-'], { encoding: 'utf8' })).toContain(
    'Municipalidad de Lima',
  );

  // The cover and the credits as printed (pdftoppm), beside the screenshots.
  fs.mkdirSync(screensDir, { recursive: true });
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '50',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    path.join(screensDir, '98b-catalogo-portada-logo'),
  ]);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '50',
    '-f',
    String(pages),
    '-l',
    String(pages),
    '-singlefile',
    file,
    path.join(screensDir, '98c-catalogo-creditos-logo'),
  ]);
  expect(fs.existsSync(path.join(screensDir, '98b-catalogo-portada-logo.png'))).toBe(true);
  expect(fs.existsSync(path.join(screensDir, '98c-catalogo-creditos-logo.png'))).toBe(true);
});
