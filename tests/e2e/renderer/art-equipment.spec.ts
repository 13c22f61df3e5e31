import type { Page } from '@playwright/test';
import type { Harness } from '../../../electron/harness/server';
import { expect, notified, screen, test } from '../fixtures';

/**
 * Art equipment (issue 15, item 6): a kiln of the ceramics workshop is registered on the
 * instruments page like any instrument, found by its family, and its type is listed under
 * «Equipos de arte» on the types page.
 */

async function lurigancho(h: Harness): Promise<number> {
  const office = ((await h.db('regional_offices').orderBy('id').first()) as { id: number }).id;
  const r = await h.services.dispatch('establishments.create', {
    code: 'EP-LIM-01',
    name: 'E.P. de Lurigancho',
    city: 'San Juan de Lurigancho',
    regionalOfficeId: office,
    population: 'varones',
    inProgramme: true,
  });
  if (!r.ok) throw new Error(r.error.message);
  return (r.data as { id: number }).id;
}

/** A violin at the establishment, through the channel the form uses. */
async function violin(h: Harness, establishmentId: number): Promise<void> {
  const type = ((await h.db('instrument_types').where({ name: 'Violín' }).first()) as { id: number }).id;
  const r = await h.services.dispatch('instruments.create', {
    code: 'INPE-VIO-001',
    typeId: type,
    brand: 'Stentor',
    costCentimos: 85000,
    funding: 'presupuesto_inpe',
    condition: 'bueno',
    altaDate: '2026-03-02',
    establishmentId,
  });
  if (!r.ok) throw new Error(r.error.message);
}

/** Closes the confirmations still showing, so that the screenshots show the page. */
async function closeNotifications(app: Page) {
  for (const close of await app.locator('.mantine-Notification-closeButton').all()) await close.click().catch(() => undefined);
  await expect(app.locator('.mantine-Notification-root')).toHaveCount(0);
}

async function choose(app: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await app.getByRole('option', { name: option, exact: true }).click();
}

test('a kiln is registered at an establishment, found by its family, and its type listed under «Equipos de arte»', async ({
  app,
  harness,
}) => {
  await violin(harness, await lurigancho(harness));
  await app.reload();
  await app.getByRole('link', { name: 'Instrumentos', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Instrumentos', exact: true })).toBeVisible();
  await expect(app.getByText('instrumentos musicales y equipos de arte', { exact: false })).toBeVisible();

  await app.getByRole('button', { name: 'Nuevo instrumento' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Registrar instrumento' });
  await dialog.getByLabel('Código patrimonial').fill('INPE-HORNO-001');
  await dialog.getByRole('combobox', { name: 'Tipo' }).fill('horno');
  await app.getByRole('option', { name: 'Horno cerámico de alta temperatura', exact: true }).click();
  await choose(app, dialog, 'Fuente de financiamiento', 'Presupuesto INPE');
  await dialog.getByLabel('Marca').fill('Nabertherm');
  await dialog.getByLabel('Costo (S/)').fill('24500');
  await choose(app, dialog, 'Estado de conservación', 'Nuevo');
  await dialog.getByRole('combobox', { name: 'Asignar de inmediato a' }).fill('lurigancho');
  await app.getByRole('option', { name: 'E.P. de Lurigancho' }).click();
  await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(dialog).toBeHidden();
  await notified(app, 'Se registró el instrumento INPE-HORNO-001.');
  await expect(app.getByText('1–2 de 2')).toBeVisible();
  await closeNotifications(app);

  // The family filter: the musical instruments' families, then the art equipment's, under their headings.
  await app.getByRole('combobox', { name: 'Familia' }).click();
  const families = app.getByRole('listbox');
  await expect(families).toContainText('Instrumentos musicales');
  await expect(families).toContainText('Equipos de arte');
  await app.getByRole('option', { name: 'Equipos de cerámica', exact: true }).click();
  await expect(app.getByText('1–1 de 1')).toBeVisible();
  const row = app.getByRole('row', { name: /INPE-HORNO-001/ });
  await expect(row).toContainText('Horno cerámico de alta temperatura');
  await expect(row).toContainText('E.P. de Lurigancho');
  await expect(row).toContainText('Asignado');
  await expect(row).toContainText('S/ 24,500.00');
  await expect(app.getByRole('row', { name: /INPE-VIO-001/ })).toHaveCount(0);
  await app.mouse.move(0, 0);
  await screen(app, '25b-instrumentos-equipos-ceramica');

  // The types page: the musical instruments, then the art equipment, each under its heading.
  await app.getByRole('link', { name: 'Tipos de instrumento' }).click();
  await expect(app.getByRole('heading', { name: 'Tipos de instrumento' })).toBeVisible();
  const music = app.getByRole('region', { name: 'Instrumentos musicales' });
  const art = app.getByRole('region', { name: 'Equipos de arte' });
  await expect(music.getByRole('heading', { name: 'Instrumentos musicales', level: 3 })).toBeVisible();
  await expect(art.getByRole('heading', { name: 'Equipos de arte', level: 3 })).toBeVisible();
  await expect(music.getByRole('region', { name: 'Cuerdas frotadas' })).toContainText('1 instrumento');
  await expect(music.getByRole('region', { name: 'Equipos de cerámica' })).toHaveCount(0);
  const ceramics = art.getByRole('region', { name: 'Equipos de cerámica' });
  await expect(ceramics.getByRole('row', { name: /Horno cerámico de alta temperatura/ })).toContainText('1');
  await expect(art.getByRole('region', { name: 'Equipos de artes plásticas' })).toContainText('Caballete');
  await expect(art.getByRole('region', { name: 'Herramientas de arte' })).toContainText('Juego de espátulas');
  await app.mouse.move(0, 0);
  await screen(app, '25-tipos-equipos-de-arte');

  // A new type's family is chosen under the same two headings.
  await app.getByRole('button', { name: 'Nuevo tipo' }).click();
  const form = app.getByRole('dialog', { name: 'Nuevo tipo de instrumento' });
  await form.getByLabel('Nombre').fill('Torno eléctrico de banco');
  await form.getByRole('combobox', { name: 'Familia' }).click();
  await expect(app.getByRole('listbox')).toContainText('Equipos de arte');
  await app.getByRole('option', { name: 'Equipos de cerámica', exact: true }).click();
  await form.getByRole('button', { name: 'Guardar' }).click();
  await notified(app, 'Se creó el tipo «Torno eléctrico de banco».');
  await expect(ceramics.getByRole('row', { name: /Torno eléctrico de banco/ })).toContainText('Activo');
});
