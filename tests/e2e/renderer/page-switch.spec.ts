import { expect, test } from '../fixtures';
import { createEstablishment } from '../steps';

/**
 * A page switch keeps the page being left on screen until the next one is ready (navigations
 * are transitions). For that moment the page being left is marked busy and takes no clicks: on
 * a slow PC, a click meant for the next page (a row, a button) must never open a record of the
 * page being left. The next page's code is held back here, as a slow disk or a loaded PC would.
 */
test.describe('Cambio de página', () => {
  test('while the next page loads, the page being left takes no clicks; then the next page opens', async ({ app, harness }) => {
    await createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await app.route(/\/assets\/ContractsPage-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await app.reload(); // the contracts page's code is fetched again, and held

    const nav = app.getByRole('navigation', { name: 'Navegación' });
    await nav.getByRole('link', { name: 'Establecimientos', exact: true }).click();
    const row = app.getByRole('row', { name: /E\.P\. de Lurigancho/ });
    await expect(row).toBeVisible();
    const main = app.getByRole('main');
    await expect(main).not.toHaveAttribute('aria-busy');

    await nav.getByRole('link', { name: 'Contratos y órdenes', exact: true }).click();
    await expect(main).toHaveAttribute('aria-busy', 'true');
    // The establishment is still on screen, but a click on it opens nothing.
    await expect(row).toBeVisible();
    await expect(row.click({ timeout: 1500 })).rejects.toThrow(/intercepts pointer events|Timeout/);
    await expect(app.getByRole('dialog')).toHaveCount(0);

    release();
    await expect(app.getByRole('heading', { name: 'Contratos y órdenes' })).toBeVisible();
    await expect(main).not.toHaveAttribute('aria-busy');
    await expect(row).toHaveCount(0);
    await expect(app.getByRole('dialog')).toHaveCount(0);
  });
});
