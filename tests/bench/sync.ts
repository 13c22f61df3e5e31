import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { memorySecrets } from '../../electron/harness/secrets';
import { ensureUser, signInAs } from '../../electron/main/auth/seed';
import { createServices } from '../../electron/main/compose';
import { startDatabase } from '../../electron/main/db/open';
import { FolderStore } from '../../electron/main/files/store';
import { LOCAL_ADMIN } from '../../electron/main/ipc/context';
import type { Platform } from '../../electron/main/platform';
import { applyPackage } from '../../electron/main/sites/apply';
import { enrolSite } from '../../electron/main/sites/enrol';
import { installSite } from '../../electron/main/sites/install';
import { buildPackage } from '../../electron/main/sites/outbox';
import { okDispatch } from './measure';
import type { Scenario } from './scenarios';

/**
 * sync.export and sync.import (issue 20): a month of one prison site's activity — its workshops'
 * enrolments, sessions and attendance sheets up to 10,000 logged changes, and 200 instrument photos
 * (distinct JPEGs of 1,200 × 900 px, about 130 KB each) — written as one data
 * package at the site (`seconds`, `mb`: the file), then read at the centre holding the national
 * dataset (`seconds`). The site is enrolled from that centre and installed on a new SQLite file;
 * the activity goes through the site's own channels, as its clerks would type it.
 */

const CHANGES = 10_000;
const PHOTOS = 200;
const BENCH_PASSWORD = 'Bench-2026-clave';

/** A distinct photo: a JPEG of coloured noise, 1,200 × 900 px. */
async function photo(i: number): Promise<Buffer> {
  const w = 1200;
  const h = 900;
  const raw = Buffer.alloc(w * h * 3);
  let x = (i + 1) * 2654435761;
  for (let p = 0; p < raw.length; p++) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[p] = (x >>> 16) & 0xff;
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .blur(2)
    .jpeg({ quality: 85 })
    .toBuffer();
}

export const syncScenarios: Scenario = async ({ db, dir }) => {
  const secrets = memorySecrets();
  const seal = { kind: 'secrets' as const, secrets };
  // The prison with the most active participants, and a clerk of its own who travels with the enrolment.
  const est = (await db('participants')
    .where({ status: 'activo' })
    .groupBy('establishment_id')
    .orderByRaw('count(*) desc')
    .first('establishment_id')) as { establishment_id: number };
  const establishmentId = Number(est.establishment_id);
  await ensureUser(db, {
    username: 'sede.bench',
    fullName: 'Encargada de la sede (bench)',
    role: 'administrador',
    password: BENCH_PASSWORD,
    establishmentIds: [establishmentId],
  });
  const enrolment = await enrolSite(db, { establishmentId, actor: LOCAL_ADMIN, seal, centreName: 'Oficina central' });

  const siteDir = path.join(dir, 'sede');
  fs.mkdirSync(siteDir, { recursive: true });
  const paths = {
    dbPath: path.join(siteDir, 'sede.sqlite'),
    backupDir: path.join(siteDir, 'copias'),
    attachmentsDir: path.join(siteDir, 'adjuntos'),
  };
  const started = await startDatabase(paths);
  if (started.status !== 'ok') throw new Error('site database reported damaged');
  const site = started.db;
  const siteSecrets = memorySecrets();
  await installSite(site, enrolment.file, enrolment.passphrase, siteSecrets);
  const platform: Platform = {
    shell: 'browser',
    version: 'bench',
    paths,
    chooseSavePath: async (req) => path.join(siteDir, req.defaultName),
    showInFolder: async () => undefined,
    printPdf: async () => Buffer.alloc(0),
    secrets: siteSecrets,
  };
  const services = await createServices(site, platform);
  try {
    await signInAs(site, services.session, 'sede.bench');
    const ok = okDispatch(services.dispatch);

    // A month at the prison: a session a day per workshop with its sheet, for those the enrolment
    // package brought as enrolled there (a workshop without anyone gets participants not yet enrolled).
    const workshops = (await site('workshops').orderBy('id').pluck('id')) as number[];
    const enrolled = async (w: number) =>
      (await site('enrolments')
        .where({ workshop_id: w })
        .whereIn('stage', ['inscrito', 'activo'])
        .orderBy('participant_id')
        .pluck('participant_id')) as number[];
    const free = (await site('participants')
      .where({ status: 'activo' })
      .whereNotIn('id', site('enrolments').whereNotNull('workshop_id').select('participant_id'))
      .orderBy('id')
      .pluck('id')) as number[];
    const rosters: number[][] = [];
    for (const w of workshops) {
      let roster = await enrolled(w);
      if (roster.length === 0 && free.length > 0) {
        await ok('enrolments.create', { workshopId: w, ensembleId: null, participantIds: free.splice(0, 40), date: '2026-11-02' });
        roster = await enrolled(w);
      }
      rosters.push(roster);
    }
    if (!rosters.some((r) => r.length)) throw new Error('sync bench: nobody to take attendance of at the prison');
    const photoChanges = PHOTOS * 2; // an attachment and its link to the instrument
    const logged = async () => Number(((await site('site_changes').count({ n: '*' }).first()) as { n: number }).n);
    for (let day = 0; (await logged()) < CHANGES - photoChanges; day++) {
      const w = day % workshops.length;
      if (!rosters[w]!.length) continue;
      const date = new Date(Date.UTC(2026, 10, 2) + Math.floor(day / workshops.length) * 86_400_000).toISOString().slice(0, 10);
      const s = (await ok('sessions.create', { workshopId: workshops[w]!, date, durationMinutes: 90, topic: null, teacherId: null })) as {
        id: number;
      };
      await ok('attendance.save', {
        sessionId: s.id,
        marks: rosters[w]!.map((participantId, i) => ({ participantId, present: (i + day) % 5 !== 0 })),
      });
    }
    const instruments = (await site('instruments').orderBy('id').pluck('id')) as number[];
    for (let i = 0; i < PHOTOS; i++) {
      const bytes = await photo(i);
      await ok('instruments.addPhoto', {
        id: instruments[i % instruments.length]!,
        fileName: `foto-${i + 1}.jpg`,
        dataBase64: bytes.toString('base64'),
      });
    }
    const changes = await logged();

    // sync.export: the package of everything not yet acknowledged, at the site.
    const siteStore = new FolderStore(paths.attachmentsDir);
    const t0 = performance.now();
    const built = await buildPackage(site, { seal: { kind: 'secrets', secrets: siteSecrets }, store: siteStore });
    const file = path.join(dir, 'paquete.arteinpe-paquete');
    fs.writeFileSync(file, built.file);
    const exportS = (performance.now() - t0) / 1000;
    const mb = Number((fs.statSync(file).size / 1024 / 1024).toFixed(1));

    // sync.import: the same package read at the centre holding the national dataset.
    const centreStore = new FolderStore(path.join(dir, 'adjuntos'));
    const t1 = performance.now();
    const report = await applyPackage(db, fs.readFileSync(file), { seal, store: centreStore });
    const importS = (performance.now() - t1) / 1000;
    const applied = Object.values(report.applied).reduce((a, b) => a + b, 0);
    return [
      {
        scenario: 'sync.export',
        n: changes,
        photos: PHOTOS,
        entries: built.entries,
        seconds: Number(exportS.toFixed(2)),
        mb,
        goal: '<= 3 s',
      },
      {
        scenario: 'sync.import',
        n: changes,
        applied,
        conflicts: report.conflicts.length,
        refused: report.refused.length,
        seconds: Number(importS.toFixed(2)),
        mb,
        goal: '<= 5 s',
      },
    ];
  } finally {
    await services.close();
    await site.destroy();
  }
};
