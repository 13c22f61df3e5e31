import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { Harness } from '../../../electron/harness/server';
import { expect, screen, test } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { ok, savedPath } from '../steps';

async function establishmentId(harness: Harness, name: string): Promise<number> {
  const row = (await harness.db('establishments').where({ name }).first()) as { id: number };
  return row.id;
}

/** The demonstration data, three instruments at E.P. de Puno (no demo instruments there) and one at E.P. de Cusco. */
async function setUp(harness: Harness) {
  await loadDemo(harness);
  const puno = await establishmentId(harness, 'E.P. de Puno');
  const cusco = await establishmentId(harness, 'E.P. de Cusco');
  const instruments: Array<[string, number]> = [
    ['PUN-001', puno],
    ['PUN-002', puno],
    ['PUN-003', puno],
    ['CUS-001', cusco],
  ];
  for (const [code, id] of instruments) {
    await ok(harness, 'instruments.create', {
      code,
      typeId: 1,
      costCentimos: 185000,
      funding: 'presupuesto_inpe',
      condition: 'bueno',
      altaDate: '2026-03-01',
      establishmentId: id,
    });
  }
  return { puno, cusco };
}

async function instrument(harness: Harness, code: string) {
  const page = await ok<{ rows: Array<{ code: string; status: string; condition: string; establishmentName: string | null }> }>(
    harness,
    'instruments.list',
    { search: code },
  );
  return page.rows.find((r) => r.code === code)!;
}

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-']).toString('utf8');

async function scan(app: Page, code: string) {
  const field = app.getByRole('textbox', { name: 'Código patrimonial' });
  await expect(field).toBeFocused();
  await app.keyboard.type(code);
  await app.keyboard.press('Enter');
}

test.describe('Inventario físico', () => {
  test('count with the scanner, differences in four lists, close with an acta, the missing one is lost', async ({ app, harness }) => {
    await setUp(harness);
    await app.getByRole('link', { name: 'Inventario físico' }).click();
    await expect(app.getByRole('heading', { name: 'Inventario físico' })).toBeVisible();
    await expect(app.getByText('Aún no hay inventarios físicos')).toBeVisible();
    await screen(app, '30-inventario-fisico-vacio');

    // Open the count of E.P. de Puno.
    await app.getByRole('button', { name: 'Abrir inventario' }).click();
    const dialog = app.getByRole('dialog', { name: 'Abrir inventario físico' });
    await dialog.getByRole('combobox', { name: 'Establecimiento' }).fill('Puno');
    await app.getByRole('option', { name: 'E.P. de Puno' }).click();
    await dialog.getByRole('button', { name: 'Abrir inventario' }).click();
    await expect(app.getByText('Se abrió el inventario de E.P. de Puno.')).toBeVisible();
    await expect(app.getByRole('heading', { name: 'E.P. de Puno' })).toBeVisible();

    // The code field has the focus on arrival: the scanner types and presses Enter.
    const feed = app.getByTestId('scan-feed');
    await scan(app, 'PUN-001');
    await expect(feed.locator('[data-result="found"]').first()).toContainText('PUN-001: hallado.');

    // Clicking a list leaves the focus in the code field.
    await app.getByRole('tab', { name: /Faltantes/ }).click();
    await scan(app, 'cus-001');
    await expect(feed.locator('[data-result="elsewhere"]').first()).toContainText('CUS-001: registrado en otro lugar (E.P. de Cusco).');
    await scan(app, 'XYZ-999');
    await expect(feed.locator('[data-result="unknown"]').first()).toContainText('XYZ-999: código desconocido.');
    await scan(app, 'PUN-001');
    await expect(feed.locator('[data-result="repeated"]').first()).toContainText('PUN-001: ya estaba contado.');

    // An observed condition for the next code; the focus goes back to the code field.
    await app.getByRole('combobox', { name: 'Estado observado' }).click();
    await app.getByRole('option', { name: 'Malo' }).click();
    await scan(app, 'PUN-003');
    await expect(feed.locator('[data-result="found"]').first()).toContainText('PUN-003: hallado.');
    await expect(feed.locator('[data-result="found"]').first()).toContainText('Estado observado: Malo');
    await expect(app.getByRole('combobox', { name: 'Estado observado' })).toHaveValue('Sin cambios');

    // Counted by mistake, then removed: PUN-002 stays missing.
    await scan(app, 'PUN-002');
    await expect(feed.locator('[data-result="found"]').first()).toContainText('PUN-002: hallado.');
    await app.getByRole('tab', { name: /Hallados/ }).click();
    await app.getByRole('button', { name: 'Quitar del conteo: PUN-002' }).click();
    await expect(feed.locator('[data-result="removed"]').first()).toContainText('Se quitó PUN-002 del conteo.');
    await expect(app.getByRole('textbox', { name: 'Código patrimonial' })).toBeFocused();

    const checkLists = async () => {
      await expect(app.getByRole('tab', { name: /Hallados/ })).toContainText('2');
      await expect(app.getByRole('tab', { name: /Faltantes/ })).toContainText('1');
      await expect(app.getByRole('tab', { name: /Registrados en otro lugar/ })).toContainText('1');
      await expect(app.getByRole('tab', { name: /Códigos desconocidos/ })).toContainText('1');
      await app.getByRole('tab', { name: /Hallados/ }).click();
      const found = app.getByTestId('lines-found');
      await expect(found.getByRole('row')).toHaveCount(3);
      await expect(found).toContainText('PUN-001');
      await expect(found.getByRole('row', { name: /PUN-003/ })).toContainText('Bueno → Malo');
      await app.getByRole('tab', { name: /Faltantes/ }).click();
      await expect(app.getByTestId('lines-missing').getByRole('row')).toHaveCount(2);
      await expect(app.getByTestId('lines-missing')).toContainText('PUN-002');
      await app.getByRole('tab', { name: /Registrados en otro lugar/ }).click();
      await expect(app.getByTestId('lines-elsewhere').getByRole('row', { name: /CUS-001/ })).toContainText('E.P. de Cusco');
      await app.getByRole('tab', { name: /Códigos desconocidos/ }).click();
      await expect(app.getByTestId('lines-unknown')).toContainText('XYZ-999');
    };
    await checkLists();
    await app.getByRole('tab', { name: /Hallados/ }).click();
    await app.mouse.move(0, 0);
    await screen(app, '31-conteo');

    // The open count survives closing the app: coming back shows the same lists.
    await app.reload();
    await expect(app.getByRole('heading', { name: 'E.P. de Puno' })).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'Código patrimonial' })).toBeFocused();
    await checkLists();

    // The acta of the open count names the establishment, the missing and the unknown code.
    await app.getByRole('button', { name: 'Acta en PDF' }).click();
    const draft = pdfText(await savedPath(app));
    expect(draft).toContain('E.P. de Puno');
    expect(draft).toContain('PUN-002');
    expect(draft).toContain('XYZ-999');

    // Close: the planned movements are listed; the acta number and the confirmation are required.
    await app.getByRole('button', { name: 'Cerrar inventario' }).click();
    const close = app.getByRole('dialog', { name: 'Cerrar el inventario y registrar las diferencias' });
    const planned = close.getByTestId('planned-movements');
    await expect(planned.getByRole('row', { name: /CUS-001/ })).toContainText('Regularización por inventario');
    await expect(planned.getByRole('row', { name: /PUN-002/ })).toContainText('Extravío');
    await expect(planned.getByRole('row', { name: /PUN-003/ })).toContainText('Cambio de estado de conservación');
    await expect(close.getByRole('textbox', { name: 'N.° de acta' })).toBeFocused();
    await close.getByRole('button', { name: 'Cerrar inventario' }).click();
    await expect(close.getByText('Este campo es obligatorio.')).toBeVisible();
    await expect(close.getByText('Confirme los movimientos antes de cerrar.')).toBeVisible();
    await close.getByRole('textbox', { name: 'N.° de acta' }).fill('ACTA-015-2026');
    await expect(close.getByRole('textbox', { name: 'Fecha del acta' })).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
    await close.getByRole('checkbox', { name: 'Confirmo los movimientos' }).check();
    await screen(app, '32-cierre');
    await close.getByRole('button', { name: 'Cerrar inventario' }).click();
    await expect(close).toBeHidden();
    await expect(app.getByText('Inventario cerrado: 3 movimientos registrados.')).toBeVisible();
    await expect(app.getByText(/Inventario cerrado el .* con el acta N\.° ACTA-015-2026/)).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'Código patrimonial' })).toHaveCount(0);

    // The records now follow the count.
    expect((await instrument(harness, 'PUN-002')).status).toBe('extraviado');
    expect((await instrument(harness, 'CUS-001')).establishmentName).toBe('E.P. de Puno');
    expect((await instrument(harness, 'PUN-003')).condition).toBe('malo');
    expect((await instrument(harness, 'PUN-001')).status).toBe('asignado');

    // The acta of the closed count carries its number.
    await app.getByRole('button', { name: 'Acta en PDF' }).click();
    const closed = pdfText(await savedPath(app, 'acta-015-2026'));
    expect(closed).toContain('E.P. de Puno');
    expect(closed).toContain('ACTA-015-2026');
    expect(closed).toContain('XYZ-999');

    // The list shows it closed, with its acta.
    await app.getByRole('link', { name: 'Inventarios físicos' }).click();
    const row = app.getByRole('row', { name: /E\.P\. de Puno/ });
    await expect(row).toContainText('Cerrado');
    await expect(row).toContainText('ACTA-015-2026');
    await expect(row.getByRole('cell').nth(4)).toHaveText('4');
    await app.mouse.move(0, 0);
    await screen(app, '30-inventario-fisico');
  });

  test('a second open count for the same establishment is refused next to the field', async ({ app, harness }) => {
    const { puno } = await setUp(harness);
    await ok(harness, 'stocktakes.open', { establishmentId: puno });
    await app.getByRole('link', { name: 'Inventario físico' }).click();
    await expect(app.getByRole('row', { name: /E\.P\. de Puno/ })).toContainText('Abierto');

    await app.getByRole('button', { name: 'Abrir inventario' }).click();
    const dialog = app.getByRole('dialog', { name: 'Abrir inventario físico' });
    await dialog.getByRole('combobox', { name: 'Establecimiento' }).fill('Puno');
    await app.getByRole('option', { name: 'E.P. de Puno' }).click();
    await dialog.getByRole('button', { name: 'Abrir inventario' }).click();
    await expect(dialog.getByText('Ya hay un inventario abierto para E.P. de Puno: continúe ese.')).toBeVisible();
    await screen(app, '30-inventario-fisico-ya-abierto');
    await dialog.getByRole('button', { name: 'Ir al inventario abierto' }).click();
    await expect(app.getByRole('heading', { name: 'E.P. de Puno' })).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'Código patrimonial' })).toBeFocused();

    // In English too, with no text left untranslated.
    await app.getByText('EN', { exact: true }).click();
    await expect(app.getByRole('textbox', { name: 'Patrimonial code' })).toBeVisible();
    await expect(app.getByRole('tab', { name: /Missing/ })).toContainText('3');
    await app.getByRole('textbox', { name: 'Patrimonial code' }).focus();
    await app.keyboard.type('PUN-001');
    await app.keyboard.press('Enter');
    await expect(app.getByTestId('scan-feed')).toContainText('PUN-001: found.');
    await expect(app.locator('body')).not.toContainText(/inventory\.|stocktake\./);
    await app.getByRole('button', { name: 'Close stocktake' }).click();
    await expect(app.getByRole('dialog', { name: 'Close the stocktake and record the differences' })).toContainText('Loss');
    await expect(app.locator('body')).not.toContainText(/inventory\.|stocktake\./);
  });

  test('the acta of a closed count still lists what was missing and what was found elsewhere', async ({ harness }) => {
    const { puno } = await setUp(harness);
    const s = await ok<{ id: number }>(harness, 'stocktakes.open', { establishmentId: puno });
    for (const code of ['PUN-001', 'PUN-003', 'CUS-001']) await ok(harness, 'stocktakes.count', { id: s.id, code });
    await ok(harness, 'stocktakes.close', { id: s.id, actaNumber: 'ACTA-1', date: '2026-11-20', confirm: true });
    const acta = await ok<{ path: string }>(harness, 'stocktakes.acta', { id: s.id });
    const text = pdfText(acta.path);
    expect(text).toMatch(/Faltantes \(1\)\s+Código patrimonial[\s\S]*PUN-002/);
    expect(text).toMatch(/Registrados en otro lugar \(1\)/);
  });
});
