import { demoTest } from '../demo';
import { expect, screen } from '../fixtures';

/**
 * Issue 13 items 12 and 14: every visible or spoken text in Spanish. The paging buttons of
 * every paged list are named in Spanish for a screen reader (mantine-datatable's own names
 * are English); the dashboard says what its instrument card counts and agrees units with
 * quantities; the audit log tells each operation in Spanish, not by its internal name.
 */

/** The paged lists: ListTable (nine pages), the consumables and the audit log. */
const pagedLists: Array<{ route: string; heading: string | RegExp }> = [
  { route: '/establecimientos', heading: 'Establecimientos penitenciarios' },
  { route: '/instrumentos', heading: 'Instrumentos' },
  { route: '/consumibles', heading: /Consumibles/ },
  { route: '/docentes', heading: /Docentes/ },
  { route: '/contratos', heading: /Contratos/ },
  { route: '/conformidades', heading: /Conformidades/ },
  { route: '/talleres', heading: 'Talleres' },
  { route: '/participantes', heading: 'Participantes' },
  { route: '/obras', heading: /Obras/ },
  { route: '/exposiciones', heading: /Exposiciones/ },
  { route: '/auditoria', heading: /Registro de auditoría/ },
];

/** mantine-datatable's English defaults, which must never reach the page. */
const englishDefaults = ['Previous page', 'Next page', 'First page', 'Last page', 'Records per page', 'Select all records', 'No records'];

// One test per paged list, over the demonstration data loaded once per worker (they only read).
demoTest.describe('Textos en español: la paginación', () => {
  for (const p of pagedLists) {
    demoTest(`${p.route} names its page buttons in Spanish`, async ({ app }) => {
      await app.evaluate((route) => (window.location.hash = route), p.route);
      await expect(app.getByRole('heading', { name: p.heading, exact: typeof p.heading === 'string' }).first()).toBeVisible();
      await expect(app.getByRole('button', { name: 'Página siguiente' })).toBeVisible();
      await expect(app.getByRole('button', { name: 'Página anterior' })).toBeVisible();
      await expect(app.getByText('Filas por página').first()).toBeVisible();
      // What a screen reader says and what the page shows, read at once.
      const said = await app.evaluate(() => [
        ...[...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? ''),
        ...document.body.innerText.split('\n').map((s) => s.trim()),
      ]);
      expect(said.filter((s) => englishDefaults.includes(s))).toEqual([]);
      if (p.route === '/auditoria') await screen(app, '92-auditoria-paginacion');
    });
  }
});

demoTest.describe('Textos en español', () => {
  demoTest(
    'the dashboard says what it counts, with units agreed; the audit log tells each operation in Spanish',
    async ({ app, harness }) => {
      const inventory = app.getByTestId('inventory-dashboard');
      const card = inventory.locator('.mantine-Card-root').filter({ has: app.getByTestId('stat-Instrumentos en uso') });
      await expect(card).toContainText('Sin bajas ni extraviados');
      const summary = await harness.services.dispatch('inventory.summary', {});
      if (!summary.ok) throw new Error('inventory.summary refused');
      await expect(app.getByTestId('stat-Instrumentos en uso')).toHaveText(
        (summary.data as { totalInstruments: number }).totalInstruments.toLocaleString('es-PE'),
      );
      // The demonstration's violin strings below their minimum: 2 juegos of 5 juegos, not "2 juego".
      const strings = app
        .getByTestId('low-stock')
        .getByRole('row', { name: /Juego de cuerdas de violín/ })
        .first();
      await expect(strings).toContainText('2 juegos');
      await expect(strings).toContainText('5 juegos');
      await expect(app.getByTestId('low-stock')).not.toContainText(/\d juego(?!s)/);
      await app.mouse.move(0, 0);
      await screen(app, '92-inicio-instrumentos-en-uso');

      await app.goto(`${harness.url}#/auditoria`);
      await expect(app.getByRole('heading', { name: 'Registro de auditoría' })).toBeVisible();
      await expect(app.getByRole('columnheader', { name: 'Operación' })).toBeVisible();
      await expect(app.getByRole('cell', { name: 'Carga de datos de demostración' }).first()).toBeVisible();
      await expect(app.getByRole('cell', { name: 'demo.load', exact: true })).toHaveCount(0);
      await expect(app.getByText(/\b(demo\.load|auth\.setupAdmin|establishments\.create)\b/)).toHaveCount(0);
      await screen(app, '92-auditoria-operaciones');
      // The detail of an entry tells it the same way.
      await app.getByRole('cell', { name: 'Carga de datos de demostración' }).first().click();
      const drawer = app.getByRole('dialog', { name: 'Detalle del cambio' });
      await expect(drawer).toContainText('Carga de datos de demostración');
      await expect(drawer).not.toContainText('demo.load');
    },
  );
});
