import type { Page } from '@playwright/test';
import type { Harness } from '../../../electron/harness/server';
import { authorise, carriedOverWorkshop, contractInput, daysFromNow, firstDay, lastDay, period, today } from '../../helpers/contracts';
import { expect, notified, screen, test } from '../fixtures';
import { createEstablishment, createParticipant, createWorkshop, ok, okOf, pick } from '../steps';

/**
 * Contracts cover workshops by id in the real renderer (issue 15, item 4): a workshop's name
 * typed in a contract before links existed is linked on "Talleres sin vincular", a session of
 * that workshop is recorded as led by the contract's teacher, and the month's conformity shows
 * the session and its hours; a month without sessions is signed off after a warning.
 */

const MONTHS = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Setiembre', 'Octubre', 'Noviembre', 'Diciembre'];
const monthName = (p: string) => `${MONTHS[Number(p.slice(5, 7)) - 1]} ${p.slice(0, 4)}`;
const dmy = (iso: string) => iso.split('-').reverse().join('/');

const rosa = { dni: '46849786', ruc: '10468497862', firstNames: 'Rosa Elena', lastNames: 'Quispe Mamani', sex: 'F' };

/**
 * Lurigancho, its "Banda sinfónica" given by Rosa Quispe with one participant, this year's
 * budget, and her service order OS N° 0123-2026 in force there (two months back to three ahead).
 */
async function seed(harness: Harness, workshopIds: 'none' | 'band' = 'none') {
  const lurigancho = await createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });
  const teacher = await ok<{ id: number }>(harness, 'teachers.create', { ...rosa, disciplines: ['musica'], specialties: ['Trompeta'] });
  await authorise(okOf(harness), teacher.id, lurigancho.id, firstDay(-6), daysFromNow(120));
  for (const year of new Set([today().slice(0, 4), period(3).slice(0, 4), period(-2).slice(0, 4)]))
    await ok(harness, 'budget.save', {
      year: Number(year),
      exchangeRate: 3.4,
      lines: { instrumentos: 20_000_000, docentes: 50_000_000, capacitacion: 3_500_000, materiales: 2_500_000, eventos: 1_500_000 },
      version: null,
    });
  const band = await createWorkshop(harness, lurigancho.id, { startDate: firstDay(-6), teacherIds: [teacher.id] });
  const participant = await createParticipant(harness, {
    code: 'PPL-0101',
    firstNames: 'Pedro',
    lastNames: 'Soto Vargas',
    establishmentId: lurigancho.id,
  });
  await ok(harness, 'enrolments.create', { workshopId: band.id, participantIds: [participant.id], date: firstDay(-6) });
  const { contract } = await ok<{ contract: { id: number; version: number; startDate: string } }>(
    harness,
    'contracts.create',
    contractInput(teacher.id, lurigancho.id, {
      startDate: firstDay(-2),
      endDate: lastDay(3),
      establishments: [{ establishmentId: lurigancho.id, workshopIds: workshopIds === 'band' ? [band.id] : [] }],
    }),
  );
  await ok(harness, 'contracts.activate', {
    id: contract.id,
    version: contract.version,
    signedOn: contract.startDate,
    confirmOverBudget: true,
  });
  return { lurigancho, band, contractId: contract.id };
}

const nav = (app: Page, name: string) => app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name, exact: true });

/** The contract's record, from the list of contracts. */
async function openContract(app: Page) {
  await nav(app, 'Contratos y órdenes').click();
  await app.getByRole('row', { name: /OS N° 0123-2026/ }).click();
  return app.getByRole('dialog', { name: 'Contrato: OS N° 0123-2026' });
}

/** The month's sign-off, opened from the contract's schedule. */
async function signOffFrom(app: Page, month: string) {
  const drawer = await openContract(app);
  await drawer
    .getByTestId('schedule')
    .getByRole('row', { name: new RegExp(monthName(month)) })
    .getByRole('button', { name: 'Registrar conformidad' })
    .click();
  return app.getByRole('dialog', { name: 'Registrar conformidad de servicio' });
}

test.describe('Talleres de los contratos', () => {
  test('link a workshop to a contract and see the sessions in the conformity', async ({ app, harness }) => {
    const { lurigancho, contractId } = await seed(harness);
    // As the previous version stored it: the workshop's name typed in the contract, left "sin vincular" by the update.
    await carriedOverWorkshop(harness.db, contractId, lurigancho.id, 'Banda sinfonica (vientos)');
    await app.reload();

    // ── The clerk links the typed name to the establishment's workshop. ──
    await nav(app, 'Talleres sin vincular').click();
    await expect(app.getByRole('heading', { name: 'Talleres de contratos sin vincular' })).toBeVisible();
    const row = app.getByRole('row', { name: /Banda sinfonica \(vientos\)/ });
    await expect(row).toContainText('OS N° 0123-2026');
    await expect(row).toContainText('Quispe Mamani, Rosa Elena');
    await expect(row).toContainText('E.P. de Lurigancho');
    await screen(app, '95-talleres-sin-vincular');
    await row.getByRole('button', { name: /Vincular/ }).click();
    const link = app.getByRole('dialog', { name: 'Vincular «Banda sinfonica (vientos)»' });
    await pick(app, link, 'Talleres', 'Banda sinfónica');
    await link.getByRole('button', { name: 'Vincular' }).click();
    await notified(app, 'Se vinculó el taller al contrato OS N° 0123-2026.');
    await expect(app.getByRole('row', { name: /Banda sinfonica \(vientos\)/ })).toBeHidden();
    await app.getByRole('tab', { name: 'Vinculados' }).click();
    await expect(app.getByRole('row', { name: /Banda sinfonica \(vientos\)/ })).toContainText('Banda sinfónica');

    // The contract covers the workshop by id; the typed text stays readable beside it.
    let drawer = await openContract(app);
    await expect(drawer.getByRole('row', { name: /E.P. de Lurigancho/ })).toContainText('Banda sinfónica');
    await expect(drawer.getByText('Escrito antes de los vínculos: «Banda sinfonica (vientos)»')).toBeVisible();
    await screen(app, '96-contrato-talleres');
    await drawer.getByRole('button', { name: 'Cerrar' }).click();

    // ── A session of the band, led by her (its only teacher), with attendance taken. ──
    await nav(app, 'Talleres').click();
    await app.getByRole('row', { name: /Banda sinfónica/ }).click();
    await app.getByRole('tab', { name: 'Sesiones' }).click();
    await app.getByRole('button', { name: 'Nueva sesión' }).click();
    const session = app.getByRole('dialog', { name: 'Nueva sesión' });
    await expect(session.getByRole('combobox', { name: 'Dirigida por' })).toHaveValue('Rosa Elena Quispe Mamani');
    await session.getByLabel('Duración (minutos)').fill('90');
    await session.getByLabel('Tema').fill('Escalas y afinación');
    await session.getByRole('button', { name: 'Guardar' }).click();
    await expect(session).toBeHidden();
    const grid = app.getByTestId('attendance-grid');
    await grid.focus();
    await app.keyboard.press('p');
    await app.keyboard.press('Control+Enter');
    await expect(app.getByText('Asistencia guardada: 1 presente, 0 ausentes.')).toBeVisible();

    // ── The month's conformity: the session held and its hour and a half, before saving. ──
    const month = period(0);
    const form = await signOffFrom(app, month);
    await expect(form.getByTestId('delivered')).toContainText('Sesiones del mes: 1 · con asistencia: 1 · horas según la asistencia: 1.5');
    await form.getByLabel('Fecha de conformidad').fill(dmy(today()));
    await form.getByLabel('Otorgada por').fill('Lic. Ana Torres, Coordinadora de Arte y Cultura');
    await form.getByLabel('Recibo por honorarios N.°').fill('E001-101');
    await form.getByLabel('Fecha del recibo').fill(dmy(today()));
    await form.getByLabel('Entregable').click(); // closes the calendar
    await screen(app, '97-conformidad-sesiones');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect(form).toBeHidden();
    await notified(app, `Se registró la conformidad de ${monthName(month)} del contrato OS N° 0123-2026.`);
    drawer = app.getByRole('dialog', { name: 'Contrato: OS N° 0123-2026' });
    await drawer.getByRole('button', { name: 'Cerrar' }).click();

    // The sign-off desk lists it with the month's sessions and hours.
    await nav(app, 'Conformidades y pagos').click();
    const signed = app.getByRole('row', { name: new RegExp(`${monthName(month)}.*OS N° 0123-2026`) });
    await expect(signed).toContainText('1 sesión · 1.5 h');
    await screen(app, '98-conformidades-sesiones');
  });

  test('a month without sessions is signed off after a warning, and the list marks it', async ({ app, harness }) => {
    await seed(harness, 'band');
    await app.reload();
    const month = period(-1);
    const form = await signOffFrom(app, month);
    await expect(form.getByTestId('delivered')).toHaveText(
      new RegExp(
        `No hay sesiones registradas de Quispe Mamani, Rosa Elena en ${monthName(month)} en los talleres del contrato. Puede guardar la conformidad`,
      ),
    );
    await form.getByLabel('Fecha de conformidad').fill(dmy(today()));
    await form.getByLabel('Otorgada por').fill('Lic. Ana Torres, Coordinadora de Arte y Cultura');
    await form.getByLabel('Recibo por honorarios N.°').fill('E001-102');
    await form.getByLabel('Fecha del recibo').fill(dmy(lastDay(-1)));
    await form.getByLabel('Entregable').click(); // closes the calendar
    await screen(app, '99-conformidad-sin-sesiones');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect(form).toBeHidden();
    await notified(
      app,
      `Se registró la conformidad de ${monthName(month)} del contrato OS N° 0123-2026, sin sesiones registradas en el mes.`,
    );
    await app.getByRole('dialog', { name: 'Contrato: OS N° 0123-2026' }).getByRole('button', { name: 'Cerrar' }).click();
    await nav(app, 'Conformidades y pagos').click();
    await expect(app.getByRole('row', { name: new RegExp(`${monthName(month)}.*OS N° 0123-2026`) })).toContainText('Sin sesiones');
  });
});
