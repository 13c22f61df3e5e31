import fs from 'node:fs';
import path from 'node:path';
import type { Harness } from '../../../electron/harness/server';
import { ensureUser } from '../../../electron/main/auth/seed';
import { expect, newPcHarness, screen, test, TEST_PASSWORD } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { CLERK, enrolPrison, installPrison, nav, PRISON } from '../sites-steps';
import { choose, pick } from '../steps';

/**
 * Data packages between a prison site and the central office (issue 20, docs/SITES.md decisions
 * 3, 6–8), as the clerks carry them on a USB stick. The centre enrols the prison on the
 * demonstration data and a second, new installation installs it (as in sites.spec.ts); there the
 * prison's programmes clerk — a working role, not the administrador — registers a participant and
 * saves «Enviar a la oficina central»; the file is copied into the centre's export folder (the USB
 * stick: the harness's open dialog answers the newest package found there); the centre reads it,
 * sees the report, and the participant in its list; read again, it changes nothing. Then the
 * centre's return package goes back to the site, which reads it. Screenshots 129–133.
 */

const NEWCOMER = { code: 'LUR-SEDE-0001', lastNames: 'Quispe Mamani', firstNames: 'Rosa Elena' };

/** The newest data package in a harness's export folder (where its save dialog puts it). */
function packageIn(dir: string): string {
  const found = fs.readdirSync(dir).filter((f) => f.endsWith('.arteinpe-paquete'));
  expect(found).toHaveLength(1);
  return path.join(dir, found[0]!);
}

/** The USB stick: the file saved by one installation, put where the other's open dialog looks. */
function carry(file: string, to: Harness): void {
  fs.mkdirSync(to.exportDir, { recursive: true });
  fs.copyFileSync(file, path.join(to.exportDir, path.basename(file)));
}

test('a participant registered at the prison reaches the central office in a package carried on a USB stick, and the centre’s package goes back', async ({
  app,
  harness,
  context,
}) => {
  test.setTimeout(240_000);
  await loadDemo(harness);
  const prison = (await harness.db('establishments').where({ name: PRISON }).first('id')) as { id: number };
  await ensureUser(harness.db, { ...CLERK, role: 'programas', password: TEST_PASSWORD, establishmentIds: [prison.id] });

  // Before any site, the centre has nothing to exchange: no «Leer paquete de una sede».
  await nav(app, 'Sedes').click();
  await expect(app.getByText('Aún no hay sedes')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Leer paquete de una sede' })).toHaveCount(0);
  const enrolment = await enrolPrison(app, harness);

  // The prison's PC: a second, new installation, installed with the enrolment package.
  const { harness: siteHarness, close: closeSite } = await newPcHarness();
  try {
    const site = await context.newPage();
    await installPrison(site, siteHarness.url, enrolment);

    // The programmes clerk registers a newcomer at the prison.
    await nav(site, 'Participantes').click();
    await site.getByRole('button', { name: 'Nuevo participante' }).click();
    const form = site.getByRole('dialog', { name: 'Nuevo participante' });
    await form.getByLabel('Código interno INPE').fill(NEWCOMER.code);
    await form.getByLabel('Apellidos').fill(NEWCOMER.lastNames);
    await form.getByLabel('Nombres').fill(NEWCOMER.firstNames);
    await pick(site, form, 'Sexo', 'Femenino');
    await form.getByLabel('Año de nacimiento').fill('1990');
    await choose(site, form, 'Establecimiento', 'Lurigancho', PRISON);
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect(form).toHaveCount(0);
    await site.getByPlaceholder('Código o nombres').fill(NEWCOMER.code);
    await expect(site.getByRole('row', { name: new RegExp(NEWCOMER.code) })).toBeVisible();

    // «Sedes» is open to the working roles at a site, for the exchange only: no list of sites, no enrolment.
    await nav(site, 'Sedes').click();
    const card = site.getByRole('region', { name: 'Intercambio con la oficina central' });
    await expect(card).toContainText('si uno se pierde, el siguiente lo cubre');
    await expect(site.getByRole('button', { name: 'Dar de alta una sede' })).toHaveCount(0);
    await card.getByRole('button', { name: 'Enviar a la oficina central' }).click();
    const sent = card.getByTestId('package-sent');
    await expect(sent).toContainText('Paquete 1 para Oficina central guardado');
    await expect(sent).toContainText(/Paquete 1 guardado: \d+ registros?\./);
    const file = packageIn(siteHarness.exportDir);
    await expect(sent.getByTestId('saved-path')).toContainText(path.basename(file));
    await screen(site, '129-sede-paquete-enviado');

    // The USB stick, then «Leer paquete de una sede» at the centre.
    carry(file, harness);
    await app.bringToFront();
    await nav(app, 'Sedes').click();
    await app.getByRole('button', { name: 'Leer paquete de una sede' }).click();
    const report = app.getByRole('dialog', { name: 'Paquete leído' });
    await expect(report).toContainText(`Paquete 1 de ${PRISON}`);
    await expect(report).not.toContainText('ya se había leído');
    await expect(report.getByText('Cambios aplicados').locator('..')).toHaveText(/^Cambios aplicados[1-9]\d*$/);
    await screen(app, '130-oficina-central-paquete-leido');
    await report.getByRole('button', { name: 'Cerrar' }).click();
    await expect(app.getByRole('row', { name: new RegExp(PRISON) })).toContainText('Enviados: 0 · Recibidos: 1');

    // The newcomer is in the centre's list, at the prison.
    await nav(app, 'Participantes').click();
    await app.getByPlaceholder('Código o nombres').fill(NEWCOMER.code);
    const row = app.getByRole('row', { name: new RegExp(NEWCOMER.code) });
    await expect(row).toContainText(`${NEWCOMER.lastNames}, ${NEWCOMER.firstNames}`);
    await expect(row).toContainText(PRISON);
    await screen(app, '131-oficina-central-participante-de-la-sede');

    // The same package read again changes nothing, and says so.
    await nav(app, 'Sedes').click();
    await app.getByRole('button', { name: 'Leer paquete de una sede' }).click();
    await expect(report).toContainText('Este paquete ya se había leído, no se cambió nada.');
    await report.getByRole('button', { name: 'Cerrar' }).click();

    // The centre's return package for the prison, read at the site.
    await app
      .getByRole('row', { name: new RegExp(PRISON) })
      .getByRole('button', { name: `Enviar paquete: ${PRISON}` })
      .click();
    const back = app.getByTestId('package-sent');
    await expect(back).toContainText(`Paquete 1 para ${PRISON} guardado`);
    await expect(app.getByRole('row', { name: new RegExp(PRISON) })).toContainText('Enviados: 1 · Recibidos: 1');
    await screen(app, '132-oficina-central-paquete-para-la-sede');
    const returned = fs.readdirSync(harness.exportDir).filter((f) => f.endsWith('.arteinpe-paquete') && f !== path.basename(file));
    expect(returned).toHaveLength(1);
    carry(path.join(harness.exportDir, returned[0]!), siteHarness);

    await site.bringToFront();
    await card.getByRole('button', { name: 'Recibir de la oficina central' }).click();
    const atSite = site.getByRole('dialog', { name: 'Paquete leído' });
    await expect(atSite).toContainText('Paquete 1 de Oficina central');
    await screen(site, '133-sede-paquete-recibido');
    await atSite.getByRole('button', { name: 'Cerrar' }).click();

    // A package that is not for this installation is refused beside the buttons, in Spanish.
    fs.copyFileSync(path.join(siteHarness.exportDir, path.basename(file)), path.join(siteHarness.exportDir, 'z-copia.arteinpe-paquete'));
    await card.getByRole('button', { name: 'Recibir de la oficina central' }).click();
    await expect(card.getByRole('alert')).toContainText('Este paquete es para otra instalación');
  } finally {
    await closeSite();
  }
});
