import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { Harness } from '../../../electron/harness/server';
import { expect, screen, test, notified } from '../fixtures';
import { loadDemo } from '../demo-snapshot';

/** Ids by name, read from the test's own database. */
async function typeId(h: Harness, name: string): Promise<number> {
  return ((await h.db('instrument_types').where({ name }).first()) as { id: number }).id;
}
async function establishmentId(h: Harness, name: string): Promise<number> {
  return ((await h.db('establishments').where({ name }).first()) as { id: number }).id;
}

/** Three establishments of our own (the demonstration data brings its own inventory). */
async function establishments(h: Harness): Promise<void> {
  const office = ((await h.db('regional_offices').orderBy('id').first()) as { id: number }).id;
  for (const [code, name, city] of [
    ['EP-LIM-01', 'E.P. de Lurigancho', 'San Juan de Lurigancho'],
    ['EP-LIM-02', 'E.P. Miguel Castro Castro', 'San Juan de Lurigancho'],
    ['EP-LIM-05', 'E.P. del Callao', 'Callao'],
  ] as const) {
    const r = await h.services.dispatch('establishments.create', {
      code,
      name,
      city,
      regionalOfficeId: office,
      population: 'varones',
      inProgramme: true,
    });
    if (!r.ok) throw new Error(r.error.message);
  }
}

/** Registers an instrument through the same channel the form uses. */
async function register(
  h: Harness,
  code: string,
  opts: { type?: string; at?: string; brand?: string; model?: string; costCentimos?: number } = {},
): Promise<number> {
  const result = await h.services.dispatch('instruments.create', {
    code,
    typeId: await typeId(h, opts.type ?? 'Violín'),
    brand: opts.brand ?? 'Yamaha',
    model: opts.model ?? 'V5SC',
    costCentimos: opts.costCentimos ?? 85000,
    funding: 'presupuesto_inpe',
    condition: 'bueno',
    altaDate: '2026-03-02',
    establishmentId: opts.at ? await establishmentId(h, opts.at) : null,
  });
  if (!result.ok) throw new Error(result.error.message);
  return (result.data as { id: number }).id;
}

async function movementCount(h: Harness): Promise<number> {
  const [row] = (await h.db('instrument_movements').count({ n: '*' })) as Array<{ n: number | string }>;
  return Number(row!.n);
}

/** Picks an option of a Mantine Select inside `scope` by its label. */
async function choose(app: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await app.getByRole('option', { name: option, exact: true }).click();
}

async function openInstruments(app: Page) {
  await app.getByRole('link', { name: 'Instrumentos', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Instrumentos', exact: true })).toBeVisible();
}

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

  test('dispatch to another establishment, then receive it; the history tells it in order', async ({ app, harness }) => {
    await establishments(harness);
    await register(harness, 'VIO-0001', { at: 'E.P. de Lurigancho' });
    await register(harness, 'VIO-0002', { at: 'E.P. de Lurigancho', brand: 'Stentor', model: 'Student II' });
    await register(harness, 'TRP-0001', { type: 'Trompeta', brand: 'Bach', model: 'TR300', costCentimos: 210000 });
    await app.reload();
    await openInstruments(app);
    await expect(app.getByText('1–3 de 3')).toBeVisible();

    // A row opens the record.
    await app
      .getByRole('row', { name: /VIO-0001/ })
      .getByRole('cell', { name: 'Yamaha V5SC' })
      .click();
    const record = app.getByRole('dialog', { name: 'Ficha: VIO-0001' });
    await expect(record).toBeVisible();
    await expect(record).toContainText('E.P. de Lurigancho');

    await record.getByRole('button', { name: 'Registrar movimiento' }).click();
    const move = app.getByRole('dialog', { name: 'Registrar movimiento', exact: true });
    await move.getByRole('combobox', { name: 'Movimiento' }).click();
    // What an assigned instrument cannot do is not even offered.
    await expect(app.getByRole('option', { name: 'Recepción de transferencia' })).toHaveCount(0);
    await expect(app.getByRole('option', { name: 'Asignación a establecimiento' })).toHaveCount(0);
    await app.getByRole('option', { name: 'Despacho de transferencia' }).click();
    // Its own establishment is not a destination.
    await move.getByRole('combobox', { name: 'Establecimiento de destino' }).click();
    // Once the destinations are listed (not before: an empty list would pass by itself).
    await expect(app.getByRole('option', { name: 'E.P. del Callao' })).toBeVisible();
    await expect(app.getByRole('option', { name: 'E.P. de Lurigancho' })).toHaveCount(0);
    await app.getByRole('option', { name: 'E.P. del Callao' }).click();
    await move.getByRole('button', { name: 'Registrar' }).click();
    await expect(move.getByText('Este campo es obligatorio.')).toHaveCount(2);
    await move.getByLabel('N.° de acta').fill('ACTA-2026-014');
    await move.getByLabel('Despachado por').fill('Rosa Quispe');
    await move.getByLabel('Fecha').fill('10/04/2026');
    await move.getByLabel('Descripción').click();
    await screen(app, '22-movimiento-despacho');
    await move.getByRole('button', { name: 'Registrar' }).click();
    await expect(move).toBeHidden();
    await notified(app, 'Se registró el movimiento de 1 instrumento.');
    await expect(record).toContainText('En tránsito a E.P. del Callao');
    await expect(record.getByText('En tránsito', { exact: true }).first()).toBeVisible();

    // Now it can only be received (or reported lost).
    await record.getByRole('button', { name: 'Registrar movimiento' }).click();
    await move.getByRole('combobox', { name: 'Movimiento' }).click();
    await expect(app.getByRole('option', { name: 'Despacho de transferencia' })).toHaveCount(0);
    await app.getByRole('option', { name: 'Recepción de transferencia' }).click();
    await move.getByLabel('Recibido por').fill('Juan Mamani');
    await choose(app, move, 'Estado a la llegada', 'Regular');
    await move.getByLabel('Fecha').fill('12/04/2026');
    await app.keyboard.press('Tab');
    await move.getByRole('button', { name: 'Registrar' }).click();
    await expect(move).toBeHidden();
    await expect(record.getByText('Asignado', { exact: true }).first()).toBeVisible();
    await expect(record).toContainText('E.P. del Callao');
    await expect(record).not.toContainText('En tránsito a');

    const items = record.getByTestId('movement-item');
    await expect(items).toHaveCount(4);
    await expect(items.nth(0)).toContainText('Alta');
    await expect(items.nth(0)).toContainText('02/03/2026');
    await expect(items.nth(1)).toContainText('Asignación a establecimiento');
    await expect(items.nth(1)).toContainText('Almacén central → E.P. de Lurigancho');
    await expect(items.nth(2)).toContainText('Despacho de transferencia');
    await expect(items.nth(2)).toContainText('10/04/2026');
    await expect(items.nth(2)).toContainText('E.P. de Lurigancho → E.P. del Callao');
    await expect(items.nth(2)).toContainText('N.° de acta: ACTA-2026-014');
    await expect(items.nth(2)).toContainText('Despachado por: Rosa Quispe');
    await expect(items.nth(3)).toContainText('Recepción de transferencia');
    await expect(items.nth(3)).toContainText('12/04/2026');
    await expect(items.nth(3)).toContainText('Recibido por: Juan Mamani');
    await expect(items.nth(3)).toContainText('Estado de conservación: Regular');
    await app.mouse.move(0, 0);
    await expect(app.getByText('Se registró el movimiento de 1 instrumento.')).toHaveCount(0);
    await items.nth(3).scrollIntoViewIfNeeded();
    await screen(app, '21-instrumento-ficha');
  });

  // Its own test (it was the tail of the one above, which outlasted its time on a loaded machine).
  test('editing from the record changes only the descriptive fields; the record is a link', async ({ app, harness }) => {
    await establishments(harness);
    await register(harness, 'VIO-0001', { at: 'E.P. de Lurigancho' });
    await register(harness, 'TRP-0001', { type: 'Trompeta', brand: 'Bach', model: 'TR300', costCentimos: 210000 });
    await app.reload();
    await openInstruments(app);
    await app.getByRole('button', { name: 'Ficha: VIO-0001' }).click();
    const record = app.getByRole('dialog', { name: 'Ficha: VIO-0001' });
    await expect(record.getByTestId('movement-item')).toHaveCount(2);

    await record.getByRole('button', { name: 'Editar' }).click();
    const edit = app.getByRole('dialog', { name: 'Editar instrumento' });
    await expect(
      edit.getByText('La situación, la ubicación y el custodio resultan de los movimientos; no se escriben a mano.'),
    ).toBeVisible();
    await expect(edit.getByLabel('Fecha de alta')).toHaveCount(0);
    await expect(edit.getByLabel('Costo (S/)')).toHaveValue('850.00');
    await edit.getByLabel('Observaciones').fill('Estuche con cerradura rota.');
    await edit.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se guardaron los cambios de VIO-0001.');
    await expect(record).toContainText('Estuche con cerradura rota.');
    await expect(record.getByTestId('movement-item')).toHaveCount(2);

    await record.getByRole('button', { name: 'Cerrar' }).click();
    const row = app.getByRole('row', { name: /VIO-0001/ });
    await expect(row).toContainText('E.P. de Lurigancho');
    await expect(row).toContainText('Asignado');
    await expect(row).toContainText('Bueno');

    // The record is a link: reloading keeps it open.
    await app.getByRole('button', { name: 'Ficha: TRP-0001' }).click();
    await expect(app.getByRole('dialog', { name: 'Ficha: TRP-0001' })).toContainText('En almacén central');
    await app.reload();
    await expect(app.getByRole('dialog', { name: 'Ficha: TRP-0001' })).toContainText('S/ 2,100.00');
  });

  test('a selection moves at once; a refusal records nothing and names each refused instrument', async ({ app, harness }) => {
    await establishments(harness);
    for (const n of [1, 2, 3, 4]) await register(harness, `VIO-000${n}`);
    await register(harness, 'CAJ-0001', { type: 'Cajón peruano', brand: 'Artesanal', model: '', costCentimos: 18000 });
    const lost = await register(harness, 'CAJ-0002', { type: 'Cajón peruano', at: 'E.P. del Callao' });
    await harness.services.dispatch('instruments.move', {
      instrumentIds: [lost],
      movement: { kind: 'baja', documentNumber: 'RD-031-2026', description: 'Rajadura irreparable', date: '2026-04-01' },
    });
    await app.reload();
    await openInstruments(app);

    // Only violins, all four selected from the header checkbox.
    await app.getByRole('combobox', { name: 'Tipo' }).fill('violín');
    await app.getByRole('option', { name: 'Violín', exact: true }).click();
    await expect(app.getByText('1–4 de 4')).toBeVisible();
    await app.getByRole('checkbox', { name: 'Seleccionar todos los de esta página' }).check();
    await expect(app.getByTestId('selection-bar')).toContainText('4 seleccionados');
    await app.getByTestId('selection-bar').getByRole('button', { name: 'Registrar movimiento' }).click();
    const bulk = app.getByRole('dialog', { name: 'Registrar movimiento de 4 instrumentos' });
    await expect(bulk.getByTestId('movement-target')).toContainText('VIO-0004');
    await bulk.getByRole('combobox', { name: 'Movimiento' }).click();
    await expect(app.getByRole('option', { name: 'Despacho de transferencia' })).toHaveCount(0);
    await app.getByRole('option', { name: 'Asignación a establecimiento' }).click();
    await bulk.getByRole('combobox', { name: 'Establecimiento de destino' }).fill('castro');
    await app.getByRole('option', { name: 'E.P. Miguel Castro Castro' }).click();
    await bulk.getByLabel('N.° de documento').fill('PECOSA 0412');
    await bulk.getByRole('button', { name: 'Registrar' }).click();
    await notified(app, 'Se registró el movimiento de 4 instrumentos.');
    await expect(app.getByTestId('selection-bar')).toBeHidden();
    for (const n of [1, 2, 3, 4])
      await expect(app.getByRole('row', { name: new RegExp(`VIO-000${n}`) })).toContainText('E.P. Miguel Castro Castro');

    // Select three; while the clerk fills in the dispatch, another writes one of them off.
    await app.getByRole('checkbox', { name: 'Seleccionar VIO-0001' }).check();
    await app.getByRole('checkbox', { name: 'Seleccionar VIO-0002' }).check();
    await app.getByRole('checkbox', { name: 'Seleccionar VIO-0003' }).check();
    await app.getByTestId('selection-bar').getByRole('button', { name: 'Registrar movimiento' }).click();
    const dispatch = app.getByRole('dialog', { name: 'Registrar movimiento de 3 instrumentos' });
    await choose(app, dispatch, 'Movimiento', 'Despacho de transferencia');
    await dispatch.getByRole('combobox', { name: 'Establecimiento de destino' }).fill('callao');
    await app.getByRole('option', { name: 'E.P. del Callao' }).click();
    await dispatch.getByLabel('N.° de acta').fill('ACTA-2026-020');
    await dispatch.getByLabel('Despachado por').fill('Rosa Quispe');
    const vio2 = ((await harness.db('instruments').where({ code: 'VIO-0002' }).first()) as { id: number }).id;
    const off = await harness.services.dispatch('instruments.move', {
      instrumentIds: [vio2],
      movement: { kind: 'baja', documentNumber: 'RD-044-2026', description: 'Robo denunciado', date: '2026-04-15' },
    });
    expect(off.ok).toBe(true);
    const before = await movementCount(harness);
    await dispatch.getByRole('button', { name: 'Registrar' }).click();
    await expect(dispatch.getByRole('alert')).toContainText('No se registró ningún movimiento: 1 instrumento no lo admite.');
    await expect(dispatch.getByTestId('movement-refusals')).toHaveText('El instrumento VIO-0002 está de baja: no admite más movimientos.');
    expect(await movementCount(harness)).toBe(before);
    await screen(app, '22-movimiento-rechazado');

    // Take the refused one out and record the rest.
    await dispatch.getByRole('button', { name: 'Quitar de la selección los que no lo admiten' }).click();
    const two = app.getByRole('dialog', { name: 'Registrar movimiento de 2 instrumentos' });
    await expect(two.getByLabel('N.° de acta')).toHaveValue('ACTA-2026-020');
    await two.getByRole('button', { name: 'Registrar' }).click();
    await notified(app, 'Se registró el movimiento de 2 instrumentos.');
    expect(await movementCount(harness)).toBe(before + 2);
    await expect(app.getByRole('row', { name: /VIO-0001/ })).toContainText('En tránsito a E.P. del Callao');
    await expect(app.getByRole('row', { name: /VIO-0003/ })).toContainText('En tránsito');
    await expect(app.getByRole('row', { name: /VIO-0002/ })).toContainText('De baja');

    // A selection with a written-off instrument allows nothing at all.
    await app.getByRole('checkbox', { name: 'Seleccionar VIO-0002' }).check();
    await app.getByRole('checkbox', { name: 'Seleccionar VIO-0004' }).check();
    await app.getByTestId('selection-bar').getByRole('button', { name: 'Registrar movimiento' }).click();
    const none = app.getByRole('dialog', { name: 'Registrar movimiento de 2 instrumentos' });
    await expect(none.getByTestId('movement-none')).toHaveText('Ningún movimiento aplica a la selección en su situación actual.');
    await expect(none.getByRole('button', { name: 'Registrar' })).toHaveCount(0);
    await none.getByRole('button', { name: 'Cancelar' }).click();
    await app.getByTestId('selection-bar').getByRole('button', { name: 'Quitar selección' }).click();

    // Receive the two in transit at once.
    await app.getByRole('combobox', { name: 'Situación' }).click();
    await app.getByRole('option', { name: 'En tránsito' }).click();
    await expect(app.getByText('1–2 de 2')).toBeVisible();
    await app.getByRole('checkbox', { name: 'Seleccionar todos los de esta página' }).check();
    await app.getByTestId('selection-bar').getByRole('button', { name: 'Registrar movimiento' }).click();
    const receive = app.getByRole('dialog', { name: 'Registrar movimiento de 2 instrumentos' });
    await choose(app, receive, 'Movimiento', 'Recepción de transferencia');
    await receive.getByLabel('Recibido por').fill('Juan Mamani');
    await choose(app, receive, 'Estado a la llegada', 'Bueno');
    await receive.getByRole('button', { name: 'Registrar' }).click();
    await expect(receive).toBeHidden();
    await notified(app, 'Se registró el movimiento de 2 instrumentos.');
    await expect(app.getByText('Ningún instrumento coincide con la búsqueda')).toBeVisible();
    await app.getByRole('button', { name: 'Limpiar filtros' }).click();
    await expect(app.getByText('1–6 de 6')).toBeVisible();
    await expect(app.getByRole('row', { name: /VIO-0003/ })).toContainText('E.P. del Callao');
    await expect(app.getByRole('row', { name: /VIO-0003/ })).toContainText('Asignado');
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
