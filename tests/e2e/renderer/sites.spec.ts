import fs from 'node:fs';
import path from 'node:path';
import { ensureUser } from '../../../electron/main/auth/seed';
import { expect, newPcHarness, screen, test, TEST_PASSWORD } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { PRISON, saveEnrolment } from '../sites-steps';

/**
 * Prison sites (issue 20, docs/SITES.md): the centre's administrador enrols a prison on the
 * demonstration data, sees its passphrase once (it closes only when the clerk says it was written
 * down), and the site in the list; then a second, new installation — the prison's PC — installs
 * the saved package with that passphrase (typed in lower case with spaces) and its administrador
 * signs in there, offline, and sees the centre's fingerprint the centre showed. Screenshots 123–128.
 */

/** The prison's own account: limited to it, so it travels in the package (with its password hash). */
const SITE_ADMIN = { username: 'admin-lurigancho', fullName: 'Administradora de Lurigancho' };

test('the centre enrols a prison, shows the passphrase once; the prison installs the package and signs in with its own account', async ({
  app,
  harness,
  context,
}) => {
  test.setTimeout(180_000);
  await loadDemo(harness);
  const prison = (await harness.db('establishments').where({ name: PRISON }).first('id')) as { id: number };
  await ensureUser(harness.db, { ...SITE_ADMIN, role: 'administrador', password: TEST_PASSWORD, establishmentIds: [prison.id] });

  await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Sedes' }).click();
  await expect(app.getByRole('heading', { name: 'Sedes' })).toBeVisible();
  await expect(app.getByText('Se crea al dar de alta la primera sede.')).toBeVisible();
  await expect(app.getByText('Aún no hay sedes')).toBeVisible();

  const { enrol, shown } = await saveEnrolment(app);
  await expect(shown).toBeVisible();
  await expect(enrol).toHaveCount(0);
  const passphrase = (await shown.getByTestId('passphrase').innerText()).replace(/\s+/g, '-');
  expect(passphrase).toMatch(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
  const centreFingerprint = await shown.getByTestId('centre-fingerprint').innerText();
  expect(centreFingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await expect(shown).toContainText('no se guarda en ninguna parte y no se podrá mostrar otra vez');
  await expect(shown).toContainText('El paquete lleva: cuentas de usuario, 1 ·');
  const saved = fs.readdirSync(harness.exportDir).filter((f) => f.endsWith('.arteinpe-alta'));
  expect(saved).toEqual([expect.stringMatching(/^alta-sede-E-P-de-Lurigancho-\d{4}-\d{2}-\d{2}\.arteinpe-alta$/)]);
  await expect(shown).toContainText(saved[0]!);
  await screen(app, '123-sede-clave-de-alta');

  // Neither Escape nor «Ya la anoté» alone loses the passphrase: closing asks first.
  await app.keyboard.press('Escape');
  await expect(shown).toBeVisible();
  await shown.getByRole('button', { name: 'Ya la anoté' }).click();
  await expect(shown.getByRole('alertdialog')).toContainText('Al cerrar esta ventana la clave no se podrá ver otra vez.');
  await shown.getByRole('button', { name: 'Volver a la clave' }).click();
  await expect(shown.getByTestId('passphrase')).toBeVisible();
  await shown.getByRole('button', { name: 'Ya la anoté' }).click();
  await shown.getByRole('button', { name: 'Sí, cerrar' }).click();
  await expect(shown).toHaveCount(0);

  // The site in the list; the centre's own fingerprint now exists and is the one shown with the passphrase.
  const row = app.getByRole('row', { name: new RegExp(PRISON) });
  const today = new Intl.DateTimeFormat('es-PE', { timeZone: 'America/Lima', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(),
  );
  await expect(row).toContainText(`${today} por Administrador local`);
  await expect(row).toContainText('Enviados: 0 · Recibidos: 0');
  await expect(app.getByTestId('own-fingerprint')).toHaveText(centreFingerprint);
  await screen(app, '124-sedes');
  // A prison is enrolled once: it is no longer offered.
  await app.getByRole('button', { name: 'Dar de alta una sede' }).click();
  await enrol.getByRole('combobox', { name: 'Establecimiento' }).fill('Lurigancho');
  await expect(app.getByRole('option', { name: PRISON, exact: true })).toHaveCount(0);
  await enrol.getByText(/le pedirá dónde guardar el paquete/).click(); // the list closes
  await enrol.getByRole('button', { name: 'Cancelar' }).click();
  await expect(enrol).toHaveCount(0);

  // The prison's PC: a second, new installation of its own.
  const { harness: siteHarness, close: closeSite } = await newPcHarness();
  try {
    const site = await context.newPage();
    await site.goto(siteHarness.url);
    await expect(site.getByRole('heading', { name: 'Bienvenido a ArteINPE' })).toBeVisible();
    await screen(site, '125-primer-inicio-instalar-como-sede');
    await site.getByRole('button', { name: 'Instalar como sede' }).click();
    await expect(site.getByRole('heading', { name: 'Instalar como sede' })).toBeVisible();
    await site.locator('input[type="file"]').setInputFiles(path.join(harness.exportDir, saved[0]!));
    // A wrong passphrase is refused beside its field, and nothing is installed.
    await site.getByRole('textbox', { name: 'Clave de alta' }).fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    await site.getByRole('button', { name: 'Instalar la sede' }).click();
    await expect(site.getByText('La clave de alta no es correcta.', { exact: false })).toBeVisible();
    await screen(site, '126-instalar-como-sede-clave-incorrecta');
    expect(await siteHarness.db('users').count('* as n').first()).toEqual({ n: 0 });

    // As read out on the phone: lower case, groups apart.
    await site.getByRole('textbox', { name: 'Clave de alta' }).fill(passphrase.toLowerCase().replace(/-/g, ' '));
    await site.getByRole('button', { name: 'Instalar la sede' }).click();
    await expect(site.getByRole('heading', { name: 'Ingresar' })).toBeVisible();
    await expect(site.getByTestId('install-notice')).toContainText(`Se instaló la sede ${PRISON}`);
    await expect(site.getByTestId('install-notice')).toContainText(centreFingerprint);
    await screen(site, '127-sede-instalada-ingresar');

    await site.getByRole('textbox', { name: 'Usuario' }).fill(SITE_ADMIN.username);
    await site.getByRole('textbox', { name: 'Contraseña' }).fill(TEST_PASSWORD);
    await site.keyboard.press('Enter');
    await expect(site.getByRole('heading', { name: 'Inicio' })).toBeVisible();
    await site.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Sedes' }).click();
    await expect(site.getByRole('heading', { name: 'Sedes' })).toBeVisible();
    await expect(site.getByText(PRISON, { exact: true })).toBeVisible();
    await expect(site.getByTestId('centre-fingerprint')).toHaveText(centreFingerprint);
    await expect(site.getByRole('button', { name: 'Dar de alta una sede' })).toHaveCount(0);
    await screen(site, '128-sedes-en-la-sede');
  } finally {
    await closeSite();
  }
});
