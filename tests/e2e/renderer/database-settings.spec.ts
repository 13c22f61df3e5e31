import fs from 'node:fs';
import path from 'node:path';
import { createServices } from '../../../electron/main/compose';
import { ensureUser, signInAs } from '../../../electron/main/auth/seed';
import type { Platform } from '../../../electron/main/platform';
import { TEST_PASSWORD, expect, screen, test } from '../fixtures';
import { createEstablishment } from '../steps';

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
    const kept = await harness.services.dispatch('office.database', {});
    expect(kept).toMatchObject({ ok: true, data: { mode: 'local', active: 'local', server: null } });
    await screen(app, 'base-de-datos-04-no-guardado');
  });
});

/**
 * Issue 12: TLS on by default, the server's CA certificate as a file the administrator
 * chooses, and — on a PC that works with the office server — a warning when the shared
 * attachments folder is not on the database server's machine.
 */
test.describe('Base de datos: seguridad de la conexión', () => {
  test('a new server has TLS on; turning it off warns; a CA file that is not a certificate is refused next to its field and the page keeps it', async ({
    app,
  }) => {
    await app.getByRole('link', { name: 'Base de datos' }).click();
    await app.getByRole('radio', { name: 'Servidor de la oficina' }).check();
    const tls = app.getByRole('checkbox', { name: 'Conexión cifrada (TLS)' });
    await expect(tls).toBeChecked();

    await app.getByLabel('Servidor (nombre o IP)').fill('127.0.0.1');
    await app.getByLabel('Puerto').fill('1');
    await app.getByRole('textbox', { name: 'Usuario' }).fill('arteinpe');
    await app
      .locator('input[type="file"]')
      .setInputFiles({ name: 'autoridad.txt', mimeType: 'text/plain', buffer: Buffer.from('no es un certificado') });
    await app.getByRole('button', { name: 'Probar conexión' }).click();
    await expect(app.getByText('El archivo elegido no es un certificado PEM válido')).toBeVisible();
    await expect(app.getByRole('status')).toHaveCount(0);
    await screen(app, 'base-de-datos-06-certificado-no-valido');

    const ca = fs.readFileSync(path.resolve(__dirname, '../../helpers/tls/ca.pem'));
    await app.locator('input[type="file"]').setInputFiles({ name: 'ca-oficina.pem', mimeType: 'application/x-pem-file', buffer: ca });
    await expect(app.getByText('ca-oficina.pem')).toBeVisible();
    await expect(app.getByText('El archivo elegido no es un certificado PEM válido')).toHaveCount(0);
    await app.getByRole('button', { name: 'Probar conexión' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'No se pudo llegar al servidor 127.0.0.1 en el puerto 1' })).toBeVisible();

    await tls.uncheck();
    await expect(app.getByText('Sin TLS, la contraseña y los datos viajan sin cifrar por la red')).toBeVisible();
  });

  test('the shared attachments folder on another machine than the database server is warned about as it is typed', async ({ app }) => {
    // This tier runs on SQLite files; the two queries of a PC on the office server are answered here as main answers them there.
    await app.route('**/api/office.database', (r) =>
      r.fulfill({
        json: {
          ok: true,
          data: {
            mode: 'server',
            active: 'server',
            server: {
              host: 'servidor-oficina',
              port: 5432,
              database: 'arteinpe',
              user: 'arteinpe',
              ssl: true,
              caCert: null,
              caCertSubject: null,
              hasPassword: true,
            },
            readOnly: false,
            secretsAvailable: true,
          },
        },
      }),
    );
    await app.route('**/api/office.attachmentsFolder', (r) =>
      r.fulfill({
        json: { ok: true, data: { available: true, place: 'database', folder: null, count: 3, serverHost: 'servidor-oficina' } },
      }),
    );
    await app.getByRole('link', { name: 'Base de datos' }).click();
    await expect(app.getByText('En uso ahora: Servidor de la oficina')).toBeVisible();
    const section = app.getByRole('form', { name: 'Archivos adjuntos' });
    await section.getByRole('radio', { name: 'En una carpeta compartida' }).check();
    const folder = section.getByRole('textbox', { name: 'Carpeta compartida' });

    await folder.fill('\\\\nas-oficina\\adjuntos');
    await expect(section.getByRole('note')).toContainText(
      'La carpeta compartida está en el equipo «nas-oficina», no en el servidor de la base de datos («servidor-oficina»)',
    );
    await screen(app, 'base-de-datos-08-adjuntos-en-otro-equipo');

    await folder.fill('\\\\SERVIDOR-OFICINA\\arteinpe\\adjuntos');
    await expect(section.getByRole('note')).toHaveCount(0);

    await folder.fill('Z:\\adjuntos');
    await expect(section.getByRole('note')).toContainText('Esta no es una ruta de red');
    // What was typed stays as typed.
    await expect(folder).toHaveValue('Z:\\adjuntos');
  });
});

test.describe('Varias personas a la vez', () => {
  test('saving over a newer change by someone else says who and when, and keeps what was typed', async ({ app, harness }) => {
    const e = await createEstablishment(harness, { code: 'EP-OF-01', name: 'E.P. Oficina Uno' });

    await app.getByRole('link', { name: 'Establecimientos' }).click();
    await app.getByRole('button', { name: 'Editar: E.P. Oficina Uno' }).click();
    const edit = app.getByRole('dialog', { name: 'Editar establecimiento' });
    await edit.getByLabel('Ciudad').fill('Chorrillos');

    // Meanwhile, another clerk on another PC saves the same record.
    const maria = await createServices(harness.db, otherPc);
    await ensureUser(harness.db, { username: 'mperez', fullName: 'María Pérez', role: 'administrador', password: TEST_PASSWORD });
    await signInAs(harness.db, maria.session, 'mperez');
    const first = await maria.dispatch('establishments.update', {
      id: e.id,
      version: e.version,
      code: 'EP-OF-01',
      name: 'E.P. Oficina Uno',
      regionalOfficeId: 1,
      population: 'varones',
      city: 'Callao',
      inProgramme: true,
    });
    expect(first.ok).toBe(true);

    await edit.getByRole('button', { name: 'Guardar' }).click();
    await expect(edit.getByRole('alert')).toContainText(/María Pérez modificó este registro el \d{2}\/\d{2}\/\d{4} a las \d{2}:\d{2}/);
    await expect(edit.getByLabel('Ciudad')).toHaveValue('Chorrillos');
    await screen(app, 'base-de-datos-05-cambio-de-otra-persona');
  });
});
