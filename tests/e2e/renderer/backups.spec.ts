import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, screen, test } from '../fixtures';
import { createEstablishment } from '../steps';

/**
 * Backups (issue 12): a copy to a chosen folder (a USB stick) carries every person's data,
 * so it asks why and is logged with that reason; a backup from another folder that was
 * tampered with is refused in plain Spanish and nothing changes. Screenshots 57–58.
 */

const REASON = 'Copia mensual para el archivo de la oficina central';

test('a copy to a chosen folder asks why (refused when too short or cancelled) and is logged among the exports with personal data', async ({
  app,
  harness,
}) => {
  await app.getByRole('link', { name: 'Copias de seguridad' }).click();
  await expect(app.getByRole('heading', { name: 'Copias de seguridad' })).toBeVisible();

  await app.getByRole('button', { name: 'Crear copia de seguridad…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Motivo de la exportación' });
  await expect(dialog).toContainText(
    'Va a exportar una copia de seguridad completa: todos los datos, con los datos personales de los participantes y artistas.',
  );
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.getByTestId('backup-progress')).toHaveCount(0);

  await app.getByRole('button', { name: 'Crear copia de seguridad…' }).click();
  await dialog.getByLabel('Motivo').fill('USB');
  await dialog.getByRole('button', { name: 'Exportar' }).click();
  await expect(dialog.getByText('Explique el motivo en al menos 10 caracteres.')).toBeVisible();
  await expect(dialog.getByLabel('Motivo')).toHaveValue('USB'); // what was typed stays
  await screen(app, '57-copia-motivo');
  expect(fs.existsSync(harness.exportDir) ? fs.readdirSync(harness.exportDir).filter((f) => f.startsWith('arteinpe-')) : []).toEqual([]);

  await dialog.getByLabel('Motivo').fill(REASON);
  await dialog.getByRole('button', { name: 'Exportar' }).click();
  await expect(app.getByTestId('saved-path')).toContainText('exportaciones');

  await app.getByRole('link', { name: 'Auditoría' }).click();
  await expect(app.getByRole('heading', { name: 'Registro de auditoría' })).toBeVisible();
  await app.getByRole('tab', { name: 'Exportaciones con datos personales' }).click();
  const row = app.getByRole('row', { name: new RegExp(REASON) });
  await expect(row).toContainText('Administrador local');
  await expect(row).toContainText(/Copia de seguridad completa en una carpeta externa \(arteinpe-\d{8}-\d{6}-manual\)/);
});

test('a backup from another folder whose attachment climbs out of the attachments folder is refused, in Spanish, and nothing changes', async ({
  app,
  harness,
}) => {
  await createEstablishment(harness, { code: 'EP-ANTES-01', name: 'E.P. Antes', population: 'mujeres', inProgramme: false });
  const made = await harness.services.dispatch('backups.create', { destination: 'external', reason: REASON });
  if (!made.ok) throw new Error(JSON.stringify(made.error));
  const done = await harness.services.jobs.wait((made.data as { jobId: string }).jobId);
  const folder = (done?.result as { path: string }).path;
  // The crafted entry: its first nine characters stand for "adjuntos/", the rest climbs out to Startup.
  const entry = 'a/b/c/d/x/../Startup/evil.cmd';
  const file = path.resolve(folder, ...entry.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '@echo off\r\n');
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { attachments: unknown[] };
  manifest.attachments.push({
    file: entry,
    bytes: fs.statSync(file).size,
    sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
  });
  fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest));

  await app.getByRole('link', { name: 'Copias de seguridad' }).click();
  await app.getByRole('button', { name: 'Restaurar desde otra carpeta…' }).click();
  const dialog = app.getByRole('dialog');
  await dialog.getByLabel('Entiendo que los datos actuales se reemplazarán').check();
  await dialog.getByRole('button', { name: 'Restaurar' }).click();
  await expect(app.getByRole('alert')).toHaveText(
    'La copia no es válida: nombra un archivo fuera de los lugares de una copia de ArteINPE (a/b/c/d/x/../Startup/evil.cmd). Puede ser una copia manipulada. No se cambió nada.',
  );
  await screen(app, '58-copia-manipulada');
  // Still signed in, no copy of the current state made, nothing written beside the attachments.
  await expect(app.getByRole('button', { name: 'Menú del usuario' })).toBeVisible();
  await expect(app.getByRole('row', { name: /Antes de restaurar/ })).toHaveCount(0);
  expect(fs.existsSync(path.join(path.dirname(harness.exportDir), 'Startup'))).toBe(false);
});
