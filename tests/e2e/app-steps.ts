import { expect, type Page } from '@playwright/test';

/**
 * What a user does with the app, as steps over its window: the same steps drive the renderer
 * in Chromium (tier 2, on every machine) and the real Electron app (tier 3, where Electron
 * runs). Tier 3 cannot run on the build machines; written with these steps, it cannot drift
 * from the screens unseen: tier 2 runs them in the same order (renderer/app-steps.spec.ts),
 * and tests/unit/static/tier3-texts.test.ts checks every text tier 3 names against the
 * Spanish catalog. Nothing here may import the harness or Electron.
 */

export interface Account {
  fullName: string;
  username: string;
  password: string;
}

/** The administrator of the first run, as the Electron tier creates it. */
export const FIRST_ADMIN: Account = { fullName: 'María Flores Quispe', username: 'mflores', password: 'Arte-2026-inpe' };

const navigation = (page: Page) => page.getByRole('navigation', { name: 'Navegación' });

/** Opens a page from the navigation and waits until it is the page shown. */
export async function openPage(page: Page, link: string, heading = link): Promise<void> {
  await navigation(page).getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
}

/** The first run on a PC: the administrator's account is created, and the app opens signed in as them. */
export async function createAdministrator(page: Page, account: Account = FIRST_ADMIN): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Bienvenido a ArteINPE' })).toBeVisible();
  await page.getByLabel('Nombre completo').fill(account.fullName);
  await page.getByRole('textbox', { name: 'Usuario' }).fill(account.username);
  await page.getByLabel(/^Contraseña/).fill(account.password);
  await page.getByLabel('Repita la contraseña').fill(account.password);
  await page.getByRole('button', { name: 'Crear administrador e ingresar' }).click();
  await expect(page.getByRole('button', { name: 'Menú del usuario' })).toContainText(account.fullName);
}

/** Signs in from the sign-in screen; the home page opens. */
export async function signIn(page: Page, account: Account = FIRST_ADMIN): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Ingresar' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Usuario' }).fill(account.username);
  await page.getByLabel('Contraseña').fill(account.password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await expect(page.getByRole('heading', { name: 'Inicio' })).toBeVisible();
}

/** The demonstration data, from the empty home page (the heaviest write of the app: a loaded PC takes long). */
export async function loadDemonstration(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'La base de datos está vacía' })).toBeVisible();
  await page.getByRole('button', { name: 'Cargar datos de demostración' }).click();
  await expect(
    page.getByText(/^Se cargaron los datos de demostración: 20 establecimientos, 140 instrumentos y [1-9]\d* equipos de arte\.$/),
  ).toBeVisible({ timeout: 60_000 });
}

/** Registers a new violin under `code` (bought by INPE for S/ 850, new) from Instrumentos; the list's search finds it. */
export async function registerViolin(page: Page, code: string): Promise<void> {
  await openPage(page, 'Instrumentos');
  await page.getByRole('button', { name: 'Nuevo instrumento' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Registrar instrumento' });
  await dialog.getByLabel('Código patrimonial').fill(code);
  await dialog.getByRole('combobox', { name: 'Tipo' }).fill('violin');
  await page.getByRole('option', { name: 'Violín', exact: true }).click();
  await dialog.getByLabel('Costo (S/)').fill('850');
  for (const [label, option] of [
    ['Fuente de financiamiento', 'Presupuesto INPE'],
    ['Estado de conservación', 'Nuevo'],
  ] as const) {
    await dialog.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(dialog).toBeHidden();
  await searchInstruments(page, code);
}

/** Finds an instrument by its code in Instrumentos (the list's search). */
export async function findInstrument(page: Page, code: string): Promise<void> {
  await openPage(page, 'Instrumentos');
  await searchInstruments(page, code);
}

async function searchInstruments(page: Page, code: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Buscar' }).fill(code);
  await expect(page.getByRole('row', { name: new RegExp(code) })).toBeVisible();
}
