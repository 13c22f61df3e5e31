import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Harness } from '../../../electron/harness/server';
import { expect, screen, test } from '../fixtures';
import { chooseFiles, createEstablishment, createParticipant, createWorkshop, ok, xlsxFile } from '../steps';

/** A workshop in Huancayo with two members and its first two sessions registered. */
async function seed(harness: Harness) {
  const huancayo = await createEstablishment(harness, { code: 'EP-HYO-01', name: 'E.P. de Huancayo' });
  const ids: number[] = [];
  for (const [code, firstNames, lastNames] of [
    ['AT-0001', 'Pedro', 'Soto Vargas'],
    ['AT-0002', 'Luis', 'Quispe Rojas'],
  ] as const) {
    ids.push((await createParticipant(harness, { code, firstNames, lastNames, establishmentId: huancayo.id })).id);
  }
  const w = await createWorkshop(harness, huancayo.id, { name: 'Canto coral', discipline: 'Canto', capacity: 20 });
  await ok(harness, 'enrolments.create', { workshopId: w.id, participantIds: ids, date: '2026-03-01' });
  for (const date of ['2026-03-02', '2026-03-09']) await ok(harness, 'sessions.create', { workshopId: w.id, date, durationMinutes: 120 });
  return w.id;
}

/** The teacher's sheet: a title above the table, a row per participant, a column per session date. */
const sheet = (dir: string, name: string, rows: string[][]) =>
  xlsxFile(dir, name, 'Asistencia', [
    ['Registro de asistencia — Canto coral — E.P. Huancayo'],
    ['Código', 'Apellidos y nombres', '02/03/2026', '09/03/2026'],
    ...rows,
  ]);

test.describe('Importar asistencia', () => {
  test("from the workshop's attendance tab: the clerk says what each mark means (J too) before anything is imported", async ({
    app,
    harness,
  }) => {
    const workshopId = await seed(harness);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-asistencia-'));
    const file = await sheet(dir, 'asistencia.xlsx', [
      ['AT-0001', 'Soto Vargas, Pedro', 'A', 'F'], // row 3
      [], // row 4: blank
      ['AT-0002', 'Quispe Rojas, Luis', 'A', 'J'], // row 5: a justified absence
    ]);

    await app.goto(`${harness.url}#/talleres/${workshopId}?tab=asistencia`);
    await expect(app.getByRole('heading', { name: 'Canto coral' })).toBeVisible();
    await app.getByRole('button', { name: 'Importar asistencia' }).click();
    const dialog = app.getByRole('dialog', { name: 'Importar asistencia' });
    await expect(dialog).toContainText('una columna por sesión con su fecha (dd/mm/aaaa)');
    await expect(dialog).toContainText('cada marca distinta se lista una vez y usted indica qué significa');
    await chooseFiles(app, dialog.getByRole('button', { name: 'Archivo de Excel (.xlsx) o CSV' }), file);

    // Only the participant's column is asked for: the workshop is this one, the dates are the sessions.
    await expect(dialog.getByText('asistencia.xlsx: 2 filas de datos en 4 columnas.')).toBeVisible();
    const mapping = dialog.getByTestId('import-mapping');
    await expect(mapping.getByRole('combobox', { name: 'Participante' })).toHaveValue('Código');
    await expect(mapping.getByRole('combobox', { name: 'Taller' })).toHaveCount(0);

    await dialog.getByRole('button', { name: 'Revisar sin guardar' }).click();
    await expect(dialog.getByTestId('import-skipped')).toContainText('Fila 4: está en blanco; se pasa por alto.');
    // Each mark once: A and F read on their own (and open to change), J waiting for the clerk.
    const marks = dialog.getByTestId('import-unknown-values');
    await expect(marks).toContainText('Valores del archivo y lo que significan');
    await expect(marks.getByTestId('import-unknown-value')).toHaveCount(3);
    await expect(marks.getByRole('combobox', { name: 'Corresponde a A' })).toHaveValue('Presente');
    await expect(marks.getByRole('combobox', { name: 'Corresponde a F' })).toHaveValue('Ausente');
    await expect(marks.getByRole('combobox', { name: 'Corresponde a J' })).toHaveValue('');
    await expect(marks).toContainText('Falta asignar 1 valor.');
    await expect(dialog.getByRole('button', { name: 'Importar', exact: true })).toBeDisabled();
    expect(await harness.db('attendance').count({ n: '*' })).toEqual([{ n: 0 }]);

    // The register keeps present or absent only: this clerk records the justified absence as an absence.
    await marks.getByRole('combobox', { name: 'Corresponde a J' }).click();
    await app.getByRole('option', { name: 'Ausente', exact: true }).click();
    await expect(marks).not.toContainText('Falta asignar');
    await screen(app, '95-importar-asistencia-marcas');
    await marks.getByRole('button', { name: 'Revisar de nuevo' }).click();
    await expect(dialog.getByText('Todas las filas están correctas. Todavía no se ha guardado nada.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
    await expect(dialog.getByTestId('import-result')).toHaveText(
      'Se importó la asistencia de 2 participantes (4 marcas nuevas, 0 corregidas).',
    );
    await screen(app, '95-importar-asistencia-resultado');
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    await expect(dialog).toBeHidden();

    // The marks are on the sessions: both came on the 2nd; on the 9th, one missed and one was excused (mapped to Ausente).
    const recorded = (await harness
      .db('attendance as a')
      .join('workshop_sessions as s', 's.id', 'a.session_id')
      .orderBy(['s.date', 'a.participant_id'])
      .select('s.date', 'a.present')) as Array<{ date: string; present: number | boolean }>;
    expect(recorded.map((m) => [m.date, Boolean(m.present)])).toEqual([
      ['2026-03-02', true],
      ['2026-03-02', true],
      ['2026-03-09', false],
      ['2026-03-09', false],
    ]);
    await expect(app.getByTestId('attendance-grid')).toBeVisible();
    await expect(app.getByText('0 presentes · 2 ausentes · 0 sin marcar')).toBeVisible();
    await screen(app, '95-importar-asistencia-sesion');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
