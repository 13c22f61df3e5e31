import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import type { ChannelName } from '../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/ipc';
import { memorySecrets } from '../../electron/harness/secrets';
import { createServices, type Services } from '../../electron/main/compose';
import { startDatabase } from '../../electron/main/db/open';
import type { Platform } from '../../electron/main/platform';

/** A new PC's installation: its own SQLite file and services, nobody signed in, no account (a prison's site before «Instalar como sede»). */
export interface NewPc {
  db: Knex;
  services: Services;
  call<K extends ChannelName>(name: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>>;
  /** A call that must succeed: its data, or the error thrown. */
  ok<K extends ChannelName>(name: K, input: ChannelInput<K>): Promise<ChannelOutput<K>>;
  /** Where its save dialogs put files (a USB stick). */
  exportDir: string;
  /** The file its next open dialog answers; null: cancelled. */
  nextOpen: { path: string | null };
  close(): Promise<void>;
}

/** A new installation's database and services, as the app starts on a new PC. */
export async function newPc(): Promise<NewPc> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-sede-'));
  const exportDir = path.join(dir, 'usb');
  fs.mkdirSync(exportDir);
  const paths = { dbPath: path.join(dir, 'sede.sqlite'), backupDir: path.join(dir, 'backups'), attachmentsDir: path.join(dir, 'adjuntos') };
  const started = await startDatabase(paths);
  if (started.status !== 'ok') throw new Error('new site database reported damaged');
  const nextOpen: { path: string | null } = { path: null };
  const platform: Platform = {
    shell: 'electron',
    version: '0.0.0-test',
    paths,
    chooseSavePath: async (req) => path.join(exportDir, req.defaultName),
    chooseOpenFile: async () => nextOpen.path,
    showInFolder: async () => undefined,
    printPdf: async () => Buffer.alloc(0),
    secrets: memorySecrets(),
  };
  const services = await createServices(started.db, platform, { onInternalError: (channel, err) => console.error(channel, err) });
  const call = <K extends ChannelName>(name: K, input: ChannelInput<K>) =>
    services.dispatch(name, input) as Promise<Result<ChannelOutput<K>>>;
  return {
    db: started.db,
    services,
    call,
    async ok(name, input) {
      const r = await call(name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.data;
    },
    exportDir,
    nextOpen,
    async close() {
      await services.close();
      await started.db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new PC installed as a site with the centre's enrolment package (sites.install), with `username` signed in there. */
export async function installedPc(enrolled: { path: string; passphrase: string }, username: string, password: string): Promise<NewPc> {
  const pc = await newPc();
  const installed = await pc.call('sites.install', {
    fileName: 'alta.arteinpe-alta',
    dataBase64: fs.readFileSync(enrolled.path).toString('base64'),
    passphrase: enrolled.passphrase,
  });
  if (!installed.ok) throw new Error(`not installed: ${JSON.stringify(installed)}`);
  const signed = await pc.call('auth.signIn', { username, password });
  if (!signed.ok) throw new Error(`sign-in refused at the site: ${JSON.stringify(signed.error)}`);
  return pc;
}

/**
 * The centre enrols a prison as a site (sites.enrol) and a new PC installs it with `username`
 * signed in there: the site's row at the centre (what sites.writePackage names) and the PC.
 */
export async function enrolledSite(
  centre: { ok<K extends ChannelName>(name: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> },
  establishmentId: number,
  username: string,
  password: string,
): Promise<{ siteRow: number; pc: NewPc }> {
  const enrolled = await centre.ok('sites.enrol', { establishmentId });
  if (enrolled.status !== 'saved') throw new Error('enrolment cancelled');
  const site = (await centre.ok('sites.list', {})).find((s) => s.establishmentId === establishmentId);
  if (!site) throw new Error('the enrolled site is not listed');
  return { siteRow: site.id, pc: await installedPc(enrolled, username, password) };
}
