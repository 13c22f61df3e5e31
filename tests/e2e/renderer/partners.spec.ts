import { expect, screen, test, notified } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { choose, pick } from '../steps';

/** Partners with their contacts and donations, agreements with their document and expiry alerts, and ensembles' members with their part. */

/** Today in Lima plus some days, as the user types it (dd/mm/aaaa). */
function limaDay(plusDays: number): string {
  const d = new Date(Date.now() - 5 * 3600_000 + plusDays * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

test.describe('Aliados, convenios e integrantes de elencos', () => {
  test('a partner with its contact and a donation; an agreement about to expire, with its document, alerts', async ({ app, harness }) => {
    await app.getByRole('link', { name: 'Aliados y convenios' }).click();
    await expect(app.getByText('Aún no hay aliados')).toBeVisible();

    // A partner, refused first for a wrong email (next to the field, nothing saved).
    await app.getByRole('button', { name: 'Nuevo aliado' }).click();
    const form = app.getByRole('dialog', { name: 'Nuevo aliado' });
    await form.getByLabel('Nombre').fill('Alianza Francesa de Lima');
    await pick(app, form, 'Tipo de entidad', 'Cooperación internacional');
    await form.getByLabel('Contacto').fill('Claire Dubois');
    await form.getByLabel('Cargo').fill('Directora cultural');
    await form.getByLabel('Correo electrónico').fill('cultura-alianza');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect(form.getByText('Escriba un correo electrónico válido.')).toBeVisible();
    expect(await harness.db('partners').count({ n: '*' })).toEqual([{ n: 0 }]);
    await form.getByLabel('Correo electrónico').fill('cultura@alianzafrancesa.org.pe');
    await form.getByLabel('Teléfono').fill('01 610 8000');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se registró al aliado Alianza Francesa de Lima.');
    const row = app.getByRole('row', { name: /Alianza Francesa de Lima/ });
    await expect(row).toContainText('Cooperación internacional');
    await expect(row).toContainText('Claire Dubois — Directora cultural');
    await screen(app, '70b-aliados-nuevo');

    // Its record: a donation in soles.
    await row.click();
    const drawer = app.getByRole('dialog', { name: 'Alianza Francesa de Lima' });
    await expect(drawer.getByText('cultura@alianzafrancesa.org.pe')).toBeVisible();
    await drawer.getByLabel('Descripción').fill('Partituras para coro polifónico');
    await drawer.getByLabel('Valor estimado (S/)').fill('1250.50');
    await drawer.getByRole('button', { name: 'Registrar donación' }).click();
    await notified(app, 'Se registró la donación.');
    await expect(drawer.getByText(/Partituras para coro polifónico · S\/\s?1,250\.50/)).toBeVisible();
    await expect(drawer.getByText('Sin convenios registrados.')).toBeVisible();
    await screen(app, '70c-ficha-aliado');
    await app.keyboard.press('Escape');
    await expect(row).toContainText('S/ 1,250.50');

    // An agreement ending in 20 days: alerted on the page, in its list and on the dashboard.
    await app.getByRole('button', { name: 'Nuevo convenio' }).click();
    const agreement = app.getByRole('dialog', { name: 'Nuevo convenio' });
    await agreement.getByRole('combobox', { name: 'Aliado' }).fill('alianza');
    await app.getByRole('option', { name: 'Alianza Francesa de Lima' }).click();
    await agreement.getByLabel('Inicio').fill(limaDay(-200));
    await agreement.getByLabel('Término').fill(limaDay(20));
    await agreement.getByLabel('Título').click(); // closes the calendar
    await agreement.getByLabel('Título').fill('Talleres de canto coral en francés');
    await agreement
      .getByLabel('Objeto del convenio')
      .fill('Docentes voluntarios y partituras para los coros de los establecimientos de Lima');
    await agreement.getByLabel('N.° de convenio').fill('CONV-014-2026-INPE');
    await agreement.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se registró el convenio «Talleres de canto coral en francés».');
    await expect(app.getByTestId('agreement-alerts')).toContainText(
      `El convenio «Talleres de canto coral en francés» con Alianza Francesa de Lima vence el ${limaDay(20)} (20 días).`,
    );
    await app.getByRole('tab', { name: 'Convenios' }).click();
    const line = app.getByRole('row', { name: /Talleres de canto coral en francés/ });
    await expect(line).toContainText('Por vencer');
    await expect(line).toContainText('vence en 20 días');

    // Its signed document: attached, then a copy saved where the user chooses.
    await line.click();
    const edit = app.getByRole('dialog', { name: 'Editar convenio' });
    await edit.locator('input[type=file]').setInputFiles({ name: 'convenio-alianza.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect(app.getByText('Se adjuntó el documento.')).toBeVisible();
    await expect(edit.getByText('convenio-alianza.pdf')).toBeVisible();
    await screen(app, '70d-convenio');
    await edit.getByRole('button', { name: 'Cancelar' }).click();
    await line.getByRole('button', { name: 'Guardar copia' }).click();
    await expect(app.getByTestId('export-path').last()).toContainText('.pdf');
    await screen(app, '70e-convenios');

    await app.getByRole('link', { name: 'Inicio' }).click();
    await expect(app.getByText(/El convenio «Talleres de canto coral en francés» con Alianza Francesa de Lima vence el/)).toBeVisible();
  });

  test('an ensemble and its members, each with an instrument or voice part', async ({ app, harness }) => {
    await loadDemo(harness);
    await app.reload();
    const est = (await harness.db('establishments').where({ name: 'E.P. de Lurigancho' }).first('id')) as { id: number };
    const people = (await harness
      .db('participants')
      .where({ establishment_id: est.id, status: 'activo' })
      .whereNotExists(harness.db('enrolments').whereRaw('enrolments.participant_id = participants.id').whereNotNull('ensemble_id'))
      .orderBy('code')
      .limit(2)
      .select('code')) as Array<{ code: string }>;

    await app.getByRole('link', { name: 'Elencos' }).click();
    await app.getByRole('button', { name: 'Nuevo elenco' }).click();
    const form = app.getByRole('dialog', { name: 'Nuevo elenco' });
    await form.getByLabel('Nombre del elenco').fill('Coro polifónico Voces de Lurigancho');
    await pick(app, form, 'Tipo', 'Coro polifónico');
    await form.getByRole('combobox', { name: 'Establecimiento' }).fill('lurigancho');
    await app.getByRole('option', { name: 'E.P. de Lurigancho', exact: true }).click();
    await form.getByLabel('Director(a)').fill('Mtra. Rosa Quispe');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se registró el elenco Coro polifónico Voces de Lurigancho.');

    // Two members at once, sopranos.
    await app.getByRole('row', { name: /Coro polifónico Voces de Lurigancho/ }).click();
    const drawer = app.getByRole('dialog', { name: 'Integrantes de Coro polifónico Voces de Lurigancho' });
    await drawer.getByRole('button', { name: 'Agregar integrantes' }).click();
    const enrol = app.getByRole('dialog', { name: 'Inscribir participantes en Coro polifónico Voces de Lurigancho' });
    for (const p of people) {
      await enrol.getByRole('combobox', { name: 'Participantes' }).fill(p.code.toLowerCase());
      await app.getByRole('option', { name: new RegExp(p.code) }).click();
    }
    await choose(app, enrol, 'Instrumento o cuerda vocal', 'soprano', 'Soprano');
    await enrol.getByRole('button', { name: 'Inscribir participantes' }).click();
    await expect(app.getByText('Se inscribieron 2 participantes.')).toBeVisible();
    for (const p of people) await expect(drawer.getByRole('row', { name: new RegExp(p.code) })).toContainText('Soprano');

    // One of them changes voice: only the part changes, the stage stays.
    const second = people[1]!.code;
    await drawer.getByRole('button', { name: `Etapa o parte: ${second}` }).click();
    const stage = app.getByRole('dialog', { name: `Etapa de ${second}` });
    await expect(stage.getByRole('combobox', { name: 'Etapa' })).toHaveValue('Inscrito');
    await choose(app, stage, 'Instrumento o cuerda vocal', 'contralto', 'Contralto');
    await stage.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se guardó la parte: Contralto.');
    await expect(drawer.getByRole('row', { name: new RegExp(second) })).toContainText('Contralto');
    await expect(drawer.getByRole('row', { name: new RegExp(second) })).toContainText('Inscrito');
    await screen(app, '69b-integrantes-elenco');
    await app.keyboard.press('Escape');
    await expect(app.getByRole('row', { name: /Coro polifónico Voces de Lurigancho/ })).toContainText('2');
    await screen(app, '69c-elencos-nuevo');
  });
});
