import fs from 'node:fs';
import JSZip from 'jszip';
import { limaToday } from '../../../shared/contracts/rules';
import { expect, notified, screen, test } from '../fixtures';
import { createEstablishment, createParticipant, createWorkshop, ok } from '../steps';

/**
 * The UNESCO entry in the real renderer (issue 17, item 5): the year's texts written in their
 * form, the card's Word button saves the entry itself (read back from the file: the form's
 * headings in order, the year's texts, the figures with "< 5" for small counts, no names).
 */

const year = Number(limaToday(new Date().toISOString()).slice(0, 4));

async function wordText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u00a0/g, ' ');
}

test.describe('Entrada UNESCO', () => {
  test('the texts of the year are saved and the Word file is the entry', async ({ app, harness }) => {
    const est = await createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });
    const w = await createWorkshop(harness, est.id, { startDate: `${year}-03-01` });
    const a = await createParticipant(harness, {
      code: 'PPL-0101',
      firstNames: 'Zacarías',
      lastNames: 'Ñahuincopa',
      establishmentId: est.id,
    });
    const b = await createParticipant(harness, { code: 'PPL-0102', firstNames: 'Pedro', lastNames: 'Yupanqui', establishmentId: est.id });
    await ok(harness, 'enrolments.create', { workshopId: w.id, participantIds: [a.id, b.id], date: `${year}-03-02` });
    await ok(harness, 'partners.create', { name: 'Municipalidad Metropolitana de Lima', type: 'sector_publico' });

    await app.getByRole('link', { name: 'Reportes del programa' }).click();
    const preview = app.getByTestId('unesco-preview');
    await expect(preview).toContainText('Total de participantes beneficiarios: < 5');

    await app.getByRole('button', { name: 'Textos del año' }).click();
    const form = app.getByRole('dialog', { name: `Textos de la entrada UNESCO ${year}` });
    await form.getByLabel('Principales características de la política/medida').fill('El arte como herramienta de resocialización.');
    await form.getByText('Sí', { exact: true }).click();
    await form.getByLabel('Principales conclusiones/recomendaciones').fill('Cerrar las brechas de acceso.');
    await form.getByLabel('Objetivo 4: Promover los derechos humanos y las libertades fundamentales').check();
    await form.getByLabel('Música').check();
    await form.getByRole('button', { name: 'Guardar' }).click();
    await notified(app, `Se guardaron los textos de la entrada UNESCO ${year}.`);
    await expect(form).toBeHidden();
    await expect(preview).toContainText('El arte como herramienta de resocialización.');
    await expect(preview).toContainText('Objetivo 4: Promover los derechos humanos');
    await screen(app, '73-entrada-unesco');

    await app.getByRole('button', { name: 'Word (.docx)' }).click();
    const file = (await app.getByTestId('saved-path').innerText()).replace('Archivo guardado en: ', '').trim();
    expect(file.endsWith('.docx')).toBe(true);
    const text = await wordText(file);
    const parts = [
      'Describa las principales características de la política/medida:',
      'El arte como herramienta de resocialización.',
      'Se han desarrollado las siguientes actividades:',
      '¿Cuáles son los resultados alcanzados hasta la fecha con la aplicación de la política/medida?:',
      'Total de participantes beneficiarios: < 5 (varones: < 5; mujeres: 0).',
      'Recursos financieros asignados a la política/medida en USD:',
      'Socio(s) que participa(n) en la aplicación de la medida:',
      '¿Se ha evaluado la aplicación de la política/medida?:',
      'Sí',
      'Cerrar las brechas de acceso.',
      'Objetivo(s) de la Convención de 2005 de la UNESCO',
      'Objetivo 4: Promover los derechos humanos y las libertades fundamentales',
      'Ámbito(s) cultural(es)',
      'Música',
    ];
    let at = -1;
    for (const p of parts) {
      const next = text.indexOf(p, at + 1);
      expect(next, p).toBeGreaterThan(at);
      at = next;
    }
    for (const name of ['Zacarías', 'Ñahuincopa', 'Yupanqui', 'PPL-0101']) expect(text).not.toContain(name);
  });
});
