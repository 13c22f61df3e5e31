import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Harness } from '../../../electron/harness/server';
import { photoLikeJpeg } from '../../helpers/catalog';
import { expect, screen, screensDir, test } from '../fixtures';
import { createEstablishment, ok } from '../steps';

/**
 * The exhibition's printed outputs in the real renderer: the catalog's preview (a sandboxed
 * frame under the production CSP), the catalog PDF made as a job with progress, the wall
 * labels; the first catalog pages rendered to PNG (pdftoppm) beside the screenshots.
 */

const form = { fileName: 'consentimiento-firmado.pdf', dataBase64: Buffer.from('%PDF-1.4\n% firmado\n%%EOF\n').toString('base64') };
const REAL_NAME = 'José Luis Quispe Mamani';

/** An exhibition of five works in two establishments; one by a pseudonym, one without catalog consent. */
async function seed(harness: Harness): Promise<{ title: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-fotos-'));
  const photos: string[] = [];
  for (const [i, hue] of [18, 200, 95, 330, 45].entries()) {
    const file = path.join(dir, `obra-${i}.jpg`);
    await photoLikeJpeg(file, i === 1 ? 2400 : 1500, i === 1 ? 1900 : 1875, hue);
    photos.push(fs.readFileSync(file).toString('base64'));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const lurigancho = await createEstablishment(harness, { code: 'EP-LIM-01', name: 'E.P. de Lurigancho' });
  const chorrillos = await createEstablishment(harness, {
    code: 'EP-LIM-02',
    name: 'E.P. Anexo de Mujeres de Chorrillos',
    population: 'mujeres',
  });
  const museum = await ok<{ id: number }>(harness, 'partners.create', {
    name: 'Museo de Artes y Tradiciones Populares',
    type: 'sociedad_civil',
  });
  const works = [
    {
      title: 'Vasija de la memoria',
      artistName: REAL_NAME,
      establishmentId: lurigancho.id,
      technique: 'ceramica_alta_temperatura',
      materials: 'Gres y esmalte de ceniza',
      heightMm: 325,
      widthMm: 210,
      depthMm: 210,
      year: 2026,
      priceCentimos: 45000,
      saleStatus: 'disponible',
    },
    {
      title: 'Mañana en el Mantaro',
      artistName: 'Rosa Condori Ñique',
      establishmentId: chorrillos.id,
      technique: 'pintura_oleo',
      materials: 'Óleo sobre lienzo',
      heightMm: 600,
      widthMm: 760,
      year: 2025,
    },
    {
      title: '¿Quién teje mi nombre?',
      artistName: 'Lucía Gutiérrez Ayala',
      establishmentId: chorrillos.id,
      technique: 'textil',
      materials: 'Lana de alpaca teñida con tintes naturales',
      heightMm: 1200,
      widthMm: 800,
      year: 2026,
    },
    {
      title: 'Retablo del penal',
      artistName: 'Pedro Huamán',
      establishmentId: lurigancho.id,
      technique: 'retablo',
      heightMm: 450,
      widthMm: 300,
      depthMm: 120,
      year: 2024,
    },
    {
      title: 'Cóndor de la esperanza',
      artistName: 'Juan Ríos',
      establishmentId: lurigancho.id,
      technique: 'tallado',
      materials: 'Madera de cedro',
      heightMm: 380,
      widthMm: 520,
      depthMm: 150,
      year: 2026,
    },
  ];
  const ids: number[] = [];
  for (const [i, w] of works.entries()) {
    const a = await ok<{ id: number }>(harness, 'artworks.create', { ...w, receivedOn: '2026-09-01' });
    await ok(harness, 'artworks.addPhoto', { id: a.id, fileName: `obra-${i}.jpg`, dataBase64: photos[i] });
    await ok(harness, 'artworks.recordConsent', {
      artworkId: a.id,
      date: '2026-10-01',
      naming: i === 0 ? 'seudonimo' : 'nombre_completo',
      pseudonym: i === 0 ? 'El Alfarero de San Juan' : null,
      mayExhibit: true,
      mayCatalog: i !== 3,
      mayPhotograph: true,
      maySell: true,
      document: form,
    });
    ids.push(a.id);
  }
  const title = 'InternArte: otra forma de libertad';
  const ex = await ok<{ id: number }>(harness, 'exhibitions.create', {
    title,
    subtitle: 'Artes plásticas desde los establecimientos penitenciarios',
    venue: 'Museo de Artes y Tradiciones Populares del Instituto Riva-Agüero (PUCP)',
    startsOn: '2026-12-05',
    endsOn: '2027-02-28',
    curators: ['Ana Cárdenas Ñique', 'Pedro Villanueva'],
    presentation:
      '¿Qué puede el arte dentro de un establecimiento penitenciario? Esta muestra reúne obras hechas en los talleres del INPE: cerámica de alta temperatura, pintura, textil y tallado.\n\nCada pieza es el trabajo paciente de una persona que aprendió un oficio y encontró en él otra forma de libertad. ¡Bienvenidos!',
    curatorialText:
      'La curaduría recorre dos establecimientos de Lima.\n\nLa libertad, aquí, es una forma de hacer: con las manos, con el barro, con la lana.',
    credits: 'Fotografía: Oficina de Tratamiento Penitenciario.\nCoordinación: Área de Arte y Cultura del INPE.',
    sectionMode: 'establecimiento',
    partnerIds: [museum.id],
  });
  await ok(harness, 'exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: ids });
  return { title };
}

const pdftotext = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

/** The first pages of a PDF as PNG (60 ppi) beside the screenshots. */
function pagesToPng(file: string, prefix: string, last: number): string[] {
  fs.mkdirSync(screensDir, { recursive: true });
  const out = path.join(screensDir, prefix);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(last), file, out]);
  return fs.readdirSync(screensDir).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'));
}

async function savedPath(scope: ReturnType<Page['getByTestId']>): Promise<string> {
  const note = scope.getByTestId('saved-path');
  await expect(note).toBeVisible();
  return (await note.innerText()).replace('Archivo guardado en: ', '').trim();
}

test.describe('InternArte: catalog and wall labels', () => {
  test('preview the catalog, export it with progress, export the labels', async ({ app, harness }) => {
    test.setTimeout(120_000);
    const { title } = await seed(harness);

    await app.getByRole('link', { name: 'Exposiciones', exact: true }).click();
    await app.getByText(title, { exact: true }).click();
    await expect(app.getByRole('heading', { name: title })).toBeVisible();
    await app.getByRole('tab', { name: 'Catálogo y cartelas' }).click();
    await expect(app.getByText('El catálogo y las cartelas muestran solo las obras')).toBeVisible();
    await screen(app, '90-catalogo-opciones');

    // The preview: the first pages as main prints them, in a sandboxed frame.
    await app.getByRole('button', { name: 'Vista previa del catálogo' }).click();
    const dialog = app.getByRole('dialog', { name: 'Vista previa — primeras páginas' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('Primeras páginas del catálogo (3 de 4 obras)')).toBeVisible();
    // What the frame shows is only what main printed (it runs nothing: empty sandbox). Its
    // content is read from the attribute: Playwright's own queries inside a sandboxed frame
    // would try to run script there and be refused. A frame the CSP refused would fail the
    // test through the console.
    const frame = dialog.locator('iframe');
    await expect(frame).toHaveAttribute('sandbox', '');
    const html = (await frame.getAttribute('srcdoc')) ?? '';
    expect(html).toContain(`<h1 class="cover-title">${title}</h1>`);
    expect(html).toContain('El Alfarero de San Juan');
    expect(html).not.toContain('Retablo del penal');
    expect(html).not.toContain('Quispe');
    expect(html).toMatch(/<img src="data:image\/jpeg;base64,/);
    await expect(frame).toBeVisible();
    await screen(app, '91-catalogo-vista-previa');
    await dialog.getByRole('button', { name: 'Cerrar' }).click();

    // The catalog PDF: a job with progress; where it went, with its pages and works.
    await app.getByRole('button', { name: 'Exportar catálogo (PDF)…' }).click();
    const done = app.getByTestId('catalog-done');
    await expect(done).toContainText('Catálogo guardado:', { timeout: 60_000 });
    await expect(done).toContainText('4 obras');
    const catalog = await savedPath(done);
    expect(catalog).toMatch(/catalogo-internarte-otra-forma-de-libertad-\d{4}-\d{2}-\d{2}\.pdf$/);
    await screen(app, '92-catalogo-exportado');
    const text = pdftotext(catalog);
    expect(text).toContain('¿Quién teje mi nombre?');
    expect(text).toContain('El Alfarero de San Juan');
    expect(text).not.toContain('Quispe');
    expect(text).not.toContain('Retablo del penal');
    expect(pagesToPng(catalog, '93-catalogo-pagina', 8).length).toBe(8);

    // The wall labels: every work allowed to be exhibited, the one without catalog consent too.
    await app.getByRole('button', { name: 'Cartelas (PDF)…' }).click();
    const labelsDone = app.getByTestId('labels-done');
    await expect(labelsDone).toContainText('Cartelas guardadas (5).');
    const labels = await savedPath(labelsDone);
    expect(pdftotext(labels)).toContain('Retablo del penal');
    expect(pdftotext(labels)).not.toContain('Quispe');
    expect(pagesToPng(labels, '94-cartelas-pagina', 1).length).toBe(1);
    await screen(app, '95-cartelas-exportadas');
  });
});
