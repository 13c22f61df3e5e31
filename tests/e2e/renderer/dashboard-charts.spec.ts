import { demoTest as test } from '../demo';
import { expect, screen } from '../fixtures';

/**
 * Issue 17, item 4 in the real renderer: the home page's small charts on the demonstration data
 * (instruments by condition, attendance this month against the last, the year's budget), each
 * with its figures in words and a link that opens the evaluation page at the same chart; a role
 * sees only the charts of the modules it reads.
 */

test.use({ viewport: { width: 1366, height: 768 } });

test.describe('Inicio: gráficos pequeños', () => {
  test('three charts compare the figures, and a click opens Evaluación at that chart', async ({ app }) => {
    const section = app.getByTestId('evaluation-dashboard');
    await expect(section.getByRole('heading', { name: 'Indicadores' })).toBeVisible();
    const instruments = section.getByRole('region', { name: 'Instrumentos por estado' });
    const attendance = section.getByRole('region', { name: 'Asistencia: este mes y el anterior' });
    const budget = section.getByRole('region', { name: /^Ejecución presupuestal \d{4}$/ });
    for (const card of [instruments, attendance, budget]) await expect(card.locator('.recharts-surface')).toBeVisible();
    // Each chart says its figures in words (what a screen reader reads instead of the drawing).
    await expect(instruments).toContainText(/\d+ instrumentos: \d+ nuevo, \d+ bueno, \d+ regular, \d+ malo, \d+ inoperativo\./);
    await expect(attendance).toContainText(/\(hasta hoy\): (\d+ %|sin asistencia registrada|menos de 5 participantes)/);
    await expect(budget).toContainText(/Ejecutado S\/\s?[\d,.]+ de S\/\s?[\d,.]+ asignados \(\d+\s%\)\./);
    await section.scrollIntoViewIfNeeded();
    await app.mouse.move(0, 0);
    await screen(app, '02b-inicio-graficos');

    // The keyboard reaches the link; Enter opens the evaluation page scrolled to the budget chart.
    const link = budget.getByRole('link', { name: /^Ver «Ejecución presupuestal \d{4}» en Evaluación$/ });
    await link.focus();
    await app.keyboard.press('Enter');
    await expect(app).toHaveURL(/\/evaluacion#grafico-budget$/);
    const target = app.getByRole('main').getByRole('region', { name: 'Ejecución presupuestal', exact: true });
    await expect(target).toBeInViewport();
    await expect(target).toBeFocused();
    await expect(target.locator('.recharts-surface')).toBeVisible();
  });

  test.describe('a role that reads the inventory only', () => {
    test.use({ signedInAs: 'inventario' });
    test('sees the instruments chart alone, without a link to a page it cannot open', async ({ app }) => {
      const section = app.getByTestId('evaluation-dashboard');
      await expect(section.getByRole('region', { name: 'Instrumentos por estado' }).locator('.recharts-surface')).toBeVisible();
      await expect(section.getByRole('region')).toHaveCount(1);
      await expect(section.getByRole('link')).toHaveCount(0);
    });
  });
});
