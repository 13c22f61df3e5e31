import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFullBackup, verifyBackup } from '../../electron/main/backups/archive';
import type { Scenario } from './scenarios';

/**
 * backup.full: a full backup of the national-scale database with 500 MB of managed
 * attachments (250 photos and scans of 2 MB), as "Crear copia de seguridad" makes it:
 * VACUUM INTO, every attachment copied, hashed (SHA-256) and flushed, the manifest, the
 * rename. Then the check a restore runs first (every hash, integrity_check). Prints seconds
 * and MB; the 1 GB of files is removed afterwards.
 */
export const backupScenarios: Scenario = async ({ db, dir }) => {
  const attachmentsDir = path.join(dir, 'adjuntos');
  const files = 250;
  const size = 2 * 1024 * 1024;
  fs.mkdirSync(attachmentsDir, { recursive: true });
  // Named as the app names them (files/store.ts: <2 hex>/<sha256>.jpg): backups copy only managed attachments.
  for (let i = 0; i < files; i++) {
    const bytes = randomBytes(size);
    const hash = createHash('sha256').update(bytes).digest('hex');
    fs.mkdirSync(path.join(attachmentsDir, hash.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(attachmentsDir, hash.slice(0, 2), `${hash}.jpg`), bytes);
  }
  const dest = path.join(dir, 'copia-bench');
  try {
    const t0 = performance.now();
    const made = await createFullBackup({ db, attachmentsDir, destDir: dest, reason: 'manual', createdBy: 'bench', appVersion: 'bench' });
    const t1 = performance.now();
    await verifyBackup(made.path);
    const t2 = performance.now();
    const mb = (n: number) => Number((n / (1024 * 1024)).toFixed(1));
    const seconds = Number(((t1 - t0) / 1000).toFixed(2));
    return [
      {
        scenario: 'backup.full',
        seconds,
        mb: mb(made.totalBytes),
        database_mb: mb(made.manifest.database.bytes),
        attachments_mb: mb(made.manifest.attachments.reduce((a, f) => a + f.bytes, 0)),
        attachment_files: made.manifest.attachments.length,
        mb_per_s: Number((mb(made.totalBytes) / seconds).toFixed(1)),
        verify_s: Number(((t2 - t1) / 1000).toFixed(2)),
        goal: '<= 60 s on an office PC with an SSD',
      },
    ];
  } finally {
    fs.rmSync(dest, { recursive: true, force: true });
    fs.rmSync(attachmentsDir, { recursive: true, force: true });
  }
};
