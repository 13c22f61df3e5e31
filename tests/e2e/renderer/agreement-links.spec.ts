import type { Harness } from '../../../electron/harness/server';
import { limaToday } from '../../../shared/contracts/rules';
import { addDays, formatDate } from '../../../shared/format';
import { expect, notified, screen, test } from '../fixtures';
import { choose, createEstablishment, createInstrument, fillCounts, ok, pick } from '../steps';

/**
 * What an agreement produced, in the real renderer (issue 15, item 5): an event and a
 * donation name the agreement they happened under, and the agreement's page lists both,
 * with the audiences summed per kind and in total and the donated value in soles.
 */

const today = limaToday(new Date().toISOString());

/** E.P. de Lurigancho; the Municipalidad with its agreement in force; an event already held under it. */
async function seed(harness: Harness) {
  const lurigancho = await createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });
  const mml = await ok<{ id: number }>(harness, 'partners.create', { name: 'Municipalidad Metropolitana de Lima', type: 'sector_publico' });
  const agreement = await ok<{ id: number }>(harness, 'agreements.create', {
    partnerId: mml.id,
    title: 'Arte sin Barreras',
    object: 'Puestas en escena y talleres de artes escénicas',
    startDate: addDays(today, -200),
  });
  await ok(harness, 'events.create', {
    type: 'puesta_en_escena',
    title: 'La ciudad y los sueños',
    date: addDays(today, -30),
    venueKind: 'establecimiento',
    establishmentId: lurigancho.id,
    partnerIds: [mml.id],
    agreementId: agreement.id,
    audiences: { internos: 100, familiares: 20, personal: 0, externo: 0, autoridades: 1 },
  });
}

test.describe('Convenios y lo realizado', () => {
  test('name an agreement on an event and on a donation, see both on the agreement with the audience and value sums', async ({
    app,
    harness,
  }) => {
    await seed(harness);
    await app.reload();

    // An event of the Municipalidad, held under its agreement.
    await app.getByRole('link', { name: 'Eventos y temporada' }).click();
    await app.getByRole('button', { name: 'Nuevo evento' }).click();
    const form = app.getByRole('dialog', { name: 'Nuevo evento' });
    await pick(app, form, 'Tipo', 'Concierto educativo');
    await form.getByLabel('Título').fill('Concierto de cuerdas andinas');
    await choose(app, form, 'Establecimiento', 'lurigancho', 'E.P. de Lurigancho');
    await choose(app, form, 'Aliados', 'municipalidad', 'Municipalidad Metropolitana de Lima');
    await pick(app, form, 'Convenio', 'Arte sin Barreras');
    await fillCounts(form, [
      ['Internos', '250'],
      ['Familiares', '40'],
      ['Personal INPE', '12'],
      ['Autoridades', '4'],
    ]);
    await screen(app, '72a-evento-convenio');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se registró el evento «Concierto de cuerdas andinas».');

    // A donation of the Municipalidad under the same agreement.
    await app.getByRole('link', { name: 'Aliados y convenios' }).click();
    await expect(app.getByRole('heading', { name: 'Aliados y convenios' })).toBeVisible();
    await app.getByRole('row', { name: /Municipalidad Metropolitana de Lima/ }).click();
    const drawer = app.getByRole('dialog', { name: 'Municipalidad Metropolitana de Lima' });
    await drawer.getByLabel('Descripción').fill('Vestuario y escenografía');
    await drawer.getByLabel('Valor estimado (S/)').fill('1250.50');
    await pick(app, drawer, 'Convenio', 'Arte sin Barreras');
    await drawer.getByRole('button', { name: 'Registrar donación' }).click();
    await notified(app, 'Se registró la donación.');
    await expect(drawer.getByText(/Vestuario y escenografía · S\/\s?1,250\.50 · Convenio: Arte sin Barreras/)).toBeVisible();

    // The agreement's page: both events with their audiences, the sums, the donation.
    await drawer.getByRole('button', { name: 'Ver lo realizado: Arte sin Barreras' }).click();
    const page = app.getByRole('dialog', { name: 'Convenio «Arte sin Barreras»' });
    const events = page.getByTestId('agreement-events');
    await expect(events.getByRole('row', { name: /La ciudad y los sueños/ })).toContainText('121');
    await expect(events.getByRole('row', { name: /Concierto de cuerdas andinas/ })).toContainText('306');
    // Internos 350, familiares 60, personal 12, externo 0, autoridades 5: 427 in all.
    await expect(page.getByTestId('agreement-audience-sums')).toHaveText(/Público total\s*350\s*60\s*12\s*0\s*5\s*427/);
    await expect(page.getByTestId('agreement-donated')).toHaveText(/Valor donado: S\/\s?1,250\.50/);
    await expect(page.getByText('Ninguna exposición nombra este convenio.')).toBeVisible();
    await screen(app, '72b-convenio-realizado');
  });

  test('a donated instrument names the partner and the donation it came from', async ({ app, harness }) => {
    const lurigancho = await createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });
    const alianza = await ok<{ id: number }>(harness, 'partners.create', { name: 'Alianza Francesa de Lima', type: 'sociedad_civil' });
    await ok(harness, 'partners.addDonation', {
      partnerId: alianza.id,
      date: addDays(today, -40),
      description: 'Juegos de cuerdas y atriles',
      valueCentimos: 480000,
    });
    await createInstrument(harness, 'VIO-0202', lurigancho.id, { funding: 'donacion' });
    await app.reload();
    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Instrumentos', exact: true }).click();
    await app.getByRole('button', { name: 'Ficha: VIO-0202' }).click();
    const record = app.getByRole('dialog', { name: 'Ficha: VIO-0202' });
    await expect(record).toContainText('Donación sin vincular');

    await record.getByRole('button', { name: 'Editar' }).click();
    const edit = app.getByRole('dialog', { name: 'Editar instrumento' });
    await choose(app, edit, 'Aliado donante', 'alianza', 'Alianza Francesa de Lima');
    await pick(app, edit, 'Donación', `${formatDate(addDays(today, -40))} · Juegos de cuerdas y atriles · S/ 4,800.00`);
    await screen(app, '72c-instrumento-donacion');
    await edit.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se guardaron los cambios de VIO-0202.');
    await expect(record).toContainText('Donación de Alianza Francesa de Lima: Juegos de cuerdas y atriles');
    await screen(app, '72d-instrumento-ficha-donacion');
  });
});
