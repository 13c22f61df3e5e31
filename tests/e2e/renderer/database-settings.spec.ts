import { createServices } from '../../../electron/main/compose';
import { ensureUser, signInAs } from '../../../electron/main/auth/seed';
import type { Platform } from '../../../electron/main/platform';
import { TEST_PASSWORD, expect, screen, test } from '../fixtures';

/** Another PC's main process over the same database (only what an edit needs). */
const otherPc: Platform = {
  shell: 'browser',
  version: 'otra-pc',
  paths: { dbPath: '', backupDir: '', attachmentsDir: '' },
  chooseSavePath: async () => null,
  showInFolder: async () => undefined,
  printPdf: async () => {
    throw new Error('no PDF here');
  },
};

/**
 * Settings → Base de datos (office mode, issue 8): the administrator chooses this PC's
 * SQLite file or the office's PostgreSQL server; "Probar conexión" says in plain Spanish
 * what is wrong, and a failed test saves nothing.
 */
test.describe('Base de datos', () => {
  test('an unreachable server is named in Spanish, fields are checked, and nothing is saved', async ({ app, harness }) => {
    await app.getByRole('link', { name: 'Base de datos' }).click();
    await expect(app.getByRole('heading', { name: 'Base de datos' })).toBeVisible();
    await expect(app.getByText('En uso ahora: Este equipo')).toBeVisible();
    await expect(app.getByRole('radio', { name: 'Este equipo' })).toBeChecked();
    await screen(app, 'base-de-datos-01-este-equipo');

    await app.getByRole('radio', { name: 'Servidor de la oficina' }).check();
    await app.getByLabel('Servidor (nombre o IP)').fill('servidor oficina');
    await app.getByLabel('Puerto').fill('0');
    await app.getByRole('button', { name: 'Probar conexión' }).click();
    await expect(app.getByText('Escriba el nombre o la dirección IP del servidor, sin espacios')).toBeVisible();
    await expect(app.getByText('Escriba un puerto entre 1 y 65535')).toBeVisible();

    // Nothing listens on port 1 of this machine: the server is unreachable.
    await app.getByLabel('Servidor (nombre o IP)').fill('127.0.0.1');
    await app.getByLabel('Puerto').fill('1');
    await app.getByRole('textbox', { name: 'Usuario' }).fill('arteinpe');
    await app.getByLabel('Contraseña', { exact: true }).fill('Secreta-2026');
    await app.getByRole('button', { name: 'Probar conexión' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'No se pudo llegar al servidor 127.0.0.1 en el puerto 1' })).toBeVisible();
    await screen(app, 'base-de-datos-02-servidor-inalcanzable');

    // "Llevar mis datos al servidor" asks for a confirmation first, then names the same problem.
    const copyButton = app.getByRole('button', { name: 'Llevar mis datos al servidor' });
    await expect(copyButton).toBeDisabled();
    await app.getByLabel('Entiendo que la copia va a una base vacía del servidor').check();
    await copyButton.click();
    await expect(app.getByRole('status').filter({ hasText: 'No se pudo llegar al servidor 127.0.0.1' })).toHaveCount(2);
    await screen(app, 'base-de-datos-03-copia-sin-servidor');

    // Saving tests again in main and refuses; the form keeps what was typed.
    await app.getByRole('button', { name: 'Guardar y reiniciar' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'No se pudo llegar al servidor 127.0.0.1' })).toBeVisible();
    await expect(app.getByLabel('Servidor (nombre o IP)')).toHaveValue('127.0.0.1');
    const kept = await harness.services.dispatch('settings.database', {});
    expect(kept).toMatchObject({ ok: true, data: { mode: 'local', active: 'local', server: null } });
    await screen(app, 'base-de-datos-04-no-guardado');
  });
});

test.describe('Varias personas a la vez', () => {
  test('saving over a newer change by someone else says who and when, and keeps what was typed', async ({ app, harness }) => {
    const created = await harness.services.dispatch('establishments.create', {
      code: 'EP-OF-01',
      name: 'E.P. Oficina Uno',
      regionalOfficeId: 1,
      population: 'varones',
      city: 'Lima',
      inProgramme: true,
    });
    if (!created.ok) throw new Error(created.error.message);
    const e = created.data as { id: number; version: number };

    await app.getByRole('link', { name: 'Establecimientos' }).click();
    await app.getByRole('button', { name: 'Editar: E.P. Oficina Uno' }).click();
    const edit = app.getByRole('dialog', { name: 'Editar establecimiento' });
    await edit.getByLabel('Ciudad').fill('Chorrillos');

    // Meanwhile, another clerk on another PC saves the same record.
    const maria = await createServices(harness.db, otherPc);
    await ensureUser(harness.db, { username: 'mperez', fullName: 'María Pérez', role: 'administrador', password: TEST_PASSWORD });
    await signInAs(harness.db, maria.session, 'mperez');
    const first = await maria.dispatch('establishments.update', { id: e.id, version: e.version, code: 'EP-OF-01', name: 'E.P. Oficina Uno', regionalOfficeId: 1, population: 'varones', city: 'Callao', inProgramme: true });
    expect(first.ok).toBe(true);

    await edit.getByRole('button', { name: 'Guardar' }).click();
    await expect(edit.getByRole('alert')).toContainText(/María Pérez modificó este registro el \d{2}\/\d{2}\/\d{4} a las \d{2}:\d{2}/);
    await expect(edit.getByLabel('Ciudad')).toHaveValue('Chorrillos');
    await screen(app, 'base-de-datos-05-cambio-de-otra-persona');
  });
});
