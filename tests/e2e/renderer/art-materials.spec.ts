import { today } from '../../helpers/contracts';
import { expect, screen, test } from '../fixtures';
import { choose, createEstablishment, ok, pick } from '../steps';

/**
 * Art materials (issue 15, item 6): a clerk creates a material of the art workshops, records
 * its purchase at a unit cost, finds it among the art materials, and the budget's Materiales
 * line executes what it cost.
 */
test.describe('Materiales de arte', () => {
  test('clay bought at S/ 12.50 a kilo: in the stock under its category, and S/ 500.00 executed on Materiales', async ({
    app,
    harness,
  }) => {
    const establishment = await createEstablishment(harness, { name: 'E.P. de Mujeres de Chorrillos', population: 'mujeres' });
    await ok(harness, 'budget.save', {
      year: Number(today().slice(0, 4)),
      exchangeRate: 3.4,
      lines: { instrumentos: 20_000_000, docentes: 500_000, capacitacion: 3_500_000, materiales: 2_500_000, eventos: 1_500_000 },
      version: null,
    });
    // Strings for the music workshop, at the same prison: the category filter leaves them out.
    const strings = (await ok<Array<{ id: number; name: string }>>(harness, 'consumables.items', {})).find(
      (i) => i.name === 'Juego de cuerdas de violín',
    )!;
    await ok(harness, 'consumables.move', {
      itemId: strings.id,
      establishmentId: establishment.id,
      kind: 'ingreso',
      quantity: 6,
      date: today(),
    });
    await app.reload();

    await app.getByRole('link', { name: 'Consumibles', exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Consumibles' })).toBeVisible();

    // A new item of the art workshops.
    await app.getByRole('button', { name: 'Nuevo artículo' }).click();
    const itemDialog = app.getByRole('dialog', { name: 'Nuevo artículo' });
    await itemDialog.getByRole('textbox', { name: 'Nombre del artículo' }).fill('Arcilla de prueba');
    await itemDialog.getByRole('textbox', { name: 'Unidad' }).fill('kg');
    await pick(app, itemDialog, 'Categoría', 'Materiales de arte');
    await itemDialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(app.getByText('Se creó el artículo «Arcilla de prueba».')).toBeVisible();

    // Its purchase: 40 kg at S/ 12.50 each; the total shows as it is typed.
    await app.getByRole('button', { name: 'Registrar entrada o entrega', exact: true }).click();
    const move = app.getByRole('dialog', { name: 'Registrar entrada o entrega' });
    await choose(app, move, 'Artículo', 'Arcilla de prueba', 'Arcilla de prueba');
    await choose(app, move, 'Establecimiento', 'Chorrillos', 'E.P. de Mujeres de Chorrillos');
    await move.getByRole('textbox', { name: 'Cantidad' }).fill('40');
    const unitCost = move.getByRole('textbox', { name: 'Costo unitario (S/)' });
    await expect(unitCost).toHaveAccessibleDescription(/línea Materiales del presupuesto/);
    // What cannot be read without guessing is refused next to the field, and the text stays.
    await unitCost.fill('12.505');
    await move.getByRole('button', { name: 'Registrar' }).click();
    await expect(unitCost).toHaveValue('12.505');
    await expect(unitCost).toHaveAttribute('aria-invalid', 'true');
    await expect(move).toBeVisible();
    await unitCost.fill('12.50');
    await expect(move.getByTestId('purchase-total')).toHaveText('Total de la compra: 40 kg × S/ 12.50 = S/ 500.00');
    // A delivery carries no unit cost: the field is not offered.
    await move.getByText('Entrega', { exact: true }).click();
    await expect(unitCost).toHaveCount(0);
    await move.getByText('Entrada', { exact: true }).click();
    await expect(unitCost).toHaveValue('12.50');
    await app.evaluate(() => window.scrollTo(0, 0));
    await screen(app, '33b-consumibles-compra-con-costo');
    await move.getByRole('button', { name: 'Registrar' }).click();
    await expect(move).toBeHidden();

    // Among the art materials, with its stock; the strings are not.
    await pick(app, app.getByRole('main'), 'Categoría', 'Materiales de arte');
    const row = app.getByRole('row', { name: /Arcilla de prueba/ });
    await expect(row).toContainText('Materiales de arte');
    await expect(row.getByRole('cell').nth(3)).toHaveText('40');
    await expect(app.getByRole('row', { name: /Juego de cuerdas de violín/ })).toHaveCount(0);
    await app.mouse.move(0, 0);
    await app.evaluate(() => window.scrollTo(0, 0));
    await screen(app, '33c-consumibles-materiales-de-arte');

    // The budget: S/ 500.00 executed on Materiales, and said so.
    await app.getByRole('link', { name: 'Presupuesto', exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Presupuesto del programa' })).toBeVisible();
    await app.evaluate(() => window.scrollTo(0, 0));
    const materiales = app.getByTestId('line-materiales');
    await expect(materiales.getByRole('cell').nth(3)).toHaveText(/^S\/\s500\.00/);
    await expect(materiales).toContainText(/incluye S\/\s500\.00 en equipos de arte y consumibles/);
    await expect(app.getByTestId('line-instrumentos').getByRole('cell').nth(3)).toHaveText(/^S\/\s0\.00/);
    await expect(app.getByTestId('line-total').getByRole('cell').nth(3)).toHaveText(/^S\/\s500\.00/);
    await app.mouse.move(0, 0);
    await expect(app.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
    await screen(app, '43b-presupuesto-materiales');
  });
});
