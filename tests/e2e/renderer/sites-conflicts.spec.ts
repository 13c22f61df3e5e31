import fs from 'node:fs';
import path from 'node:path';
import type { Harness } from '../../../electron/harness/server';
import { ensureUser } from '../../../electron/main/auth/seed';
import { expect, newPcHarness, screen, test, TEST_PASSWORD } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { CLERK, enrolPrison, installPrison, nav, PRISON } from '../sites-steps';

/**
 * The conflicts list at the central office (issue 20, docs/SITES.md decision 8), with the prison's
 * PC as a second harness: the centre enrols E.P. de Lurigancho on the demonstration data, the
 * prison installs it; there the programmes clerk takes a session's attendance on the sheet and a
 * participant's names are corrected; the centre corrects the same participant differently; the
 * prison's package is carried to the centre, which shows the session's attendance and lists the
 * conflict; the clerk keeps the prison's first names and the centre's last names; the return
 * package brings the decided names to the prison. Screenshots 134–135.
 */

type Row = Record<string, unknown>;

/** The newest data package in a harness's export folder other than those already carried. */
function newPackage(dir: string, carried: Set<string>): string {
  const found = fs.readdirSync(dir).filter((f) => f.endsWith('.arteinpe-paquete') && !carried.has(f));
  expect(found).toHaveLength(1);
  carried.add(found[0]!);
  return path.join(dir, found[0]!);
}

/** The USB stick: only this package where the other's open dialog looks (it answers the newest one there). */
function carry(file: string, to: Harness): void {
  fs.mkdirSync(to.exportDir, { recursive: true });
  for (const f of fs.readdirSync(to.exportDir)) if (f.endsWith('.arteinpe-paquete')) fs.rmSync(path.join(to.exportDir, f));
  fs.copyFileSync(file, path.join(to.exportDir, path.basename(file)));
}

/** Renames a participant through participants.update in a harness's signed-in session (a clerk's correction). */
async function rename(h: Harness, code: string, names: { firstNames?: string; lastNames?: string }) {
  const row = (await h.db('participants').where({ code }).first('id')) as Row;
  const got = await h.services.dispatch('participants.get', { id: Number(row.id) });
  if (!got.ok) throw new Error(JSON.stringify(got.error));
  const now = got.data as {
    version: number;
    code: string;
    sex: string;
    birthYear: number | null;
    firstNames: string;
    lastNames: string | null;
  };
  const r = await h.services.dispatch('participants.update', {
    id: Number(row.id),
    version: now.version,
    code: now.code,
    sex: now.sex,
    birthYear: now.birthYear,
    firstNames: names.firstNames ?? now.firstNames,
    lastNames: names.lastNames ?? now.lastNames ?? '',
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
}

test('a participant corrected at the prison and at the centre is listed as a conflict, resolved field by field, and the decision reaches the prison', async ({
  app,
  harness,
  context,
}) => {
  test.setTimeout(300_000);
  await loadDemo(harness);
  const prison = (await harness.db('establishments').where({ name: PRISON }).first('id', 'gid')) as Row;
  await ensureUser(harness.db, { ...CLERK, role: 'programas', password: TEST_PASSWORD, establishmentIds: [Number(prison.id)] });
  // A workshop of the prison with active participants enrolled, and one of them.
  const enrolled = (await harness
    .db('enrolments as n')
    .join('workshops as w', 'w.id', 'n.workshop_id')
    .join('participants as p', 'p.id', 'n.participant_id')
    .where({ 'w.establishment_id': prison.id, 'p.status': 'activo' })
    .whereNull('n.ended_on')
    .orderBy('n.id')
    .first('w.gid as workshop', 'w.name as workshopName', 'p.code', 'p.first_names', 'p.last_names')) as Row;
  const code = String(enrolled.code);

  const enrolment = await enrolPrison(app, harness);

  const { harness: siteHarness, close: closeSite } = await newPcHarness();
  const carried = new Set<string>();
  try {
    const site = await context.newPage();
    await installPrison(site, siteHarness.url, enrolment);

    // At the prison: a session of the workshop and its attendance on the sheet, from the keyboard.
    const workshop = (await siteHarness.db('workshops').where({ gid: enrolled.workshop }).first('id')) as Row;
    await site.goto(`${siteHarness.url}#/talleres/${Number(workshop.id)}`);
    await site.getByRole('tab', { name: 'Sesiones' }).click();
    await site.getByRole('button', { name: 'Nueva sesión' }).click();
    const session = site.getByRole('dialog', { name: 'Nueva sesión' });
    await session.getByLabel('Duración (minutos)').fill('90');
    await session.getByLabel('Tema').fill('Ensayo en la sede');
    await session.getByRole('button', { name: 'Guardar' }).click();
    const grid = site.getByTestId('attendance-grid');
    await expect(grid).toBeVisible();
    await grid.focus();
    await site.keyboard.press('Space');
    await expect(grid.locator('tbody tr').first()).toHaveAttribute('data-present', 'true');
    await site.keyboard.press('Control+Enter');
    await expect(site.getByText(/Asistencia guardada: 1 presente/)).toBeVisible();

    // The same participant corrected at both ends, differently.
    await rename(siteHarness, code, { firstNames: 'Juan Andrés', lastNames: String(enrolled.last_names) });
    await rename(harness, code, { firstNames: String(enrolled.first_names), lastNames: 'Pérez de la Cruz' });

    // «Enviar a la oficina central», the USB stick, «Leer paquete de una sede».
    await nav(site, 'Sedes').click();
    const card = site.getByRole('region', { name: 'Intercambio con la oficina central' });
    await card.getByRole('button', { name: 'Enviar a la oficina central' }).click();
    await expect(card.getByTestId('package-sent')).toContainText('Paquete 1 para Oficina central guardado');
    carry(newPackage(siteHarness.exportDir, carried), harness);
    await app.bringToFront();
    await nav(app, 'Sedes').click();
    await app.getByRole('button', { name: 'Leer paquete de una sede' }).click();
    const report = app.getByRole('dialog', { name: 'Paquete leído' });
    await expect(report).toContainText(`Paquete 1 de ${PRISON}`);
    await report.getByRole('button', { name: 'Cerrar' }).click();

    // The prison's session and its attendance are at the centre.
    const atCentre = (await harness.db('workshop_sessions').where({ topic: 'Ensayo en la sede' }).first('id', 'workshop_id')) as Row;
    expect(atCentre).toBeTruthy();
    expect(
      Number(((await harness.db('attendance').where({ session_id: atCentre.id, present: true }).count({ n: '*' }).first()) as Row).n),
    ).toBe(1);
    await app.goto(`${harness.url}#/talleres/${Number(atCentre.workshop_id)}`);
    await app.getByRole('tab', { name: 'Sesiones' }).click();
    await expect(app.getByRole('row', { name: /Ensayo en la sede/ })).toBeVisible();

    // «Conflictos» on «Sedes»: the participant, with both versions.
    await nav(app, 'Sedes').click();
    const section = app.getByRole('region', { name: 'Conflictos' });
    await expect(section.getByTestId('conflicts-badge')).toHaveText('1 conflicto por resolver');
    await expect(app.getByRole('row', { name: new RegExp(PRISON) }).first()).toContainText('1 conflicto');
    const line = section.getByRole('row', { name: new RegExp(code) });
    await expect(line).toContainText('Participante');
    await expect(line).toContainText('Nombres, Apellidos');
    await expect(line).toContainText('N.º 1');
    await screen(app, '134-oficina-central-conflictos');

    await line.getByRole('button', { name: /Resolver el conflicto de/ }).click();
    const modal = app.getByRole('dialog', { name: 'Conflicto: Participante' });
    await expect(modal.getByRole('row', { name: /Nombres/ })).toContainText('Juan Andrés');
    await expect(modal.getByRole('row', { name: /Apellidos/ })).toContainText('Pérez de la Cruz');
    await modal.getByRole('radio', { name: 'Nombres: Sede' }).check();
    await expect(modal.getByRole('radio', { name: 'Apellidos: Oficina central' })).toBeChecked();
    await screen(app, '135-oficina-central-resolver-conflicto');
    await modal.getByRole('button', { name: 'Guardar combinación' }).click();
    await expect(modal).toHaveCount(0);
    await expect(section.getByRole('status')).toContainText('la decisión viaja a la sede con el siguiente paquete');
    await expect(section.getByTestId('conflicts-badge')).toHaveCount(0);
    await expect(section).toContainText('No hay conflictos por resolver');

    // The return package brings the decided names to the prison.
    await app
      .getByRole('row', { name: new RegExp(PRISON) })
      .getByRole('button', { name: `Enviar paquete: ${PRISON}` })
      .click();
    await expect(app.getByTestId('package-sent')).toContainText(`Paquete 1 para ${PRISON} guardado`);
    carry(newPackage(harness.exportDir, carried), siteHarness);
    await site.bringToFront();
    await card.getByRole('button', { name: 'Recibir de la oficina central' }).click();
    const back = site.getByRole('dialog', { name: 'Paquete leído' });
    await expect(back).toContainText('Paquete 1 de Oficina central');
    await back.getByRole('button', { name: 'Cerrar' }).click();
    await nav(site, 'Participantes').click();
    await site.getByPlaceholder('Código o nombres').fill(code);
    await expect(site.getByRole('row', { name: new RegExp(code) })).toContainText('Pérez de la Cruz, Juan Andrés');
  } finally {
    await closeSite();
  }
});
