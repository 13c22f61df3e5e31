import path from 'node:path';
import { expect, screen, test, TEST_PASSWORD } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { createEstablishment } from '../steps';
import { createServices } from '../../../electron/main/compose';
import { signInAs } from '../../../electron/main/auth/seed';
import type { Harness } from '../../../electron/harness/server';

/** Another PC of the office over the harness's database, with an administrator signed in there. */
async function otherPcAdmin(harness: Harness) {
  const dir = path.dirname(harness.exportDir);
  const other = await createServices(harness.db, {
    shell: 'browser',
    version: 'e2e',
    paths: { dbPath: path.join(dir, 'arteinpe.sqlite'), backupDir: path.join(dir, 'copias'), attachmentsDir: path.join(dir, 'adjuntos') },
    chooseSavePath: async () => null,
    showInFolder: async () => undefined,
    printPdf: async () => {
      throw new Error('no printing here');
    },
  });
  await signInAs(harness.db, other.session, 'admin-local');
  return other;
}

/**
 * Users and roles, the audit log, backups and the privacy page, in the production renderer
 * over the real main-process handlers. Screenshots 50–56.
 */

test.describe('first run', () => {
  test.use({ signedInAs: 'firstRun' });

  test('creates the administrator, who lands in the app', async ({ app }) => {
    await expect(app.getByRole('heading', { name: 'Bienvenido a ArteINPE' })).toBeVisible();
    await screen(app, '50-primer-inicio');
    await app.getByLabel('Nombre completo').fill('María Flores Quispe');
    await app.getByRole('textbox', { name: 'Usuario' }).fill('mflores');
    await app.getByLabel(/^Contraseña/).fill('corta');
    await app.getByLabel('Repita la contraseña').fill('corta');
    await app.getByRole('button', { name: 'Crear administrador e ingresar' }).click();
    await expect(app.getByText('La contraseña debe tener al menos 8 caracteres.')).toBeVisible();
    await app.getByLabel(/^Contraseña/).fill('Arte-2026-inpe');
    await app.getByLabel('Repita la contraseña').fill('Arte-2026-inpe');
    await app.getByRole('button', { name: 'Crear administrador e ingresar' }).click();
    await expect(app.getByRole('button', { name: 'Menú del usuario' })).toContainText('María Flores Quispe');
    await expect(app.getByRole('link', { name: 'Usuarios' })).toBeVisible();
  });
});

test.describe('signing in', () => {
  test.use({ signedInAs: null });

  test('a wrong password is told next to the field; the right one opens the app; signing out closes it', async ({ app }) => {
    await expect(app.getByRole('heading', { name: 'Ingresar' })).toBeVisible();
    await screen(app, '51-ingreso');
    await app.getByRole('textbox', { name: 'Usuario' }).fill('admin-local');
    await app.getByLabel('Contraseña').fill('no-es-esta');
    await app.keyboard.press('Enter');
    await expect(app.getByText('El usuario o la contraseña no son correctos.')).toBeVisible();
    await app.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await app.keyboard.press('Enter');
    await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
    await app.getByRole('button', { name: 'Menú del usuario' }).click();
    await app.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
    await expect(app.getByRole('heading', { name: 'Ingresar' })).toBeVisible();
  });
});

test.describe('as the administrator', () => {
  test('locks the session and opens it again with the password', async ({ app }) => {
    await app.getByRole('button', { name: 'Menú del usuario' }).click();
    await app.getByRole('menuitem', { name: 'Bloquear la sesión' }).click();
    await expect(app.getByRole('heading', { name: 'Sesión bloqueada' })).toBeVisible();
    await screen(app, '52-bloqueo');
    await app.getByLabel('Contraseña').fill('mala-clave');
    await app.getByRole('button', { name: 'Desbloquear' }).click();
    await expect(app.getByText('El usuario o la contraseña no son correctos.')).toBeVisible();
    await app.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await app.getByRole('button', { name: 'Desbloquear' }).click();
    await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  });

  test('creates a restricted inventory user, who must change the first password and sees only their modules', async ({ app, harness }) => {
    await loadDemo(harness);
    await app.getByRole('link', { name: 'Usuarios' }).click();
    await expect(app.getByRole('heading', { name: 'Usuarios' })).toBeVisible();
    await app.getByRole('button', { name: 'Nuevo usuario' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nuevo usuario' });
    await dialog.getByLabel('Nombre completo').fill('Rosa Quispe Mamani');
    await dialog.getByLabel('Usuario').fill('rquispe');
    await dialog.getByRole('combobox', { name: 'Rol' }).click();
    await app.getByRole('option', { name: 'Inventario' }).click();
    await expect(dialog.getByText('Instrumentos, tipos, inventario físico')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Establecimientos' }).click();
    await app.getByRole('option', { name: 'E.P. de Lurigancho' }).click();
    await dialog.getByRole('combobox', { name: 'Establecimientos' }).press('Tab'); // on to the next field; the list closes
    await expect(app.getByRole('option', { name: 'E.P. de Lurigancho' })).toHaveCount(0);
    await dialog.getByLabel('Contraseña inicial').fill('Inicial-2026');
    await dialog.getByLabel('Repita la contraseña').fill('Inicial-2026');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(app.getByText('Se creó el usuario rquispe.')).toBeVisible();
    const row = app.getByRole('row', { name: /Rosa Quispe Mamani/ });
    await expect(row).toContainText('Inventario');
    await expect(row).toContainText('E.P. de Lurigancho');
    await expect(row).toContainText('Debe cambiar su contraseña');
    await screen(app, '53-usuarios');

    await app.getByRole('button', { name: 'Menú del usuario' }).click();
    await app.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
    await app.getByRole('textbox', { name: 'Usuario' }).fill('rquispe');
    await app.getByLabel('Contraseña').fill('Inicial-2026');
    await app.keyboard.press('Enter');
    await expect(app.getByRole('heading', { name: 'Cambie su contraseña' })).toBeVisible();
    await app.getByLabel('Contraseña actual').fill('Inicial-2026');
    await app.getByLabel('Nueva contraseña').fill('Propia-2026');
    await app.getByLabel('Repita la contraseña').fill('Propia-2026');
    await app.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
    const nav = app.getByRole('navigation', { name: 'Navegación' });
    await expect(nav.getByRole('link', { name: 'Instrumentos', exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Usuarios' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Auditoría' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Copias de seguridad' })).toHaveCount(0);
    // Main refuses whatever the address bar asks for.
    await app.goto(`${harness.url}#/usuarios`);
    await expect(app.getByText('Sin permiso para esta página')).toBeVisible();
    await expect(app.getByRole('heading', { name: 'Usuarios' })).toHaveCount(0);
  });

  test('the audit log: filters, the change itself, and the export for the auditors with its reason', async ({ app, harness }) => {
    const e = await createEstablishment(harness, { code: 'EP-AUD-01', name: 'E.P. Auditado' });
    await harness.services.dispatch('establishments.update', {
      code: 'EP-AUD-01',
      name: 'E.P. Auditado y Renombrado',
      regionalOfficeId: 1,
      population: 'varones',
      city: 'Lima',
      inProgramme: true,
      id: e.id,
      version: e.version,
    });
    await app.getByRole('link', { name: 'Auditoría' }).click();
    await expect(app.getByRole('heading', { name: 'Registro de auditoría' })).toBeVisible();
    await app.getByRole('combobox', { name: 'Tipo de registro' }).click();
    await app.getByRole('option', { name: 'Establecimiento' }).click();
    await expect(app.getByText('1–2 de 2')).toBeVisible();
    await screen(app, '54-auditoria');
    await app.getByRole('row', { name: /Modificación/ }).click();
    const detail = app.getByTestId('audit-detail');
    await expect(detail.getByRole('row', { name: /name/ })).toContainText('E.P. Auditado y Renombrado');
    await app.getByRole('button', { name: 'Cerrar' }).click();

    await app.getByRole('button', { name: 'Exportar para auditoría (Excel)' }).click();
    const reason = app.getByRole('dialog', { name: 'Motivo de la exportación' });
    await reason.getByLabel('Motivo').fill('corto');
    await reason.getByRole('button', { name: 'Exportar' }).click();
    await expect(reason.getByText('Explique el motivo en al menos 10 caracteres.')).toBeVisible();
    await reason.getByLabel('Motivo').fill('Auditoría anual del Órgano de Control Institucional');
    await reason.getByRole('button', { name: 'Exportar' }).click();
    await expect(app.getByTestId('export-path')).toContainText('auditoria-');
    await app.getByRole('tab', { name: 'Exportaciones con datos personales' }).click();
    await expect(app.getByRole('row', { name: /Auditoría anual del Órgano de Control Institucional/ })).toContainText(
      'Administrador local',
    );
  });

  test('backups: one now, one to a chosen folder, and a restore that ends in the sign-in screen telling what it did', async ({
    app,
    harness,
  }) => {
    await loadDemo(harness);
    await app.getByRole('link', { name: 'Copias de seguridad' }).click();
    await expect(app.getByRole('heading', { name: 'Copias de seguridad' })).toBeVisible();
    await expect(app.getByText('Todavía no hay copias.').first()).toBeVisible();
    await app.getByRole('button', { name: 'Copia ahora en esta PC' }).click();
    await expect(app.getByText(/Copia de seguridad creada: arteinpe-\d{8}-\d{6}-manual/)).toBeVisible();
    await app.getByRole('button', { name: 'Crear copia de seguridad…' }).click();
    // A copy that leaves the PC carries everyone's personal data: its reason is asked (backups.spec.ts).
    const why = app.getByRole('dialog', { name: 'Motivo de la exportación' });
    await expect(why).toContainText('Va a exportar una copia de seguridad completa');
    await why.getByLabel('Motivo').fill('Copia mensual para el archivo de la oficina central');
    await expect(why.getByLabel('Motivo')).toHaveValue('Copia mensual para el archivo de la oficina central');
    await why.getByRole('button', { name: 'Exportar' }).click();
    await expect(app.getByTestId('saved-path')).toContainText('exportaciones');
    await expect(app.getByRole('row', { name: /Manual/ })).toHaveCount(1); // the USB copy is not in the app's folder
    await screen(app, '55-copias');

    // Something done after the backup, that the restore takes back.
    await createEstablishment(harness, { code: 'EP-NUEVO-01', name: 'E.P. Posterior', population: 'mujeres', inProgramme: false });
    await app
      .getByRole('row', { name: /Manual/ })
      .getByRole('button', { name: 'Restaurar' })
      .click();
    const dialog = app.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Restaurar' })).toBeDisabled();
    await dialog.getByLabel('Entiendo que los datos actuales se reemplazarán').check();
    await dialog.getByRole('button', { name: 'Restaurar' }).click();
    await expect(app.getByTestId('restore-notice')).toContainText(/Se restauró la copia de seguridad arteinpe-\d{8}-\d{6}-manual/);
    await app.getByRole('textbox', { name: 'Usuario' }).fill('admin-local');
    await app.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await app.keyboard.press('Enter');
    await app.getByRole('link', { name: 'Establecimientos' }).click();
    await app.getByRole('textbox', { name: 'Buscar' }).fill('Posterior');
    await expect(app.getByText('Ningún establecimiento coincide con la búsqueda')).toBeVisible();
    await app.getByRole('link', { name: 'Copias de seguridad' }).click();
    await expect(app.getByRole('row', { name: /Antes de restaurar/ })).toHaveCount(1);
  });

  test('the privacy page says what is kept about participants and why', async ({ app }) => {
    await app.getByRole('link', { name: 'Privacidad' }).click();
    await expect(app.getByRole('heading', { name: 'Privacidad y datos personales' })).toBeVisible();
    await expect(app.getByText('Su rol (Administrador) puede ver los nombres y códigos de los participantes.')).toBeVisible();
    await expect(app.getByRole('row', { name: /Año de nacimiento/ })).toContainText('Las cifras por grupo de edad');
    await screen(app, '56-privacidad');
  });
});

test.describe('as the read-only role', () => {
  test.use({ signedInAs: 'consulta' });

  test('sees the modules but none of the administration, and no participants’ names', async ({ app }) => {
    const nav = app.getByRole('navigation', { name: 'Navegación' });
    await expect(nav.getByRole('link', { name: 'Establecimientos' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Instrumentos', exact: true })).toBeVisible();
    await expect(nav.getByText('Administración')).toHaveCount(0);
    await nav.getByRole('link', { name: 'Establecimientos' }).click();
    await expect(app.getByRole('heading', { name: 'Establecimientos penitenciarios' })).toBeVisible();
    await expect(app.getByRole('button', { name: 'Importar' })).toHaveCount(0);
    await expect(app.getByRole('button', { name: /Nuevo/ })).toHaveCount(0);
    await nav.getByRole('link', { name: 'Privacidad' }).click();
    await expect(app.getByText('Su rol (Consulta) no ve los nombres ni los códigos de los participantes.')).toBeVisible();
  });
});

test.describe('the harness’s access key (issue 12)', () => {
  test('the page keeps its key out of the address bar, and a reload still works', async ({ app, harness }) => {
    await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
    expect(app.url()).not.toContain(harness.token);
    expect(app.url()).not.toContain('token=');
    await app.reload();
    await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
  });

  test('opened without its key (localhost, typed by hand), the page explains in Spanish and nothing answers', async ({ page, harness }) => {
    await page.goto(`${harness.origin.replace('127.0.0.1', 'localhost')}/`);
    await expect(page.getByText('Falta la clave de acceso de esta ventana.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Inicio' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Ingresar' })).toHaveCount(0);
    await screen(page, '57-navegador-sin-clave');
  });
});

test.describe('an account changed on another PC (issue 12)', () => {
  test.use({ signedInAs: 'administrador' });

  test('deactivated by an administrator elsewhere, the next step ends the session and the sign-in screen says why', async ({
    app,
    harness,
  }) => {
    await harness.services.dispatch('users.create', {
      username: 'jsalas',
      fullName: 'Julia Salas Rojas',
      role: 'administrador',
      establishmentIds: [],
      password: 'Inicial-2026',
      confirm: 'Inicial-2026',
    });
    // Julia signs in on this page, and changes her first password.
    await app.getByRole('button', { name: 'Menú del usuario' }).click();
    await app.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
    await app.getByRole('textbox', { name: 'Usuario' }).fill('jsalas');
    await app.getByLabel('Contraseña').fill('Inicial-2026');
    await app.keyboard.press('Enter');
    await app.getByLabel('Contraseña actual').fill('Inicial-2026');
    await app.getByLabel('Nueva contraseña').fill('Propia-2026');
    await app.getByLabel('Repita la contraseña').fill('Propia-2026');
    await app.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await expect(app.getByRole('link', { name: 'Usuarios' })).toBeVisible();

    // On another PC, the administrator deactivates her account.
    const other = await otherPcAdmin(harness);
    const list = await other.dispatch('users.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const julia = (list.data as Array<{ id: number; username: string; version: number }>).find((u) => u.username === 'jsalas')!;
    const off = await other.dispatch('users.setActive', { id: julia.id, version: julia.version, active: false });
    expect(off.ok).toBe(true);

    // Her next step ends the session — unless the app's own check of who is working (every
    // 30 s after any activity) reaches main first and ends it before she clicks.
    const signIn = app.getByRole('heading', { name: 'Ingresar' });
    await app
      .getByRole('link', { name: 'Usuarios' })
      .click({ timeout: 10_000 })
      .catch(async (e: unknown) => {
        if (!(await signIn.isVisible())) throw e;
      });
    await expect(signIn).toBeVisible();
    await expect(app.getByTestId('session-ended')).toHaveText(
      'Un administrador desactivó su cuenta y su sesión se cerró. Si la necesita, comuníquese con el administrador.',
    );
    await screen(app, '58-sesion-terminada');
  });
});
