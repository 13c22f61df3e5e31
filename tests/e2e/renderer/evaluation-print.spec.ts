import { execFileSync } from 'node:child_process';
import { limaToday } from '../../../shared/contracts/rules';
import { expect, test } from '../fixtures';
import { createEstablishment, createParticipant, createWorkshop, ok, pick } from '../steps';

/**
 * Issue 17 in the real renderer: the evaluation page prints to PDF with its charts (drawn in
 * main from the page's filters) and the annual report PDF carries the same charts. Read back
 * with poppler; no participant is ever named. A small prison of this year is enough: the
 * printing is the same for twelve charts of any size.
 */

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
const year = Number(limaToday(new Date().toISOString()).slice(0, 4));

test.describe('Evaluación en PDF', () => {
  test('the page prints its charts with the filters applied, and the annual report has the same charts', async ({ app, harness }) => {
    const est = await createEstablishment(harness, { code: 'EP-CHO-01', name: 'E.P. de Mujeres de Chorrillos' });
    const w = await createWorkshop(harness, est.id, { name: 'Coro polifónico', discipline: 'Canto', startDate: `${year}-03-01` });
    const surnames = ['Ñahuincopa Quispe', 'Yupanqui Soto', 'Huamán Rojas', 'Vargas Llosa', 'Condori Mamani', 'Apaza Ticona'];
    const people = [];
    for (const [i, lastNames] of surnames.entries())
      people.push(
        await createParticipant(
          harness,
          { code: `PPL-02${i}`, firstNames: 'Rosa', lastNames, establishmentId: est.id },
          { sex: i < 5 ? 'femenino' : 'masculino', date: `${year}-02-01` },
        ),
      );
    await ok(harness, 'enrolments.create', { workshopId: w.id, participantIds: people.map((p) => p.id), date: `${year}-03-01` });
    const s = await ok<{ id: number }>(harness, 'sessions.create', { workshopId: w.id, date: `${year}-03-02`, durationMinutes: 120 });
    await ok(harness, 'attendance.save', { sessionId: s.id, marks: people.map((p) => ({ participantId: p.id, present: true })) });

    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Evaluación' }).click();
    await expect(app.getByTestId('evaluation-chart').first()).toBeVisible();
    await pick(app, app.getByRole('search', { name: 'Filtros de la evaluación' }), 'Sexo', 'Femenino');
    await app.getByRole('button', { name: 'Imprimir PDF' }).click();
    const note = app.getByTestId('saved-path');
    await expect(note).toBeVisible();
    const file = (await note.innerText()).replace(/^[^:]*:\s*/, '').trim();
    expect(file).toMatch(/evaluacion-graficos-.*\.pdf$/);
    const pdf = pdfText(file);
    expect(pdf).toContain('Evaluación del programa');
    expect(pdf).toContain('Sexo: Femenino');
    for (const title of ['Alcance por establecimiento', 'Retención por cohorte', 'Eventos y públicos', 'Ejecución presupuestal'])
      expect(pdf).toContain(title);
    for (const surname of surnames) expect(pdf).not.toContain(surname);

    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Reportes del programa' }).click();
    await expect(app.getByTestId('unesco-preview')).toContainText('participantes beneficiarios');
    await app.getByRole('button', { name: 'PDF' }).first().click();
    const annual = pdfText((await app.getByTestId('saved-path').innerText()).replace(/^[^:]*:\s*/, '').trim());
    expect(annual).toContain('Reporte anual del programa de arte y cultura');
    expect(annual).toContain('Gráficos del año');
    for (const title of ['Alcance por establecimiento', 'Brecha de acceso', 'Asistencia por mes', 'Instrumentos por estado'])
      expect(annual).toContain(title);
    for (const surname of surnames) expect(annual).not.toContain(surname);
  });
});
