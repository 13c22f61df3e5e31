import { createHash } from 'node:crypto';
import fs from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeEach, expect } from 'vitest';
import { donatedInstrument, testApp, validEstablishment, type TestApp } from '../../helpers/services';

/** What the backup tests (backups*.test.ts) share: each test's app, the data they back up and a backup made through the channel. */

export let app: TestApp;

/** A fresh app for each test of the file that calls this (at its top), closed after the test. */
export function appForEachTest(): void {
  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(() => app.close());
}

export const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const png = (color: string) =>
  sharp({ create: { width: 60, height: 40, channels: 3, background: color } })
    .png()
    .toBuffer();

/** An establishment and an instrument with a photo: rows and managed files to back up. */
export async function someData() {
  const e = await app.ok('establishments.create', validEstablishment());
  const i = await app.ok('instruments.create', donatedInstrument('VIO-1'));
  await app.ok('instruments.addPhoto', { id: i.id, fileName: 'violin.png', dataBase64: (await png('#a33')).toString('base64') });
  return { e, i };
}

/** What the daily backup works with: the test app's database, attachments folder and backups folder. */
export const dailyBackupOptions = () => ({
  db: app.db,
  attachmentsDir: app.platform.paths.attachmentsDir,
  backupDir: app.platform.paths.backupDir,
  appVersion: 't',
});

/** A backup to this PC's backups folder through the channel, made and checked: its name. */
export async function backupNow(): Promise<string> {
  const { jobId } = await app.ok('backups.create', { destination: 'local' });
  const s = await app.jobs.wait(jobId);
  expect(s).toMatchObject({ state: 'done', result: { status: 'saved' } });
  return (s!.result as { name: string }).name;
}
