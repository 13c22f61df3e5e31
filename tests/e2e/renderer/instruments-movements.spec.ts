import type { Harness } from '../../../electron/harness/server';
import { expect, screen, test, notified } from '../fixtures';
import { establishments, openInstruments, register } from '../instruments-steps';
import { pick as choose } from '../steps';

/** The instruments' movements, from the record and for a selection (the register itself: instruments.spec.ts). */

async function movementCount(h: Harness): Promise<number> {
  const [row] = (await h.db('instrument_movements').count({ n: '*' })) as Array<{ n: number | string }>;
  return Number(row!.n);
}

test.describe('Inventario de instrumentos', () => {
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
});
