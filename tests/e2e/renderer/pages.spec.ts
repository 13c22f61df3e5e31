import { expect, screen, test, TEST_ADMIN, TEST_PASSWORD } from '../fixtures';
import { loadDemo } from '../demo-snapshot';

test.describe('Every page', () => {
  test('regional offices list the eight offices and lead to their establishments', async ({ app, harness }) => {
    await loadDemo(harness);
    await app.getByRole('link', { name: 'Oficinas regionales' }).click();
    await expect(app.getByRole('heading', { name: 'Oficinas regionales' })).toBeVisible();
    const rows = app.getByRole('row');
    for (const [name, seat] of [
      ['Lima', 'Lima'],
      ['Norte', 'Chiclayo'],
      ['Sur', 'Arequipa'],
      ['Centro', 'Huancayo'],
      ['Oriente', 'Huánuco'],
      ['Sur Oriente', 'Cusco'],
      ['Nor Oriente', 'San Martín'],
      ['Altiplano', 'Puno'],
    ]) {
      await expect(rows.filter({ has: app.getByRole('cell', { name: name!, exact: true }) }).filter({ hasText: seat! })).toHaveCount(1);
    }
    await screen(app, '09-oficinas-regionales');
    await app
      .getByRole('row', { name: /Altiplano/ })
      .getByRole('button', { name: 'Ver establecimientos' })
      .click();
    await expect(app.getByRole('heading', { name: 'Establecimientos penitenciarios' })).toBeVisible();
    await expect(app.getByText('1–2 de 2')).toBeVisible();
    await expect(app.getByRole('row', { name: /E\.P\. de Puno/ })).toBeVisible();
  });

  test('English is the second language, and the choice is kept', async ({ app, harness }) => {
    await loadDemo(harness);
    await app.getByText('EN', { exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Home' })).toBeVisible();
    await expect(app.getByRole('link', { name: 'Establishments' })).toBeVisible();
    await app.getByRole('link', { name: 'Establishments' }).click();
    await expect(app.getByRole('heading', { name: 'Penitentiary establishments' })).toBeVisible();
    await screen(app, '10-establishments-english');
    await app.reload();
    await expect(app.getByRole('heading', { name: 'Penitentiary establishments' })).toBeVisible();
    await app.getByText('ES', { exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Establecimientos penitenciarios' })).toBeVisible();
  });

  test('in English from a fresh start: the sign-in screen, then every text of the app, never a bare key', async ({ app }) => {
    await app.getByText('EN', { exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Home' })).toBeVisible();
    await app.getByRole('button', { name: 'User menu' }).click();
    await app.getByRole('menuitem', { name: 'Sign out' }).click();
    // Signed out in main before the reload: a reload that overtakes the sign-out finds the session still open.
    await expect(app.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    // Reloaded: only the first screen's texts are in the page; the rest arrive with the signed-in app.
    await app.reload();
    await expect(app.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await app.getByRole('textbox', { name: 'User name' }).fill(TEST_ADMIN.username);
    await app.getByRole('textbox', { name: 'Password' }).fill(TEST_PASSWORD);
    await app.keyboard.press('Enter');
    await expect(app.getByRole('heading', { name: 'Home' })).toBeVisible();
    await expect(app.getByRole('link', { name: 'Establishments' })).toBeVisible();
    await expect(app.locator('body')).not.toContainText(/\b(app|nav|common|dashboard|errors)\.[a-zA-Z]/);
  });

  test('dark theme', async ({ app, harness }) => {
    await loadDemo(harness);
    await app.getByRole('button', { name: 'Tema' }).click();
    await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await app.getByRole('link', { name: 'Establecimientos' }).click();
    await expect(app.getByText('1–20 de 20')).toBeVisible();
    await screen(app, '11-establecimientos-tema-oscuro');
  });

  test('initiatives: the list of the five of the demonstration, and one with its records and figures', async ({ app, harness }) => {
    await loadDemo(harness);
    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Iniciativas', exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Iniciativas' })).toBeVisible();
    await expect(app.getByRole('row', { name: /Arte sin Barreras/ })).toContainText('Municipalidad Metropolitana de Lima');
    await expect(app.getByRole('row')).toHaveCount(6);
    await screen(app, '76a-iniciativas');
    await app.getByRole('row', { name: /INPE Orquestando/ }).click();
    await expect(app.getByRole('heading', { name: 'INPE Orquestando' })).toBeVisible();
    await expect(app.getByTestId('figure-workshops')).not.toHaveText('0');
    await screen(app, '76b-iniciativa');
    await app.getByRole('tab', { name: /Gastos/ }).click();
    await expect(app.getByRole('button', { name: 'Vincular gastos' })).toBeVisible();
    await screen(app, '76c-iniciativa-gastos');
  });
});
