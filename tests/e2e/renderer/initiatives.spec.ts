import { limaToday } from '../../../shared/contracts/rules';
import { expect, notified, screen, test } from '../fixtures';
import { createEstablishment, createParticipant, createWorkshop, ok } from '../steps';

/**
 * Initiatives in the real renderer (issue 17, item 1): one registered from its list (a second
 * with the same name, other case and accents, refused beside the field), a workshop linked from
 * its page, and its figures for the year: the workshop, its session and hours, and the
 * participants shown as "< 5" (two persons).
 */

const year = Number(limaToday(new Date().toISOString()).slice(0, 4));

test.describe('Iniciativas', () => {
  test('an initiative is created, a workshop is linked to it and its figures are shown', async ({ app, harness }) => {
    const est = await createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });
    const w = await createWorkshop(harness, est.id, { startDate: `${year}-03-01` });
    const people = [];
    for (const code of ['PPL-0101', 'PPL-0102']) {
      people.push(
        await createParticipant(
          harness,
          { code, firstNames: 'Pedro', lastNames: 'Soto Vargas', establishmentId: est.id },
          { date: `${year}-02-01` },
        ),
      );
    }
    await ok(harness, 'enrolments.create', { workshopId: w.id, participantIds: people.map((p) => p.id), date: `${year}-03-01` });
    const s = await ok<{ id: number }>(harness, 'sessions.create', { workshopId: w.id, date: `${year}-03-02`, durationMinutes: 120 });
    await ok(harness, 'attendance.save', { sessionId: s.id, marks: people.map((p) => ({ participantId: p.id, present: true })) });

    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Iniciativas', exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Iniciativas' })).toBeVisible();
    await expect(app.getByText('Aún no hay iniciativas')).toBeVisible();

    await app.getByRole('button', { name: 'Nueva iniciativa' }).click();
    const form = app.getByRole('dialog', { name: 'Nueva iniciativa' });
    await form.getByLabel('Nombre').fill('INPE Orquestando');
    await form.getByLabel('Año de inicio').fill('2019');
    await form.getByLabel('Descripción').fill('Talleres de educación musical.');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Iniciativa «INPE Orquestando» registrada.');
    // Its page opens: no records yet.
    await expect(app.getByRole('heading', { name: 'INPE Orquestando' })).toBeVisible();
    await expect(app.getByText('2019 – en curso')).toBeVisible();
    await expect(app.getByText('Ningún registro de este tipo pertenece a la iniciativa.')).toBeVisible();

    // Link the workshop.
    await app.getByRole('button', { name: 'Vincular talleres' }).click();
    const link = app.getByRole('dialog', { name: 'Talleres: vincular a «INPE Orquestando»' });
    await link.getByRole('combobox', { name: 'Registros que aún no pertenecen a ninguna iniciativa' }).fill('banda');
    await app.getByRole('option', { name: /Banda sinfónica · E\.P\. de Lurigancho/ }).click();
    await app.keyboard.press('Escape');
    await link.getByRole('button', { name: 'Vincular' }).click();
    await notified(app, '1 registro vinculado.');
    await expect(app.getByRole('row', { name: /Banda sinfónica/ })).toContainText('E.P. de Lurigancho');
    await expect(app.getByRole('tab', { name: 'Talleres (1)' })).toBeVisible();

    // Its figures for the year: two persons are fewer than five.
    const figures = app.getByTestId('initiative-figures');
    await expect(figures.getByTestId('figure-workshops')).toHaveText('1');
    await expect(figures.getByTestId('figure-participants')).toHaveText('< 5');
    await expect(figures.getByTestId('figure-sessions')).toHaveText('1');
    await expect(figures.getByTestId('figure-hours')).toHaveText('2');
    await expect(figures.getByTestId('figure-expenses')).toHaveText(/S\/\s?0\.00/);
    await screen(app, '75a-iniciativa-cifras');

    // Back on the list, a second initiative with the same name (other case, accents) is refused beside the field.
    await app.getByRole('link', { name: 'Volver a las iniciativas' }).click();
    await expect(app.getByRole('row', { name: /INPE Orquestando/ })).toBeVisible();
    await app.getByRole('button', { name: 'Nueva iniciativa' }).click();
    await form.getByLabel('Nombre').fill('inpe orquestandó');
    await form.getByLabel('Descripción').fill('Otra');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect(form.getByText('Ya existe una iniciativa llamada «inpe orquestandó».').first()).toBeVisible();
    expect(await harness.db('initiatives').count({ n: '*' })).toEqual([{ n: 1 }]);
  });
});
