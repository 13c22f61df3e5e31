import type { Page } from '@playwright/test';
import type { Harness } from '../../../electron/harness/server';
import { limaToday } from '../../../shared/contracts/rules';
import { expect, notified, screen, test } from '../fixtures';
import { choose, createEstablishment, createParticipant, ok, pick } from '../steps';

/**
 * Workshops' teachers by id in the real renderer (issue 15, item 4): a teacher chosen among
 * the teacher records in a workshop's form, a session recorded as led by her (the only
 * teacher, proposed), the month's sessions and hours on her page in Contratos, and the names
 * typed before records existed linked or dismissed on "Docentes sin vincular".
 */

const today = limaToday(new Date().toISOString());
/** "2026-12" as the teacher's page names it: "Diciembre 2026". */
const monthName = (() => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const name = new Intl.DateTimeFormat('es-PE', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${y}`;
})();

const people = {
  rosa: { dni: '46849786', ruc: '10468497862', firstNames: 'Rosa Elena', lastNames: 'Quispe Mamani', sex: 'F' },
  julio: { dni: '07654321', ruc: '10076543211', firstNames: 'Julio César', lastNames: 'Ramos Huamán', sex: 'M' },
};

async function seed(harness: Harness) {
  const lurigancho = await createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });
  for (const p of Object.values(people)) await ok(harness, 'teachers.create', { ...p, disciplines: ['musica'], specialties: ['Violín'] });
  const participant = await createParticipant(harness, {
    code: 'PPL-0101',
    firstNames: 'Pedro',
    lastNames: 'Soto Vargas',
    establishmentId: lurigancho.id,
  });
  return { lurigancho, participant };
}

const nav = (app: Page, name: string) => app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name, exact: true });

test.describe('Docentes de los talleres', () => {
  test("pick a teacher in a workshop, record a session led by her, see the month on the teacher's page", async ({ app, harness }) => {
    const { participant } = await seed(harness);
    await app.reload();
    await nav(app, 'Talleres').click();
    await app.getByRole('button', { name: 'Nuevo taller' }).first().click();
    const form = app.getByRole('dialog', { name: 'Nuevo taller' });
    await form.getByLabel('Nombre del taller').fill('Taller de violín');
    await pick(app, form, 'Programa', 'INPE Orquestando');
    await form.getByLabel('Disciplina').fill('Violín');
    await choose(app, form, 'Establecimiento', 'lurigancho', 'E.P. de Lurigancho');
    await form.getByLabel('Capacidad').fill('20');
    // The teachers are records of Contratos, found by name: no longer typed text.
    await choose(app, form, 'Docentes', 'quispe', 'Rosa Elena Quispe Mamani');
    await app.keyboard.press('Escape');
    await screen(app, '90-taller-docentes');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se registró el taller Taller de violín.');
    await expect(app.getByRole('heading', { name: 'Taller de violín' })).toBeVisible();
    await expect(app.getByText('Rosa Elena Quispe Mamani', { exact: true })).toBeVisible();

    const workshopId = Number(((await harness.db('workshops').where({ name: 'Taller de violín' }).first('id')) as { id: number }).id);
    await ok(harness, 'enrolments.create', { workshopId, participantIds: [participant.id], date: today });

    // A session: its only teacher is proposed as the one who led it.
    await app.getByRole('tab', { name: 'Sesiones' }).click();
    await app.getByRole('button', { name: 'Nueva sesión' }).click();
    const session = app.getByRole('dialog', { name: 'Nueva sesión' });
    await expect(session.getByRole('combobox', { name: 'Dirigida por' })).toHaveValue('Rosa Elena Quispe Mamani');
    await session.getByLabel('Duración (minutos)').fill('90');
    await session.getByLabel('Tema').fill('Arco y postura');
    await session.getByRole('button', { name: 'Guardar' }).click();
    await expect(app.getByTestId('session-leader')).toHaveValue('Rosa Elena Quispe Mamani');
    const grid = app.getByTestId('attendance-grid');
    await grid.focus();
    await app.keyboard.press('p');
    await app.keyboard.press('Control+Enter');
    await expect(app.getByText('Asistencia guardada: 1 presente, 0 ausentes.')).toBeVisible();
    await app.getByRole('tab', { name: 'Sesiones' }).click();
    await expect(app.getByRole('row', { name: /Arco y postura/ })).toContainText('Rosa Elena Quispe Mamani');
    await screen(app, '91-sesion-dirigida');

    // Who led it shows beside the session in the attendance tab too.
    await app.getByRole('tab', { name: 'Asistencia' }).click();
    await expect(app.getByTestId('session-leader')).toHaveValue('Rosa Elena Quispe Mamani');

    // Her page in Contratos: the workshop, and this month's session with its hour and a half.
    await app.reload(); // (the notifications out of the way)
    await nav(app, 'Docentes e instructores').click();
    await app.getByRole('row', { name: /Quispe Mamani, Rosa Elena/ }).click();
    const drawer = app.getByRole('dialog', { name: 'Ficha del docente: Quispe Mamani, Rosa Elena' });
    const workshops = drawer.getByTestId('teacher-workshops');
    await expect(workshops).toContainText('Taller de violín');
    await expect(workshops).toContainText('E.P. de Lurigancho');
    const month = drawer.getByTestId('teacher-months').getByRole('row', { name: new RegExp(monthName) });
    await expect(month.getByRole('cell')).toHaveText([monthName, '1', '1', '1.5']);
    await drawer.getByText('Talleres y sesiones').scrollIntoViewIfNeeded();
    await screen(app, '92-docente-talleres-y-sesiones');
  });

  test('the names typed before teachers were records: one linked, one dismissed, the text kept', async ({ app, harness }) => {
    const { lurigancho } = await seed(harness);
    const make = (name: string, text: string) =>
      ok<{ id: number }>(harness, 'workshops.create', {
        name,
        programme: 'inpe_orquestando',
        discipline: 'Música',
        establishmentId: lurigancho.id,
        startDate: '2026-03-02',
        capacity: 30,
      }).then(async (w) => {
        // As the update of an older database leaves them: the text kept, the name "sin vincular".
        await harness.db('workshops').where({ id: w.id }).update({ teachers: text });
        await harness
          .db('workshop_teacher_reviews')
          .insert({ workshop_id: w.id, original_text: text, status: 'pendiente', created_at: '2026-12-04T15:00:00.000Z' });
        return w;
      });
    await make('Banda sinfónica', 'Prof. Julio Ramos');
    await make('Teatro', 'Elenco invitado de la Municipalidad de Lima');
    await app.reload();
    await nav(app, 'Talleres').click();
    await expect(app.getByRole('row', { name: /Banda sinfónica/ })).toContainText('«Prof. Julio Ramos» (1 nombre sin vincular)');
    await app.getByRole('link', { name: '2 docentes sin vincular' }).click();
    await expect(app.getByRole('heading', { name: 'Docentes de talleres sin vincular' })).toBeVisible();
    await screen(app, '93-docentes-sin-vincular');

    await app.getByRole('button', { name: 'Vincular: Prof. Julio Ramos' }).click();
    const link = app.getByRole('dialog', { name: 'Vincular «Prof. Julio Ramos»' });
    await choose(app, link, 'Docente', 'ramos', 'Julio César Ramos Huamán');
    await link.getByRole('button', { name: 'Vincular' }).click();
    await notified(app, '«Prof. Julio Ramos» vinculado a Julio César Ramos Huamán.');
    await app.getByRole('button', { name: 'Descartar: Elenco invitado de la Municipalidad de Lima' }).click();
    await app.getByRole('dialog', { name: 'Descartar un nombre sin vincular' }).getByRole('button', { name: 'Descartar' }).click();
    await notified(app, '«Elenco invitado de la Municipalidad de Lima» descartado.');
    await expect(app.getByText('Nada por vincular')).toBeVisible();
    await app.getByRole('tab', { name: 'Vinculados' }).click();
    await expect(app.getByRole('row', { name: /Prof. Julio Ramos/ })).toContainText('Julio César Ramos Huamán');

    // The workshop names him now; what was typed stays readable in its form.
    await nav(app, 'Talleres').click();
    const band = app.getByRole('row', { name: /Banda sinfónica/ });
    await expect(band).toContainText('Julio César Ramos Huamán');
    await band.getByText('Banda sinfónica').click();
    await app.getByRole('button', { name: 'Editar' }).click();
    const edit = app.getByRole('dialog', { name: 'Editar taller' });
    await expect(edit.getByTestId('typed-teachers')).toContainText('«Prof. Julio Ramos»');
    await expect(app.getByRole('link', { name: /docentes? sin vincular/ })).toHaveCount(0);
  });
});
