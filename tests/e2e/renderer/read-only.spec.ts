import type { Page } from '@playwright/test';
import type { Harness } from '../../../electron/harness/server';
import { signInAs } from '../../../electron/main/auth/seed';
import { TEST_ADMIN, expect, screen, test } from '../fixtures';

/**
 * The read-only role ("consulta") on every page it may open: it reads everything its role
 * allows and is offered nothing it cannot do — no new, edit, move, import, export, save
 * or issue button anywhere (main refuses those calls anyway; the renderer hides them with
 * the same table, shared/auth/permissions.ts).
 */

/** Words that start every write or export action in the interface. */
const writeAction =
  /^(Nuev[oa]|Registrar|Importar|Exportar|Editar|Mover|Inscribir|Agregar|Emitir|Guardar|Abrir inventario|Cerrar inventario|Desactivar|Reactivar|Eliminar|Acta|Etiquetas|Cambiar etapa|Etapa o parte|Cambio de custodia|Todos presentes|Todos ausentes|Cargar datos|Hacer principal|Quitar|Adjuntar|Guardar copia|Excel|PDF|Formato del código|Registrar conformidad|Activar|Renovar|Resolver)/;

async function writeButtons(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const names: string[] = [];
  for (const b of await page.getByRole('button').all()) {
    if (!(await b.isVisible())) continue;
    const name = ((await b.getAttribute('aria-label')) ?? (await b.innerText())).trim();
    if (writeAction.test(name)) names.push(name);
  }
  for (const item of await page.getByRole('menuitem').all()) if (await item.isVisible()) names.push(await item.innerText());
  return names;
}

async function asAdministrator<T>(harness: Harness, work: () => Promise<T>): Promise<T> {
  await signInAs(harness.db, harness.services.session, TEST_ADMIN.username);
  try {
    return await work();
  } finally {
    await signInAs(harness.db, harness.services.session, 'consulta');
  }
}

async function ok(harness: Harness, channel: string, input: unknown) {
  const r = await harness.services.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.data as Record<string, unknown>;
}

test.describe('Consulta (solo lectura)', () => {
  test.use({ signedInAs: 'consulta' });

  test('the dashboard of an empty database offers no demonstration data', async ({ app }) => {
    await expect(app.getByText('El administrador del sistema registra los establecimientos o carga los datos de demostración.')).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-80-inicio-vacio');
  });

  test('every page reads, none offers a write button', async ({ app, harness }) => {
    await asAdministrator(harness, async () => {
      await ok(harness, 'demo.load', {});
      const est = (await harness.db('establishments').where({ name: 'E.P. de Lurigancho' }).first('id')) as { id: number };
      await ok(harness, 'stocktakes.open', { establishmentId: est.id });
    });
    await app.reload();
    const nav = app.getByRole('navigation', { name: 'Navegación' });
    const visit = async (link: string, heading: string | RegExp, shot: string, allowed: string[] = []) => {
      await nav.getByRole('link', { name: link, exact: true }).click();
      await expect(app.getByRole('heading', { name: heading }).first()).toBeVisible();
      expect(await writeButtons(app), link).toEqual(allowed);
      await screen(app, shot);
    };

    await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-81-inicio');

    await visit('Instrumentos', 'Instrumentos', 'consulta-82-instrumentos');
    // The register reads without a selection column, and the record has no edit or move.
    await expect(app.getByRole('checkbox', { name: /Seleccionar/ })).toHaveCount(0);
    await app.getByRole('row').nth(1).click();
    await expect(app.getByRole('dialog')).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-83-ficha-instrumento');
    await app.keyboard.press('Escape');

    await visit('Tipos de instrumento', /Tipos de instrumento/, 'consulta-84-tipos');
    await visit('Inventario físico', /Inventario físico/, 'consulta-85-inventarios');
    await app.getByRole('button', { name: 'Ver' }).first().click();
    await expect(app.getByTestId('scan-input')).toHaveCount(0);
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-86-inventario-abierto');
    await visit('Consumibles', /Consumibles/, 'consulta-87-consumibles');

    await visit('Talleres', 'Talleres', 'consulta-88-talleres');
    await app.getByRole('row').nth(1).click();
    await expect(app.getByRole('tab', { name: 'Sesiones' })).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await app.getByRole('tab', { name: 'Sesiones' }).click();
    expect(await writeButtons(app)).toEqual([]);
    const view = app.getByRole('button', { name: 'Ver asistencia' }).first();
    if (await view.isVisible()) {
      await view.click();
      await expect(app.getByTestId('attendance-grid')).toBeVisible();
      const before = await app.getByRole('row').nth(1).getAttribute('data-present');
      await app.getByTestId('attendance-grid').press('Space');
      await expect(app.getByRole('row').nth(1)).toHaveAttribute('data-present', before ?? 'unmarked');
      expect(await writeButtons(app)).toEqual([]);
      await screen(app, 'consulta-89-asistencia');
    }
    await app.getByRole('tab', { name: 'Certificados' }).click();
    expect(await writeButtons(app)).toEqual([]);

    await visit('Elencos', 'Elencos', 'consulta-90-elencos');
    await app.getByRole('row').nth(1).click();
    await expect(app.getByRole('dialog')).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-91-integrantes');
    await app.keyboard.press('Escape');

    await visit('Eventos y temporada', 'Eventos y temporada', 'consulta-92-eventos');
    await app.getByRole('row').nth(1).click();
    await expect(app.getByRole('dialog')).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await app.keyboard.press('Escape');

    await visit('Aliados y convenios', 'Aliados y convenios', 'consulta-93-aliados');
    await app.getByRole('row').nth(1).click();
    await expect(app.getByRole('dialog')).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-94-ficha-aliado');
    await app.keyboard.press('Escape');
    await app.getByRole('tab', { name: 'Convenios' }).click();
    expect(await writeButtons(app)).toEqual([]);

    await visit('Reportes del programa', 'Reportes del programa', 'consulta-95-reportes');
    await expect(app.getByTestId('unesco-preview')).toContainText('participantes beneficiarios');

    // The reference list of prisons is everyone's to export (no personal data): the one export the role keeps.
    await visit('Establecimientos', 'Establecimientos penitenciarios', 'consulta-96-establecimientos', ['Exportar']);
  });
});
