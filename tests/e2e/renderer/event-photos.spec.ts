import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { expect, notified, screen, test } from '../fixtures';
import { chooseFiles, createEstablishment, ok } from '../steps';

/**
 * An event's photos, in the app's one gallery (components/PhotoGallery.tsx, as an instrument's):
 * several chosen at once, a file that is not an image refused in Spanish on its own line while
 * the others are added, each photo named under its thumbnail (an event has no primary photo),
 * a link removed.
 */
test.describe('Fotos de un evento', () => {
  test('added from disk in the event’s form, a non-image refused, one removed', async ({ app, harness }) => {
    const lurigancho = await createEstablishment(harness, { code: 'EP-LUR-01', name: 'E.P. de Lurigancho' });
    const event = await ok<{ id: number }>(harness, 'events.create', {
      type: 'recital',
      title: 'Recital de fin de taller',
      date: '2026-03-20',
      venueKind: 'establecimiento',
      establishmentId: lurigancho.id,
      audiences: { internos: 80, familiares: 10, personal: 5, externo: 0, autoridades: 1 },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-event-photo-'));
    const photo = async (name: string, background: string) => {
      const file = path.join(dir, name);
      await sharp({ create: { width: 800, height: 600, channels: 3, background } })
        .jpeg()
        .toFile(file);
      return file;
    };
    const stage = await photo('escenario.jpg', '#8a5a2b');
    const hall = await photo('publico.jpg', '#2f4858');
    const fake = path.join(dir, 'no-es-foto.jpg');
    fs.writeFileSync(fake, 'texto');
    await app.reload();

    await app.getByRole('link', { name: 'Eventos y temporada' }).click();
    await app.getByRole('row', { name: /Recital de fin de taller/ }).click();
    const form = app.getByRole('dialog', { name: 'Editar evento' });
    await expect(form.getByText('Fotos', { exact: true })).toBeVisible();
    await chooseFiles(app, form.getByRole('button', { name: 'Agregar foto' }), [stage, fake, hall]);
    await expect(form.getByRole('img', { name: 'escenario.jpg' })).toBeVisible();
    await expect(form.getByRole('img', { name: 'publico.jpg' })).toBeVisible();
    await expect(form.getByRole('alert').filter({ hasText: 'no-es-foto.jpg' })).toContainText('no es una imagen');
    await notified(app, 'Se agregó la foto.');
    // No primary photo for an event: the file's name where an instrument's badge would be.
    await expect(form.getByText('escenario.jpg', { exact: true })).toBeVisible();
    await expect(form.getByText('Principal')).toHaveCount(0);
    await expect(form.getByRole('button', { name: /^Usar como principal/ })).toHaveCount(0);
    await form.getByRole('img', { name: 'publico.jpg' }).scrollIntoViewIfNeeded();
    await screen(app, 'evento-fotos');
    expect(await harness.db('event_photos').where({ event_id: event.id }).count({ n: '*' })).toEqual([{ n: 2 }]);

    await form.getByRole('button', { name: 'Quitar foto: publico.jpg' }).click();
    await expect(form.getByRole('img', { name: 'publico.jpg' })).toHaveCount(0);
    await expect(form.getByRole('img', { name: 'escenario.jpg' })).toBeVisible();
    expect(await harness.db('event_photos').where({ event_id: event.id }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });
});
