import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Harness } from '../../electron/harness/server';
import { expect, TEST_PASSWORD } from './fixtures';

/** Steps the prison-site specs share (issue 20): the centre enrols the prison, the prison's new PC installs it. */

export const PRISON = 'E.P. de Lurigancho';
/** The prison's programmes clerk: limited to it, so the account travels in the enrolment package. */
export const CLERK = { username: 'programas-lurigancho', fullName: 'Programas de Lurigancho' };

export const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name, exact: true });

/** On «Sedes»: «Dar de alta una sede» for the prison, saved; answers that dialog and the one showing its passphrase. */
export async function saveEnrolment(app: Page): Promise<{ enrol: Locator; shown: Locator }> {
  await app.getByRole('button', { name: 'Dar de alta una sede' }).click();
  const enrol = app.getByRole('dialog', { name: 'Dar de alta una sede' });
  await enrol.getByRole('combobox', { name: 'Establecimiento' }).fill('Lurigancho');
  await app.getByRole('option', { name: PRISON, exact: true }).click();
  await enrol.getByRole('button', { name: 'Guardar el paquete de alta…' }).click();
  return { enrol, shown: app.getByRole('dialog', { name: `Clave de alta de ${PRISON}` }) };
}

/** At the centre: «Dar de alta una sede» for the prison; answers the saved file and the passphrase shown once. */
export async function enrolPrison(app: Page, harness: Harness): Promise<{ file: string; passphrase: string }> {
  await nav(app, 'Sedes').click();
  const { shown } = await saveEnrolment(app);
  const passphrase = (await shown.getByTestId('passphrase').innerText()).replace(/\s+/g, '-');
  await shown.getByRole('button', { name: 'Ya la anoté' }).click();
  await shown.getByRole('button', { name: 'Sí, cerrar' }).click();
  await expect(shown).toHaveCount(0);
  const [file] = fs.readdirSync(harness.exportDir).filter((f) => f.endsWith('.arteinpe-alta'));
  return { file: path.join(harness.exportDir, file!), passphrase };
}

/** On the prison's new PC: «Instalar como sede» with the enrolment package, then the clerk signs in. */
export async function installPrison(site: Page, url: string, enrolment: { file: string; passphrase: string }): Promise<void> {
  await site.goto(url);
  await site.getByRole('button', { name: 'Instalar como sede' }).click();
  await site.locator('input[type="file"]').setInputFiles(enrolment.file);
  await site.getByRole('textbox', { name: 'Clave de alta' }).fill(enrolment.passphrase);
  await site.getByRole('button', { name: 'Instalar la sede' }).click();
  await expect(site.getByRole('heading', { name: 'Ingresar' })).toBeVisible();
  await site.getByRole('textbox', { name: 'Usuario' }).fill(CLERK.username);
  await site.getByRole('textbox', { name: 'Contraseña' }).fill(TEST_PASSWORD);
  await site.keyboard.press('Enter');
  await expect(site.getByRole('heading', { name: 'Inicio' })).toBeVisible();
}
