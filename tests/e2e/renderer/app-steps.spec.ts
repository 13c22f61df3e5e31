import { createAdministrator, FIRST_ADMIN, findInstrument, loadDemonstration, openPage, registerViolin, signIn } from '../app-steps';
import { expect, test } from '../fixtures';

/**
 * Tier 3's first journey (tests/e2e/electron/electron.spec.ts), step for step, in the renderer
 * here: tier 3 cannot run on the build machines, so its steps run here on every change and a
 * changed screen fails here first. The app's restart is, here, signing out and reloading.
 */
test.describe('El primer uso, como lo recorre el nivel 3', () => {
  test.use({ signedInAs: 'firstRun' });

  test('first run, the demonstration, a violin registered; after signing in again it is found', async ({ app }) => {
    test.setTimeout(120_000); // the demonstration's load is the heaviest write of the app
    await createAdministrator(app);
    await loadDemonstration(app);
    await registerViolin(app, 'INPE-VIO-0901');

    await app.getByRole('button', { name: 'Menú del usuario' }).click();
    await app.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
    await expect(app.getByRole('heading', { name: 'Ingresar' })).toBeVisible(); // signed out in main before the reload
    await app.reload();
    await signIn(app, FIRST_ADMIN);
    await findInstrument(app, 'INPE-VIO-0901');
    await expect(app.getByRole('row', { name: /INPE-VIO-0901/ })).toContainText('Violín');
    // The pages tier 3 opens next (the catalog, the backups, the office server) are where it looks for them.
    for (const page of ['Exposiciones', 'Copias de seguridad', 'Base de datos']) await openPage(app, page);
  });
});
