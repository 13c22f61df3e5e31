import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { authorise, budget, conformityInput, period, signedContract, teacher } from '../../helpers/contracts';
import { allowAll, artworkInput } from '../../helpers/internarte';
import { expect, screen, test } from '../fixtures';
import { chooseFiles, createEstablishment, createInstrument, createParticipant, ok, okOf, savedPath } from '../steps';

/**
 * Filing the paper (issue 16, item 4): a recibo por honorarios attached to a conformity, a
 * transfer's scanned dispatch with its printed acta, a stocktake's signed acta and a
 * participant's consent form, each through the record's own page or dialog.
 */

const MONTHS = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Setiembre', 'Octubre', 'Noviembre', 'Diciembre'];
const monthName = (p: string) => `${MONTHS[Number(p.slice(5, 7)) - 1]} ${p.slice(0, 4)}`;

/** A file of the clerk's scanner, written where the test keeps its files. */
function scanned(name: string, bytes: Buffer): string {
  const file = test.info().outputPath(name);
  fs.writeFileSync(file, bytes);
  return file;
}
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const jpeg = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: '#e8e2d0' } })
    .jpeg()
    .toBuffer();

async function attach(app: Page, scope: ReturnType<Page['getByRole']>, file: string) {
  await chooseFiles(app, scope.getByRole('button', { name: 'Adjuntar' }), file);
}

test.describe('Documentos firmados', () => {
  test('a recibo por honorarios attached to a conformity: a wrong file refused in Spanish, the receipt listed and copied', async ({
    app,
    harness,
  }) => {
    const est = (await createEstablishment(harness, { code: 'EP-LIM-01', name: 'E.P. de Lurigancho' })).id;
    const ok$ = okOf(harness);
    const t = (await teacher(ok$)).id;
    await authorise(ok$, t, est);
    await budget(ok$);
    if (period(4).slice(0, 4) !== period(0).slice(0, 4)) await budget(ok$, Number(period(4).slice(0, 4)));
    const c = await signedContract(ok$, t, est);
    await ok$('conformities.create', conformityInput(c.id, -2));
    await app.reload();

    await app.getByRole('link', { name: 'Conformidades y pagos' }).click();
    const name = `OS N° 0123-2026 ${monthName(period(-2))}`;
    await app.getByRole('button', { name: `Documentos firmados: ${name}` }).click();
    const dialog = app.getByRole('dialog', { name: `Documentos firmados: ${name}` });
    await expect(dialog.getByText('Aún no se adjuntó ningún documento.')).toBeVisible();

    await attach(app, dialog, scanned('notas.txt', Buffer.from('no es un recibo')));
    await expect(dialog.getByRole('alert')).toHaveText(
      '«notas.txt» no es un documento: adjunte un PDF o una imagen (JPEG, PNG, WebP, TIFF o GIF).',
    );
    await expect(dialog.getByText('Aún no se adjuntó ningún documento.')).toBeVisible();

    await attach(app, dialog, scanned('recibo-E001-102.pdf', pdf('Recibo por honorarios E001-102')));
    const listed = dialog.getByTestId('documents');
    await expect(listed).toContainText('recibo-E001-102.pdf');
    await expect(listed).toContainText('Recibo por honorarios');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await screen(app, '95-documentos-conformidad');

    await dialog.getByRole('button', { name: 'Guardar una copia: recibo-E001-102.pdf' }).click();
    expect(fs.readFileSync(await savedPath(app), 'latin1')).toContain('Recibo por honorarios E001-102');
  });

  test("a transfer's scanned dispatch and its printed acta, from the instrument's history", async ({ app, harness }) => {
    const from = (await createEstablishment(harness, { code: 'EP-LIM-01', name: 'E.P. de Lurigancho' })).id;
    const to = (await createEstablishment(harness, { code: 'EP-LIM-03', name: 'E.P. del Callao' })).id;
    const i = await createInstrument(harness, 'VIO-0101', from);
    await ok(harness, 'instruments.move', {
      instrumentIds: [i.id],
      movement: { kind: 'despacho', toEstablishmentId: to, date: '2026-04-10', documentNumber: 'ACTA-TR-12', person: 'Rosa Huamán' },
    });
    await app.reload();
    await app.getByRole('link', { name: 'Instrumentos', exact: true }).click();
    await app.getByRole('button', { name: 'Ficha: VIO-0101' }).click();
    const record = app.getByRole('dialog', { name: /^Ficha: / });
    await record.getByRole('button', { name: /^Documentos firmados: Despacho de transferencia 10\/04\/2026/ }).click();
    const dialog = app.getByRole('dialog', { name: /^Documentos firmados: Despacho/ });
    await attach(app, dialog, scanned('guia-despacho.jpg', await jpeg()));
    await expect(dialog.getByTestId('documents')).toContainText('guia-despacho.jpg');
    await expect(dialog.getByTestId('documents')).toContainText('Guía o acta de despacho');
    await screen(app, '96-documentos-traslado');

    await dialog.getByRole('button', { name: 'Acta de traslado (PDF)' }).click();
    const text = execFileSync('pdftotext', [await savedPath(app), '-']).toString('utf8');
    expect(text).toContain('Acta de traslado de instrumentos musicales N.° ACTA-TR-12');
    expect(text).toContain('Pendiente de recepción');
  });

  test("a stocktake's signed acta on its page, and a participant's consent form in the participant's record", async ({ app, harness }) => {
    const est = (await createEstablishment(harness, { code: 'EP-LIM-01', name: 'E.P. de Lurigancho' })).id;
    const s = await ok<{ id: number }>(harness, 'stocktakes.open', { establishmentId: est });
    await createParticipant(harness, { code: 'INT-2026-0042', firstNames: 'Juan', lastNames: 'Pérez Quispe', establishmentId: est });
    await app.goto(`${harness.url}#/inventario-fisico/${s.id}`);
    const papers = app.getByTestId('papers-stocktakes');
    await attach(app, papers, scanned('acta-inventario-firmada.pdf', pdf('Acta firmada')));
    await expect(papers.getByTestId('documents')).toContainText('Acta de inventario firmada');
    await screen(app, '97-documentos-inventario');

    await app.getByRole('link', { name: 'Participantes' }).click();
    await app.getByRole('row', { name: /INT-2026-0042/ }).click();
    const consent = app.getByTestId('papers-participants');
    await attach(app, consent, scanned('consentimiento-firmado.jpg', await jpeg()));
    await expect(consent.getByTestId('documents')).toContainText('Consentimiento informado firmado');
    await screen(app, '98-documentos-consentimiento');
  });

  test("an artwork loan's signed agreement, from the exhibition's loans", async ({ app, harness }) => {
    const est = (await createEstablishment(harness, { code: 'EP-LIM-01', name: 'E.P. de Lurigancho' })).id;
    const a = await ok<{ id: number }>(harness, 'artworks.create', { ...artworkInput(est), receivedOn: '2026-09-01' });
    await ok(harness, 'artworks.recordConsent', allowAll(a.id));
    const ex = await ok<{ id: number }>(harness, 'exhibitions.create', {
      title: 'InternArte: otra forma de libertad',
      venue: 'Museo de Artes y Tradiciones Populares',
      startsOn: '2026-11-01',
      endsOn: '2027-01-31',
    });
    await ok(harness, 'exhibitions.addWorks', { exhibitionId: ex.id, artworkIds: [a.id] });
    await ok(harness, 'exhibitions.lend', {
      exhibitionId: ex.id,
      artworkId: a.id,
      lentOn: '2026-10-25',
      insuranceCentimos: 500000,
      conditionOut: 'Buen estado',
    });
    await app.goto(`${harness.url}#/exposiciones/${ex.id}`);
    await app.getByRole('tab', { name: /^Préstamos/ }).click();
    await app.getByRole('button', { name: 'Documentos firmados: Vasija ceremonial' }).click();
    const dialog = app.getByRole('dialog', { name: 'Documentos firmados: Vasija ceremonial' });
    await attach(app, dialog, scanned('convenio-prestamo-firmado.pdf', pdf('Convenio de préstamo')));
    await expect(dialog.getByTestId('documents')).toContainText('Convenio de préstamo');
    await screen(app, '99-documentos-prestamo');
  });
});
