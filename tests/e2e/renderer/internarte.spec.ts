import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { expect, screen, test } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { ok, choose, createEstablishment, pick, recordConsent, savedPath } from '../steps';

/** InternArte in the real renderer: works with photos, the artist's consent, an exhibition with its checklist and a loan, the checklist export. */

const photo = async (color: string) => ({
  name: 'vasija.jpg',
  mimeType: 'image/jpeg',
  buffer: await sharp({ create: { width: 600, height: 750, channels: 3, background: color } })
    .jpeg()
    .toBuffer(),
});
const signedForm = { name: 'consentimiento-firmado.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% firmado\n%%EOF\n') };

test.describe('InternArte', () => {
  test('register a work with photos, record consent, build an exhibition with a loan, export the checklist', async ({ app, harness }) => {
    test.setTimeout(120_000);
    const est = await createEstablishment(harness, { code: 'EP-LIM-01', name: 'E.P. de Lurigancho' });
    const museum = await ok<{ id: number }>(harness, 'partners.create', {
      name: 'Museo de Artes y Tradiciones Populares',
      type: 'privado',
    });
    // A second work allowed everything, a third with no consent at all.
    const other = await ok<{ id: number }>(harness, 'artworks.create', {
      title: 'Cántaro del sol',
      artistName: 'Ana Torres',
      establishmentId: est.id,
      technique: 'ceramica_alta_temperatura',
      heightMm: 415,
      widthMm: 280,
      depthMm: 280,
      receivedOn: '2026-09-01',
    });
    await recordConsent(harness, other.id);
    await ok(harness, 'artworks.create', {
      title: 'Obra reservada',
      artistName: 'Pedro Ruiz',
      establishmentId: est.id,
      technique: 'dibujo',
      heightMm: 500,
      widthMm: 350,
    });

    await app.getByRole('link', { name: 'Obras', exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Obras' })).toBeVisible();

    // A new work: dimensions in centimetres with one decimal.
    await app.getByRole('button', { name: 'Nueva obra' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nueva obra' });
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog.getByText('Este campo es obligatorio.').first()).toBeVisible();
    await dialog.getByLabel('Título').fill('Vasija de la memoria');
    await dialog.getByLabel('Nombre del artista').fill('José Luis Quispe Mamani');
    await choose(app, dialog, 'Establecimiento de origen', 'luri', 'E.P. de Lurigancho');
    await pick(app, dialog, 'Técnica', 'Cerámica de alta temperatura');
    await dialog.getByLabel('Materiales').fill('Gres y esmalte de ceniza');
    await dialog.getByLabel('Alto (cm)').fill('32.5');
    await dialog.getByLabel('Ancho (cm)').fill('21');
    await dialog.getByLabel('Profundidad (cm)').fill('21');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(app.getByRole('heading', { name: 'Vasija de la memoria' })).toBeVisible();
    await screen(app, '80-obra-datos');
    await expect(app.getByText('32.5 × 21 × 21')).toBeVisible();

    // Photos: chosen from disk; a file that is not an image is refused in Spanish.
    await app.getByRole('tab', { name: /Fotos/ }).click();
    const input = app.locator('input[type=file]');
    await input.setInputFiles([await photo('#8c4a2f'), { ...(await photo('#2f4858')), name: 'detalle.jpg' }]);
    await expect(app.getByTestId('artwork-photo')).toHaveCount(2);
    // …or dropped on the zone.
    const dropped = (
      await sharp({ create: { width: 300, height: 400, channels: 3, background: '#3a7' } })
        .png()
        .toBuffer()
    ).toString('base64');
    const transfer = await app.evaluateHandle((b64) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'soltada.png', { type: 'image/png' }));
      return dt;
    }, dropped);
    await app.getByText('Arrastre aquí las fotos de la obra').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(app.getByTestId('artwork-photo')).toHaveCount(3);
    await input.setInputFiles({ name: 'nota.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('esto no es una foto') });
    await expect(app.getByRole('alert').filter({ hasText: 'nota.jpg' })).toContainText('«nota.jpg» no es una imagen');
    await expect(app.getByTestId('artwork-photo')).toHaveCount(3);
    await app.getByRole('button', { name: 'Hacer principal: detalle.jpg' }).click();
    await expect(app.getByTestId('artwork-photo').first()).toContainText('detalle.jpg');
    await screen(app, '81-obra-fotos');

    // Consent: a pseudonym; without the signed document nothing is recorded.
    await app.getByRole('tab', { name: 'Consentimiento' }).click();
    await expect(app.getByText('No hay consentimiento registrado').first()).toBeVisible();
    await app.getByRole('button', { name: 'Registrar consentimiento' }).click();
    const consent = app.getByRole('dialog', { name: 'Registrar consentimiento' });
    await pick(app, consent, 'Cómo se nombra al artista', 'Seudónimo');
    await consent.getByLabel('Seudónimo').fill('Wayra');
    await expect(consent.getByTestId('consent-preview')).toHaveText('Se mostrará como: Wayra');
    await consent.getByLabel('Puede exhibirse').check();
    await consent.getByLabel('Puede aparecer en un catálogo impreso').check();
    await consent.getByLabel('Puede fotografiarse y publicarse la foto').check();
    await consent.getByRole('button', { name: 'Guardar' }).click();
    await expect(consent.getByText('Adjunte el documento firmado')).toBeVisible();
    await consent.locator('input[type=file]').setInputFiles(signedForm);
    await expect(consent.getByText('Documento: consentimiento-firmado.pdf')).toBeVisible();
    await consent.getByRole('button', { name: 'Guardar' }).click();
    await expect(app.getByText('Consentimiento registrado.')).toBeVisible();
    await expect(app.getByTestId('consent-naming')).toHaveText('Seudónimo: Wayra');
    await expect(app.getByTestId('consent-entry')).toHaveCount(1);
    await screen(app, '82-obra-consentimiento');

    // A condition report.
    await app.getByRole('tab', { name: 'Estado de conservación' }).click();
    await app.getByRole('button', { name: 'Nuevo informe' }).click();
    const report = app.getByRole('dialog', { name: 'Nuevo informe' });
    await report.getByLabel('Examinado por').fill('Mtra. Rosa Huamán');
    await report.getByLabel('Observaciones').fill('Sin fisuras. Esmalte uniforme.');
    await report.getByRole('button', { name: 'Guardar' }).click();
    await expect(report).toBeHidden();
    await expect(app.getByRole('tabpanel').getByText('Sin fisuras. Esmalte uniforme.')).toBeVisible();
    await screen(app, '83-obra-conservacion');

    // The list: search, the consent shown as badges, the thumbnail.
    await app.getByRole('link', { name: 'Obras', exact: true }).click();
    await app.getByRole('textbox', { name: 'Buscar' }).fill('quispe');
    await expect(app.getByRole('row')).toHaveCount(2);
    await app.getByRole('textbox', { name: 'Buscar' }).fill('');
    await expect(app.getByRole('row')).toHaveCount(4);
    await screen(app, '84-obras');

    // An exhibition with the museum as partner.
    await app.getByRole('link', { name: 'Exposiciones', exact: true }).click();
    await expect(app.getByText('Aún no hay exposiciones.')).toBeVisible();
    await screen(app, '85-exposiciones-vacia');
    await app.getByRole('button', { name: 'Nueva exposición' }).first().click();
    const exForm = app.getByRole('dialog', { name: 'Nueva exposición' });
    await exForm.getByRole('textbox', { name: 'Título', exact: true }).fill('InternArte: otra forma de libertad');
    await exForm.getByLabel('Sede').fill('Museo de Artes y Tradiciones Populares');
    await exForm.getByLabel('Instituciones aliadas').click();
    await app.getByRole('option', { name: 'Museo de Artes y Tradiciones Populares' }).click();
    await exForm.getByLabel('Curaduría (una persona por línea)').fill('Mtra. Rosa Huamán\nProf. Víctor Salas');
    await exForm.getByLabel('Texto de presentación').fill('Obras de los talleres de cerámica y artes plásticas.');
    await exForm.getByRole('button', { name: 'Guardar' }).click();
    await expect(app.getByRole('heading', { name: 'InternArte: otra forma de libertad' })).toBeVisible();

    // The checklist: add the three works.
    await app.getByRole('button', { name: 'Agregar obras' }).click();
    const add = app.getByRole('dialog', { name: 'Agregar obras a la exposición' });
    for (const title of ['Vasija de la memoria', 'Cántaro del sol', 'Obra reservada'])
      await add.getByRole('checkbox', { name: new RegExp(title) }).check();
    await add.getByRole('button', { name: 'Agregar obras (3)' }).click();
    const checklist = app.getByTestId('checklist');
    await expect(checklist.getByRole('row')).toHaveCount(4);
    await app.getByRole('button', { name: 'Bajar: Cántaro del sol' }).click();
    await expect(checklist.getByRole('row').nth(2)).toContainText('Obra reservada');
    await app.getByRole('button', { name: 'Editar número y sección: Obra reservada' }).click();
    const item = app.getByRole('dialog', { name: 'Obra reservada' });
    await item.getByLabel('N.º de catálogo').fill('1');
    await item.getByRole('button', { name: 'Guardar' }).click();
    await expect(item.getByText('El número 1 ya es de otra obra de esta exposición.')).toBeVisible();
    await item.getByLabel('N.º de catálogo').fill('3A');
    await item.getByRole('button', { name: 'Guardar' }).click();
    await expect(checklist).toContainText('3A');
    await screen(app, '86-exposicion-lista');

    // A loan to the museum: the work becomes "Prestada".
    await app.getByRole('button', { name: 'Prestar: Vasija de la memoria' }).click();
    const lend = app.getByRole('dialog', { name: /Préstamo a la sede/ });
    await lend.getByLabel('Valor de seguro (S/)').fill('4500');
    await lend.getByLabel('Estado a la salida').fill('Buen estado, embalada en caja con espuma.');
    await lend.locator('input[type=file]').setInputFiles(await photo('#aa8844'));
    await lend.getByRole('button', { name: 'Prestar' }).click();
    await expect(app.getByText('Préstamo registrado: la obra figura como prestada.')).toBeVisible();
    await expect(checklist.getByRole('row').nth(1)).toContainText('Prestada');
    await app.getByRole('tab', { name: /Préstamos/ }).click();
    await expect(app.getByTestId('loans')).toContainText('S/ 4,500.00');
    await screen(app, '87-exposicion-prestamos');

    // The checklist export: only works that may be exhibited, the artist as consent allows.
    await app.getByRole('tab', { name: /Lista de obras/ }).click();
    await app.getByRole('button', { name: 'Exportar' }).click();
    await app.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click();
    const file = await savedPath(app);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String).join('|');
    expect(cells).toContain('Wayra');
    expect(cells).toContain('Cántaro del sol');
    expect(cells).not.toContain('Quispe');
    expect(cells).not.toContain('Obra reservada');

    // Return the loan: back at the workshop; the work's custody shows both entries.
    await app.getByRole('tab', { name: /Préstamos/ }).click();
    await app.getByRole('button', { name: 'Registrar devolución' }).click();
    const ret = app.getByRole('dialog', { name: /Devolución del préstamo/ });
    await ret.getByLabel('Estado al retorno').fill('Igual que a la salida.');
    await ret.getByRole('button', { name: 'Registrar devolución' }).click();
    await expect(app.getByText('Devolución registrada: la obra vuelve al taller.')).toBeVisible();
    await app.getByRole('tab', { name: 'Datos' }).click();
    await expect(app.getByText('Museo de Artes y Tradiciones Populares').first()).toBeVisible();
    await screen(app, '88-exposicion-datos');
    await app.getByRole('tab', { name: /Lista de obras/ }).click();
    await app.getByTestId('checklist').getByRole('link', { name: 'Vasija de la memoria' }).click();
    await app.getByRole('tab', { name: 'Custodia' }).click();
    await expect(app.getByTestId('custody-entry')).toHaveCount(3);
    await screen(app, '89-obra-custodia');
    await app.getByRole('tab', { name: 'Exposiciones' }).click();
    await expect(app.getByRole('tabpanel').getByRole('link', { name: 'InternArte: otra forma de libertad' })).toBeVisible();
    await expect(app.getByRole('tabpanel')).toContainText('S/ 4,500.00');
    await screen(app, '89b-obra-exposiciones');

    // The partner's page lists the exhibition.
    await app.getByRole('link', { name: 'Aliados y convenios' }).click();
    await app.getByRole('row', { name: /Museo de Artes y Tradiciones Populares/ }).click();
    await expect(app.getByRole('dialog').getByRole('link', { name: 'InternArte: otra forma de libertad' })).toBeVisible();
    await screen(app, '89g-aliado-exposiciones');
    void museum;
  });

  test('the demonstration data as the read-only role: artists only as their consent allows', async ({ app, harness }) => {
    await loadDemo(harness);
    const account = { username: 'consulta' };
    const { signInAs } = await import('../../../electron/main/auth/seed');
    const { ensureUser } = await import('../../../electron/main/auth/seed');
    await ensureUser(harness.db, {
      username: account.username,
      fullName: 'Usuario consulta',
      role: 'consulta',
      password: 'Clave-de-prueba-2026',
    });
    await signInAs(harness.db, harness.services.session, account.username);
    await app.reload();
    await expect(app.getByTestId('internarte-dashboard')).toBeVisible();
    await screen(app, '89c-inicio-internarte-consulta');
    await app.getByRole('link', { name: 'Obras', exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Obras' })).toBeVisible();
    await expect(app.getByText('Wayra').first()).toBeVisible();
    await expect(app.getByRole('button', { name: 'Nueva obra' })).toHaveCount(0);
    const real = (await harness.db('artworks').whereNotNull('artist_name').pluck('artist_name')) as string[];
    const body = await app.locator('body').innerText();
    // Names shown in full are those whose artists allowed it; the rest never appear.
    const allowed = (await harness
      .db('artworks as a')
      .join('artwork_consents as c', 'c.artwork_id', 'a.id')
      .whereRaw('c.id = (select max(id) from artwork_consents where artwork_id = a.id)')
      .where('c.naming', 'nombre_completo')
      .pluck('a.artist_name')) as string[];
    for (const name of real.filter((n) => !allowed.includes(n))) expect(body).not.toContain(name);
    await screen(app, '89d-obras-consulta');
    await app.getByRole('link', { name: 'Exposiciones', exact: true }).click();
    await screen(app, '89e-exposiciones');
    await app.getByRole('row', { name: /InternArte: otra forma de libertad/ }).click();
    await expect(app.getByTestId('checklist')).toBeVisible();
    await screen(app, '89f-exposicion-demo');
  });
});
