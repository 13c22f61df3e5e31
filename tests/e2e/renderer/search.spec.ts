import { demoTest } from '../demo';
import type { Page } from '@playwright/test';
import { expect, screen } from '../fixtures';

/** A group of results: Spotlight draws its heading (the kind, in Spanish) from the group's CSS label. */
const kindGroup = (app: Page, label: string) => app.locator(`[style*="--spotlight-label: '${label}'"]`);

/**
 * "Buscar cualquier cosa" (issue 16): the header's button says Ctrl + K; the shortcut opens
 * the search from anywhere; typing without accents finds records grouped by kind, and a
 * result opens the record. Read-only: it runs on the shared demonstration data.
 */
demoTest.describe('Búsqueda global', () => {
  demoTest('Ctrl+K opens the search; "cajon" finds the Cajón instruments; a result opens the record', async ({ app }) => {
    const header = app.getByRole('banner');
    await expect(header.getByRole('button', { name: /Buscar/ })).toContainText('Ctrl + K');

    await app.getByRole('heading', { name: 'Inicio' }).first().waitFor();
    await app.keyboard.press('Control+k');
    const box = app.getByPlaceholder('Código, nombre, serie o título…');
    await expect(box).toBeFocused();
    await box.fill('a');
    await expect(app.getByText('Escriba al menos 2 letras o números.')).toBeVisible();
    await box.fill('cajon');
    await expect(kindGroup(app, 'Instrumentos')).toBeVisible();
    const first = app.locator('.mantine-Spotlight-action').filter({ hasText: 'Cajón peruano' }).first();
    await expect(first).toBeVisible();
    const code = (await first.locator('p').first().innerText()).trim();
    await screen(app, '100-busqueda-global');

    await first.click();
    await expect(app).toHaveURL(/#\/instrumentos\?ficha=\d+/);
    await expect(app.getByRole('dialog').getByText(code).first()).toBeVisible();
    await screen(app, '101-busqueda-ficha-instrumento');
  });

  demoTest('an ensemble and an event found without accents open their record', async ({ app }) => {
    await app
      .getByRole('banner')
      .getByRole('button', { name: /Buscar/ })
      .click();
    const box = app.getByPlaceholder('Código, nombre, serie o título…');
    await box.fill('coro polifonico');
    await expect(kindGroup(app, 'Elencos')).toBeVisible();
    const ensemble = app.locator('.mantine-Spotlight-action').filter({ hasText: 'Coro polifónico' }).first();
    const name = (await ensemble.locator('p').first().innerText()).trim();
    await ensemble.click();
    await expect(app).toHaveURL(/#\/elencos\?ficha=\d+/);
    await expect(app.getByRole('dialog').getByText(name).first()).toBeVisible();

    await app.keyboard.press('Control+k');
    await box.fill('plaza mayor');
    const event = app.locator('.mantine-Spotlight-action').filter({ hasText: 'Plaza Mayor' }).first();
    await event.click();
    await expect(app).toHaveURL(/#\/eventos/);
    await expect(app.getByLabel('Título')).toHaveValue(/Plaza Mayor/);
    await screen(app, '102-busqueda-evento');
  });

  demoTest('the header button opens it too, and a word with no match says so', async ({ app }) => {
    await app
      .getByRole('banner')
      .getByRole('button', { name: /Buscar/ })
      .click();
    const box = app.getByPlaceholder('Código, nombre, serie o título…');
    await box.fill('zzqxw');
    await expect(app.getByText('No se encontró nada con «zzqxw».')).toBeVisible();
    await app.keyboard.press('Escape');
    await expect(box).toBeHidden();
  });
});

demoTest.describe('Búsqueda global sin el permiso de datos personales', () => {
  demoTest.use({ signedInAs: 'inventario' });

  demoTest('the inventory clerk finds a participant only by the code, and sees only the code', async ({ app }) => {
    await app
      .getByRole('banner')
      .getByRole('button', { name: /Buscar/ })
      .click();
    const box = app.getByPlaceholder('Código, nombre, serie o título…');
    await box.fill('quispe');
    await expect(app.getByText(/No se encontró nada|Instrumentos|Docentes|Personal del INPE/).first()).toBeVisible();
    await expect(kindGroup(app, 'Participantes')).toHaveCount(0);
    await box.fill('demo-000001');
    await expect(kindGroup(app, 'Participantes')).toBeVisible();
    const hit = app.locator('.mantine-Spotlight-action').filter({ hasText: 'DEMO-000001' });
    await expect(hit).toBeDisabled();
    await expect(hit).toContainText('Solo código');
    await screen(app, '103-busqueda-solo-codigo');
  });
});
