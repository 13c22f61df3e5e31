import ExcelJS from 'exceljs';
import { expect, screen, test } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { pick } from '../steps';

/**
 * Issue 17, item 2 in the real renderer: the evaluation page on the demonstration data. Every
 * chart is drawn with its table a click away, the filters change the figures, a chart exports
 * to Excel, and no participant is ever named (aggregates only; small cells read "< 5").
 */

test.describe('Evaluación', () => {
  test('the charts of the programme, filtered, each with its table and its Excel', async ({ app, harness }) => {
    await loadDemo(harness);
    const surnames = (await harness.db('participants').limit(30).pluck('last_names')) as string[];
    expect(surnames.length).toBeGreaterThan(0);

    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Evaluación' }).click();
    await expect(app.getByRole('heading', { name: 'Evaluación', level: 2 })).toBeVisible();
    const charts = app.getByTestId('evaluation-chart');
    await expect(charts).toHaveCount(13);
    const reach = app.getByRole('region', { name: 'Alcance por establecimiento' });
    await expect(reach.locator('.recharts-surface')).toBeVisible();
    // A chart far below is drawn as it comes near the window (scrolled to, as a reader would).
    await app.getByRole('region', { name: 'Eventos y públicos' }).scrollIntoViewIfNeeded();
    await expect(app.getByRole('region', { name: 'Eventos y públicos' }).locator('.recharts-surface')).toBeVisible();
    await expect(app.getByText(/Se atiende a \d+ de \d+ establecimientos/)).toBeVisible();
    await screen(app, 'evaluacion');

    // The same rows as a table: one row per establishment served and the national total.
    await reach.getByText('Tabla', { exact: true }).click();
    const table = reach.getByRole('table', { name: 'Alcance por establecimiento' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Total nacional' })).toHaveCount(1);
    const rowsBefore = await table.getByRole('row').count();
    expect(rowsBefore).toBeGreaterThan(2);

    // Women only: the reach counts only women, so fewer establishments are served.
    await pick(app, app.getByRole('search', { name: 'Filtros de la evaluación' }), 'Sexo', 'Femenino');
    await expect.poll(async () => table.getByRole('row').count()).toBeLessThan(rowsBefore);

    // Aggregates only: no participant's surname anywhere on the page.
    const text = await app.locator('main').innerText();
    for (const surname of surnames) expect(text).not.toContain(surname);

    // A chart's table as Excel, with the page's filters.
    await app.getByRole('region', { name: 'Inscripciones por etapa' }).getByRole('button', { name: 'Excel' }).click();
    const note = app.getByTestId('saved-path');
    await expect(note).toBeVisible();
    const file = (await note.innerText()).replace(/^[^:]*:\s*/, '').trim();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells).toContain('Etapa');
    expect(cells).toContain('Inscripciones');
    for (const surname of surnames) expect(cells.join(' ')).not.toContain(surname);
  });

  test('a period that ends before it starts is refused beside the field', async ({ app, harness }) => {
    await loadDemo(harness);
    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Evaluación' }).click();
    const filters = app.getByRole('search', { name: 'Filtros de la evaluación' });
    await filters.getByLabel('Hasta').fill('01/01/2020');
    await expect(filters.getByText('La fecha final debe ser igual o posterior a la inicial.')).toBeVisible();
    await expect(filters.getByLabel('Hasta')).toHaveValue('01/01/2020');
  });
});
