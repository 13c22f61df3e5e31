import fs from 'node:fs';
import path from 'node:path';
import { ParticipantListQuery } from '../../../shared/programmes/schemas';
import type { BackupDone, RestoreReport } from '../../../shared/backups/schemas';
import { requirePermission, signOutSession } from '../auth/access';
import { runAuditedWrite } from '../ipc/audited-write';
import type { backupChannels } from '../../../shared/backups/channels';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { AppError } from '../ipc/errors';
import { isPostgres } from '../db/dialect';
import { createFullBackup } from './archive';
import { BackupCheckError } from './format';
import { restoreFullBackup } from './restore';
import { recordPersonalDataExport } from '../privacy/personal-data';
import { listParticipants } from '../programmes/repository';
import { detectNetworkShare } from './network';
import { backupInfos, rotate } from './store';

type BackupChannel = (typeof backupChannels)[number];

/** A backup that cannot be restored, told in plain Spanish next to what was wrong (a file by its name; a refused path or schema object whole). */
const refusal = (err: BackupCheckError) =>
  new AppError('validation', `backups.errors.${err.problem}`, {
    detail: (['unsafePath', 'link', 'foreign'].includes(err.problem) ? err.detail.slice(0, 200) : path.basename(err.detail)) || err.detail,
  });

/** How many people's records a full copy carries (for the personal-data export log). */
async function peopleIn(ctx: HandlerContext): Promise<number> {
  return (await listParticipants(ctx.db, ctx.session, ParticipantListQuery.parse({}))).total;
}

async function chooseFolder(ctx: HandlerContext, purpose: 'backup' | 'restore'): Promise<string | null> {
  if (!ctx.platform.chooseFolder) throw new AppError('forbidden', 'backups.errors.noDialog');
  return ctx.platform.chooseFolder({ purpose, title: ctx.t(purpose === 'backup' ? 'backups.chooseDestination' : 'backups.chooseSource') });
}

export const backupHandlers: DomainHandlers<BackupChannel> = {
  'backups.list': async (_input, ctx) => {
    const { backupDir, dbPath } = ctx.platform.paths;
    const backups = backupInfos(backupDir);
    return {
      dataPath: dbPath,
      backupDir,
      networkShare: await detectNetworkShare(path.dirname(dbPath)),
      lastBackupAt: backups[0]?.createdAt ?? null,
      backups,
    };
  },

  'backups.create': async (input, ctx) => {
    if (isPostgres(ctx.db)) throw new AppError('conflict', 'office.errors.serverBackups');
    const { destination } = input;
    // A copy that leaves the PC carries every participant's data: only for a role that may
    // see it, with its reason (the schema refuses it without one).
    if (destination === 'external') requirePermission(ctx, 'personalData');
    const destDir = destination === 'local' ? ctx.platform.paths.backupDir : await chooseFolder(ctx, 'backup');
    const { db, session, platform, channel, t } = ctx;
    const actor = session.actor;
    const reason = input.destination === 'external' ? input.reason : '';
    const people = destination === 'external' ? await peopleIn(ctx) : 0;
    return {
      jobId: ctx.jobs.start('backups.create', async (job): Promise<BackupDone> => {
        if (destDir === null) return { status: 'cancelled', path: null, name: null, databaseBytes: 0, attachmentFiles: 0, totalBytes: 0 };
        const made = await createFullBackup({
          db,
          attachmentsDir: platform.paths.attachmentsDir,
          destDir,
          reason: 'manual',
          createdBy: session.actor.name,
          appVersion: platform.version,
          job,
        });
        if (destination === 'local') rotate(destDir);
        else {
          // Logged (personal-data export log) and audited in one transaction; if that fails
          // the copy is removed again: no copy of the personal data leaves unlogged.
          try {
            const now = new Date().toISOString();
            await runAuditedWrite(
              db,
              { actor },
              channel,
              async (trx, audit) => {
                await recordPersonalDataExport(trx, { ...session, actor }, channel, now, {
                  what: t('backups.externalWhat', { name: made.name }),
                  reason,
                  rows: people,
                  path: made.path,
                });
                await audit({
                  entity: 'backup',
                  entityId: made.name,
                  action: 'export',
                  after: { path: made.path, reason, people, attachments: made.manifest.attachments.length, totalBytes: made.totalBytes },
                });
              },
              now,
            );
          } catch (err) {
            fs.rmSync(made.path, { recursive: true, force: true });
            throw err;
          }
        }
        session.writtenFiles.add(path.resolve(made.path));
        ctx.log?.info('copia de seguridad hecha', { backup: made.name, count: made.manifest.attachments.length });
        return {
          status: 'saved',
          path: made.path,
          name: made.name,
          databaseBytes: made.manifest.database.bytes,
          attachmentFiles: made.manifest.attachments.length,
          totalBytes: made.totalBytes,
        };
      }),
    };
  },

  'backups.restore': async ({ source }, ctx): Promise<RestoreReport> => {
    if (isPostgres(ctx.db)) throw new AppError('conflict', 'office.errors.serverBackups');
    const { backupDir, attachmentsDir } = ctx.platform.paths;
    const folder = source.kind === 'local' ? path.join(backupDir, source.name) : await chooseFolder(ctx, 'restore');
    if (folder === null) return { status: 'cancelled' };
    const actor = ctx.session.actor;
    let outcome;
    try {
      outcome = await restoreFullBackup({
        db: ctx.db,
        folder,
        attachmentsDir,
        backupDir,
        createdBy: actor.name,
        appVersion: ctx.platform.version,
      });
    } catch (err) {
      if (err instanceof BackupCheckError) throw refusal(err);
      throw err;
    }
    rotate(backupDir);
    // The restored data has its own audit log: the restore is the first thing it records.
    await runAuditedWrite(ctx.db, { actor }, ctx.channel, (_trx, audit) =>
      audit({
        entity: 'backup',
        entityId: outcome.manifest.name,
        action: 'restore',
        after: {
          restoredFrom: outcome.manifest.name,
          createdAt: outcome.manifest.createdAt,
          safetyCopy: outcome.safetyCopy.name,
          migrated: outcome.migrated,
        },
      }),
    );
    ctx.log?.info('copia de seguridad restaurada', { backup: outcome.manifest.name, migrations: outcome.migrated });
    // Users and passwords are those of the restored data: everyone signs in again.
    signOutSession(ctx.session);
    return {
      status: 'restored',
      restoredFrom: outcome.manifest.name,
      backupCreatedAt: outcome.manifest.createdAt,
      safetyCopy: outcome.safetyCopy.name,
      databaseBytes: outcome.manifest.database.bytes,
      attachmentsChecked: outcome.manifest.attachments.length,
      attachmentsCopied: outcome.attachmentsCopied,
      migrated: outcome.migrated,
    };
  },
};
