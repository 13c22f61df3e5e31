/**
 * The child process of tests/unit/main/crash-safety.test.ts, bundled by it and killed with
 * SIGKILL at a random moment. Over one data folder it repeats, for ever: a spreadsheet
 * import of 120 instruments (all rows or none), a two-step transfer of one instrument
 * (despacho then recepción), and a full backup. After each committed step it appends one
 * line to the log file and flushes it to disk, so the parent knows what was committed
 * before the kill.
 *
 *   node <the bundle crash-safety.test.ts makes of this file> <dataDir> <logFile>
 */
import fs from 'node:fs';
import { flushCompileCache } from 'node:module';
import path from 'node:path';
import { createServices } from '../../electron/main/compose';
import { startDatabase } from '../../electron/main/db/open';
import { createFullBackup } from '../../electron/main/backups/archive';
import { ensureUser, signInAs } from '../../electron/main/auth/seed';
import type { Platform } from '../../electron/main/platform';

export const BATCH_ROWS = 120;

const [dataDir, logFile] = process.argv.slice(2) as [string, string];
const paths = {
  dbPath: path.join(dataDir, 'arteinpe.sqlite'),
  backupDir: path.join(dataDir, 'copias'),
  attachmentsDir: path.join(dataDir, 'adjuntos'),
};

function log(line: string): void {
  const fd = fs.openSync(logFile, 'a');
  fs.writeSync(fd, `${line}\n`);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}

async function main(): Promise<void> {
  const started = await startDatabase(paths);
  if (started.status !== 'ok') {
    console.log(`damaged ${started.problems.join('; ')}`);
    process.exit(3);
  }
  const db = started.db;
  const platform: Platform = {
    shell: 'browser',
    version: 'crash-test',
    paths,
    chooseSavePath: async () => null,
    showInFolder: async () => undefined,
    printPdf: async () => {
      throw new Error('no PDF here');
    },
  };
  const services = await createServices(db, platform);
  await ensureUser(db, {
    username: 'admin-local',
    fullName: 'Administrador local',
    role: 'administrador',
    password: 'Clave-de-prueba-2026',
  });
  await signInAs(db, services.session, 'admin-local');
  const ok = async (channel: string, input: unknown) => {
    const r = await services.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.data as Record<string, unknown>;
  };
  if ((await db('establishments').count({ n: '*' }))[0]!.n === 0) {
    for (const [code, name] of [
      ['EP-LIM-01', 'E.P. de Lurigancho'],
      ['EP-CUS-01', 'E.P. de Cusco'],
    ]) {
      await ok('establishments.create', { code, name, regionalOfficeId: 1, population: 'varones', city: 'Lima', inProgramme: true });
    }
  }
  const ests = (await db('establishments').orderBy('id').pluck('id')) as number[];
  const batches = (await db('instruments').where('code', 'like', 'K%-%').pluck('code')) as string[];
  let k = 1 + Math.max(0, ...batches.map((c) => Number(c.slice(1, c.indexOf('-')))));
  // The compiled modules written to NODE_COMPILE_CACHE now: a SIGKILL never lets Node write them at exit.
  flushCompileCache();
  console.log('ready');

  for (;;) {
    // 1. An import: all rows or none. (Each step says when it starts: the parent kills within a step it chose.)
    console.log('step import');
    const rows = Array.from({ length: BATCH_ROWS }, (_, i) => `K${k}-${String(i + 1).padStart(4, '0')};Violín;bueno;E.P. de Lurigancho`);
    const csv = Buffer.from(`Código;Tipo;Estado;Establecimiento\n${rows.join('\n')}\n`, 'utf8').toString('base64');
    const up = await ok('import.inspect', { target: 'instruments', fileName: `lote-${k}.csv`, dataBase64: csv });
    const job = await ok('import.run', {
      uploadId: up.uploadId,
      mapping: { code: 'Código', type: 'Tipo', condition: 'Estado', establishment: 'Establecimiento' },
      mode: 'create',
    });
    const status = await services.jobs.wait(String(job.jobId));
    if (status?.state !== 'done') throw new Error(`import ${k}: ${JSON.stringify(status?.error)}`);
    log(`import ${k} ${BATCH_ROWS}`);

    // 2. A transfer in two steps, each its own committed write.
    const id = (
      await db('instruments')
        .where({ code: `K${k}-0001` })
        .first('id')
    ).id as number;
    const to = ests[1]!; // from Lurigancho (where the import put it) to Cusco
    console.log('step move');
    await ok('instruments.move', {
      instrumentIds: [id],
      movement: { kind: 'despacho', toEstablishmentId: to, documentNumber: `GR-${k}`, person: 'Ana Torres', date: '2026-11-20' },
    });
    log(`move ${id} 2`);
    await ok('instruments.move', {
      instrumentIds: [id],
      movement: { kind: 'recepcion', person: 'Luis Rojas', condition: 'bueno', date: '2026-11-21' },
    });
    log(`move ${id} 3`);

    // 3. A full backup (database, attachments, manifest).
    console.log('step backup');
    const b = await createFullBackup({
      db,
      attachmentsDir: paths.attachmentsDir,
      destDir: paths.backupDir,
      reason: 'manual',
      createdBy: 'crash-test',
      appVersion: 'crash-test',
    });
    log(`backup ${b.name}`);
    k++;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
