import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { Harness } from '../../../electron/harness/server';
import { ensureUser, signInAs as signInSession } from '../../../electron/main/auth/seed';
import { expect, screen, test, TEST_PASSWORD, testAccount } from '../fixtures';
import { createEstablishment, createInstrument, createParticipant, createStaff, handOver, ok } from '../steps';

/**
 * Participants' names in the inventory and InternArte, as each role sees them in the real
 * renderer: the inventory clerk reads "Nombre reservado" where a participant holds an
 * instrument; the administrador's report that names one asks why first; the read-only
 * role sees a consent's document only as "Adjunto (reservado)".
 */

const PARTICIPANT = 'Juan Pérez Quispe (PPL-0001)';
const REASON = 'Inventario anual pedido por la Oficina Regional Lima';

/** E.P. de Lurigancho, where both describe blocks work. */
const lurigancho = (harness: Harness) => createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });

/** An establishment with a violin held by a participant and one held by a staff member (written as the administrador). */
async function seed(harness: Harness): Promise<void> {
  const est = await lurigancho(harness);
  const juan = await createParticipant(harness, {
    code: 'PPL-0001',
    firstNames: 'Juan',
    lastNames: 'Pérez Quispe',
    establishmentId: est.id,
  });
  const carmen = await createStaff(harness, est.id, 'Carmen Rojas Vega');
  for (const [code, custodian] of [
    ['LUR-001', { type: 'participante', id: juan.id }],
    ['LUR-002', { type: 'personal', id: carmen.id }],
  ] as const) {
    const i = await createInstrument(harness, code, est.id, { altaDate: '2026-03-01', condition: 'bueno', costCentimos: 90000 });
    await handOver(harness, i.id, custodian, '2026-03-05');
  }
}

async function signInAs(harness: Harness, app: Page, role: 'inventario' | 'consulta') {
  await ensureUser(harness.db, { ...testAccount(role), role, password: TEST_PASSWORD });
  await signInSession(harness.db, harness.services.session, testAccount(role).username);
  await app.reload();
}

async function inventoryReport(app: Page, button: 'PDF' | 'Excel') {
  await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Reportes de inventario' }).click();
  const card = app.getByRole('region', { name: 'Inventario por establecimiento' });
  await card.getByRole('combobox', { name: 'Establecimiento' }).fill('Lurigancho');
  await app.getByRole('option', { name: 'E.P. de Lurigancho', exact: true }).click();
  await card.getByRole('button', { name: button }).click();
  return card;
}

/** Every cell of the workbook's sheets, as text. */
async function workbookText(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => JSON.stringify(ws.getSheetValues())).join('\n');
}

const savedIn = async (card: ReturnType<Page['getByRole']>) =>
  (await card.getByTestId('saved-path').innerText()).replace('Archivo guardado en: ', '').trim();

test.describe('Custodios participantes', () => {
  test('the inventory clerk reads "Nombre reservado" in the register, the record and the report', async ({ app, harness }) => {
    await seed(harness);
    await signInAs(harness, app, 'inventario');
    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Instrumentos', exact: true }).click();
    const row = app.getByRole('row', { name: /LUR-001/ });
    await expect(row).toContainText('Nombre reservado');
    await expect(app.getByRole('row', { name: /LUR-002/ })).toContainText('Carmen Rojas Vega');
    await row.getByRole('cell', { name: 'LUR-001', exact: true }).click();
    const record = app.getByRole('dialog', { name: 'Ficha: LUR-001' });
    await expect(record).toContainText('Nombre reservado (Participante)');
    await expect(app.locator('body')).not.toContainText('Juan');
    // The return is still offered: the record knows the instrument is held.
    await record.getByRole('button', { name: 'Registrar movimiento' }).click();
    await app.getByRole('dialog', { name: 'Registrar movimiento', exact: true }).getByRole('combobox', { name: 'Movimiento' }).click();
    await expect(app.getByRole('option', { name: 'Devolución del custodio' })).toBeVisible();
    await screen(app, 'privacidad-inventario-custodio-reservado');
    await app.keyboard.press('Escape');
    await app.keyboard.press('Escape');
    await app.keyboard.press('Escape');

    // The report asks no reason (it names nobody) and masks the participant (the PDF is checked in the unit tests).
    const card = await inventoryReport(app, 'Excel');
    await expect(card.getByTestId('saved-path')).toContainText('.xlsx');
    await expect(app.getByRole('dialog', { name: 'Motivo de la exportación' })).toHaveCount(0);
    const cells = await workbookText(await savedIn(card));
    expect(cells).toContain('Nombre reservado (Participante)');
    expect(cells).not.toMatch(/Juan|PPL-0001/);
  });

  test('the administrador’s report that names a participant asks why first, and is logged', async ({ app, harness }) => {
    await seed(harness);
    await app.reload();
    const card = await inventoryReport(app, 'Excel');
    const ask = app.getByRole('dialog', { name: 'Motivo de la exportación' });
    await expect(ask).toContainText(
      'el inventario del establecimiento con los nombres de los participantes que tienen instrumentos a su cargo',
    );
    await ask.getByRole('textbox', { name: 'Motivo' }).fill('corto');
    await ask.getByRole('button', { name: 'Exportar' }).click();
    await expect(ask.getByText('Explique el motivo en al menos 10 caracteres.')).toBeVisible();
    await ask.getByRole('textbox', { name: 'Motivo' }).fill(REASON);
    await screen(app, 'privacidad-reporte-inventario-motivo', { settle: false });
    await ask.getByRole('button', { name: 'Exportar' }).click();
    await expect(card.getByTestId('saved-path')).toContainText('.xlsx');
    expect(await workbookText(await savedIn(card))).toContain(PARTICIPANT);
    expect(await harness.db('personal_data_exports').select('channel', 'reason')).toEqual([
      { channel: 'inventory.reportByEstablishment', reason: REASON },
    ]);
  });

  test('cancelling the reason writes no file and logs nothing', async ({ app, harness }) => {
    await seed(harness);
    await app.reload();
    const card = await inventoryReport(app, 'Excel');
    const ask = app.getByRole('dialog', { name: 'Motivo de la exportación' });
    await ask.getByRole('button', { name: 'Cancelar' }).click();
    await expect(ask).toBeHidden();
    await expect(card.getByRole('button', { name: 'Excel' })).toBeEnabled();
    await expect(card.getByTestId('saved-path')).toHaveCount(0);
    expect(await harness.db('personal_data_exports').count({ n: '*' })).toEqual([{ n: 0 }]);
  });
});

test.describe('Consentimiento de una obra', () => {
  test('the read-only role sees that the signed form is on file, not its name nor the notes', async ({ app, harness }) => {
    const est = await lurigancho(harness);
    const work = await ok<{ id: number }>(harness, 'artworks.create', {
      title: 'Vasija ceremonial',
      artistName: 'José Luis Quispe Mamani',
      establishmentId: est.id,
      technique: 'ceramica_alta_temperatura',
      heightMm: 320,
      widthMm: 210,
      receivedOn: '2026-09-01',
    });
    await ok(harness, 'artworks.recordConsent', {
      artworkId: work.id,
      date: '2026-10-01',
      naming: 'seudonimo',
      pseudonym: 'Wayra',
      mayExhibit: true,
      mayCatalog: true,
      mayPhotograph: true,
      maySell: false,
      notes: 'Firmó con su abogada presente',
      document: { fileName: 'consentimiento-quispe.pdf', dataBase64: Buffer.from('%PDF-1.4\n% firmado\n%%EOF\n').toString('base64') },
    });
    await signInAs(harness, app, 'consulta');
    await app.getByRole('navigation', { name: 'Navegación' }).getByRole('link', { name: 'Obras', exact: true }).click();
    await app.getByRole('row', { name: /Vasija ceremonial/ }).click();
    await app.getByRole('tab', { name: 'Consentimiento' }).click();
    const entry = app.getByTestId('consent-entry');
    await expect(entry).toContainText('Adjunto (reservado)');
    await expect(entry).toContainText('Seudónimo: Wayra');
    await expect(app.locator('body')).not.toContainText('consentimiento-quispe');
    await expect(app.locator('body')).not.toContainText('abogada');
    await screen(app, 'privacidad-consulta-consentimiento');
  });
});
