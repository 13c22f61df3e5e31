import fs from 'node:fs';
import { expect, screen, test, notified } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { establishments, openInstruments, register } from '../instruments-steps';
import { pick as choose } from '../steps';

test.describe('Inventario de instrumentos', () => {
  test('register through the form (scanner Enter, refused duplicate code kept next to the field)', async ({ app, harness }) => {
    await establishments(harness);
    await app.reload();
    await openInstruments(app);
    await expect(app.getByText('Aún no hay instrumentos')).toBeVisible();
    await screen(app, '20-instrumentos-vacio');

    await app.getByRole('button', { name: 'Nuevo instrumento' }).first().click();
    const dialog = app.getByRole('dialog', { name: 'Registrar instrumento' });
    const code = dialog.getByLabel('Código patrimonial');
    await expect(code).toBeFocused();
    // A barcode scanner types the code and Enter: focus moves on, nothing is submitted.
    await app.keyboard.type('inpe-vio-001');
    await app.keyboard.press('Enter');
    await expect(dialog.getByLabel('N.° de serie')).toBeFocused();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('Este campo es obligatorio.')).toHaveCount(0);
    await app.keyboard.type('SN-88231');

    await dialog.getByRole('combobox', { name: 'Tipo' }).fill('violin');
    await app.getByRole('option', { name: 'Violín', exact: true }).click();
    await choose(app, dialog, 'Fuente de financiamiento', 'Presupuesto INPE');
    await dialog.getByLabel('Marca').fill('Yamaha');
    await dialog.getByLabel('Modelo').fill('V5SC 4/4');
    await dialog.getByLabel('Fecha de adquisición').fill('15/03/2025');
    await dialog.getByLabel('Costo (S/)').fill('1250.5');
    await dialog.getByLabel('Proveedor', { exact: true }).fill('Música Perú S.A.C.');
    await dialog.getByLabel('Documento del proveedor').fill('F001-00231');
    await choose(app, dialog, 'Estado de conservación', 'Nuevo');
    await expect(dialog.getByLabel('Fecha de alta')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
    await dialog.getByRole('combobox', { name: 'Asignar de inmediato a' }).fill('lurigancho');
    await app.getByRole('option', { name: 'E.P. de Lurigancho' }).click();
    // Issue 13: the amount stays as typed; what was understood shows beside it.
    await expect(dialog.getByLabel('Costo (S/)')).toHaveValue('1250.5');
    await expect(dialog.getByTestId('money-understood')).toHaveText('= S/ 1,250.50');
    await screen(app, '20-instrumento-formulario');
    await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect(dialog).toBeHidden();
    await notified(app, 'Se registró el instrumento INPE-VIO-001.');
    const row = app.getByRole('row', { name: /INPE-VIO-001/ });
    await expect(row).toContainText('Violín');
    await expect(row).toContainText('Yamaha V5SC 4/4');
    await expect(row).toContainText('E.P. de Lurigancho');
    await expect(row).toContainText('Asignado');
    await expect(row).toContainText('Nuevo');
    await expect(row).toContainText('S/ 1,250.50');

    // The same code again (typed in lower case): main refuses it next to the field; nothing typed is lost.
    await app.getByRole('button', { name: 'Nuevo instrumento' }).first().click();
    const again = app.getByRole('dialog', { name: 'Registrar instrumento' });
    await again.getByLabel('Código patrimonial').fill('Inpe-Vio-001');
    await again.getByRole('combobox', { name: 'Tipo' }).fill('viola');
    await app.getByRole('option', { name: 'Viola', exact: true }).click();
    await choose(app, again, 'Fuente de financiamiento', 'Donación');
    await again.getByLabel('Marca').fill('Stentor');
    await again.getByLabel('Costo (S/)').fill('0');
    await choose(app, again, 'Estado de conservación', 'Bueno');
    await again.getByRole('button', { name: 'Guardar', exact: true }).click();
    const duplicate = 'Ya existe un instrumento con el código patrimonial INPE-VIO-001.';
    await expect(again.getByRole('alert')).toHaveText(duplicate);
    await expect(again.locator('.mantine-TextInput-error', { hasText: duplicate })).toBeVisible();
    await expect(again.getByLabel('Marca')).toHaveValue('Stentor');
    await expect(again.getByRole('combobox', { name: 'Tipo' })).toHaveValue('Viola');
    await screen(app, '20-instrumento-codigo-duplicado');

    // Corrected, and "save and register another": the shared fields stay for the next one of the purchase.
    await again.getByLabel('Código patrimonial').fill('INPE-VLA-001');
    await again.getByRole('button', { name: 'Guardar y registrar otro' }).click();
    await notified(app, 'Se registró el instrumento INPE-VLA-001.');
    await expect(again.getByLabel('Código patrimonial')).toHaveValue('');
    await expect(again.getByLabel('Código patrimonial')).toBeFocused();
    await expect(again.getByLabel('Marca')).toHaveValue('Stentor');
    await again.getByRole('button', { name: 'Cancelar' }).click();
    await expect(app.getByText('1–2 de 2')).toBeVisible();
    await expect(app.getByRole('row', { name: /INPE-VLA-001/ })).toContainText('En almacén central');
  });

  test('search, filter by location and export what is shown', async ({ app, harness }) => {
    await establishments(harness);
    await register(harness, 'VIO-0001', { at: 'E.P. de Lurigancho' });
    await register(harness, 'VIO-0002');
    await register(harness, 'TRB-0001', { type: 'Trombón', brand: 'Jupiter', model: 'JTB700' });
    await app.reload();
    await openInstruments(app);
    await app.getByRole('textbox', { name: 'Buscar' }).fill('jupiter');
    await expect(app.getByText('1–1 de 1')).toBeVisible();
    await app.getByRole('textbox', { name: 'Buscar' }).fill('');
    await app.getByRole('combobox', { name: 'Ubicación' }).click();
    await app.getByRole('option', { name: 'Almacén central' }).click();
    await expect(app.getByText('1–2 de 2')).toBeVisible();
    await app.getByRole('combobox', { name: 'Familia' }).click();
    await app.getByRole('option', { name: 'Vientos metal' }).click();
    await expect(app.getByText('1–1 de 1')).toBeVisible();
    await app.getByRole('button', { name: 'Exportar' }).click();
    await app.getByRole('menuitem', { name: /CSV/ }).click();
    // The register names custodians: the export asks why, and is logged.
    const reason = app.getByRole('dialog', { name: 'Motivo de la exportación' });
    await reason.getByLabel('Motivo').fill('Inventario anual para la auditoría');
    await reason.getByRole('button', { name: 'Exportar' }).click();
    await expect(app.getByText(/instrumentos-\d{4}-\d{2}-\d{2}\.csv/)).toBeVisible();
    expect(await harness.db('personal_data_exports').select('channel', 'reason', 'rows')).toEqual([
      { channel: 'instruments.export', reason: 'Inventario anual para la auditoría', rows: 1 },
    ]);
    const csv = fs.readdirSync(harness.exportDir).find((f) => f.endsWith('.csv'))!;
    const text = fs.readFileSync(`${harness.exportDir}/${csv}`, 'utf8');
    expect(text).toContain('TRB-0001');
    expect(text).not.toContain('VIO-0002');
    await app.getByRole('button', { name: 'Limpiar filtros' }).click();
    await expect(app.getByText('1–3 de 3')).toBeVisible();
  });

  test('instrument types by family: create, refuse a duplicate, deactivate', async ({ app, harness }) => {
    await establishments(harness);
    await register(harness, 'VIO-0001');
    await register(harness, 'VIO-0002');
    await app.reload();
    await app.getByRole('link', { name: 'Tipos de instrumento' }).click();
    await expect(app.getByRole('heading', { name: 'Tipos de instrumento' })).toBeVisible();
    const strings = app.getByRole('region', { name: 'Cuerdas frotadas' });
    await expect(strings).toContainText('4 tipos · 2 instrumentos');
    await expect(strings.getByRole('row', { name: /Violín/ })).toContainText('2');
    await app.mouse.move(0, 0);
    await screen(app, '23-tipos-de-instrumento');

    await app.getByRole('button', { name: 'Nuevo tipo' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nuevo tipo de instrumento' });
    await dialog.getByLabel('Nombre').fill('violin');
    await choose(app, dialog, 'Familia', 'Cuerdas frotadas');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Ya existe el tipo de instrumento «violin».');
    await dialog.getByLabel('Nombre').fill('Cuatro venezolano');
    await choose(app, dialog, 'Familia', 'Cuerdas pulsadas');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(app.getByText('Se creó el tipo «Cuatro venezolano».')).toBeVisible();
    const plucked = app.getByRole('region', { name: 'Cuerdas pulsadas' });
    await expect(plucked.getByRole('row', { name: /Cuatro venezolano/ })).toContainText('Activo');

    await plucked.getByRole('button', { name: 'Desactivar: Cuatro venezolano' }).click();
    await expect(plucked.getByRole('row', { name: /Cuatro venezolano/ })).toContainText('Inactivo');

    // An inactive type is not offered for a new instrument.
    await app.getByRole('link', { name: 'Instrumentos', exact: true }).click();
    await app.getByRole('button', { name: 'Nuevo instrumento' }).first().click();
    const form = app.getByRole('dialog', { name: 'Registrar instrumento' });
    await form.getByRole('combobox', { name: 'Tipo' }).fill('cuatro');
    await expect(app.getByRole('option', { name: /Cuatro/ })).toHaveCount(0);
    await form.getByRole('button', { name: 'Cancelar' }).click();

    // The count leads to the type's instruments.
    await app.getByRole('link', { name: 'Tipos de instrumento' }).click();
    await app.getByRole('link', { name: 'Ver sus instrumentos: Violín' }).click();
    await expect(app.getByText('1–2 de 2')).toBeVisible();
    await expect(app.getByRole('combobox', { name: 'Tipo' })).toHaveValue('Violín');
  });
  test('the demonstration inventory, in Spanish and in English', async ({ app, harness }) => {
    await loadDemo(harness);
    await app.reload();
    await openInstruments(app);
    await expect(app.getByText(/^1–25 de \d+$/)).toBeVisible();
    await app.mouse.move(0, 0);
    await screen(app, '20-instrumentos');

    // A record of the demonstration, with its history.
    await app
      .getByRole('button', { name: /^Ficha: / })
      .first()
      .click();
    const record = app.getByRole('dialog', { name: /^Ficha: / });
    await expect(record.getByTestId('movement-item').first()).toContainText('Alta');
    await record.getByRole('button', { name: 'Cerrar' }).click();

    await app.getByText('EN', { exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Instruments', exact: true })).toBeVisible();
    await expect(app.getByRole('link', { name: 'Instrument types' })).toBeVisible();
    await app.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await expect(app.getByTestId('selection-bar')).toContainText('25 selected');
    await app.mouse.move(0, 0);
    await screen(app, '20-instruments-english');
    await app.getByText('ES', { exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Instrumentos', exact: true })).toBeVisible();
  });
});
