import fs from 'node:fs';
import path from 'node:path';
import type { siteChannels } from '../../../shared/sites/channels';
import { isPostgres } from '../db/dialect';
import { writeFileAtomic } from '../export/table';
import { runAuditedWrite } from '../ipc/audited-write';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { AppError } from '../ipc/errors';
import { listConflicts, resolveConflict } from './conflicts';
import { enrolSite, enrollable, type Enrolment } from './enrol';
import { installSite, INSTALLER } from './install';
import { installationRole } from './installation';
import { listSites, siteStatus } from './repository';
import { fileNamePart, installationSeal, receivePackage, sendPackage } from './transfer';

type SiteChannel = (typeof siteChannels)[number];

/** The enrolment package's file type in the save dialog. */
const EXTENSION = 'arteinpe-alta';

/** The centre's seal, refused in the enrolment's words where it cannot be opened. */
const centreSeal = (ctx: HandlerContext) =>
  installationSeal(ctx, { noServer: 'sites.errors.noServerSecret', noSecrets: 'sites.errors.noSecretsCentre' });

export const siteHandlers: DomainHandlers<SiteChannel> = {
  'sites.status': async (_input, ctx) => siteStatus(ctx.db),

  'sites.list': async (_input, ctx) => listSites(ctx.db),

  /**
   * What can be refused is refused before the dialog; the dialog comes before the transaction (a
   * cancel enrols nothing, and no transaction waits on the clerk); then the site is recorded and
   * the file written in one transaction: a file that cannot be written rolls the enrolment back,
   * and a commit that fails removes the file again. The passphrase is answered, never kept.
   */
  'sites.enrol': async ({ establishmentId }, ctx) => {
    if ((await installationRole(ctx.db)) === 'sede') throw new AppError('conflict', 'sites.errors.notCentral');
    const est = await enrollable(ctx.db, establishmentId);
    const seal = await centreSeal(ctx);
    const target = await ctx.platform.chooseSavePath({
      defaultName: `alta-sede-${fileNamePart(est.name)}-${ctx.now.slice(0, 10)}.${EXTENSION}`,
      filterName: ctx.t('sites.enrolmentFilter'),
      extensions: [EXTENSION],
    });
    if (!target) return { status: 'cancelled' as const };
    let written = false;
    let enrolment: Enrolment;
    try {
      enrolment = await runAuditedWrite(
        ctx.db,
        ctx.session,
        ctx.channel,
        async (trx, audit) => {
          const made = await enrolSite(
            trx,
            { establishmentId, actor: ctx.session.actor, seal, centreName: ctx.t('sites.centreName'), now: ctx.now },
            audit,
          );
          try {
            writeFileAtomic(target, made.file);
          } catch (err) {
            throw new AppError('internal', 'errors.exportFailed', { reason: err instanceof Error ? err.message : String(err) });
          }
          written = true;
          return made;
        },
        ctx.now,
      );
    } catch (err) {
      if (written) fs.rmSync(target, { force: true });
      throw err;
    }
    ctx.session.writtenFiles.add(path.resolve(target));
    const { passphrase, siteId, siteName, centreFingerprint, siteFingerprint, counts } = enrolment;
    return { status: 'saved' as const, path: target, passphrase, siteId, siteName, centreFingerprint, siteFingerprint, counts };
  },

  /**
   * The first run's «Instalar como sede»: a site is a PC's own SQLite file, never the office's
   * server; installSite refuses anything but a new database (no account yet). Nobody is signed
   * in, so the write is the installation's own, as its rows say (INSTALLER).
   */
  'sites.install': async ({ dataBase64, passphrase }, ctx) => {
    if (isPostgres(ctx.db)) throw new AppError('conflict', 'sites.errors.siteOnServer');
    const signedOut = ctx.session.actor;
    ctx.session.actor = INSTALLER;
    try {
      return await installSite(ctx.db, Buffer.from(dataBase64, 'base64'), passphrase, ctx.platform.secrets, INSTALLER, ctx.now, ctx.audit);
    } finally {
      ctx.session.actor = signedOut;
    }
  },

  'sites.writePackage': sendPackage,

  'sites.readPackage': receivePackage,

  'sites.conflicts': async (_input, ctx) => listConflicts(ctx.db, ctx.t),

  'sites.resolveConflict': resolveConflict,
};
