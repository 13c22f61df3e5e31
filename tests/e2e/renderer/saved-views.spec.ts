import { expect, notified, screen, test } from '../fixtures';
import { createEstablishment, createInstrument, ok, pick } from '../steps';

/** Issue 16, item 6: a list's filters saved under a name, for the user who saved them, and applied again later. */

test('the instruments in poor condition, saved as a view and applied again after the filters were cleared', async ({ app, harness }) => {
  const lur = await createEstablishment(harness, { code: 'EP-LIM-01', name: 'E.P. de Lurigancho' });
  await createInstrument(harness, 'VIO-0001', lur.id, { condition: 'malo' });
  await createInstrument(harness, 'VIO-0002', lur.id);
  await createInstrument(harness, 'GUI-0001', lur.id, { condition: 'malo' });
  await app.getByRole('link', { name: 'Instrumentos', exact: true }).click();
  await app.getByPlaceholder(/Código/).fill('vio');
  await pick(app, app.locator('main'), 'Conservación', 'Malo');
  await expect(app.getByRole('row', { name: /VIO-/ })).toHaveCount(1);

  await app.getByRole('button', { name: 'Vistas' }).click();
  await app.getByRole('menuitem', { name: 'Guardar filtros como vista…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Guardar vista' });
  await dialog.getByRole('textbox', { name: 'Nombre de la vista' }).fill('Violines en mal estado');
  await screen(app, '122-guardar-vista');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await notified(app, 'Se guardó la vista «Violines en mal estado».');
  // The list shows that view now: its name is on the button.
  await expect(app.getByRole('button', { name: 'Vista «Violines en mal estado»' })).toBeVisible();

  await app.getByRole('button', { name: 'Limpiar filtros', exact: true }).filter({ hasText: 'Limpiar filtros' }).click();
  await expect(app.getByRole('row', { name: /VIO-0002/ })).toBeVisible();
  await expect(app.getByRole('row', { name: /GUI-0001/ })).toBeVisible();

  await expect(app.getByRole('button', { name: 'Vista «Violines en mal estado»' })).toHaveCount(0);
  await app.getByRole('button', { name: 'Vistas' }).click();
  await app.getByRole('menuitem', { name: 'Aplicar la vista Violines en mal estado' }).click();
  await expect(app.getByPlaceholder(/Código/)).toHaveValue('vio');
  await expect(app.getByRole('row', { name: /VIO-0001/ })).toBeVisible();
  await expect(app.getByRole('row', { name: /VIO-0002|GUI-0001/ })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Vista «Violines en mal estado»' })).toBeVisible();
});

test('a list that keeps its filters itself (the users by role) saves them as a view and applies it again', async ({ app, harness }) => {
  const user = (username: string, fullName: string, role: string) =>
    ok(harness, 'users.create', { username, fullName, role, establishmentIds: [], password: 'Inicial-2026', confirm: 'Inicial-2026' });
  await user('jsalas', 'Julia Salas Rojas', 'inventario');
  await user('pquispe', 'Pedro Quispe Mamani', 'contratos');
  await app.getByRole('link', { name: 'Usuarios', exact: true }).click();
  const main = app.locator('main');
  await pick(app, main, 'Rol', 'Inventario');
  await expect(app.getByRole('row', { name: /Julia Salas Rojas/ })).toBeVisible();
  await expect(app.getByRole('row', { name: /Pedro Quispe Mamani/ })).toHaveCount(0);

  await app.getByRole('button', { name: 'Vistas' }).click();
  await app.getByRole('menuitem', { name: 'Guardar filtros como vista…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Guardar vista' });
  await dialog.getByRole('textbox', { name: 'Nombre de la vista' }).fill('Inventario');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await notified(app, 'Se guardó la vista «Inventario».');
  await expect(app.getByRole('button', { name: 'Vista «Inventario»' })).toBeVisible();

  // Another role: the view's name leaves the button.
  await pick(app, main, 'Rol', 'Contratos');
  await expect(app.getByRole('row', { name: /Pedro Quispe Mamani/ })).toBeVisible();
  await expect(app.getByRole('row', { name: /Julia Salas Rojas/ })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Vista «Inventario»' })).toHaveCount(0);

  await app.getByRole('button', { name: 'Vistas' }).click();
  await app.getByRole('menuitem', { name: 'Aplicar la vista Inventario' }).click();
  await expect(main.getByRole('combobox', { name: 'Rol' })).toHaveValue('Inventario');
  await expect(app.getByRole('row', { name: /Julia Salas Rojas/ })).toBeVisible();
  await expect(app.getByRole('row', { name: /Pedro Quispe Mamani/ })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Vista «Inventario»' })).toBeVisible();
});
