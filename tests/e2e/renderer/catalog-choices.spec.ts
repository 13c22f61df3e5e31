import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Harness } from '../../../electron/harness/server';
import { photoLikeJpeg } from '../../helpers/catalog';
import { expect, screen, test } from '../fixtures';
import { createEstablishment, ok } from '../steps';

/**
 * A curator's choices for the catalog (issue 18, items 3 and 4) in the real renderer: the
 * cover chosen in the exhibition's form among its works whose photo may be published, and
 * the preflight's list beside the export button (a photo too small for its printed size).
 */

const form = { fileName: 'consentimiento-firmado.pdf', dataBase64: Buffer.from('%PDF-1.4\n% firmado\n%%EOF\n').toString('base64') };

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
    await ok(harness, 'artworks.recordConsent', {
      artworkId: a.id,
      date: '2026-10-01',
      naming: 'nombre_completo',
      pseudonym: null,
      mayExhibit: true,
      mayCatalog: true,
      mayPhotograph: true,
      maySell: false,
      document: form,
    });
    ids.push(a.id);
  }
  const title = 'InternArte: otra forma de libertad';
  const ex = await ok<{ id: number }>(harness, 'exhibitions.create', {
    title,
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
