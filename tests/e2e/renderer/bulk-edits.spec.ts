import { expect, notified, screen, test } from '../fixtures';
import { createEstablishment, createInstrument, createParticipant, ok, pick } from '../steps';

/** Issue 16, item 7: what clerks do to several records at once, from a selection on the list. */

test.describe('Acciones sobre una selección', () => {
  test('participants chosen on the list are enrolled in one workshop of their establishment', async ({ app, harness }) => {
    const lur = await createEstablishment(harness, { code: 'EP-LIM-01', name: 'E.P. de Lurigancho' });
    const cho = await createEstablishment(harness, { code: 'EP-LIM-02', name: 'E.P. de Mujeres de Chorrillos', population: 'mujeres' });
    await ok(harness, 'workshops.create', {
      name: 'Coro polifónico',
      programme: 'inpe_orquestando',
      discipline: 'Canto',
      establishmentId: lur.id,
      startDate: '2026-03-02',
      capacity: 20,
      teacherIds: [],
    });
    for (const [code, firstNames, lastNames, establishmentId] of [
      ['PPL-0001', 'Pedro', 'Soto Vargas', lur.id],
      ['PPL-0002', 'Juan', 'Quispe Mamani', lur.id],
      ['PPL-0003', 'Luis', 'Huamán Rojas', lur.id],
      ['PPL-0004', 'Rosa', 'Flores Cruz', cho.id],
    ] as const)
      await createParticipant(harness, { code, firstNames, lastNames, establishmentId });

    await app.getByRole('link', { name: 'Participantes' }).click();
    // Two establishments in the selection: the workshop cannot be chosen, and nothing is written.
    await app.getByRole('checkbox', { name: 'Seleccionar a PPL-0001' }).check();
    await app.getByRole('checkbox', { name: 'Seleccionar a PPL-0004' }).check();
    await expect(app.getByTestId('selection-bar')).toContainText('2 seleccionados');
    await app.getByRole('button', { name: 'Inscribir en un taller' }).click();
    let dialog = app.getByRole('dialog', { name: 'Inscribir a 2 participantes en un taller' });
    await expect(dialog.getByText('Los participantes elegidos son de varios establecimientos.', { exact: false })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Inscribir participantes' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancelar' }).click();

    await app.getByRole('checkbox', { name: 'Seleccionar a PPL-0004' }).uncheck();
    await app.getByRole('checkbox', { name: 'Seleccionar a PPL-0002' }).check();
    await app.getByRole('button', { name: 'Inscribir en un taller' }).click();
    dialog = app.getByRole('dialog', { name: 'Inscribir a 2 participantes en un taller' });
    await pick(app, dialog, 'Taller', 'Coro polifónico');
    await screen(app, '120-inscribir-seleccion');
    await dialog.getByRole('button', { name: 'Inscribir participantes' }).click();
    await notified(app, 'Se inscribieron 2 participantes.');
    await expect(app.getByTestId('selection-bar')).toHaveCount(0);
    for (const code of ['PPL-0001', 'PPL-0002']) await expect(app.getByRole('row', { name: new RegExp(code) })).toContainText(/1$/);
    await expect(app.getByRole('row', { name: /PPL-0003/ })).toContainText(/0$/);
  });

  test('the condition of the instruments selected in the register changes as one movement each, in the ledger', async ({
    app,
    harness,
  }) => {
    const lur = await createEstablishment(harness, { code: 'EP-LIM-01', name: 'E.P. de Lurigancho' });
    for (const code of ['VIO-0001', 'VIO-0002', 'VIO-0003']) await createInstrument(harness, code, lur.id, { altaDate: '2026-03-02' });
    await app.getByRole('link', { name: 'Instrumentos', exact: true }).click();
    await app.getByRole('checkbox', { name: 'Seleccionar VIO-0001' }).check();
    await app.getByRole('checkbox', { name: 'Seleccionar VIO-0003' }).check();
    await app.getByTestId('selection-bar').getByRole('button', { name: 'Registrar movimiento' }).click();
    const move = app.getByRole('dialog', { name: 'Registrar movimiento de 2 instrumentos' });
    await pick(app, move, 'Movimiento', 'Cambio de estado de conservación');
    await pick(app, move, 'Estado de conservación', 'Malo');
    await move.getByLabel('Descripción').fill('Revisión de noviembre: clavijas y puente dañados');
    await move.getByRole('button', { name: 'Registrar' }).click();
    await notified(app, 'Se registró el movimiento de 2 instrumentos.');
    await expect(app.getByRole('row', { name: /VIO-0001/ })).toContainText('Malo');
    await expect(app.getByRole('row', { name: /VIO-0003/ })).toContainText('Malo');
    await expect(app.getByRole('row', { name: /VIO-0002/ })).not.toContainText('Malo');
    const ledger = await harness.db('instrument_movements').where({ kind: 'cambio_estado' }).select('condition');
    expect(ledger).toEqual([{ condition: 'malo' }, { condition: 'malo' }]);
  });

  test('a section for the works selected on an exhibition checklist', async ({ app, harness }) => {
    const est = await createEstablishment(harness, { code: 'EP-LIM-01', name: 'E.P. de Lurigancho' });
    const ids: number[] = [];
    for (const title of ['Vasija ceremonial', 'Retablo de la esperanza', 'Tapiz andino']) {
      const a = await ok<{ id: number }>(harness, 'artworks.create', {
        title,
        artistName: 'José Luis Quispe Mamani',
        establishmentId: est.id,
        technique: 'ceramica_alta_temperatura',
        heightMm: 320,
        widthMm: 210,
        depthMm: 210,
        receivedOn: '2026-09-01',
      });
      ids.push(a.id);
    }
    const ex = await ok<{ id: number }>(harness, 'exhibitions.create', {
      title: 'InternArte: otra forma de libertad',
      venue: 'Museo de Artes y Tradiciones Populares',
      startsOn: '2026-11-01',
      endsOn: '2027-01-31',
      sectionMode: 'libre',
    });
    await ok(harness, 'exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: ids });

    await app.getByRole('link', { name: 'Exposiciones', exact: true }).click();
    await app.getByRole('row', { name: /InternArte: otra forma de libertad/ }).click();
    const checklist = app.getByTestId('checklist');
    await checklist.getByRole('checkbox', { name: 'Seleccionar «Vasija ceremonial»' }).check();
    await checklist.getByRole('checkbox', { name: 'Seleccionar «Tapiz andino»' }).check();
    await app.getByRole('button', { name: 'Sección para 2 obras' }).click();
    const dialog = app.getByRole('dialog', { name: 'Sección de 2 obras' });
    await dialog.getByRole('textbox', { name: 'Sección' }).fill('Sala de cerámica');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(checklist.getByRole('row', { name: /Vasija ceremonial/ })).toContainText('Sala de cerámica');
    await expect(checklist.getByRole('row', { name: /Tapiz andino/ })).toContainText('Sala de cerámica');
    await expect(checklist.getByRole('row', { name: /Retablo de la esperanza/ })).not.toContainText('Sala de cerámica');
    await screen(app, '121-seccion-seleccion');
  });
});
