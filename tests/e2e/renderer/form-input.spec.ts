import type { Locator, Page } from '@playwright/test';
import type { Harness } from '../../../electron/harness/server';
import { expect, screen, test, notified } from '../fixtures';
import { loadDemo } from '../demo-snapshot';

/**
 * Issue 13, "what the clerk types is what is kept": money, dates, limited text and identity
 * numbers typed into the real forms, as a new clerk would at 1366 px. Each refused entry keeps
 * its text, says why under its field, and Guardar does not save it.
 */

async function count(h: Harness, table: string): Promise<number> {
  const [row] = (await h.db(table).count({ n: '*' })) as Array<{ n: number | string }>;
  return Number(row!.n);
}

async function choose(app: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await app.getByRole('option', { name: option, exact: true }).click();
}

/** "Registrar instrumento" with everything required chosen except what the test types. */
async function newInstrument(app: Page): Promise<Locator> {
  await app.getByRole('link', { name: 'Instrumentos', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Instrumentos', exact: true })).toBeVisible();
  await app.getByRole('button', { name: 'Nuevo instrumento' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Registrar instrumento' });
  await dialog.getByLabel('Código patrimonial').fill('INPE-VIO-0501');
  await dialog.getByRole('combobox', { name: 'Tipo' }).fill('violin');
  await app.getByRole('option', { name: 'Violín', exact: true }).click();
  await choose(app, dialog, 'Fuente de financiamiento', 'Presupuesto INPE');
  await choose(app, dialog, 'Estado de conservación', 'Nuevo');
  return dialog;
}

test.describe('Lo que el usuario escribe es lo que se guarda', () => {
  test('money: the usual Peruvian and spreadsheet forms are read as typed and shown beside the field', async ({ app }) => {
    const dialog = await newInstrument(app);
    const cost = dialog.getByLabel('Costo (S/)');
    for (const typed of ['1.234,56', 'S/ 1 234,56', '1234,56', '1,234.56']) {
      await cost.fill(typed);
      await expect(dialog.getByTestId('money-understood')).toHaveText('= S/ 1,234.56');
      await expect(cost).toHaveValue(typed);
    }
  });

  test('money: doubtful, negative or over-precise amounts are refused with a message, kept, and not saved', async ({ app, harness }) => {
    const dialog = await newInstrument(app);
    const cost = dialog.getByLabel('Costo (S/)');
    const refused: Array<[string, string]> = [
      ['12.345', 'No queda claro si «12.345» lleva separador de miles o decimales: escriba 12345 o 12,345.00.'],
      ['-500', 'El monto no puede ser negativo.'],
      ['1234.567', 'Escriba como máximo dos decimales (céntimos); el monto no se redondea ni se recorta.'],
      ['1.234', 'No queda claro si «1.234» lleva separador de miles o decimales: escriba 1234 o 1,234.00.'],
    ];
    for (const [typed, message] of refused) {
      await cost.fill(typed);
      await cost.blur();
      await expect(cost).toHaveAccessibleDescription(message);
      await expect(cost).toHaveValue(typed);
    }
    await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
    // Still open, the text as typed, the reason under the field.
    await expect(cost).toHaveAccessibleDescription(refused[3]![1]);
    await expect(cost).toHaveValue('1.234');
    await screen(app, 'f1-costo-dudoso');
    expect(await count(harness, 'instruments')).toBe(0);

    await cost.fill('1.234,56');
    await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect(dialog).toBeHidden();
    const saved = (await harness.db('instruments').where({ code: 'INPE-VIO-0501' }).first()) as { cost_centimos: number };
    expect(Number(saved.cost_centimos)).toBe(123456);
    await expect(app.getByRole('row', { name: /INPE-VIO-0501/ })).toContainText('S/ 1,234.56');
  });

  test('dates: 31/02/2025 stays as typed in both date fields with a message; Fecha de alta never goes back to today; not saved', async ({
    app,
    harness,
  }) => {
    const dialog = await newInstrument(app);
    await dialog.getByLabel('Costo (S/)').fill('850');
    const acquired = dialog.getByLabel('Fecha de adquisición');
    const alta = dialog.getByLabel('Fecha de alta');
    const impossible = 'La fecha 31/02/2025 no existe en el calendario.';
    await acquired.fill('31/02/2025');
    await acquired.blur();
    await expect(acquired).toHaveAccessibleDescription(impossible);
    await expect(alta).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
    await alta.fill('31/02/2025');
    await alta.blur();
    await expect(alta).toHaveAccessibleDescription(impossible);
    await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect(alta).toHaveAccessibleDescription(impossible);
    await expect(acquired).toHaveValue('31/02/2025');
    await expect(alta).toHaveValue('31/02/2025');
    await screen(app, 'f2-fechas-invalidas');
    expect(await count(harness, 'instruments')).toBe(0);

    await acquired.fill('28/02/2025');
    await alta.fill('02/03/2026');
    await expect(alta).not.toHaveAttribute('aria-invalid', 'true');
    await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
    await notified(app, 'Se registró el instrumento INPE-VIO-0501.');
    const saved = (await harness.db('instruments').where({ code: 'INPE-VIO-0501' }).first()) as {
      acquisition_date: string | null;
      id: number;
    };
    expect(saved.acquisition_date).toBe('2025-02-28');
    const alta0 = (await harness.db('instrument_movements').where({ instrument_id: saved.id }).first()) as { date: string };
    expect(alta0.date).toBe('2026-03-02');
  });

  test('dates: a partial date or a two-digit year is refused and kept; an emptied required date is asked for', async ({ app, harness }) => {
    const dialog = await newInstrument(app);
    await dialog.getByLabel('Costo (S/)').fill('850');
    const acquired = dialog.getByLabel('Fecha de adquisición');
    const alta = dialog.getByLabel('Fecha de alta');
    const partial = 'Fecha incompleta: escriba día, mes y año de 4 cifras (dd/mm/aaaa).';
    await alta.fill('12/03');
    await acquired.fill('15/03/25');
    await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect(alta).toHaveAccessibleDescription(partial);
    await expect(acquired).toHaveAccessibleDescription(partial);
    await expect(alta).toHaveValue('12/03');
    await expect(acquired).toHaveValue('15/03/25');
    await alta.fill('');
    await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect(alta).toHaveAccessibleDescription('Este campo es obligatorio.');
    await expect(acquired).toHaveValue('15/03/25');
    expect(await count(harness, 'instruments')).toBe(0);
  });

  test('lengths: a 10,000-character paste is not cut; its count is said and it is not saved', async ({ app, harness }) => {
    const dialog = await newInstrument(app);
    await dialog.getByLabel('Costo (S/)').fill('850');
    const notes = dialog.getByLabel('Observaciones');
    await notes.fill('a'.repeat(10_000));
    await dialog.getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect(notes).toHaveAccessibleDescription(
      'Escriba como máximo 2000 caracteres; este tiene 10000. No se recorta: acórtelo usted.',
    );
    expect(await notes.inputValue()).toHaveLength(10_000);
    expect(await count(harness, 'instruments')).toBe(0);
  });

  test('identity numbers: a 9-digit DNI and a 12-digit RUC are said, kept and not saved', async ({ app, harness }) => {
    await app.getByRole('link', { name: 'Docentes e instructores' }).click();
    await app.getByRole('button', { name: 'Nuevo docente' }).first().click();
    const form = app.getByRole('dialog', { name: 'Registrar docente o instructor' });
    await form.getByLabel('DNI').fill('468497861');
    await form.getByLabel('RUC').fill('104684978623');
    await choose(app, form, 'Sexo', 'Femenino');
    await form.getByLabel('Apellidos').fill('Quispe Mamani');
    await form.getByLabel('Nombres').fill('Rosa Elena');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect(form.getByText('El DNI tiene 8 dígitos; este tiene 9.')).toBeVisible();
    await expect(form.getByText('El RUC tiene 11 dígitos; este tiene 12.')).toBeVisible();
    await expect(form.getByLabel('DNI')).toHaveValue('468497861');
    await expect(form.getByLabel('RUC')).toHaveValue('104684978623');
    await screen(app, 'f3-ruc-largo');
    expect(await count(harness, 'teachers')).toBe(0);
  });

  test('a form kept open across a background refetch keeps everything typed', async ({ app, harness }) => {
    const r = await loadDemo(harness);
    expect(r.ok).toBe(true);
    await app.reload();
    await app.getByRole('link', { name: 'Exposiciones', exact: true }).click();
    await app.getByRole('row', { name: /InternArte: otra forma de libertad/ }).click();
    await expect(app.getByTestId('checklist')).toBeVisible();
    await app.getByRole('button', { name: 'Editar', exact: true }).click();
    const dialog = app.getByRole('dialog', { name: /exposición/i });
    const subtitle = dialog.getByLabel('Subtítulo');
    await subtitle.fill('Texto que la coordinadora está escribiendo');
    const title = dialog.getByRole('textbox', { name: 'Título', exact: true });
    const typedTitle = await title.inputValue();

    // Meanwhile the record changes in the database and the page refetches (the window regains focus).
    await harness.db('exhibitions').where({ title: typedTitle }).update({ venue: 'Museo de Arte de Lima (sala 2)' });
    await app.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
    await expect(app.getByText('Museo de Arte de Lima (sala 2)', { exact: false }).first()).toBeAttached();

    await expect(subtitle).toHaveValue('Texto que la coordinadora está escribiendo');
    await expect(title).toHaveValue(typedTitle);
    await expect(dialog).toBeVisible();
  });
});
