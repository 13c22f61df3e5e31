import type { Harness } from '../../../electron/harness/server';
import { expect, notified, screen, test } from '../fixtures';
import { choose, createEstablishment, createInstrument, createParticipant, handOver, ok } from '../steps';

/**
 * Ensembles and instruments in the real renderer (issue 15): a part typed before the list
 * existed, "sin vincular" on the ensembles' page, linked by the clerk; a member's part chosen
 * from the list (never typed); each member's row with the instrument they hold; the
 * ensemble's instruments and the parts missing one.
 */

async function seed(harness: Harness) {
  const lur = await createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });
  const band = await ok<{ id: number }>(harness, 'ensembles.create', {
    name: 'Banda sinfónica de Lurigancho',
    type: 'banda_sinfonica',
    establishmentId: lur.id,
    director: 'Prof. Julio Ramos',
  });
  const types = await ok<Array<{ id: number; name: string }>>(harness, 'ensembles.partTypes', {});
  const trumpet = types.find((t) => t.name === 'Trompeta')!.id;
  const people = [
    ['PPL-0101', 'Julio César', 'Ramos Huamán'],
    ['PPL-0102', 'Ana María', 'Quispe Soto'],
    ['PPL-0103', 'Luis', 'Condori Mamani'],
  ] as const;
  const [julio, ana, luis] = await Promise.all(
    people.map(([code, firstNames, lastNames]) => createParticipant(harness, { code, firstNames, lastNames, establishmentId: lur.id })),
  );
  await ok(harness, 'enrolments.create', {
    ensembleId: band.id,
    participantIds: [julio!.id, ana!.id],
    date: '2026-03-02',
    partTypeId: trumpet,
  });
  const typed = await ok<{ enrolments: Array<{ id: number }> }>(harness, 'enrolments.create', {
    ensembleId: band.id,
    participantIds: [luis!.id],
    date: '2026-03-02',
  });
  // Luis's part was typed before the list existed, and the update left it "sin vincular" (migration 20261204_0011).
  await harness.db('enrolments').where({ id: typed.enrolments[0]!.id }).update({ part: 'Percusión' });
  await harness.db('ensemble_part_reviews').insert({
    enrolment_id: typed.enrolments[0]!.id,
    original_text: 'Percusión',
    status: 'pendiente',
    created_at: '2026-12-04T15:00:00.000Z',
  });
  // Julio holds his own trumpet; the band holds another.
  const own = await createInstrument(harness, 'TRP-0101', lur.id, { typeId: trumpet });
  await handOver(harness, own.id, { type: 'participante', id: julio!.id }, '2026-03-10');
  const bands = await createInstrument(harness, 'TRP-0900', lur.id, { typeId: trumpet });
  await handOver(harness, bands.id, { type: 'elenco', id: band.id }, '2026-03-10');
}

test.describe('Elencos e instrumentos', () => {
  test('link a typed part, choose a member’s part from the list, and see the held instrument and the part missing one', async ({
    app,
    harness,
  }) => {
    await seed(harness);
    await app.reload();
    await app.getByRole('link', { name: 'Elencos' }).click();

    // The part typed before the list: counted on the ensembles' page, linked by the clerk.
    const alert = app.getByTestId('part-reviews-alert');
    await expect(alert).toContainText('1 parte sin vincular');
    await screen(app, '71a-elencos-partes-sin-vincular');

    // On the member's row and in their dialog, the typed part stays readable until it is linked.
    await app.getByRole('row', { name: /Banda sinfónica de Lurigancho/ }).click();
    const drawer = app.getByRole('dialog', { name: 'Integrantes de Banda sinfónica de Lurigancho' });
    const row = (code: string) => drawer.getByRole('row', { name: new RegExp(code) }).first();
    await expect(row('PPL-0103')).toContainText('Percusiónsin vincular');
    await drawer.getByRole('button', { name: 'Etapa o parte: PPL-0103' }).click();
    const typed = app.getByRole('dialog', { name: 'Etapa de PPL-0103' });
    await expect(typed.getByRole('combobox', { name: 'Instrumento o cuerda vocal' })).toHaveValue(
      '«Percusión» (sin vincular, se mantiene)',
    );
    await expect(typed).toContainText('Registrada como texto: «Percusión» (sin vincular). Elija la parte de la lista o déjela así.');
    await screen(app, '71d-parte-escrita-sin-vincular');
    await typed.getByRole('button', { name: 'Cancelar' }).click();
    await drawer.getByRole('button', { name: 'Cerrar' }).click();
    await alert.getByRole('button', { name: 'Revisar' }).click();
    const reviews = app.getByRole('dialog', { name: 'Partes sin vincular' });
    await expect(reviews.getByRole('row', { name: /PPL-0103/ })).toContainText('«Percusión»');
    await expect(reviews.getByRole('row', { name: /PPL-0103/ })).toContainText('Banda sinfónica de Lurigancho');
    await screen(app, '71b-partes-sin-vincular');
    await reviews.getByRole('button', { name: 'Vincular: PPL-0103' }).click();
    const link = app.getByRole('dialog', { name: 'PPL-0103 · «Percusión»' });
    await choose(app, link, 'Parte de la lista', 'redoblante', 'Tambor redoblante');
    await link.getByRole('button', { name: 'Vincular' }).click();
    await notified(app, 'Se vinculó la parte «Percusión» de PPL-0103.');
    await expect(alert).toBeHidden();

    // The ensemble's page: each member's part and the instrument they hold.
    await app.getByRole('row', { name: /Banda sinfónica de Lurigancho/ }).click();
    await expect(row('PPL-0101')).toContainText('Trompeta');
    await expect(row('PPL-0101')).toContainText('TRP-0101 · Trompeta');
    await expect(row('PPL-0103')).toContainText('Tambor redoblante');

    // Ana's part, from the list: clarinet.
    await drawer.getByRole('button', { name: 'Etapa o parte: PPL-0102' }).click();
    const stage = app.getByRole('dialog', { name: 'Etapa de PPL-0102' });
    await expect(stage.getByRole('combobox', { name: 'Instrumento o cuerda vocal' })).toHaveValue('Trompeta');
    await choose(app, stage, 'Instrumento o cuerda vocal', 'clarinete', 'Clarinete');
    await stage.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se guardó la parte: Clarinete.');
    await expect(row('PPL-0102')).toContainText('Clarinete');
    await expect(row('PPL-0102')).toContainText('Ninguno');
    await expect(row('PPL-0102')).toContainText('Sin instrumento propio de su parte');

    // The parts missing one: the clarinet and the snare drum (the band's trumpet is free, but nobody needs it).
    const parts = drawer.getByTestId('ensemble-parts');
    await expect(parts).toContainText('2 instrumentos faltan: Clarinete (1), Tambor redoblante (1).');
    await expect(parts.getByRole('row', { name: /Trompeta/ })).toContainText(/Trompeta\s*1\s*1\s*1\s*0/);
    const instruments = drawer.getByTestId('ensemble-instruments');
    await expect(instruments.getByRole('row', { name: /TRP-0900/ })).toContainText('El elenco');
    await expect(instruments.getByRole('row', { name: /TRP-0101/ })).toContainText('PPL-0101 · Ramos Huamán, Julio César');
    await screen(app, '71c-elenco-instrumentos-y-partes');
  });
});
