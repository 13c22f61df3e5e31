import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Harness } from '../../../electron/harness/server';
import { donatedInstrument } from '../../helpers/services';
import { expect, screen, test } from '../fixtures';
import { chooseFiles, createEstablishment, ok, xlsxFile } from '../steps';

/** Instruments: import from the clerks' spreadsheet, labels for a selection, photos, the code format. */

async function establishments(h: Harness): Promise<void> {
  const office = ((await h.db('regional_offices').orderBy('id').first()) as { id: number }).id;
  for (const [code, name] of [
    ['EP-LIM-01', 'E.P. de Lurigancho'],
    ['EP-LIM-05', 'E.P. del Callao'],
  ] as const) {
    await createEstablishment(h, { code, name, regionalOfficeId: office });
  }
}

const HEADERS = ['Código patrimonial', 'Instrumento', 'Marca', 'Fecha de adquisición', 'Costo S/', 'Estado', 'Establecimiento'];
const workbook = (dir: string, name: string, rows: unknown[][]) => xlsxFile(dir, name, 'Inventario', [HEADERS, ...rows]);

test.describe('Instrumentos: importar, etiquetas, fotos', () => {
  test('an import whose dry run reports errors imports nothing; the corrected file imports', async ({ app, harness }) => {
    await establishments(harness);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-inst-import-'));
    const bad = await workbook(dir, 'instrumentos-con-errores.xlsx', [
      ['VIO-0101', 'Violín', 'Stentor', '15/03/2024', '1,250.00', 'Bueno', 'Lurigancho'],
      ['VIO-0102', 'Violín', 'Stentor', '31/02/2024', '1250', 'Bueno', 'Callao'],
      ['TRP-0001', 'Trompetilla', 'Bach', '', '900', 'Bueno', 'Lurigancho'],
    ]);
    const good = await workbook(dir, 'instrumentos.xlsx', [
      ['VIO-0101', 'Violín', 'Stentor', '15/03/2024', '1,250.00', 'Bueno', 'Lurigancho'],
      ['VIO-0102', 'Violín', 'Stentor', '28/02/2024', '1250', 'Bueno', 'Callao'],
      ['TRP-0001', 'Trompeta', 'Bach', '', '900', 'Nuevo', 'Lurigancho'],
    ]);

    await app.getByRole('link', { name: 'Instrumentos', exact: true }).click();
    await app.getByRole('button', { name: 'Importar' }).click();
    const dialog = app.getByRole('dialog', { name: 'Importar instrumentos' });
    await chooseFiles(app, dialog.getByRole('button', { name: 'Archivo de Excel (.xlsx) o CSV' }), bad);
    await expect(dialog.getByText('instrumentos-con-errores.xlsx: 3 filas de datos en 7 columnas.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Revisar sin guardar' }).click();
    const errors = dialog.getByTestId('import-errors');
    await expect(errors.getByRole('row', { name: /^3 / })).toContainText('Escriba una fecha válida (dd/mm/aaaa).');
    // A type that is not in the register is not a row error: it is listed once, to be assigned.
    await expect(errors.getByRole('row', { name: /^4 / })).toHaveCount(0);
    const unknown = dialog.getByTestId('import-unknown-values').getByTestId('import-unknown-value');
    await expect(unknown).toHaveCount(1);
    await expect(unknown).toContainText('Trompetilla');
    await expect(unknown).toContainText('1 fila');
    await expect(dialog.getByRole('button', { name: 'Importar', exact: true })).toBeDisabled();
    await screen(app, '24-instrumentos-importar-errores');
    expect(await harness.db('instruments').count({ n: '*' })).toEqual([{ n: 0 }]);

    await dialog.getByRole('button', { name: 'Elegir otro archivo' }).click();
    await chooseFiles(app, dialog.getByRole('button', { name: 'Archivo de Excel (.xlsx) o CSV' }), good);
    await dialog.getByRole('button', { name: 'Revisar sin guardar' }).click();
    await expect(dialog.getByTestId('import-stat-toCreate')).toContainText('3');
    await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
    await expect(dialog.getByTestId('import-result')).toHaveText('Se importaron 3 instrumentos: 3 nuevos, 0 actualizados.');
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    await expect(app.getByRole('row', { name: /VIO-0102/ })).toContainText('E.P. del Callao');
    await expect(app.getByRole('row', { name: /TRP-0001/ })).toContainText('Trompeta');
  });

  test('labels for a selection come out as an A4 PDF with each code', async ({ app, harness }) => {
    await establishments(harness);
    for (const code of ['LBL-001', 'LBL-002', 'LBL-003']) {
      await ok(harness, 'instruments.create', donatedInstrument(code, { costCentimos: 1000 }));
    }
    await app.getByRole('link', { name: 'Instrumentos', exact: true }).click();
    for (const code of ['LBL-001', 'LBL-003'])
      await app
        .getByRole('row', { name: new RegExp(code) })
        .getByRole('checkbox')
        .check();
    await app.getByRole('button', { name: 'Etiquetas' }).click();
    await app.getByRole('menuitem', { name: 'Con código QR' }).click();
    const shown = await app.getByTestId('export-path').innerText();
    const pdf = shown.replace('Archivo guardado en: ', '').trim();
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    expect(text).toContain('LBL-001');
    expect(text).toContain('LBL-003');
    expect(text).not.toContain('LBL-002');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', pdf, path.join(path.dirname(pdf), 'etiquetas')]);
    fs.mkdirSync('test-results/screens', { recursive: true });
    fs.copyFileSync(path.join(path.dirname(pdf), 'etiquetas.png'), 'test-results/screens/25-etiquetas-pdf.png');
  });

  test('photos: added from disk to the record, a non-image refused in Spanish; the code format refuses other codes', async ({
    app,
    harness,
  }) => {
    await establishments(harness);
    await ok(harness, 'instruments.create', donatedInstrument('FOT-001', { costCentimos: 1000 }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-photo-'));
    const jpg = path.join(dir, 'violín.jpg');
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#8a5a2b' } })
      .jpeg()
      .toFile(jpg);
    const fake = path.join(dir, 'no-es-foto.jpg');
    fs.writeFileSync(fake, 'texto');

    await app.getByRole('link', { name: 'Instrumentos', exact: true }).click();
    await app.getByRole('button', { name: 'Ficha: FOT-001' }).click();
    await chooseFiles(app, app.getByRole('button', { name: 'Agregar fotos' }), [jpg, fake]);
    await expect(app.getByRole('img', { name: 'violín.jpg' })).toBeVisible();
    await expect(app.getByRole('alert').filter({ hasText: 'no-es-foto.jpg' })).toContainText('no es una imagen');
    await expect(app.getByText('Principal')).toBeVisible();
    await screen(app, '26-instrumento-fotos');
    await app.keyboard.press('Escape');

    // Until the stored format arrives the field cannot be typed in: what was typed would be
    // replaced by it (held here as a slow PC would hold it).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await app.route('**/api/inventory.settings', async (route) => {
      await held;
      await route.continue();
    });
    await app.getByRole('button', { name: 'Formato del código patrimonial' }).click();
    const dlg = app.getByRole('dialog', { name: 'Formato del código patrimonial' });
    await expect(dlg.getByLabel('Máscara del código')).toBeDisabled();
    await expect(dlg.getByRole('button', { name: 'Guardar' })).toBeDisabled();
    release();
    await dlg.getByLabel('Máscara del código').fill('inpe-9999-999999');
    await expect(dlg.getByText('Ejemplo: INPE-1852-963074')).toBeVisible();
    await dlg.getByRole('button', { name: 'Guardar' }).click();
    await expect(dlg).toBeHidden();
    const refused = await harness.services.dispatch('instruments.create', {
      code: 'OTRO-1',
      typeId: 1,
      costCentimos: 0,
      funding: 'donacion',
      condition: 'bueno',
      altaDate: '2026-01-01',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { fields: { code: expect.stringContaining('no sigue el formato del inventario') } },
    });
  });
});
