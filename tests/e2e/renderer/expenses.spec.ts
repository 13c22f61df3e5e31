import { today } from '../../helpers/contracts';
import { rucs } from '../../helpers/expenses';
import { formatDate } from '../../../shared/format';
import { expect, notified, screen, test } from '../fixtures';
import { choose, createEstablishment, ok, pick } from '../steps';

/**
 * Every expense of the budget (issue 16, item 5): a clerk records the sound hired for a
 * festival, finds it in «Gastos» and in the budget's month on the Eventos line; then records a
 * budget modification — a decrease that would leave the line below zero is refused beside the
 * amount, a transfer between lines is taken and changes what each line is assigned.
 */
test.describe('Gastos y modificaciones del presupuesto', () => {
  test('an expense reaches its line and month; a modification changes what is assigned', async ({ app, harness }) => {
    const day = today();
    const year = Number(day.slice(0, 4));
    const month = Number(day.slice(5, 7));
    const establishment = await createEstablishment(harness, { name: 'E.P. Miguel Castro Castro' });
    await ok(harness, 'budget.save', {
      year,
      exchangeRate: 3.4,
      lines: { instrumentos: 20_000_000, docentes: 500_000, capacitacion: 3_500_000, materiales: 2_500_000, eventos: 1_500_000 },
      version: null,
    });
    await ok(harness, 'events.create', {
      type: 'festival',
      title: 'Festival de arte penitenciario',
      date: day,
      venueKind: 'establecimiento',
      establishmentId: establishment.id,
      audiences: { internos: 300, familiares: 80, personal: 20, externo: 40, autoridades: 6 },
    });
    await app.reload();

    await app.getByRole('link', { name: 'Gastos', exact: true }).click();
    await expect(app.getByRole('heading', { name: 'Gastos del presupuesto' })).toBeVisible();
    await expect(app.getByText(`No hay gastos registrados en ${year}.`)).toBeVisible();

    await app.getByRole('button', { name: 'Registrar gasto' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nuevo gasto' });
    await dialog.getByLabel('Fecha del comprobante').fill(formatDate(day));
    await pick(app, dialog, 'Línea presupuestal', 'Eventos');
    await dialog.getByRole('textbox', { name: 'Proveedor', exact: true }).fill('Sonido y Luces Perú E.I.R.L.');
    const ruc = dialog.getByRole('textbox', { name: 'RUC del proveedor' });
    // A RUC whose check digit is wrong is refused beside the field, and stays as typed.
    await ruc.fill('20100552452');
    await dialog.getByRole('textbox', { name: 'Número' }).fill('F002-000731');
    await dialog.getByRole('textbox', { name: 'Monto (S/)' }).fill('1,450.00');
    await choose(app, dialog, 'Para (opcional)', 'Festival', `Festival de arte penitenciario (${formatDate(day)})`);
    await dialog.getByRole('textbox', { name: 'Descripción' }).fill('Alquiler de equipo de sonido para el festival');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog.getByText('El RUC no es válido: su dígito verificador no corresponde.')).toBeVisible();
    await expect(ruc).toHaveValue('20100552452');
    await screen(app, '36-gastos-ruc-rechazado');
    await ruc.fill(rucs.imprenta);
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog).toBeHidden();
    await notified(app, 'Se registró el gasto de S/');

    const row = app.getByRole('row', { name: /F002-000731/ });
    await expect(row).toContainText('Sonido y Luces Perú E.I.R.L.');
    await expect(row).toContainText('Evento: Festival de arte penitenciario');
    await expect(row).toContainText('1,450.00');
    await expect(app.getByTestId('expenses-total')).toContainText('Total de 1 gasto vigente: S/');
    await app.mouse.move(0, 0);
    await screen(app, '36b-gastos');

    // The budget: executed on Eventos, in this month.
    await app.getByRole('link', { name: 'Ver presupuesto' }).click();
    await expect(app.getByRole('heading', { name: 'Presupuesto del programa' })).toBeVisible();
    await expect(app.getByTestId(`month-${month}-eventos`)).toContainText('1,450.00');
    await expect(app.getByTestId('line-eventos')).toContainText('incluye S/');
    await expect(app.getByTestId('line-eventos')).toContainText('13,550.00');

    // A decrease that would leave Eventos below zero is refused beside the amount.
    await app.getByRole('button', { name: 'Registrar modificación' }).click();
    const mod = app.getByRole('dialog', { name: `Modificación del presupuesto ${year}` });
    await pick(app, mod, 'Tipo', 'Reducción');
    await mod.getByRole('textbox', { name: 'Monto (S/)' }).fill('15,000.01');
    await pick(app, mod, 'Línea', 'Eventos');
    await mod.getByRole('textbox', { name: 'Resolución', exact: true }).fill(`RP N.° 112-${year}-INPE/P`);
    await mod.getByLabel('Fecha de la resolución').fill(formatDate(day));
    await mod.getByRole('textbox', { name: 'Motivo' }).fill('Festival de arte penitenciario de fin de año');
    await mod.getByRole('button', { name: 'Guardar' }).click();
    await expect(mod.getByText(/La línea Eventos quedaría bajo cero: su monto asignado es S\/\s15,000\.00\./)).toBeVisible();
    await app.evaluate(() => window.scrollTo(0, 0));
    await screen(app, '36c-modificacion-rechazada');

    // A transfer from Capacitación to Eventos is taken.
    await pick(app, mod, 'Tipo', 'Transferencia entre líneas');
    await pick(app, mod, 'Línea de origen', 'Capacitación');
    await pick(app, mod, 'Línea de destino', 'Eventos');
    await mod.getByRole('textbox', { name: 'Monto (S/)' }).fill('3,000.00');
    await mod.getByRole('button', { name: 'Guardar' }).click();
    await expect(mod).toBeHidden();
    await notified(app, 'Se registró la modificación.');
    await expect(app.getByTestId('budget-modifications')).toContainText(`RP N.° 112-${year}-INPE/P`);
    await expect(app.getByTestId('budget-modifications')).toContainText('Capacitación → Eventos');
    await expect(app.getByTestId('line-eventos')).toContainText('18,000.00');
    await expect(app.getByTestId('modified-eventos')).toContainText('Inicial S/');
    await expect(app.getByTestId('line-capacitacion')).toContainText('32,000.00');
    await app.mouse.move(0, 0);
    await app.evaluate(() => window.scrollTo(0, 0));
    await screen(app, '36d-presupuesto-gastos-y-modificaciones');
  });
});
