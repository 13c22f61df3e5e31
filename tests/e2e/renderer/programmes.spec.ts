import { execFileSync } from 'node:child_process';
import type { Harness } from '../../../electron/harness/server';
import { expect, screen, test, notified } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { ok, choose, fillCounts, handOver, pick, savedPath } from '../steps';

/** Programmes in the real renderer: a workshop from creation to certificates, a concert with audiences, every page. */

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');

/** Three active participants of E.P. de Lurigancho from the demonstration data. */
async function threeAtLurigancho(harness: Harness) {
  const est = (await harness.db('establishments').where({ name: 'E.P. de Lurigancho' }).first('id')) as { id: number };
  return (await harness
    .db('participants')
    .where({ establishment_id: est.id, status: 'activo' })
    .orderBy('code')
    .limit(3)
    .select('id', 'code', 'first_names', 'last_names')) as Array<{
    id: number;
    code: string;
    first_names: string;
    last_names: string;
  }>;
}

test.describe('Programas', () => {
  test('create a workshop, enrol participants, take attendance with the keyboard, issue a certificate', async ({ app, harness }) => {
    await loadDemo(harness);
    const people = await threeAtLurigancho(harness);
    await app.getByRole('link', { name: 'Talleres', exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Talleres' })).toBeVisible();
    await screen(app, '60-talleres');

    // A new workshop; a refused save keeps what was typed and says why next to the field.
    await app.getByRole('button', { name: 'Nuevo taller' }).click();
    const form = app.getByRole('dialog', { name: 'Nuevo taller' });
    await form.getByLabel('Nombre del taller').fill('Taller de charango');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect(form.getByText('Este campo es obligatorio.').first()).toBeVisible();
    await pick(app, form, 'Programa', 'INPE Orquestando');
    await form.getByLabel('Disciplina').fill('Charango');
    await choose(app, form, 'Establecimiento', 'lurigancho', 'E.P. de Lurigancho');
    await form.getByLabel('Capacidad').fill('20');
    await choose(app, form, 'Docentes', 'quispe', 'Rosa Elena Quispe Mamani');
    await app.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se registró el taller Taller de charango.');
    await expect(app.getByRole('heading', { name: 'Taller de charango' })).toBeVisible();

    // Enrol three participants through the type-ahead (by code).
    await app.getByRole('button', { name: 'Inscribir participantes' }).click();
    const enrol = app.getByRole('dialog', { name: 'Inscribir participantes en Taller de charango' });
    for (const p of people) {
      await enrol.getByRole('combobox', { name: 'Participantes' }).fill(p.code.toLowerCase());
      await app.getByRole('option', { name: new RegExp(p.code) }).click();
    }
    await enrol.getByRole('button', { name: 'Inscribir participantes' }).click();
    await expect(app.getByText('Se inscribieron 3 participantes.')).toBeVisible();
    const members = app.getByTestId('members');
    for (const p of people) await expect(members).toContainText(p.code);
    await screen(app, '61-taller-participantes');

    // A session of 2 hours today, then its attendance from the keyboard.
    await app.getByRole('tab', { name: 'Sesiones' }).click();
    await app.getByRole('button', { name: 'Nueva sesión' }).click();
    const session = app.getByRole('dialog', { name: 'Nueva sesión' });
    await session.getByLabel('Duración (minutos)').fill('120');
    await session.getByLabel('Tema').fill('Rasgueos básicos');
    await session.getByRole('button', { name: 'Guardar' }).click();
    const grid = app.getByTestId('attendance-grid');
    await expect(grid).toBeVisible();
    const rows = grid.locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await grid.focus();
    await app.keyboard.press('Space'); // row 1: present
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('a'); // row 2: absent, moves on
    await app.keyboard.press('Space'); // row 3: present
    await expect(rows.nth(0)).toHaveAttribute('data-present', 'true');
    await expect(rows.nth(1)).toHaveAttribute('data-present', 'false');
    await expect(rows.nth(2)).toHaveAttribute('data-present', 'true');
    await expect(app.getByTestId('attendance-counts')).toHaveText('2 presentes · 1 ausente · 0 sin marcar');
    await screen(app, '62-asistencia');
    await app.keyboard.press('Control+Enter');
    await expect(app.getByText('Asistencia guardada: 2 presentes, 1 ausente.')).toBeVisible();
    const firstCode = (await rows.nth(0).locator('td').nth(1).innerText()).trim();
    const first = people.find((p) => p.code === firstCode)!;

    // The first one completes the workshop; the list shows attendance and hours.
    await app.getByRole('tab', { name: 'Participantes' }).click();
    await expect(members.getByRole('row', { name: new RegExp(first.code) })).toContainText('100 %');
    await app.getByRole('button', { name: `Cambiar etapa: ${first.code}` }).click();
    const stage = app.getByRole('dialog', { name: `Etapa de ${first.code}` });
    await pick(app, stage, 'Etapa', 'Completado');
    await stage.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se registró la etapa «Completado».');

    // Certificates: only the one who completed, with the hours from attendance.
    await app.getByRole('tab', { name: 'Certificados' }).click();
    await expect(app.getByRole('button', { name: /Emitir certificados de todos los que completaron \(1\)/ })).toBeEnabled();
    await screen(app, '63-certificados');
    await app.getByRole('button', { name: `Certificado: ${first.code}` }).click();
    // Certificates carry the participant's names: the reason is asked for and logged.
    const reason = app.getByRole('dialog', { name: 'Motivo de la exportación' });
    await expect(reason).toContainText('certificados con los nombres de los participantes');
    await reason.getByLabel('Motivo').fill('Entrega en la clausura del taller');
    await reason.getByRole('button', { name: 'Exportar' }).click();
    const text = pdfText(await savedPath(app));
    expect(await harness.db('personal_data_exports').select('channel', 'reason', 'rows')).toEqual([
      { channel: 'certificates.issue', reason: 'Entrega en la clausura del taller', rows: 1 },
    ]);
    expect(text).toContain('CERTIFICADO DE PARTICIPACIÓN');
    expect(text).toContain(`${first.first_names} ${first.last_names}`);
    expect(text).toContain(`Código interno: ${first.code}`);
    expect(text).toContain('«Taller de charango» del programa INPE Orquestando, realizado en el E.P. de Lurigancho');
    expect(text).toContain('con 2 horas de asistencia acumulada');
  });

  test('record a concert with audiences, the season calendar, and every programme page', async ({ app, harness }) => {
    await loadDemo(harness);
    const [held] = await threeAtLurigancho(harness);
    // The inventory says this participant holds a charango.
    const est = (await harness.db('establishments').where({ name: 'E.P. de Lurigancho' }).first('id')) as { id: number };
    const charango = await ok<{ id: number }>(harness, 'instruments.create', {
      code: 'CHA-0001',
      typeId: 1,
      costCentimos: 45000,
      funding: 'donacion',
      condition: 'bueno',
      altaDate: '2026-03-01',
      establishmentId: est.id,
    });
    await handOver(harness, charango.id, { type: 'participante', id: held!.id }, '2026-03-10');

    await app.getByRole('link', { name: 'Eventos y temporada' }).click();
    await expect(app.getByRole('heading', { name: 'Eventos y temporada' })).toBeVisible();
    await screen(app, '64-eventos');

    await app.getByRole('button', { name: 'Nuevo evento' }).click();
    const form = app.getByRole('dialog', { name: 'Nuevo evento' });
    await pick(app, form, 'Tipo', 'Concierto educativo');
    await form.getByLabel('Título').fill('Concierto de cuerdas andinas');
    await choose(app, form, 'Establecimiento', 'lurigancho', 'E.P. de Lurigancho');
    await fillCounts(form, [
      ['Internos', '250'],
      ['Familiares', '40'],
      ['Personal INPE', '12'],
      ['Autoridades', '4'],
    ]);
    await expect(form.getByTestId('audience-total')).toHaveText('Total de asistentes: 306');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se registró el evento «Concierto de cuerdas andinas».');
    await expect(app.getByRole('row', { name: /Concierto de cuerdas andinas/ })).toContainText('306');
    const saved = (await harness.db('events').where({ title: 'Concierto de cuerdas andinas' }).first()) as Record<string, number>;
    expect([
      saved.audience_internos,
      saved.audience_familiares,
      saved.audience_personal,
      saved.audience_externo,
      saved.audience_autoridades,
    ]).toEqual([250, 40, 12, 0, 4]);

    await app.getByText('Calendario').click();
    await expect(app.getByTestId('season-calendar')).toBeVisible();
    await screen(app, '65-temporada-calendario');

    // Participants: the record lists the instrument held; the custody dialog says to recover it.
    await app.getByRole('link', { name: 'Participantes' }).click();
    await expect(app.getByRole('heading', { name: 'Participantes' })).toBeVisible();
    await screen(app, '66-participantes');
    await app.getByRole('textbox', { name: 'Buscar' }).fill(held!.code);
    await app.getByRole('row', { name: new RegExp(held!.code) }).click();
    await expect(app.getByTestId('participant-instruments')).toContainText('CHA-0001');
    await screen(app, '67-ficha-participante');
    await app.getByRole('button', { name: 'Cambio de custodia' }).click();
    await expect(app.getByTestId('custody-instruments')).toContainText('CHA-0001');
    await screen(app, '68-cambio-custodia');
    await app
      .getByRole('dialog', { name: `Cambio de custodia: ${held!.code}` })
      .getByRole('button', { name: 'Cancelar' })
      .click();
    await app.keyboard.press('Escape');

    await app.getByRole('link', { name: 'Elencos' }).click();
    await expect(app.getByRole('heading', { name: 'Elencos' })).toBeVisible();
    await expect(app.getByText('Banda sinfónica de Lurigancho')).toBeVisible();
    await screen(app, '69-elencos');

    await app.getByRole('link', { name: 'Aliados y convenios' }).click();
    await expect(app.getByTestId('agreement-alerts')).toContainText('Ministerio de Educación (MINEDU)');
    await screen(app, '70-aliados');

    await app.getByRole('link', { name: 'Reportes del programa' }).click();
    await expect(app.getByTestId('unesco-preview')).toContainText('participantes beneficiarios');
    await screen(app, '71-reportes-programa');
    await app.getByRole('button', { name: 'PDF' }).first().click();
    const annual = pdfText((await app.getByTestId('saved-path').innerText()).replace('Archivo guardado en: ', '').trim());
    expect(annual).toContain('Reporte anual del programa de arte y cultura');
    expect(annual).not.toContain(held!.code);
    expect(annual).not.toContain(held!.last_names);

    await app.getByRole('link', { name: 'Inicio' }).click();
    const section = app.getByTestId('programme-dashboard');
    await expect(section).toBeVisible();
    await expect(section.getByTestId('participants-by-establishment')).toContainText('E.P. de Lurigancho');
    await expect(section.getByTestId('programme-alerts')).toContainText('MINEDU');
    await screen(app, '72-inicio-programas');
  });
});
