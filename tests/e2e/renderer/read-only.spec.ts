import type { Page } from '@playwright/test';
import { demoTest } from '../demo';
import { expect, screen, test } from '../fixtures';

/**
 * The read-only role ("consulta") on every page it may open: it reads everything its role
 * allows and is offered nothing it cannot do — no new, edit, move, import, export, save
 * or issue button anywhere (main refuses those calls anyway; the renderer hides them with
 * the same table, shared/auth/permissions.ts).
 */

/** Words that start every write or export action in the interface. */
const writeAction =
  /^(Nuev[oa]|Registrar|Importar|Exportar|Editar|Mover|Inscribir|Agregar|Emitir|Guardar|Abrir inventario|Cerrar inventario|Desactivar|Reactivar|Eliminar|Acta|Etiquetas|Cambiar etapa|Etapa o parte|Cambio de custodia|Todos presentes|Todos ausentes|Cargar datos|Hacer principal|Quitar|Adjuntar|Guardar copia|Excel|PDF|Formato del código|Registrar conformidad|Activar|Renovar|Resolver)/;

/** The names of the visible write or export buttons and menu items, read in one pass over the page once it has settled. */
async function writeButtons(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const buttons = await page
    .getByRole('button')
    .evaluateAll((els) =>
      els.filter((e) => e.checkVisibility()).map((e) => (e.getAttribute('aria-label') ?? (e as HTMLElement).innerText).trim()),
    );
  const items = await page
    .getByRole('menuitem')
    .evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => (e as HTMLElement).innerText));
  return [...buttons.filter((name) => writeAction.test(name)), ...items];
}

test.describe('Consulta (solo lectura)', () => {
  test.use({ signedInAs: 'consulta' });

  test('the dashboard of an empty database offers no demonstration data', async ({ app }) => {
    await expect(
      app.getByText('El administrador del sistema registra los establecimientos o carga los datos de demostración.'),
    ).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-80-inicio-vacio');
  });
});

/**
 * One test per page (a walk through every page in one test outlasted its time on a loaded
 * machine): the demonstration data with an open inventory, loaded once, read as "consulta".
 */
demoTest.describe('Consulta (solo lectura): cada página', () => {
  demoTest.use({ signedInAs: 'consulta' });

  /** Opens a page from the navigation, as the user does, and checks what it offers. */
  async function visit(app: Page, link: string, heading: string | RegExp, shot: string, allowed: string[] = []) {
    await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: link, exact: true }).click();
    await expect(app.getByRole('heading', { name: heading }).first()).toBeVisible();
    expect(await writeButtons(app), link).toEqual(allowed);
    await screen(app, shot);
  }

  demoTest('Inicio', async ({ app }) => {
    await expect(app.getByRole('heading', { name: 'Inicio' })).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-81-inicio');
  });

  demoTest('Instrumentos: the register and a record', async ({ app }) => {
    await visit(app, 'Instrumentos', 'Instrumentos', 'consulta-82-instrumentos');
    // The register reads without a selection column, and the record has no edit or move.
    await expect(app.getByRole('checkbox', { name: /Seleccionar/ })).toHaveCount(0);
    await app.getByRole('row').nth(1).click();
    await expect(app.getByRole('dialog')).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-83-ficha-instrumento');
  });

  demoTest('Tipos de instrumento', async ({ app }) => {
    await visit(app, 'Tipos de instrumento', /Tipos de instrumento/, 'consulta-84-tipos');
  });

  demoTest('Inventario físico: an open inventory is read without the scanner', async ({ app }) => {
    await visit(app, 'Inventario físico', /Inventario físico/, 'consulta-85-inventarios');
    await app.getByRole('button', { name: 'Ver' }).first().click();
    await expect(app.getByTestId('scan-input')).toHaveCount(0);
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-86-inventario-abierto');
  });

  demoTest('Consumibles', async ({ app }) => {
    await visit(app, 'Consumibles', /Consumibles/, 'consulta-87-consumibles');
  });

  demoTest('Talleres: a workshop, its sessions, attendance and certificates', async ({ app }) => {
    await visit(app, 'Talleres', 'Talleres', 'consulta-88-talleres');
    await app.getByRole('row').nth(1).click();
    await expect(app.getByRole('tab', { name: 'Sesiones' })).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await app.getByRole('tab', { name: 'Sesiones' }).click();
    expect(await writeButtons(app)).toEqual([]);
    // The demonstration's first workshop has sessions: wait for them (an instant look could miss them and skip the check).
    const view = app.getByRole('button', { name: 'Ver asistencia' }).first();
    await view.click();
    await expect(app.getByTestId('attendance-grid')).toBeVisible();
    const before = await app.getByRole('row').nth(1).getAttribute('data-present');
    await app.getByTestId('attendance-grid').press('Space');
    await expect(app.getByRole('row').nth(1)).toHaveAttribute('data-present', before ?? 'unmarked');
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-89-asistencia');
    await app.getByRole('tab', { name: 'Certificados' }).click();
    expect(await writeButtons(app)).toEqual([]);
  });

  demoTest("Elencos: an ensemble's members", async ({ app }) => {
    await visit(app, 'Elencos', 'Elencos', 'consulta-90-elencos');
    await app.getByRole('row').nth(1).click();
    await expect(app.getByRole('dialog')).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-91-integrantes');
  });

  demoTest('Eventos y temporada: an event', async ({ app }) => {
    await visit(app, 'Eventos y temporada', 'Eventos y temporada', 'consulta-92-eventos');
    await app.getByRole('row').nth(1).click();
    await expect(app.getByRole('dialog')).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
  });

  demoTest('Aliados y convenios: a partner and the agreements', async ({ app }) => {
    await visit(app, 'Aliados y convenios', 'Aliados y convenios', 'consulta-93-aliados');
    await app.getByRole('row').nth(1).click();
    await expect(app.getByRole('dialog')).toBeVisible();
    expect(await writeButtons(app)).toEqual([]);
    await screen(app, 'consulta-94-ficha-aliado');
    await app.keyboard.press('Escape');
    await expect(app.getByRole('dialog')).toHaveCount(0);
    await app.getByRole('tab', { name: 'Convenios' }).click();
    expect(await writeButtons(app)).toEqual([]);
  });

  demoTest('Reportes del programa', async ({ app }) => {
    await visit(app, 'Reportes del programa', 'Reportes del programa', 'consulta-95-reportes');
    await expect(app.getByTestId('unesco-preview')).toContainText('participantes beneficiarios');
  });

  demoTest('Establecimientos: the one export the role keeps', async ({ app }) => {
    // The reference list of prisons is everyone's to export (no personal data).
    await visit(app, 'Establecimientos', 'Establecimientos penitenciarios', 'consulta-96-establecimientos', ['Exportar']);
  });
});
