import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { Harness } from '../../../electron/harness/server';
import { expect, screen, test } from '../fixtures';
import { loadDemo } from '../demo-snapshot';
import { chooseFiles, createEstablishment, xlsxFile } from '../steps';

const HEADERS = ['Código', 'Nombre', 'Oficina regional', 'Población', 'Ciudad', 'En el programa'];

/** A workbook as a clerk would keep it: a title above the table, then the headers. */
const workbook = (dir: string, name: string, rows: string[][]) =>
  xlsxFile(dir, name, 'Establecimientos', [['Establecimientos para el programa 2027'], HEADERS, ...rows]);

test.describe('Importar establecimientos', () => {
  test('a file with errors imports nothing; the corrected file imports, keyboard first', async ({ app, harness }) => {
    await loadDemo(harness);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-import-'));
    const bad = await workbook(dir, 'establecimientos-con-errores.xlsx', [
      ['EP-IMP-01', 'E.P. de Tingo María', 'Huanuco', 'Varones', 'Tingo María', 'Sí'], // row 3
      ['EP-IMP-02', 'E.P. de Chachapoyas', 'Amazonas', 'Mixto', 'Chachapoyas', 'No'], // row 4: unknown office
      ['EP-IMP-01', 'E.P. de Sullana II', 'Norte', 'Varones', 'Sullana', 'S'], // row 5: same code as row 3
    ]);
    const good = await workbook(dir, 'establecimientos.xlsx', [
      ['EP-IMP-01', 'E.P. de Tingo María', 'Huanuco', 'Varones', 'Tingo María', 'Sí'],
      ['EP-IMP-02', 'E.P. de Chachapoyas', 'Nor Oriente', 'Mixto', 'Chachapoyas', 'No'],
      ['EP-IMP-03', 'E.P. de Sullana II', 'NOR', 'Mujeres', 'Sullana', 'X'],
    ]);

    await app.getByRole('link', { name: 'Establecimientos' }).click();
    await expect(app.getByText('1–20 de 20')).toBeVisible();
    await app.getByRole('button', { name: 'Importar' }).click();
    const dialog = app.getByRole('dialog', { name: 'Importar establecimientos' });
    await expect(dialog).toBeVisible();
    await screen(app, '12-importar-archivo');

    // 1) The file, chosen with the keyboard: the file button has the focus.
    const fileButton = dialog.getByRole('button', { name: 'Archivo de Excel (.xlsx) o CSV' });
    await expect(fileButton).toBeFocused();
    // Enter on that button (locator.press: on the button as it is now, should the dialog re-render).
    const [chooser] = await Promise.all([app.waitForEvent('filechooser'), fileButton.press('Enter')]);
    await chooser.setFiles(bad);

    // 2) The columns: recognised from their titles, the title row passed over.
    await expect(dialog.getByText('establecimientos-con-errores.xlsx: 3 filas de datos en 6 columnas.')).toBeVisible();
    const mapping = dialog.getByTestId('import-mapping');
    await expect(mapping.getByRole('combobox', { name: 'Código' })).toHaveValue('Código');
    await expect(mapping.getByRole('combobox', { name: 'Oficina regional' })).toHaveValue('Oficina regional');
    await expect(mapping.getByRole('combobox', { name: 'En el programa' })).toHaveValue('En el programa');
    await expect(mapping).toContainText('Huanuco · Amazonas · Norte');
    await screen(app, '12-importar-columnas');

    // 3) The dry run: each bad row with its row number as Excel shows it; Importar stays off.
    await dialog.getByRole('button', { name: 'Revisar sin guardar' }).click();
    const errors = dialog.getByTestId('import-errors');
    await expect(errors).toBeVisible();
    await expect(dialog.getByTestId('import-stat-invalid')).toContainText('3');
    await expect(dialog.getByText('Hay 3 filas con errores.', { exact: false })).toBeVisible();
    await expect(errors.getByRole('row', { name: /^3 Código EP-IMP-01/ })).toContainText(
      '«EP-IMP-01» se repite en las filas 3 y 5 del archivo.',
    );
    await expect(errors.getByRole('row', { name: /^4 Oficina regional Amazonas/ })).toContainText(
      'No existe la oficina regional «Amazonas».',
    );
    await expect(errors.getByRole('row', { name: /^5 Código EP-IMP-01/ })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Importar', exact: true })).toBeDisabled();
    await screen(app, '12-importar-revision-errores');
    expect(await harness.db('establishments').where('code', 'like', 'EP-IMP-%').count({ n: '*' })).toEqual([{ n: 0 }]);

    // Another file: the corrected one.
    await dialog.getByRole('button', { name: 'Elegir otro archivo' }).click();
    await chooseFiles(app, dialog.getByRole('button', { name: 'Archivo de Excel (.xlsx) o CSV' }), good);
    await expect(dialog.getByText('establecimientos.xlsx: 3 filas de datos en 6 columnas.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Revisar sin guardar' }).click();
    await expect(dialog.getByText('Todas las filas están correctas. Todavía no se ha guardado nada.')).toBeVisible();
    await expect(dialog.getByTestId('import-stat-toCreate')).toContainText('3');
    await screen(app, '12-importar-revision-correcta');

    // 4) The import.
    await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
    await expect(dialog.getByTestId('import-result')).toHaveText('Se importaron 3 establecimientos: 3 nuevos, 0 actualizados.');
    await screen(app, '12-importar-resultado');
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    await expect(dialog).toBeHidden();

    // The list shows the new rows.
    await expect(app.getByText('1–23 de 23')).toBeVisible();
    await app.getByRole('textbox', { name: 'Buscar' }).fill('EP-IMP');
    await expect(app.getByText('1–3 de 3')).toBeVisible();
    await expect(app.getByRole('row', { name: /EP-IMP-01/ })).toContainText('E.P. de Tingo María');
    await expect(app.getByRole('row', { name: /EP-IMP-01/ })).toContainText('Oriente');
    await expect(app.getByRole('row', { name: /EP-IMP-02/ })).toContainText('Nor Oriente');
    await expect(app.getByRole('row', { name: /EP-IMP-03/ })).toContainText('Mujeres');
    await screen(app, '12-importar-lista');

    // The next import proposes the columns used this time.
    await app.getByRole('button', { name: 'Importar' }).click();
    await expect(fileButton).toBeFocused();
    const [chooser3] = await Promise.all([app.waitForEvent('filechooser'), fileButton.press('Enter')]);
    await chooser3.setFiles(good);
    await expect(dialog.getByText('Se propone la asignación de columnas de la última importación.')).toBeVisible();
    await app.keyboard.press('Escape');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

test.describe('Importar: una importación larga', () => {
  test('shows its progress and can be cancelled; nothing is saved', async ({ app, harness }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-import-'));
    const rows: string[][] = [];
    // Large enough that the import is still running after the progress screenshot, on a fast machine too.
    for (let i = 1; i <= 20000; i++) rows.push([`EP-LOTE-${i}`, `E.P. de Prueba ${i}`, 'Lima', 'Varones', 'Lima', 'No']);
    const file = await workbook(dir, 'lote-grande.xlsx', rows);

    await app.getByRole('link', { name: 'Establecimientos' }).click();
    await app.getByRole('button', { name: 'Importar' }).click();
    const dialog = app.getByRole('dialog', { name: 'Importar establecimientos' });
    await chooseFiles(app, dialog.getByRole('button', { name: 'Archivo de Excel (.xlsx) o CSV' }), file);
    // Reading and checking 20,000 rows is real work in main: more than a click's 10 s on a loaded machine.
    await expect(dialog.getByText('lote-grande.xlsx: 20000 filas de datos en 6 columnas.')).toBeVisible({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Revisar sin guardar' }).click();
    await expect(dialog.getByTestId('import-stat-toCreate')).toContainText('20000', { timeout: 30_000 });

    await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
    const progress = dialog.getByTestId('import-progress');
    // The run reads every row again, then saves: either phase says what it does and how far it is.
    await expect(progress).toContainText(/(Revisando las filas|Guardando)\d+ de 20000/);
    // Not screen(): it waits for the network to settle, which the progress polling only does once the import ends.
    await screen(app, '12-importar-progreso', { settle: false });
    await progress.getByRole('button', { name: 'Cancelar' }).click();
    await expect(dialog.getByText('Se canceló la importación. No se guardó ningún cambio.')).toBeVisible();
    expect(await harness.db('establishments').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await harness.db('audit_log').where({ channel: 'import.run' }).count({ n: '*' })).toEqual([{ n: 0 }]);
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    await expect(app.getByText('Aún no hay establecimientos')).toBeVisible();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/** Two establishments, and the inventory sheet as the office exports it: merged titles, the table from row 4, a totals row. */
async function officeSheet(harness: Harness, dir: string): Promise<string> {
  const office = ((await harness.db('regional_offices').orderBy('id').first()) as { id: number }).id;
  for (const [code, name, city] of [
    ['EP-LIM-01', 'E.P. de Lurigancho', 'San Juan de Lurigancho'],
    ['EP-LIM-03', 'E.P. de Mujeres de Chorrillos', 'Chorrillos'],
  ] as const) {
    await createEstablishment(harness, { code, name, city, regionalOfficeId: office, population: 'mujeres' });
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Inventario');
  ws.getRow(1).values = ['INSTITUTO NACIONAL PENITENCIARIO'];
  ws.mergeCells('A1:D1');
  ws.getRow(2).values = ['Inventario de instrumentos musicales 2026'];
  ws.mergeCells('A2:D2');
  ws.getRow(4).values = ['Cód. patrimonial', 'Descripción del bien', 'Valor (S/)', 'Sede'];
  ws.getRow(5).values = ['IMP-0001', 'Violín 4/4', '480.00', 'E.P. de Mujeres Chorrillos'];
  ws.getRow(6).values = ['IMP-0002', 'violin 4/4', '480.00', 'Lurigancho'];
  ws.getRow(7).values = ['TOTAL', '', { formula: 'SUM(C5:C6)', result: 960 } as ExcelJS.CellFormulaValue, ''];
  const file = path.join(dir, 'inventario-oficina.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** The instruments' import wizard with that file chosen (keyboard first). */
async function chooseInWizard(app: Page, file: string) {
  await app.getByRole('link', { name: 'Instrumentos', exact: true }).click();
  await app.getByRole('button', { name: 'Importar' }).click();
  const dialog = app.getByRole('dialog', { name: 'Importar instrumentos' });
  const fileButton = dialog.getByRole('button', { name: 'Archivo de Excel (.xlsx) o CSV' });
  await expect(fileButton).toBeFocused();
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), fileButton.press('Enter')]);
  await chooser.setFiles(file);
  await expect(dialog.getByText('inventario-oficina.xlsx: 2 filas de datos en 4 columnas.')).toBeVisible();
  return dialog;
}

test.describe('Importar instrumentos: la hoja tal como la exporta la oficina', () => {
  test('shows the header row found below merged titles and lets the clerk choose another', async ({ app, harness }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-import-'));
    const dialog = await chooseInWizard(app, await officeSheet(harness, dir));

    // The header row: row 4, below the merged titles; the totals row is passed over.
    await expect(dialog.getByTestId('import-header-row')).toHaveText('Se tomó la fila 4 como fila de títulos.');
    const mapping = dialog.getByTestId('import-mapping');
    await expect(mapping.getByRole('combobox', { name: 'Código patrimonial' })).toHaveValue('Cód. patrimonial');
    await expect(mapping.getByRole('combobox', { name: 'Tipo' })).toHaveValue('Descripción del bien');
    await expect(mapping.getByRole('combobox', { name: 'Ubicación' })).toHaveValue('Sede');
    await expect(dialog.getByTestId('import-skipped')).toContainText('Fila 7: es una fila de totales; se pasa por alto.');
    await screen(app, '12-importar-fila-de-titulos');

    // Another header row, chosen by the clerk: the columns are read from it…
    const headerRow = dialog.getByRole('combobox', { name: 'Fila de títulos' });
    await headerRow.click();
    await app.getByRole('option', { name: /^Fila 1: INSTITUTO NACIONAL PENITENCIARIO/ }).click();
    await expect(dialog.getByTestId('import-header-row')).toHaveText('Se tomó la fila 1 como fila de títulos.');
    await expect(mapping.getByRole('combobox', { name: 'Código patrimonial' })).toHaveValue('');
    // …and back to the right one.
    await headerRow.click();
    await app.getByRole('option', { name: /^Fila 4: Cód\. patrimonial/ }).click();
    await expect(mapping.getByRole('combobox', { name: 'Código patrimonial' })).toHaveValue('Cód. patrimonial');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('lists an unknown value once and imports once the clerk maps it', async ({ app, harness }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-import-'));
    const dialog = await chooseInWizard(app, await officeSheet(harness, dir));

    // The dry run lists the unknown type once, with its two rows; the establishment matched despite "de".
    await dialog.getByRole('button', { name: 'Revisar sin guardar' }).click();
    const unknown = dialog.getByTestId('import-unknown-values');
    await expect(unknown.getByTestId('import-unknown-value')).toHaveCount(1);
    await expect(unknown.getByTestId('import-unknown-value')).toContainText('Violín 4/4');
    await expect(unknown.getByTestId('import-unknown-value')).toContainText('2 filas');
    await expect(dialog.getByRole('button', { name: 'Importar', exact: true })).toBeDisabled();
    await expect(dialog.getByText('Falta asignar 1 valor.')).toBeVisible();
    await screen(app, '12-importar-valores-desconocidos');

    // Mapped to the suggested type, checked again, imported.
    const choice = unknown.getByRole('combobox', { name: 'Corresponde a Violín 4/4' });
    await choice.click();
    await app.getByRole('option', { name: 'Violín', exact: true }).click();
    await expect(choice).toHaveValue('Violín');
    await unknown.getByRole('button', { name: 'Revisar de nuevo' }).click();
    await expect(dialog.getByText('Todas las filas están correctas. Todavía no se ha guardado nada.')).toBeVisible();
    await expect(dialog.getByTestId('import-stat-toCreate')).toContainText('2');
    await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
    await expect(dialog.getByTestId('import-result')).toHaveText('Se importaron 2 instrumentos: 2 nuevos, 0 actualizados.');
    const rows = (await harness
      .db('instruments as i')
      .join('instrument_types as t', 't.id', 'i.type_id')
      .join('establishments as e', 'e.id', 'i.establishment_id')
      .orderBy('i.code')
      .select('i.code', 't.name as type', 'e.name as establishment', 'i.cost_centimos as cost')) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.code, r.type, r.establishment, Number(r.cost)])).toEqual([
      ['IMP-0001', 'Violín', 'E.P. de Mujeres de Chorrillos', 48000],
      ['IMP-0002', 'Violín', 'E.P. de Lurigancho', 48000],
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
