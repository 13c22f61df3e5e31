import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, screen, test, notified } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { createEstablishment } from '../steps';

test.describe('Establecimientos', () => {
  test('an empty database offers the demonstration data, which the dashboard then counts', async ({ app }) => {
    await expect(app.getByRole('heading', { name: 'La base de datos está vacía' })).toBeVisible();
    await screen(app, '01-inicio-base-vacia');
    await app.getByRole('button', { name: 'Cargar datos de demostración' }).click();
    // Loading the whole demonstration (520 participants, 140 instruments, contracts, works) is the
    // heaviest write of the app: on a loaded 2-core machine it takes longer than a click's 10 s.
    // The art equipment depends on which demonstration workshops of ceramics and painting run today.
    await expect(
      app.getByText(/^Se cargaron los datos de demostración: 20 establecimientos, 140 instrumentos y [1-9]\d* equipos de arte\.$/),
    ).toBeVisible({
      timeout: 30_000,
    });
    await expect(app.getByText('Datos de demostración', { exact: true })).toBeVisible();
    await expect(app.getByTestId('stat-Establecimientos registrados')).toHaveText('20');
    await expect(app.getByTestId('stat-Establecimientos en el programa')).toHaveText('7');
    await expect(app.getByText('5 de varones · 2 de mujeres · 0 mixtos')).toBeVisible();
    // Every section of the home page counts the demonstration once it has loaded (each loads on its own).
    await expect(app.getByTestId('stat-Participantes activos')).toHaveText(/^[1-9]/);
    await expect(app.getByTestId('internarte-dashboard')).toBeVisible();
    // The small charts (issue 17, item 4) are drawn: instruments, attendance, budget.
    await expect(app.getByTestId('evaluation-dashboard').locator('.recharts-surface')).toHaveCount(3);
    await app.mouse.move(0, 0);
    // The pointer left: wait for what the user sees (no tooltip left over), not for a time.
    await expect(app.getByRole('tooltip')).toHaveCount(0);
    await screen(app, '02-inicio');
  });

  test('a figure still on its way when the demonstration loads is asked again: the home page counts what was loaded', async ({ app }) => {
    // The programmes' figures are read before the load and their answer arrives after it (a slow
    // PC): they must not stay at zero.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = () => {};
    const wasAsked = new Promise<void>((resolve) => (asked = resolve));
    let loading = false;
    await app.route('**/api/programmeReports.summary', async (route) => {
      if (loading) return route.continue();
      asked();
      const answer = await route.fetch();
      await held;
      await route.fulfill({ response: answer });
    });
    await app.reload();
    await expect(app.getByRole('heading', { name: 'La base de datos está vacía' })).toBeVisible();
    await wasAsked;
    loading = true;
    const loaded = app.waitForResponse('**/api/demo.load', { timeout: 30_000 });
    await app.getByRole('button', { name: 'Cargar datos de demostración' }).click();
    await loaded;
    release();
    await expect(
      app.getByText(/^Se cargaron los datos de demostración: 20 establecimientos, 140 instrumentos y [1-9]\d* equipos de arte\.$/),
    ).toBeVisible();
    await expect(app.getByTestId('stat-Participantes activos')).toHaveText(/^[1-9]/);
  });

  test('create with field errors in Spanish, then edit, keyboard only', async ({ app, harness }) => {
    await app.getByRole('link', { name: 'Establecimientos' }).click();
    await expect(app.getByText('Aún no hay establecimientos')).toBeVisible();
    await screen(app, '03-establecimientos-vacio');

    await app.getByRole('button', { name: 'Nuevo establecimiento' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nuevo establecimiento' });
    await expect(dialog.getByLabel('Código')).toBeFocused();
    await dialog.getByLabel('Código').fill('EP LIM');
    await dialog.getByLabel('Nombre').fill('ab');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog.getByText('Use solo letras, números y guiones, empezando por una letra o un número.')).toBeVisible();
    await expect(dialog.getByText('Escriba al menos 3 caracteres.')).toBeVisible();
    await expect(dialog.getByText('Este campo es obligatorio.').first()).toBeVisible();
    await screen(app, '04-establecimiento-formulario-errores');

    // Fill it in with the keyboard alone.
    await dialog.getByLabel('Código').fill('ep-lim-99');
    await app.keyboard.press('Tab');
    // Typed: the first office that matches is highlighted, and Enter takes it — also when a busy
    // PC delivers the keys before the list has drawn (the theme's Select default, app/theme.ts).
    await app.keyboard.type('Lima');
    await expect(app.getByRole('option', { name: /^Lima/ }).first()).toHaveAttribute('data-combobox-selected', 'true');
    await app.keyboard.press('Enter');
    // The office's whole name, "Lima (…)", not just the text typed: an option was taken.
    await expect(dialog.getByRole('combobox', { name: 'Oficina regional' })).toHaveValue(/^Lima \(/);
    await dialog.getByLabel('Nombre').fill('E.P. de Prueba Ñaña');
    await dialog.getByLabel('Ciudad').fill('Chaclacayo');
    await dialog.getByRole('combobox', { name: 'Población' }).focus();
    await app.keyboard.press('ArrowDown');
    await expect(app.getByRole('option', { name: 'Varones' })).toHaveAttribute('data-combobox-selected', 'true');
    await app.keyboard.press('Enter');
    await expect(dialog.getByRole('combobox', { name: 'Población' })).toHaveValue('Varones');
    await dialog.getByLabel('Plazo de préstamo de instrumentos (días)').fill('45');
    await dialog.getByLabel('Participa en el programa de arte y cultura').press('Space');
    await dialog.getByLabel('Ciudad').press('Enter');
    await expect(dialog).toBeHidden();
    await notified(app, 'Se registró el establecimiento E.P. de Prueba Ñaña.');
    const row = app.getByRole('row', { name: /EP-LIM-99/ });
    await expect(row).toContainText('E.P. de Prueba Ñaña');
    await expect(row).toContainText('Varones');
    await expect(row).toContainText('Sí');
    expect(await harness.db('establishments').where({ code: 'EP-LIM-99' }).first('loan_days')).toEqual({ loan_days: 45 });

    // A second one with the same code is refused by main, next to the field, and the form keeps what was typed.
    await app.getByRole('button', { name: 'Nuevo establecimiento' }).click();
    const again = app.getByRole('dialog', { name: 'Nuevo establecimiento' });
    await again.getByLabel('Código').fill('EP-LIM-99');
    await again.getByRole('combobox', { name: 'Oficina regional' }).click();
    await app.getByRole('option', { name: 'Sur (Arequipa)' }).click();
    await again.getByLabel('Nombre').fill('E.P. Duplicado');
    await again.getByLabel('Ciudad').fill('Arequipa');
    await again.getByRole('combobox', { name: 'Población' }).click();
    await app.getByRole('option', { name: 'Mujeres' }).click();
    await again.getByRole('button', { name: 'Guardar' }).click();
    await expect(again.getByText('Ya existe un establecimiento con el código EP-LIM-99.').first()).toBeVisible();
    await expect(again.getByLabel('Nombre')).toHaveValue('E.P. Duplicado');
    await again.getByRole('button', { name: 'Cancelar' }).click();

    // Edit.
    await app.getByRole('button', { name: 'Editar: E.P. de Prueba Ñaña' }).click();
    const edit = app.getByRole('dialog', { name: 'Editar establecimiento' });
    await expect(edit.getByLabel('Nombre')).toHaveValue('E.P. de Prueba Ñaña');
    await edit.getByLabel('Nombre').fill('E.P. de Chaclacayo');
    // The loan period saved with it; emptied, the establishment has none.
    await expect(edit.getByLabel('Plazo de préstamo de instrumentos (días)')).toHaveValue('45');
    await edit.getByLabel('Plazo de préstamo de instrumentos (días)').fill('');
    await screen(app, '05-establecimiento-editar');
    await edit.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se guardaron los cambios de E.P. de Chaclacayo.');
    expect(await harness.db('establishments').where({ code: 'EP-LIM-99' }).first('loan_days')).toEqual({ loan_days: null });
    await expect(app.getByRole('row', { name: /EP-LIM-99/ })).toContainText('E.P. de Chaclacayo');
  });

  test('search, filter, export and deactivate', async ({ app, harness }) => {
    await loadDemo(harness);
    await app.getByRole('link', { name: 'Establecimientos' }).click();
    await expect(app.getByText('1–20 de 20')).toBeVisible();
    await screen(app, '06-establecimientos');
    // A row's button says what it does while the pointer rests on it, and nothing once it leaves.
    await app.getByRole('button', { name: 'Eliminar: E.P. de Huánuco' }).hover();
    await expect(app.getByRole('tooltip')).toHaveText('Eliminar');
    await app.mouse.move(0, 0);
    await expect(app.getByRole('tooltip')).toHaveCount(0);

    // Search without accents finds accented names.
    await app.getByRole('textbox', { name: 'Buscar' }).fill('huanuco');
    await expect(app.getByText('1–1 de 1')).toBeVisible();
    await expect(app.getByRole('row', { name: /E\.P\. de Huánuco/ })).toBeVisible();
    await app.getByRole('textbox', { name: 'Buscar' }).fill('');

    // Filter: women's establishments in the programme.
    await app.getByRole('combobox', { name: 'Población' }).click();
    await app.getByRole('option', { name: 'Mujeres' }).click();
    await app.getByRole('combobox', { name: 'Programa' }).click();
    await app.getByRole('option', { name: 'En el programa', exact: true }).click();
    await expect(app.getByText('1–2 de 2')).toBeVisible();
    await screen(app, '07-establecimientos-filtrados');

    // Export what is shown.
    await app.getByRole('button', { name: 'Exportar' }).click();
    await app.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click();
    await expect(app.getByText('Se exportaron 2 filas.')).toBeVisible();
    const shown = await app.getByTestId('export-path').innerText();
    const xlsxPath = shown.replace('Archivo guardado en: ', '').trim();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const ws = wb.getWorksheet('Establecimientos')!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getColumn(2).values.slice(2).sort()).toEqual(['E.P. Virgen de Fátima', 'E.P. de Mujeres de Chorrillos']);

    await app.getByRole('button', { name: 'Exportar' }).click();
    await app.getByRole('menuitem', { name: /CSV/ }).click();
    await expect(app.getByText(/establecimientos-\d{4}-\d{2}-\d{2}\.csv/)).toBeVisible();
    const csv = fs.readdirSync(harness.exportDir).find((f) => f.endsWith('.csv'))!;
    expect(fs.readFileSync(`${harness.exportDir}/${csv}`, 'utf8')).toContain('E.P. Virgen de Fátima;Lima;Mujeres');

    // Deactivate one; "Solo activos" then hides it.
    await app.getByRole('button', { name: 'Desactivar: E.P. Virgen de Fátima' }).click();
    await expect(app.getByText('Se desactivó E.P. Virgen de Fátima.')).toBeVisible();
    await expect(app.getByRole('row', { name: /Virgen de Fátima/ })).toContainText('Inactivo');
    await app.getByRole('combobox', { name: 'Estado' }).click();
    await app.getByRole('option', { name: 'Solo activos' }).click();
    await expect(app.getByText('1–1 de 1')).toBeVisible();
    await expect(app.getByRole('row', { name: /Virgen de Fátima/ })).toHaveCount(0);

    await app.getByRole('button', { name: 'Limpiar filtros' }).click();
    await expect(app.getByText('1–20 de 20')).toBeVisible();
  });

  test('a referenced establishment cannot be deleted; an unreferenced one can', async ({ app, harness }) => {
    await loadDemo(harness);
    // Another module's record that points at an establishment (as instruments will).
    await harness.db.schema.createTable('referencia_prueba', (t) => {
      t.increments('id');
      t.integer('establishment_id').references('id').inTable('establishments').onDelete('RESTRICT');
    });
    const callao = (await harness.db('establishments').where({ name: 'E.P. del Callao' }).first()) as { id: number };
    await harness.db('referencia_prueba').insert({ establishment_id: callao.id });

    await app.getByRole('link', { name: 'Establecimientos' }).click();
    await app.getByRole('button', { name: 'Eliminar: E.P. del Callao' }).click();
    await expect(app.getByRole('dialog', { name: 'Eliminar establecimiento' })).toContainText('¿Eliminar E.P. del Callao?');
    await screen(app, '08-establecimiento-eliminar-confirmar');
    await app.getByRole('dialog').getByRole('button', { name: 'Eliminar' }).click();
    await expect(
      app.getByText('No se puede eliminar el establecimiento E.P. del Callao porque tiene registros asociados. Desactívelo en su lugar.'),
    ).toBeVisible();
    await expect(app.getByRole('row', { name: /E\.P\. del Callao/ })).toBeVisible();

    // Every establishment of the demonstration has its INPE staff: one registered just now has nothing yet.
    await createEstablishment(harness, { code: 'EP-TST-01', name: 'E.P. Anexo de Prueba' });
    await app.reload();
    await expect(app.getByText('1–21 de 21')).toBeVisible();
    await app.getByRole('button', { name: 'Eliminar: E.P. Anexo de Prueba' }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Eliminar' }).click();
    await notified(app, 'Se eliminó E.P. Anexo de Prueba.');
    await expect(app.getByText('1–20 de 20')).toBeVisible();
  });
});
