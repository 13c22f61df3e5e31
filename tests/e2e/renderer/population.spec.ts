import { expect, notified, screen, test } from '../fixtures';
import { createEstablishment, createParticipant, ok } from '../steps';

/**
 * Issue 15 in the real renderer: an establishment's population over time. A count is recorded
 * from the establishment's population drawer (numbers kept exactly as typed or refused beside
 * the field), shows in the history, and the reach page's figure changes from "—" to
 * participants ÷ population, per prison and nationally.
 */

test.describe('Población y alcance', () => {
  test('a count recorded on an establishment shows in its history and changes the reach', async ({ app, harness }) => {
    const lurigancho = await createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });
    const chorrillos = await createEstablishment(harness, {
      code: 'EP-CHO-01',
      name: 'E.P. de Mujeres de Chorrillos',
      population: 'mujeres',
    });
    for (let i = 1; i <= 4; i++)
      await createParticipant(harness, { code: `LUR-${i}`, firstNames: 'Juan', lastNames: `Quispe ${i}`, establishmentId: lurigancho.id });
    for (let i = 1; i <= 3; i++)
      await createParticipant(
        harness,
        { code: `CHO-${i}`, firstNames: 'Ana', lastNames: `Flores ${i}`, establishmentId: chorrillos.id },
        { sex: 'femenino' },
      );
    await ok(harness, 'population.record', {
      establishmentId: chorrillos.id,
      countedOn: '2026-09-30',
      men: 0,
      women: 600,
      source: 'Informe de setiembre',
    });
    const nav = app.getByRole('navigation', { name: 'Navegación' });

    // The reach before: Lurigancho has no count ("—", not 0 %); Chorrillos 3 ÷ 600.
    await nav.getByRole('link', { name: 'Alcance del programa' }).click();
    await expect(app.getByRole('heading', { name: 'Alcance del programa' })).toBeVisible();
    const row = (name: string) => app.getByTestId('reach-row').filter({ hasText: name });
    await expect(row('E.P. de Lurigancho').getByRole('cell').last()).toHaveText('—');
    await expect(row('E.P. de Mujeres de Chorrillos').getByRole('cell').last()).toHaveText('0.5 %');
    await expect(app.getByTestId('reach-national').getByRole('cell').last()).toHaveText('0.5 %');
    await expect(app.getByText('El alcance nacional considera los 1 de 2 establecimientos con conteo.')).toBeVisible();
    // Counts only: no participant's name or code on the page.
    await expect(app.getByText(/Quispe|LUR-1|Flores/)).toHaveCount(0);

    // The establishment's population: none yet.
    await nav.getByRole('link', { name: 'Establecimientos', exact: true }).click();
    await app.getByRole('button', { name: 'Población: E.P. de Lurigancho' }).click();
    const drawer = app.getByTestId('population-record');
    await expect(drawer.getByText('Sin conteo registrado')).toBeVisible();
    await expect(drawer.getByText('Aún no hay conteos.', { exact: false })).toBeVisible();

    // Numbers as typed: "1.180" or "-3" are refused beside the field, nothing is saved.
    await drawer.getByRole('button', { name: 'Registrar conteo' }).click();
    const dialog = app.getByRole('dialog', { name: 'Registrar conteo de población' });
    await dialog.getByLabel('Fecha del conteo').fill('31/10/2026');
    await dialog.getByLabel('Hombres').fill('1.180');
    await dialog.getByLabel('Mujeres').fill('-3');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog.getByText('Escriba un número entero de 0 o más, solo con cifras.')).toHaveCount(2);
    await expect(dialog.getByLabel('Hombres')).toHaveValue('1.180');
    expect(await harness.db('population_counts').where({ establishment_id: lurigancho.id }).count({ n: '*' })).toEqual([{ n: 0 }]);
    await dialog.getByLabel('Hombres').fill('1180');
    await dialog.getByLabel('Mujeres').fill('0');
    await dialog.getByLabel('Fuente').fill('Oficio 120-2026');
    await screen(app, 'poblacion-registrar');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog).toBeHidden();
    await notified(app, 'Se registró el conteo de E.P. de Lurigancho al 31/10/2026: 1,180 personas.');

    // The history shows it, and the latest count beside what the prison houses.
    const history = drawer.getByRole('table', { name: 'Conteos de población' });
    await expect(history.getByRole('row').nth(1)).toContainText('31/10/2026');
    await expect(history.getByRole('row').nth(1)).toContainText('Oficio 120-2026');
    await expect(drawer.getByText('1,180 personas al 31/10/2026')).toBeVisible();

    // A figure was wrong: another count of the same day replaces it; the first stays, marked corrected.
    await drawer.getByRole('button', { name: 'Registrar conteo' }).click();
    await expect(dialog.getByLabel('Hombres')).toHaveValue('');
    await dialog.getByLabel('Fecha del conteo').fill('31/10/2026');
    await dialog.getByLabel('Hombres').fill('1190');
    await dialog.getByLabel('Mujeres').fill('0');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog).toBeHidden();
    await expect(history.getByRole('row')).toHaveCount(3);
    await expect(history.getByRole('row').nth(1)).toContainText('1,190');
    await expect(history.getByRole('row').nth(2)).toContainText('Corregido');
    await expect(history.getByRole('row').nth(2)).toContainText('1,180');
    await expect(drawer.getByText('1,190 personas al 31/10/2026')).toBeVisible();
    await screen(app, 'poblacion-historial');
    await app.keyboard.press('Escape');

    // The reach changes: Lurigancho 4 ÷ 1 190, nationally 7 ÷ 1 790.
    await nav.getByRole('link', { name: 'Alcance del programa' }).click();
    await expect(row('E.P. de Lurigancho').getByRole('cell').last()).toHaveText('0.3 %');
    await expect(row('E.P. de Lurigancho')).toContainText('31/10/2026');
    await expect(app.getByTestId('reach-national').getByRole('cell').last()).toHaveText('0.4 %');
    await expect(app.getByText('El alcance nacional considera los 2 de 2 establecimientos con conteo.')).toBeVisible();
    await screen(app, 'alcance-del-programa');
  });
});
