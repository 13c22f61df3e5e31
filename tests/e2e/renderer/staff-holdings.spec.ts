import type { Harness } from '../../../electron/harness/server';
import { newViolin } from '../../helpers/services';
import { expect, notified, screen, test } from '../fixtures';
import { choose, createEstablishment, createStaff, handOver, ok, pick } from '../steps';

/**
 * Issue 15 in the real renderer: the INPE staff register ("Personal INPE"), an establishment's
 * loan period, an instrument handed over to a staff member by id, and the staff member's record
 * with what they hold now and held before — the return recorded from there.
 */

/** The demonstration data written straight into the test's database (demo.load is the administrador's). */
async function demoData(h: Harness): Promise<void> {
  const { buildDataset, loadDataset } = await import('../../../electron/main/demo/generate');
  await h.db.transaction(async (trx) =>
    loadDataset(trx, await buildDataset(trx, 'demo'), { id: 'demo', name: 'Demostración' }, new Date().toISOString()),
  );
}

/** A staff member of the demonstration who holds an instrument now, with the instrument and the establishment. */
async function demoHolder(h: Harness): Promise<{ fullName: string; code: string; establishment: string }> {
  const row = (await h
    .db('instruments as i')
    .join('staff_members as s', 's.id', 'i.custodian_id')
    .join('establishments as e', 'e.id', 's.establishment_id')
    .where('i.custodian_type', 'personal')
    .orderBy('i.code')
    .first('s.full_name', 'i.code', 'e.name')) as { full_name: string; code: string; name: string } | undefined;
  if (!row) throw new Error('the demonstration hands no instrument to a staff member');
  return { fullName: row.full_name, code: row.code, establishment: row.name };
}

test.describe('Personal INPE', () => {
  test('a staff member is registered, receives an instrument with the loan period, and returns it from their record', async ({
    app,
    harness,
  }) => {
    const lurigancho = await createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });
    const callao = await createEstablishment(harness, { code: 'EP-CAL-01', name: 'E.P. del Callao' });
    const violin = await ok<{ id: number }>(harness, 'instruments.create', newViolin('VIO-0101', lurigancho.id));
    const nav = app.getByRole('navigation', { name: 'Navegación' });

    // The register, empty at first, next to the establishments.
    await nav.getByRole('link', { name: 'Personal INPE' }).click();
    await expect(app.getByRole('heading', { name: 'Personal INPE' })).toBeVisible();
    await expect(app.getByText('Aún no hay personal registrado')).toBeVisible();

    // What is missing or too short is said next to each field; nothing is saved.
    await app.getByRole('button', { name: 'Nuevo miembro del personal' }).first().click();
    const dialog = app.getByRole('dialog', { name: 'Nuevo miembro del personal' });
    await dialog.getByLabel('Nombre completo').fill('Ro');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog.getByText('Escriba al menos 3 caracteres.')).toBeVisible();
    await expect(dialog.getByText('Este campo es obligatorio.')).toHaveCount(2);
    expect(await harness.db('staff_members').count({ n: '*' })).toEqual([{ n: 0 }]);
    await choose(app, dialog, 'Establecimiento', 'lurig', 'E.P. de Lurigancho');
    await dialog.getByLabel('Nombre completo').fill('Rosa Quispe Mamani');
    await dialog.getByLabel('Cargo').fill('Técnica de educación');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog).toBeHidden();
    await notified(app, 'Se registró a Rosa Quispe Mamani en el personal.');
    await expect(app.getByRole('row', { name: /Rosa Quispe Mamani/ })).toContainText('E.P. de Lurigancho');

    // Another one, at the Callao, leaves: made inactive, hidden unless "Mostrar inactivos".
    await createStaff(harness, callao.id, 'Pedro Salas Ríos', 'Técnico de seguridad');
    await app.reload();
    await app.getByRole('button', { name: 'Editar: Pedro Salas Ríos' }).click();
    const edit = app.getByRole('dialog', { name: 'Editar miembro del personal' });
    await expect(edit.getByLabel('Nombre completo')).toHaveValue('Pedro Salas Ríos');
    await edit.getByRole('switch', { name: 'Activo (puede recibir instrumentos)' }).click();
    await edit.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se guardaron los cambios de Pedro Salas Ríos.');
    await expect(app.getByRole('row', { name: /Pedro Salas Ríos/ })).toHaveCount(0);
    await app.getByRole('switch', { name: 'Mostrar inactivos' }).click();
    await expect(app.getByRole('row', { name: /Pedro Salas Ríos/ })).toContainText('Inactivo');
    await choose(app, app, 'Establecimiento', 'lurig', 'E.P. de Lurigancho');
    await expect(app.getByRole('row', { name: /Pedro Salas Ríos/ })).toHaveCount(0);
    await expect(app.getByRole('row', { name: /Rosa Quispe Mamani/ })).toBeVisible();

    // The establishment's loan period: a whole number of days, or nothing; what is typed stays.
    await nav.getByRole('link', { name: 'Establecimientos' }).click();
    await app.getByRole('button', { name: 'Editar: E.P. de Lurigancho' }).click();
    const establishment = app.getByRole('dialog', { name: 'Editar establecimiento' });
    const loan = establishment.getByLabel('Plazo de préstamo de instrumentos (días)');
    await expect(loan).toHaveValue('');
    await loan.fill('30 días');
    await establishment.getByRole('button', { name: 'Guardar' }).click();
    await expect(establishment.getByText('Escriba un número entero de días entre 1 y 3650, o deje el campo vacío.')).toBeVisible();
    await expect(loan).toHaveValue('30 días');
    expect((await ok<{ loanDays: number | null }>(harness, 'establishments.get', { id: lurigancho.id })).loanDays).toBeNull();
    await loan.fill('30');
    await establishment.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, 'Se guardaron los cambios de E.P. de Lurigancho.');
    expect((await ok<{ loanDays: number | null }>(harness, 'establishments.get', { id: lurigancho.id })).loanDays).toBe(30);

    // The hand-over: staff of the instrument's establishment, found by typing; the return proposed 30 days after.
    await nav.getByRole('link', { name: 'Instrumentos', exact: true }).click();
    await app
      .getByRole('row', { name: /VIO-0101/ })
      .getByRole('cell', { name: 'VIO-0101', exact: true })
      .click();
    const instrument = app.getByRole('dialog', { name: 'Ficha: VIO-0101' });
    await instrument.getByRole('button', { name: 'Registrar movimiento' }).click();
    const move = app.getByRole('dialog', { name: 'Registrar movimiento', exact: true });
    // Once the dialog has settled on its first field (a click while it opens may be lost to its focus).
    await expect(move.getByRole('combobox', { name: 'Movimiento' })).toBeFocused();
    await pick(app, move, 'Movimiento', 'Entrega a custodio');
    await move.getByRole('textbox', { name: 'Fecha', exact: true }).fill('02/03/2026');
    await pick(app, move, 'Tipo de custodio', 'Personal INPE');
    await move.getByRole('combobox', { name: 'Custodio', exact: true }).fill('r');
    await expect(app.getByRole('option', { name: /Rosa Quispe Mamani/ })).toBeVisible();
    // Not the inactive member of another establishment.
    await expect(app.getByRole('option', { name: /Pedro Salas/ })).toHaveCount(0);
    await app.getByRole('option', { name: /Rosa Quispe Mamani/ }).click();
    await expect(move.getByLabel('Fecha de devolución prevista')).toHaveValue('01/04/2026');
    await move.getByRole('button', { name: 'Registrar' }).click();
    await expect(move).toBeHidden();
    await notified(app, 'Se registró el movimiento de 1 instrumento.');
    await app.keyboard.press('Escape');

    // Her record: what she holds now, overdue in red.
    await nav.getByRole('link', { name: 'Personal INPE' }).click();
    await app.getByRole('row', { name: /Rosa Quispe Mamani/ }).click();
    const record = app.getByRole('dialog', { name: 'Ficha del personal: Rosa Quispe Mamani' });
    const now = record.getByRole('region', { name: 'Tiene ahora' });
    const before = record.getByRole('region', { name: 'Tuvo antes' });
    const held = now.getByRole('row', { name: /VIO-0101/ });
    await expect(held).toContainText('E.P. de Lurigancho');
    await expect(held).toContainText('02/03/2026');
    await expect(held).toContainText('01/04/2026');
    await expect(held.getByText(/^vencido hace \d+ días$/)).toBeVisible();
    await expect(before).toContainText('No tuvo instrumentos a su cargo antes.');
    await screen(app, 'personal-02-ficha-tiene-ahora');

    // The return, from her record: a date that does not exist or precedes the hand-over is said next to the field and kept.
    await held.getByRole('button', { name: 'Registrar devolución: VIO-0101' }).click();
    const back = app.getByRole('dialog', { name: 'Registrar devolución: VIO-0101' });
    const date = back.getByLabel('Fecha de devolución');
    // Once the dialog has settled on its first field.
    await expect(date).toBeFocused();
    await pick(app, back, 'Estado de conservación al devolverlo', 'Regular');
    await date.fill('31/02/2026');
    await back.getByRole('button', { name: 'Registrar devolución', exact: true }).click();
    await expect(back.getByText('La fecha 31/02/2026 no existe en el calendario.')).toBeVisible();
    await expect(date).toHaveValue('31/02/2026');
    await date.fill('01/03/2026');
    await back.getByRole('button', { name: 'Registrar devolución', exact: true }).click();
    await expect(back.getByText('La fecha no puede ser anterior al 02/03/2026.')).toBeVisible();
    expect(
      ((await harness.db('instruments').where({ id: violin.id }).first()) as { custodian_id: number | null }).custodian_id,
    ).not.toBeNull();
    await date.fill('15/04/2026');
    await back.getByRole('button', { name: 'Registrar devolución', exact: true }).click();
    await expect(back).toBeHidden();
    await notified(app, 'Se registró la devolución de VIO-0101.');
    await expect(now).toContainText('No tiene instrumentos a su cargo.');
    const returned = before.getByRole('row', { name: /VIO-0101/ });
    await expect(returned).toContainText('02/03/2026');
    await expect(returned).toContainText('15/04/2026');
    await expect(returned).toContainText('Devolución');
    expect(await harness.db('instruments').where({ id: violin.id }).first('custodian_id', 'condition')).toEqual({
      custodian_id: null,
      condition: 'regular',
    });
    await screen(app, 'personal-03-ficha-tuvo-antes');

    // Handed over again; returned at another PC while the form is open: main refuses, the form keeps what was typed.
    const rosa = (await harness.db('staff_members').where({ full_name: 'Rosa Quispe Mamani' }).first('id')) as { id: number };
    await handOver(harness, violin.id, { type: 'personal', id: rosa.id }, '2026-05-04');
    await app.reload();
    await expect(now.getByRole('row', { name: /VIO-0101/ })).toContainText('Sin fecha');
    await now.getByRole('button', { name: 'Registrar devolución: VIO-0101' }).click();
    await expect(date).toBeFocused();
    await date.fill('20/05/2026');
    await ok(harness, 'instruments.move', { instrumentIds: [violin.id], movement: { kind: 'devolucion', date: '2026-05-18' } });
    await back.getByRole('button', { name: 'Registrar devolución', exact: true }).click();
    await expect(back.getByRole('alert')).toContainText('El instrumento VIO-0101 no está entregado a ningún custodio.');
    await expect(date).toHaveValue('20/05/2026');
    await back.getByRole('button', { name: 'Cancelar' }).click();
    await expect(now).toContainText('No tiene instrumentos a su cargo.');
    await expect(before.getByRole('row', { name: /VIO-0101/ })).toHaveCount(2);
  });
});

test.describe('A participant’s instruments', () => {
  test('the record lists what they hold; a transfer puts it on the recovery list, one click away', async ({ app, harness }) => {
    const lurigancho = await createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });
    await createEstablishment(harness, { code: 'EP-CAL-01', name: 'E.P. del Callao' });
    const charango = await ok<{ id: number }>(harness, 'instruments.create', newViolin('CHA-0201', lurigancho.id));
    const juan = await ok<{ id: number }>(harness, 'participants.create', {
      code: 'PPL-0201',
      firstNames: 'Juan',
      lastNames: 'Pérez Quispe',
      sex: 'masculino',
      birthYear: 1990,
      establishmentId: lurigancho.id,
      date: '2026-02-01',
    });
    await handOver(harness, charango.id, { type: 'participante', id: juan.id }, '2026-03-10', '2026-06-10');

    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Participantes' }).click();
    await app.getByRole('row', { name: /PPL-0201/ }).click();
    const record = app.getByTestId('participant-record');
    const held = record.getByRole('region', { name: 'Tiene ahora' }).getByRole('row', { name: /CHA-0201/ });
    await expect(held).toContainText('10/03/2026');
    await expect(held).toContainText('10/06/2026');
    await expect(held.getByText(/^vencido hace \d+ días$/)).toBeVisible();
    await expect(record.getByRole('region', { name: 'Tuvo antes' })).toContainText('No tuvo instrumentos a su cargo antes.');
    await screen(app, 'personal-05-ficha-participante');

    // The transfer: the instrument goes on the recovery list, and the notice leads there.
    await record.getByRole('button', { name: 'Cambio de custodia' }).click();
    const change = app.getByRole('dialog', { name: 'Cambio de custodia: PPL-0201' });
    await expect(change.getByTestId('custody-instruments')).toContainText('CHA-0201');
    await pick(app, change, 'Cambio', 'Traslado a otro establecimiento');
    await choose(app, change, 'Establecimiento de destino', 'callao', 'E.P. del Callao');
    await change.getByRole('button', { name: 'Registrar cambio' }).click();
    await expect(change).toBeHidden();
    const notice = app.locator('.mantine-Notification-root').filter({ hasText: 'pasó a la lista de recuperación' });
    await expect(notice).toContainText('El instrumento CHA-0201 pasó a la lista de recuperación.');
    const open = await ok<Array<{ code: string; reason: string }>>(harness, 'custody.recoveries', { participantId: juan.id });
    expect(open.map((r) => [r.code, r.reason])).toEqual([['CHA-0201', 'traslado']]);
    await screen(app, 'personal-06-traslado-lista-de-recuperacion');
    await notice.getByRole('button', { name: 'Ver la lista de recuperación' }).click();
    await expect(app).toHaveURL(/#\/instrumentos\/recuperacion$/);
    await expect(notice).toHaveCount(0);
  });
});

test.describe('Personal INPE as the read-only user (role consulta)', () => {
  test.use({ signedInAs: 'consulta' });
  test('reads the register and what each holds, and is offered no change', async ({ app, harness }) => {
    await demoData(harness);
    const holder = await demoHolder(harness);
    await app.reload();
    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Personal INPE' }).click();
    await expect(app.getByRole('heading', { name: 'Personal INPE' })).toBeVisible();
    // Three of each of the demonstration's 20 establishments, a page at a time.
    await expect(app.getByText('1–25 de 60')).toBeVisible();
    await screen(app, 'personal-01-personal-inpe');
    await expect(app.getByRole('button', { name: 'Nuevo miembro del personal' })).toHaveCount(0);
    await expect(app.getByRole('button', { name: /^Editar:/ })).toHaveCount(0);

    await choose(app, app, 'Establecimiento', holder.establishment, holder.establishment);
    await expect(app.getByRole('row', { name: new RegExp(holder.fullName) })).toHaveCount(1);
    await app.getByRole('row', { name: new RegExp(holder.fullName) }).click();
    const record = app.getByRole('dialog', { name: `Ficha del personal: ${holder.fullName}` });
    await expect(record.getByRole('region', { name: 'Tiene ahora' }).getByRole('row', { name: new RegExp(holder.code) })).toContainText(
      holder.establishment,
    );
    await expect(record.getByRole('button', { name: /^Registrar devolución/ })).toHaveCount(0);
    await expect(record.getByRole('button', { name: 'Editar' })).toHaveCount(0);
    await screen(app, 'personal-04-ficha-consulta');
    await app.keyboard.press('Escape');

    // A teacher's record lists theirs too (the role reads custody).
    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Docentes e instructores' }).click();
    await app.getByRole('row', { name: /Quispe Mamani, Rosa Elena/ }).click();
    const teacher = app.getByRole('dialog', { name: 'Ficha del docente: Quispe Mamani, Rosa Elena' });
    await expect(teacher.getByRole('region', { name: 'Tiene ahora' })).toBeVisible();
    await expect(teacher.getByRole('region', { name: 'Tuvo antes' })).toBeVisible();
  });
});

test.describe('Holdings on a teacher’s record by role', () => {
  test.use({ signedInAs: 'contratos' });
  test('the contracts officer, who may not read custody, does not see them', async ({ app, harness }) => {
    await demoData(harness);
    await app.reload();
    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Docentes e instructores' }).click();
    await app.getByRole('row', { name: /Quispe Mamani, Rosa Elena/ }).click();
    const record = app.getByRole('dialog', { name: 'Ficha del docente: Quispe Mamani, Rosa Elena' });
    await expect(record.getByText('Autorizaciones de ingreso')).toBeVisible();
    await expect(record.getByText('Instrumentos a su cargo')).toHaveCount(0);
    await expect(record.getByRole('region', { name: 'Tiene ahora' })).toHaveCount(0);
  });
});
