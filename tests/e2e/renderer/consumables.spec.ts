import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { formatMoney } from '../../../shared/format';
import { expect, screen, test } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { ok, choose } from '../steps';

const savedIn = async (scope: ReturnType<Page['getByRole']>) =>
  (await scope.getByTestId('saved-path').innerText()).replace('Archivo guardado en: ', '').trim();

test.describe('Consumibles', () => {
  test('entry, a minimum above the stock, a refused delivery, and the dashboard', async ({ app, harness }) => {
    await loadDemo(harness);
    await app.getByRole('link', { name: 'Consumibles', exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Consumibles' })).toBeVisible();

    // A new item.
    await app.getByRole('button', { name: 'Nuevo artículo' }).click();
    const itemDialog = app.getByRole('dialog', { name: 'Nuevo artículo' });
    await expect(itemDialog.getByRole('textbox', { name: 'Nombre del artículo' })).toBeFocused();
    await itemDialog.getByRole('textbox', { name: 'Nombre del artículo' }).fill('Parche para redoblante');
    await itemDialog.getByRole('textbox', { name: 'Unidad' }).fill('unidades');
    await expect(itemDialog.getByRole('combobox', { name: 'Categoría' })).toHaveValue('Música');
    await itemDialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(app.getByText('Se creó el artículo «Parche para redoblante».')).toBeVisible();

    // An entry of 10 at E.P. de Puno.
    await app.getByRole('button', { name: 'Registrar entrada o entrega', exact: true }).click();
    const move = app.getByRole('dialog', { name: 'Registrar entrada o entrega' });
    await choose(app, move, 'Artículo', 'redoblante', 'Parche para redoblante');
    await choose(app, move, 'Establecimiento', 'Puno', 'E.P. de Puno');
    await expect(move.getByText('Existencias actuales: 0 unidades')).toBeVisible();
    await move.getByRole('textbox', { name: 'Cantidad' }).fill('10');
    await move.getByRole('button', { name: 'Registrar' }).click();
    await expect(move).toBeHidden();
    const row = app.getByRole('row', { name: /Parche para redoblante.*E\.P\. de Puno/ });
    await expect(row.getByRole('cell').nth(3)).toHaveText('10');
    await expect(row).not.toContainText('Bajo el mínimo');

    // A minimum above the stock: the row is marked.
    await app.getByRole('button', { name: 'Fijar mínimo: Parche para redoblante — E.P. de Puno' }).click();
    const minimum = app.getByRole('dialog', { name: 'Fijar mínimo' });
    await minimum.getByRole('textbox', { name: 'Mínimo' }).fill('12');
    await minimum.getByRole('button', { name: 'Guardar' }).click();
    await expect(minimum).toBeHidden();
    await expect(row).toContainText('Bajo el mínimo');
    await expect(row.getByRole('cell').nth(4)).toHaveText('12');

    // "Solo bajo el mínimo" keeps it; another establishment's filter hides it.
    await app.getByRole('checkbox', { name: 'Solo bajo el mínimo' }).check();
    await expect(row).toBeVisible();
    await expect(app.getByRole('row', { name: /Bajo el mínimo/ })).toHaveCount(
      (await ok<Array<unknown>>(harness, 'consumables.stock', { establishmentId: null, lowOnly: true })).length,
    );
    await app.getByRole('checkbox', { name: 'Solo bajo el mínimo' }).uncheck();

    // A delivery beyond the stock is refused by main, next to the quantity; the form keeps what was typed.
    await app.getByRole('button', { name: 'Registrar entrada o entrega: Parche para redoblante — E.P. de Puno' }).click();
    await move.getByText('Entrega', { exact: true }).click();
    await expect(move.getByRole('combobox', { name: 'Artículo' })).toHaveValue('Parche para redoblante');
    await move.getByRole('textbox', { name: 'Cantidad' }).fill('15');
    await move.getByRole('textbox', { name: 'Entregado a' }).fill('Banda sinfónica del E.P.');
    await move.getByRole('button', { name: 'Registrar' }).click();
    const refusal = 'Solo hay 10 unidades de «Parche para redoblante» en E.P. de Puno: no se puede entregar 15.';
    await expect(move.getByRole('textbox', { name: 'Cantidad' })).toHaveAccessibleDescription(
      new RegExp(refusal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
    await expect(move.getByText(refusal)).toHaveCount(1);
    await expect(move.getByRole('textbox', { name: 'Entregado a' })).toHaveValue('Banda sinfónica del E.P.');
    await app.evaluate(() => window.scrollTo(0, 0));
    await screen(app, '33-consumibles-entrega-rechazada');
    await move.getByRole('textbox', { name: 'Cantidad' }).fill('4');
    await move.getByRole('button', { name: 'Registrar' }).click();
    await expect(move).toBeHidden();
    await expect(row.getByRole('cell').nth(3)).toHaveText('6');
    await app.mouse.move(0, 0);
    await app.evaluate(() => window.scrollTo(0, 0));
    await screen(app, '33-consumibles');

    // The dashboard lists it among the consumables below their minimum.
    await app.getByRole('link', { name: 'Inicio' }).click();
    const low = app.getByTestId('low-stock');
    await expect(low.getByRole('row', { name: /Parche para redoblante/ })).toContainText('E.P. de Puno');
    await expect(low.getByRole('row', { name: /Parche para redoblante/ })).toContainText('6 unidades');
    const summary = await ok<{ totalInstruments: number; totalValueCentimos: number }>(harness, 'inventory.summary', {});
    await expect(app.getByTestId('stat-Instrumentos en uso')).toHaveText(summary.totalInstruments.toLocaleString('es-PE'));
    await expect(app.getByTestId('stat-Valor patrimonial')).toHaveText(formatMoney(summary.totalValueCentimos));
    await expect(app.getByTestId('inventory-by-establishment').getByRole('row', { name: /E\.P\. de Lurigancho/ })).toBeVisible();
    await app.mouse.move(0, 0);
    await expect(app.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
    await app.evaluate(() => window.scrollTo(0, 0));
    await screen(app, '35-inicio-inventario');
  });

  test('an empty database shows no inventory section on the dashboard', async ({ app }) => {
    await expect(app.getByRole('heading', { name: 'La base de datos está vacía' })).toBeVisible();
    await expect(app.getByTestId('inventory-dashboard')).toHaveCount(0);
  });
});

test.describe('Reportes de inventario', () => {
  test('establishment inventory as PDF, instruments by condition and movements as Excel', async ({ app, harness }) => {
    await loadDemo(harness);
    const lurigancho = (await harness.db('establishments').where({ name: 'E.P. de Lurigancho' }).first()) as { id: number };
    const instruments = await ok<{ rows: Array<{ code: string; status: string }> }>(harness, 'instruments.list', {
      establishmentId: lurigancho.id,
      status: 'asignado',
      pageSize: 100,
    });
    expect(instruments.rows.length).toBeGreaterThan(0);

    await app.getByRole('link', { name: 'Reportes de inventario' }).click();
    await expect(app.getByRole('heading', { name: 'Reportes de inventario' })).toBeVisible();

    // One establishment's inventory, as PDF.
    const byEstablishment = app.getByRole('region', { name: 'Inventario por establecimiento' });
    await byEstablishment.getByRole('button', { name: 'PDF' }).click();
    await expect(byEstablishment.getByText('Este campo es obligatorio.')).toBeVisible();
    await choose(app, byEstablishment, 'Establecimiento', 'Lurigancho', 'E.P. de Lurigancho');
    await byEstablishment.getByRole('button', { name: 'PDF' }).click();
    await expect(byEstablishment.getByTestId('saved-path')).toContainText('.pdf');
    const pdf = execFileSync('pdftotext', [await savedIn(byEstablishment), '-']).toString('utf8');
    expect(pdf).toContain('Inventario por establecimiento');
    expect(pdf).toContain('E.P. de Lurigancho');
    // Every instrument assigned there is listed (a long code may wrap at its hyphens in the table).
    for (const i of instruments.rows) expect(pdf).toMatch(new RegExp(i.code.split('-').join('-?\\s*')));

    // Instruments by condition, as Excel.
    const byCondition = app.getByRole('region', { name: 'Instrumentos por estado de conservación' });
    await byCondition.getByRole('button', { name: 'Excel' }).click();
    await expect(byCondition.getByTestId('saved-path')).toContainText('.xlsx');
    const conditionBook = new ExcelJS.Workbook();
    await conditionBook.xlsx.readFile(await savedIn(byCondition));
    expect(conditionBook.worksheets[0]!.getRow(1).values).toContain('Bueno');

    // Movements in a period: the end cannot come before the start.
    const movements = app.getByRole('region', { name: 'Movimientos en un periodo' });
    await movements.getByRole('textbox', { name: 'Desde' }).fill('01/12/2026');
    await movements.getByRole('textbox', { name: 'Desde' }).press('Tab');
    await movements.getByRole('textbox', { name: 'Hasta' }).fill('01/11/2026');
    await movements.getByRole('textbox', { name: 'Hasta' }).press('Tab');
    await app.keyboard.press('Escape'); // the establishment's list opens as the focus reaches it
    await movements.getByRole('button', { name: 'Excel' }).click();
    await expect(movements.getByText('La fecha final no puede ser anterior a la inicial.')).toBeVisible();
    await movements.getByRole('textbox', { name: 'Desde' }).fill('01/01/2020');
    await movements.getByRole('textbox', { name: 'Desde' }).press('Tab');
    await movements.getByRole('textbox', { name: 'Hasta' }).fill('31/12/2026');
    await movements.getByRole('textbox', { name: 'Hasta' }).press('Tab');
    await app.keyboard.press('Escape');
    await choose(app, movements, 'Establecimiento', 'Lurigancho', 'E.P. de Lurigancho');
    await movements.getByRole('button', { name: 'Excel' }).click();
    await expect(movements.getByTestId('saved-path')).toContainText('.xlsx');
    const movementsFile = await savedIn(movements);
    expect(fs.existsSync(movementsFile)).toBe(true);
    const movementsBook = new ExcelJS.Workbook();
    await movementsBook.xlsx.readFile(movementsFile);
    expect(movementsBook.worksheets[0]!.rowCount).toBeGreaterThan(1);

    await app.mouse.move(0, 0);
    // The pointer left: wait for what the user sees (no tooltip left over), not for a time.
    await expect(app.getByRole('tooltip')).toHaveCount(0);
    await screen(app, '34-reportes-inventario');
  });
});
