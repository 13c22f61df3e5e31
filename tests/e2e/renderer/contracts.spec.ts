import type { Page } from '@playwright/test';
import type { Harness } from '../../../electron/harness/server';
import { contractSchedule, scheduledInYear } from '../../../shared/contracts/rules';
import { formatMoney } from '../../../shared/format';
import { authorise, contractInput, daysFromNow, firstDay, lastDay, period, teacher, today } from '../../helpers/contracts';
import { expect, screen, test, notified } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { okOf } from '../steps';

/** dd/mm/aaaa, as the officer types and reads dates. */
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const soles = (centimos: number) => formatMoney(centimos);
/** A budget cell: soles first, dollars under them. */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/$]/g, '\\$&').replace(/\s/g, '\\s')}`);
const MONTHS = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Setiembre', 'Octubre', 'Noviembre', 'Diciembre'];
const monthName = (p: string) => `${MONTHS[Number(p.slice(5, 7)) - 1]} ${p.slice(0, 4)}`;

async function call(h: Harness, channel: string, input: unknown): Promise<Record<string, unknown>> {
  const r = await h.services.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as Record<string, unknown>;
}

/** Two of the programme's prisons and this year's budget, with a docentes line of only S/ 5,000.00. */
async function setUp(h: Harness): Promise<void> {
  const office = ((await h.db('regional_offices').orderBy('id').first()) as { id: number }).id;
  for (const [code, name, population] of [
    ['EP-LIM-01', 'E.P. de Lurigancho', 'varones'],
    ['EP-LIM-03', 'E.P. de Mujeres de Chorrillos', 'mujeres'],
  ] as const) {
    await call(h, 'establishments.create', { code, name, city: 'Lima', regionalOfficeId: office, population, inProgramme: true });
  }
  // Lurigancho's orchestra: a contract there covers it by id.
  const lurigancho = ((await h.db('establishments').where({ code: 'EP-LIM-01' }).first()) as { id: number }).id;
  await call(h, 'workshops.create', {
    name: 'Orquesta sinfónica',
    programme: 'inpe_orquestando',
    discipline: 'Cuerdas',
    establishmentId: lurigancho,
    startDate: firstDay(-12),
    capacity: 30,
  });
  await call(h, 'budget.save', {
    year: Number(today().slice(0, 4)),
    exchangeRate: 3.4,
    lines: { instrumentos: 20_000_000, docentes: 500_000, capacitacion: 3_500_000, materiales: 2_500_000, eventos: 1_500_000 },
    version: null,
  });
}

/** Rosa Quispe, registered with her access authorisation to Lurigancho (what the first test does by hand). */
async function withTeacher(h: Harness): Promise<{ teacherId: number; lurigancho: number }> {
  const ok = okOf(h);
  const lurigancho = ((await h.db('establishments').where({ code: 'EP-LIM-01' }).first()) as { id: number }).id;
  const { id } = await teacher(ok, 'rosa', { specialties: ['Violín'] });
  await authorise(ok, id, lurigancho, firstDay(-6), daysFromNow(20));
  return { teacherId: id, lurigancho };
}

/** Her contract OS N° 0123-2026 on these terms, signed on its first day beyond the line (what the second test does by hand). */
async function withContract(h: Harness, terms: { startDate: string; endDate: string; amountCentimos: number }): Promise<void> {
  const ok = okOf(h);
  const { teacherId, lurigancho } = await withTeacher(h);
  const { contract } = await ok('contracts.create', contractInput(teacherId, lurigancho, terms));
  await ok('contracts.activate', { id: contract.id, version: contract.version, signedOn: contract.startDate, confirmOverBudget: true });
}

async function choose(app: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await app.getByRole('option', { name: option, exact: true }).click();
}

async function budgetRow(app: Page, line: string) {
  await app.getByRole('link', { name: 'Presupuesto', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Presupuesto del programa' })).toBeVisible();
  return app.getByTestId(`line-${line}`);
}

test.describe('Docentes, contratos, conformidades y presupuesto', () => {
  // One stage of the officer's work per test, each starting from the state the stage before
  // leaves (made through the same channels), so that no test walks the whole year at once.
  const year = Number(today().slice(0, 4));
  const fee = 250_000;
  const terms = { startDate: firstDay(-3), endDate: lastDay(2), resolvedOn: null, amountType: 'mensual' as const, amountCentimos: fee };
  const thisYear = scheduledInYear(contractSchedule(terms), year);

  test('register a teacher: a wrong RUC is refused next to its field; her access authorisation', async ({ app, harness }) => {
    await setUp(harness);
    await app.reload();
    // ── A teacher: a wrong RUC is refused next to its field, then corrected. ──
    await app.getByRole('link', { name: 'Docentes e instructores' }).click();
    await expect(app.getByText('Aún no hay docentes')).toBeVisible();
    await app.getByRole('button', { name: 'Nuevo docente' }).first().click();
    const form = app.getByRole('dialog', { name: 'Registrar docente o instructor' });
    await expect(form.getByLabel('DNI')).toBeFocused();
    await app.keyboard.type('46849786');
    await form.getByLabel('RUC').fill('10468497861');
    await choose(app, form, 'Sexo', 'Femenino');
    await form.getByLabel('Apellidos').fill('Quispe Mamani');
    await form.getByLabel('Nombres').fill('Rosa Elena');
    await form.getByLabel('Teléfono').fill('987 654 321');
    await form.getByLabel('Correo electrónico').fill('rosa.quispe@correo.pe');
    await form.getByRole('combobox', { name: 'Disciplinas' }).click();
    await app.getByRole('option', { name: 'Música', exact: true }).click();
    await app.keyboard.press('Escape');
    await form.getByRole('combobox', { name: 'Especialidades' }).fill('Violín');
    await app.keyboard.press('Enter');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect(form.getByText('El RUC no es válido: su dígito verificador no corresponde.')).toBeVisible();
    await form.getByLabel('RUC').fill('10468497862');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect(form).toBeHidden();
    await notified(app, 'Se registró a Quispe Mamani, Rosa Elena.');
    const teacherRow = app.getByRole('row', { name: /Quispe Mamani, Rosa Elena/ });
    await expect(teacherRow).toContainText('Sin autorización vigente');

    // Her access authorisation to Lurigancho, valid for the year.
    await teacherRow.click();
    const drawer = app.getByRole('dialog', { name: 'Ficha del docente: Quispe Mamani, Rosa Elena' });
    await drawer.getByRole('button', { name: 'Nueva autorización' }).click();
    const auth = app.getByRole('dialog', { name: 'Nueva autorización de ingreso' });
    await auth.getByRole('combobox', { name: 'Establecimiento' }).fill('lurigancho');
    await app.getByRole('option', { name: 'E.P. de Lurigancho' }).click();
    await auth.getByLabel('Válida desde').fill(dmy(firstDay(-6)));
    await auth.getByLabel('Válida hasta').fill(dmy(daysFromNow(20)));
    await auth.getByLabel('Documento que la otorga').fill('Oficio N° 245-2026-INPE/DTP');
    await auth.getByRole('button', { name: 'Guardar' }).click();
    await expect(auth).toBeHidden();
    await expect(drawer.getByTestId('authorisations')).toContainText('E.P. de Lurigancho');
    await expect(drawer.getByTestId('authorisations')).toContainText('Por vencer');
    await screen(app, '40-docentes-ficha');
    await drawer.getByRole('button', { name: 'Cerrar' }).click();
    await expect(teacherRow).toContainText('E.P. de Lurigancho');
    await screen(app, '40-docentes-lista');
  });

  test('a contract: a draft, then signed beyond the docentes line with confirmation; the budget commits it', async ({ app, harness }) => {
    await setUp(harness);
    await withTeacher(harness);
    await app.reload();
    // Before any contract: the docentes line has all of its S/ 5,000.00.
    const docentes = await budgetRow(app, 'docentes');
    await expect(docentes).toContainText('S/ 5,000.00');
    await expect(docentes.getByRole('cell').nth(2)).toHaveText(startsWith('S/ 0.00'));
    await expect(app.getByTestId('exchange-rate')).toHaveText('S/ 3.4000 por US$ 1');
    // S/ 280,000.00 at S/ 3.40 per dollar.
    await expect(app.getByTestId('line-total')).toContainText('US$ 82,352.94');

    // ── A contract: a draft, then signed beyond the line's budget with confirmation. ──
    await app.getByRole('link', { name: 'Contratos y órdenes' }).click();
    await app.getByRole('button', { name: 'Nuevo contrato' }).first().click();
    const cform = app.getByRole('dialog', { name: 'Registrar contrato (borrador)' });
    await cform.getByRole('combobox', { name: 'Docente' }).fill('quispe');
    await app.getByRole('option', { name: /Quispe Mamani, Rosa Elena — DNI 46849786/ }).click();
    await cform.getByLabel('Número').fill('OS N° 0123-2026');
    await cform.getByLabel('Inicio').fill(dmy(terms.startDate));
    await cform.getByLabel('Fin').fill(dmy(terms.endDate));
    await cform.getByLabel('Objeto').fill('Servicio de enseñanza de violín para el taller INPE Orquestando');
    await cform.getByLabel('Honorario mensual').fill('2500');
    await cform.getByLabel('Horas por semana').fill('12');
    await cform.getByRole('combobox', { name: 'Establecimiento' }).fill('lurigancho');
    await app.getByRole('option', { name: 'E.P. de Lurigancho' }).click();
    // The workshops are Lurigancho's, chosen by name (no longer typed).
    await cform.getByRole('combobox', { name: 'Talleres' }).click();
    await app.getByRole('option', { name: 'Orquesta sinfónica', exact: true }).click();
    await cform.getByLabel('Objeto').click(); // closes the list
    await expect(cform.getByTestId('total-preview')).toHaveText(`Total: ${soles(fee * 6)} en 6 cuotas mensuales`);
    await screen(app, '41-contratos-formulario');
    await cform.getByRole('button', { name: 'Guardar' }).click();
    await expect(cform).toBeHidden();
    await notified(app, 'Se registró el contrato OS N° 0123-2026 como borrador.');
    const cdrawer = app.getByRole('dialog', { name: 'Contrato: OS N° 0123-2026' });
    await expect(cdrawer.getByText('Borrador: aún no compromete presupuesto.', { exact: false })).toBeVisible();
    await expect(cdrawer.getByRole('row', { name: /E.P. de Lurigancho/ })).toContainText('Orquesta sinfónica');

    await cdrawer.getByRole('button', { name: 'Activar (firmado)' }).click();
    const activate = app.getByRole('dialog', { name: 'Activar contrato firmado: OS N° 0123-2026' });
    await activate.getByLabel('Firmado el').fill(dmy(terms.startDate));
    await activate.getByRole('button', { name: 'Activar (firmado)' }).click();
    // At least three months of this year (S/ 7,500.00) exceed the docentes line: main asks for confirmation.
    await expect(activate.getByTestId('over-budget')).toContainText(
      period(-3).startsWith(String(year))
        ? `El contrato necesita ${soles(thisYear)} en ${year} y la línea Docentes solo tiene S/ 5,000.00 disponible.`
        : `No hay presupuesto registrado para ${year - 1}`,
    );
    await activate.getByRole('button', { name: 'Activar (firmado)' }).click();
    await expect(activate.getByText('Este campo es obligatorio.')).toBeVisible();
    await activate.getByLabel('Confirmo que excede el disponible', { exact: false }).check();
    await activate.getByRole('button', { name: 'Activar (firmado)' }).click();
    await expect(activate).toBeHidden();
    await expect(app.getByText('El contrato OS N° 0123-2026 está vigente.')).toBeVisible();
    await expect(cdrawer.getByText('Excede el presupuesto')).toBeVisible();
    await expect(cdrawer.getByTestId('contract-warnings')).toContainText('excede el disponible de la línea Docentes');
    await cdrawer.getByRole('button', { name: 'Cerrar' }).click();
    await expect(cdrawer).toBeHidden();
    // This year's months are committed; nothing is executed yet.
    const committed = await budgetRow(app, 'docentes');
    await expect(committed.getByRole('cell').nth(2)).toHaveText(startsWith(soles(thisYear)));
    await expect(committed.getByRole('cell').nth(3)).toHaveText(startsWith('S/ 0.00'));
  });

  test('two months signed off from the schedule and one paid: the budget executes the paid one', async ({ app, harness }) => {
    await setUp(harness);
    await withContract(harness, { startDate: terms.startDate, endDate: terms.endDate, amountCentimos: terms.amountCentimos });
    await app.reload();
    await app.getByRole('link', { name: 'Contratos y órdenes' }).click();
    await app.getByRole('row', { name: /OS N° 0123-2026/ }).click();
    const cdrawer = app.getByRole('dialog', { name: 'Contrato: OS N° 0123-2026' });
    // ── Two months signed off from the schedule; retention shows before saving. ──
    const schedule = cdrawer.getByTestId('schedule');
    await expect(schedule.getByRole('row', { name: new RegExp(monthName(period(-3))) })).toContainText('Falta conformidad');
    for (const [i, months] of [
      [0, -3],
      [1, -2],
    ] as const) {
      await schedule
        .getByRole('row', { name: new RegExp(monthName(period(months))) })
        .getByRole('button', { name: 'Registrar conformidad' })
        .click();
      const f = app.getByRole('dialog', { name: 'Registrar conformidad de servicio' });
      await expect(f.getByLabel('Monto bruto (S/)')).toHaveValue('2,500.00');
      await f.getByLabel('Fecha de conformidad').fill(dmy(firstDay(months + 1)));
      if (i === 0) await f.getByLabel('Otorgada por').fill('Lic. Ana Torres, Coordinadora de Arte y Cultura');
      else await expect(f.getByLabel('Otorgada por')).toHaveValue('Lic. Ana Torres, Coordinadora de Arte y Cultura');
      await f.getByLabel('Recibo por honorarios N.°').fill(`E001-${101 + i}`);
      await f.getByLabel('Fecha del recibo').fill(dmy(lastDay(months)));
      await expect(f.getByTestId('retention-preview')).toHaveText(
        `Retención de 4.ª categoría: ${soles(20_000)} · Neto a pagar: ${soles(230_000)}`,
      );
      if (i === 0) {
        await f.getByLabel('Entregable').click(); // closes the calendar
        await screen(app, '42-conformidades-formulario');
      }
      await f.getByRole('button', { name: 'Guardar' }).click();
      await expect(f).toBeHidden();
    }
    await expect(schedule.getByRole('row', { name: new RegExp(monthName(period(-2))) })).toContainText('Pendiente de pago');
    await screen(app, '41-contratos-ficha');
    await cdrawer.getByRole('button', { name: 'Cerrar' }).click();
    await expect(app.getByRole('row', { name: /OS N° 0123-2026/ })).toContainText('Vigente');
    await screen(app, '41-contratos-lista');

    // ── Payment of the first month on the sign-off desk; one month is still missing. ──
    await app.getByRole('link', { name: 'Conformidades y pagos' }).click();
    await expect(app.getByTestId('missing')).toContainText(monthName(period(-1)));
    const first = app.getByRole('row', { name: new RegExp(`${monthName(period(-3))}.*OS N° 0123-2026`) });
    await first.getByRole('button', { name: 'Registrar pago' }).click();
    const pay = app.getByRole('dialog', { name: 'Registrar pago' });
    await pay.getByLabel('Comprobante de pago').fill('CP-2026-0456');
    await pay.getByRole('button', { name: 'Registrar pago' }).click();
    await expect(pay).toBeHidden();
    await expect(first).toContainText('Pagada');
    await expect(app.getByTestId('conformity-totals')).toHaveText(
      `Totales del filtro: bruto ${soles(500_000)} · retención ${soles(40_000)} · neto ${soles(460_000)}`,
    );
    await screen(app, '42-conformidades');

    // ── The budget moved: this year's months are committed, the paid one executed. ──
    const paidThisYear = period(-3).startsWith(String(year)) ? fee : 0;
    const docentes = await budgetRow(app, 'docentes');
    await expect(docentes.getByRole('cell').nth(2)).toHaveText(startsWith(soles(thisYear - paidThisYear)));
    await expect(docentes.getByRole('cell').nth(3)).toHaveText(startsWith(soles(paidThisYear)));
    await expect(docentes.getByRole('cell').nth(4)).toHaveText(startsWith(soles(500_000 - thisYear)));
    await screen(app, '43-presupuesto');
  });

  test('renewal: a linked draft and the chain; resolving the first frees its later months', async ({ app, harness }) => {
    await setUp(harness);
    await withContract(harness, { startDate: terms.startDate, endDate: terms.endDate, amountCentimos: terms.amountCentimos });
    await app.reload();
    const cdrawer = app.getByRole('dialog', { name: 'Contrato: OS N° 0123-2026' });
    // ── Renewal: a linked draft; the chain shows both. Then the first is resolved. ──
    await app.getByRole('link', { name: 'Contratos y órdenes' }).click();
    await app.getByRole('row', { name: /OS N° 0123-2026/ }).click();
    await cdrawer.getByRole('button', { name: 'Renovar' }).click();
    const renew = app.getByRole('dialog', { name: 'Renovar contrato: OS N° 0123-2026' });
    await expect(renew.getByLabel('Inicio')).toHaveValue(dmy(firstDay(3)));
    await renew.getByLabel('Número').fill('OS N° 0456-2027');
    await renew.getByRole('button', { name: 'Renovar' }).click();
    await expect(renew).toBeHidden();
    await expect(app.getByText('Se creó la renovación OS N° 0456-2027 (borrador).')).toBeVisible();
    const renewal = app.getByRole('dialog', { name: 'Contrato: OS N° 0456-2027' });
    await expect(renewal.getByTestId('chain')).toContainText('OS N° 0123-2026');
    await expect(renewal.getByTestId('chain')).toContainText('OS N° 0456-2027 (este contrato)');
    await renewal.getByTestId('chain').getByRole('link', { name: 'OS N° 0123-2026' }).click();
    await expect(cdrawer.getByText('Renovado por OS N° 0456-2027')).toBeVisible();
    await cdrawer.getByRole('button', { name: 'Resolver' }).click();
    const close = app.getByRole('dialog', { name: 'Resolver contrato: OS N° 0123-2026' });
    await close.getByLabel('Motivo').fill('Renuncia del docente por motivos de salud');
    await close.getByRole('button', { name: 'Resolver' }).click();
    await expect(close).toBeHidden();
    await expect(app.getByText('Se resolvió el contrato OS N° 0123-2026.')).toBeVisible();
    await expect(cdrawer.getByText('Resuelto', { exact: true }).first()).toBeVisible();
    await cdrawer.getByRole('button', { name: 'Cerrar' }).click();
    await expect(app.getByRole('row', { name: /^OS N° 0123-2026/ })).toContainText('Resuelto');
    await expect(app.getByRole('row', { name: /^OS N° 0456-2027/ })).toContainText('Borrador');

    // Resolved today: the months after this one are no longer committed.
    const resolvedThisYear = scheduledInYear(contractSchedule({ ...terms, resolvedOn: today() }), year);
    const docentes = await budgetRow(app, 'docentes');
    await expect(docentes.getByRole('cell').nth(2)).toHaveText(startsWith(soles(resolvedThisYear)));
  });

  test('the demonstration: lists, alerts on the dashboard, the budget in soles and dollars', async ({ app, harness }) => {
    await loadDemo(harness);
    await app.reload();
    const dashboard = app.getByTestId('contracts-dashboard');
    await expect(dashboard).toContainText('Contratos por vencer (30 días)');
    await expect(dashboard).toContainText('Autorizaciones de ingreso por vencer');
    await expect(dashboard).toContainText('meses de servicio sin conformidad');
    await dashboard.scrollIntoViewIfNeeded();
    await screen(app, '40-inicio-alertas-contratos');

    await app.getByRole('link', { name: 'Docentes e instructores' }).click();
    await expect(app.getByText('1–12 de 12')).toBeVisible();
    await screen(app, '40-docentes-demo');
    await app.getByRole('link', { name: 'Contratos y órdenes' }).click();
    await expect(app.getByRole('row', { name: /Por vencer/ }).first()).toBeVisible();
    await screen(app, '41-contratos-demo');
    await app.getByRole('link', { name: 'Conformidades y pagos' }).click();
    await expect(app.getByTestId('missing')).toContainText('Registrar conformidad');
    await screen(app, '42-conformidades-demo');
    await app.getByRole('link', { name: 'Presupuesto', exact: true }).click();
    await expect(app.getByTestId('line-total')).toContainText('S/ 500,000.00');
    await expect(app.getByTestId('line-total')).toContainText('US$ 147,058.82');
    await screen(app, '43-presupuesto-demo');
  });
});

/** The demonstration data written straight into the test's database (demo.load is the administrador's). */
async function demoData(h: Harness): Promise<void> {
  const { buildDataset, loadDataset } = await import('../../../electron/main/demo/generate');
  await h.db.transaction(async (trx) =>
    loadDataset(trx, await buildDataset(trx, 'demo'), { id: 'demo', name: 'Demostración' }, new Date().toISOString()),
  );
}

test.describe('as the contracts officer (role contratos)', () => {
  test.use({ signedInAs: 'contratos' });
  test('sees and works the contracts area, and its alerts on the dashboard', async ({ app, harness }) => {
    await demoData(harness);
    await app.reload();
    await expect(app.getByTestId('contracts-dashboard')).toBeVisible();
    const nav = app.getByRole('navigation', { name: 'Navegación' });
    for (const page of ['Docentes e instructores', 'Contratos y órdenes', 'Conformidades y pagos', 'Presupuesto']) {
      await expect(nav.getByRole('link', { name: page, exact: true })).toBeVisible();
    }
    await expect(nav.getByRole('link', { name: 'Instrumentos', exact: true })).toHaveCount(0);
    await nav.getByRole('link', { name: 'Docentes e instructores' }).click();
    await app.getByRole('row', { name: /Quispe Mamani, Rosa Elena/ }).click();
    const record = app.getByRole('dialog', { name: 'Ficha del docente: Quispe Mamani, Rosa Elena' });
    await expect(record.getByRole('button', { name: 'Nueva autorización' })).toBeVisible();
    await record.getByRole('button', { name: 'Editar', exact: true }).click();
    // The specialties are typed freely: the inventory's types are not this role's to read.
    await expect(app.getByRole('dialog', { name: 'Editar docente o instructor' }).getByLabel('DNI')).toHaveValue(/^\d{8}$/);
  });
});

test.describe('as a read-only user (role consulta)', () => {
  test.use({ signedInAs: 'consulta' });
  test('reads contracts and the budget but is offered no change', async ({ app, harness }) => {
    await demoData(harness);
    await app.reload();
    await app.getByRole('link', { name: 'Contratos y órdenes' }).click();
    await expect(app.getByRole('row', { name: /Por vencer/ }).first()).toBeVisible();
    await expect(app.getByRole('button', { name: 'Nuevo contrato' })).toHaveCount(0);
    await app
      .getByRole('row', { name: /Por vencer/ })
      .first()
      .click();
    await expect(app.getByRole('button', { name: 'Resumen en PDF' })).toBeVisible();
    await expect(app.getByRole('button', { name: 'Renovar' })).toHaveCount(0);
    await expect(app.getByRole('button', { name: 'Registrar conformidad' })).toHaveCount(0);
    await app.getByRole('button', { name: 'Cerrar' }).first().click();
    await app.getByRole('link', { name: 'Presupuesto', exact: true }).click();
    await expect(app.getByTestId('line-total')).toContainText('S/ 500,000.00');
    await expect(app.getByRole('button', { name: 'Editar presupuesto' })).toHaveCount(0);
  });
});
