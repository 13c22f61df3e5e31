import type { Page } from '@playwright/test';
import { demoTest } from '../demo';
import { expect, screen, test } from '../fixtures';
import { loadDemo } from '../demo-snapshot';

/**
 * The notifications centre (issue 16, item 3): the header's bell counts what needs action on
 * the demonstration data, opens the list by kind, an item opens its record, and muting a kind
 * lowers the count (and stays muted after a reload). The reading tests share the demonstration
 * data; the one that mutes has its own.
 */

const bell = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Avisos/ });

/** The number the bell announces ("Avisos: 12 pendientes"). */
async function bellCount(page: Page): Promise<number> {
  await expect(bell(page)).toHaveAccessibleName(/Avisos: \d+ pendientes?/);
  const name = (await bell(page).getAttribute('aria-label')) ?? '';
  return Number(/(\d+)/.exec(name)?.[1]);
}

demoTest.describe('Avisos', () => {
  demoTest('the bell counts the reminders, the list opens by kind and an item opens its record', async ({ app }) => {
    await app.getByRole('heading', { name: 'Inicio' }).first().waitFor();
    const count = await bellCount(app);
    expect(count).toBeGreaterThan(0);
    await expect(app.getByTestId('notification-count')).toContainText(String(count));

    await bell(app).click();
    const centre = app.getByTestId('notification-centre');
    await expect(centre.getByRole('heading', { name: 'Avisos' })).toBeVisible();
    const expiring = centre.getByTestId('notifications-contractExpiring');
    await expect(expiring.getByText('Contratos por vencer')).toBeVisible();
    await expect(centre.getByTestId('notifications-custodyOverdue').getByText('Entregas y préstamos vencidos')).toBeVisible();
    await expect(centre.getByTestId('notifications-backupOverdue')).toContainText('Aún no hay ninguna copia de seguridad en esta PC.');
    await screen(app, '110-avisos');

    const first = expiring.getByRole('link').first();
    const number = (await first.locator('p').first().innerText()).trim();
    await expect(first).toContainText(/vence (hoy|en \d+ días?)/);
    await first.click();
    await expect(centre).toBeHidden();
    await expect(app).toHaveURL(/#\/contratos\?ficha=\d+/);
    await expect(app.getByRole('dialog').getByText(number).first()).toBeVisible();
    await screen(app, '111-avisos-ficha-contrato');
  });

  demoTest('an overdue hand-over opens the instrument', async ({ app }) => {
    await app.getByRole('heading', { name: 'Inicio' }).first().waitFor();
    await bell(app).click();
    const overdue = app.getByTestId('notifications-custodyOverdue').getByRole('link').first();
    await expect(overdue).toContainText(/\d+ días? de atraso/);
    const code = (await overdue.locator('p').first().innerText()).split(' — ')[0]!.trim();
    await overdue.click();
    await expect(app).toHaveURL(/#\/instrumentos\?ficha=\d+/);
    await expect(app.getByRole('dialog').getByText(code).first()).toBeVisible();
  });

  demoTest.describe('as the inventory clerk', () => {
    demoTest.use({ signedInAs: 'inventario' });
    demoTest('only the inventory’s kinds are offered', async ({ app }) => {
      await app.getByRole('heading', { name: 'Inicio' }).first().waitFor();
      await bell(app).click();
      await app.getByRole('button', { name: 'Qué avisarme' }).click();
      const centre = app.getByTestId('notification-centre');
      await expect(centre.getByRole('switch')).toHaveCount(2);
      await expect(centre.getByRole('switch', { name: 'Avisarme de Entregas y préstamos vencidos' })).toBeChecked();
      await expect(centre.getByRole('switch', { name: 'Avisarme de Consumibles bajo el mínimo' })).toBeChecked();
    });
  });
});

test.describe('Avisos: silenciar', () => {
  test('muting a kind lowers the count, and it stays muted', async ({ app, harness }) => {
    await loadDemo(harness);
    await app.reload();
    await app.getByRole('heading', { name: 'Inicio' }).first().waitFor();
    const before = await bellCount(app);
    await bell(app).click();
    const centre = app.getByTestId('notification-centre');
    const overdue = centre.getByTestId('notifications-custodyOverdue');
    const overdueCount = Number(await overdue.locator('.mantine-Badge-label').innerText());
    expect(overdueCount).toBeGreaterThan(0);

    await centre.getByRole('button', { name: 'Qué avisarme' }).click();
    await expect(centre.getByText('Los tipos silenciados no cuentan en la campana')).toBeVisible();
    const toggle = centre.getByRole('switch', { name: 'Avisarme de Entregas y préstamos vencidos' });
    await toggle.click({ force: true }); // the switch follows main's answer
    await expect(toggle).not.toBeChecked();
    await expect.poll(() => bellCount(app)).toBe(before - overdueCount);
    await screen(app, '112-avisos-silenciar');

    await centre.getByRole('button', { name: 'Volver a los avisos' }).click();
    await expect(centre.getByTestId('notifications-custodyOverdue')).toHaveCount(0);

    await app.reload();
    await app.getByRole('heading', { name: 'Inicio' }).first().waitFor();
    expect(await bellCount(app)).toBe(before - overdueCount);
  });
});
