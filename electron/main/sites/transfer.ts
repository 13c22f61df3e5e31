import fs from 'node:fs';
import path from 'node:path';
import type { ChannelParsedInput } from '../../../shared/contract';
import { PACKAGE_EXTENSION, type SiteReceived, type SiteSent } from '../../../shared/sites/schemas';
import { serverPassword } from '../db/connection';
import { isPostgres } from '../db/dialect';
import { writeFileAtomic } from '../export/table';
import { runAuditedWrite } from '../ipc/audited-write';
import type { HandlerContext } from '../ipc/context';
import { AppError, fieldError } from '../ipc/errors';
import { applyPackage, refusalText, tableLabel, type ApplyReport } from './apply';
import { readInstallation, type KeySeal } from './installation';
import { buildPackage } from './outbox';
import { lastSentToCentre } from './repository/installation';
import { siteToSendTo } from './repository/sites';
import { PackageError, readPackageHeader } from './sealed';

/**
 * The channels that carry data packages (issue 20 item 3, docs/SITES.md decisions 3, 6–8):
 * sites.writePackage («Enviar a la oficina central», or a return package for a site) and sites.readPackage
 * («Recibir de la oficina central», or a site's package read at the centre). As sites.enrol: what
 * can be refused is refused before the dialog; the dialog comes before the transaction; the
 * package is built or applied and the file written in one audited transaction.
 */

/** The largest package read (bytes): a month of a prison's activity with its photos is far smaller. */
export const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

/**
 * How this installation's private keys are kept (sites/installation.ts): on the office's server,
 * under its connection password; on a PC's SQLite file, with the operating system's protected
 * storage — refused, in the caller's words, where there is none.
 */
export async function installationSeal(
  ctx: Pick<HandlerContext, 'db' | 'platform'>,
  refusals: { noServer: string; noSecrets: string },
): Promise<KeySeal> {
  if (isPostgres(ctx.db)) {
    const secret = serverPassword(ctx.db);
    if (!secret) throw new AppError('conflict', refusals.noServer);
    return { kind: 'server', secret };
  }
  const secrets = ctx.platform.secrets;
  if (!secrets || !(await secrets.available())) throw new AppError('conflict', refusals.noSecrets);
  return { kind: 'secrets', secrets };
}

const transferSeal = (ctx: HandlerContext) =>
  installationSeal(ctx, { noServer: 'sites.errors.noServerSecret', noSecrets: 'sites.transfer.noSecrets' });

/** A file name from an installation's name: letters and digits, the rest one dash. */
export const fileNamePart = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'sede';

/** The receiver of the next package (at a site, its centre; at the centre, the enrolled site named) and that package's number. */
async function receiverOf(
  ctx: HandlerContext,
  siteId: number | undefined,
): Promise<{ id: string; name: string; me: string; next: number }> {
  const me = await readInstallation(ctx.db);
  if (!me) throw new AppError('conflict', 'sites.transfer.noExchange');
  if (me.role === 'sede') {
    if (siteId !== undefined) throw fieldError('siteId', 'sites.transfer.notSite');
    return { id: me.centre!.id, name: me.centre!.name, me: me.name, next: (await lastSentToCentre(ctx.db)) + 1 };
  }
  if (siteId === undefined) throw fieldError('siteId', 'sites.transfer.siteRequired');
  const site = await siteToSendTo(ctx.db, siteId);
  if (!site) throw new AppError('not_found', 'sites.transfer.notEnrolled');
  return { id: site.installationId, name: site.name, me: me.name, next: site.lastSent + 1 };
}

export async function sendPackage({ siteId }: ChannelParsedInput<'sites.writePackage'>, ctx: HandlerContext): Promise<SiteSent> {
  const to = await receiverOf(ctx, siteId);
  const seal = await transferSeal(ctx);
  const target = await ctx.platform.chooseSavePath({
    // Numbered, so that a second package on the same day does not take the first one's name.
    defaultName: `paquete-${String(to.next).padStart(4, '0')}-${fileNamePart(to.me)}-a-${fileNamePart(to.name)}-${ctx.now.slice(0, 10)}.${PACKAGE_EXTENSION}`,
    filterName: ctx.t('sites.transfer.packageFilter'),
    extensions: [PACKAGE_EXTENSION],
  });
  if (!target) return { status: 'cancelled' };
  let written = false;
  try {
    const built = await runAuditedWrite(
      ctx.db,
      ctx.session,
      ctx.channel,
      async (trx, audit) => {
        const made = await buildPackage(trx, { seal, store: ctx.attachments, peerId: to.id, now: ctx.now });
        try {
          writeFileAtomic(target, made.file);
        } catch (err) {
          throw new AppError('internal', 'errors.exportFailed', { reason: err instanceof Error ? err.message : String(err) });
        }
        written = true;
        await audit({
          entity: 'sitePackage',
          entityId: made.seq,
          action: 'send',
          after: { to: to.name, entries: made.entries, attachments: made.attachments, upTo: made.upTo },
        });
        return made;
      },
      ctx.now,
    );
    ctx.session.writtenFiles.add(path.resolve(target));
    return { status: 'saved', path: target, seq: built.seq, to: to.name, entries: built.entries, attachments: built.attachments };
  } catch (err) {
    // A package that could not be counted as sent is not left behind to be carried.
    if (written) fs.rmSync(target, { force: true });
    throw err;
  }
}

/** A refusal as the report says it: what the record is, and why. */
const refusalOf = (ctx: HandlerContext, r: { table: string; reason: string }) => ({
  what: tableLabel(r.table, ctx.t),
  reason: refusalText(r.reason, ctx.t),
});

const reportOf = (ctx: HandlerContext, r: ApplyReport): SiteReceived => ({
  status: 'read',
  fromName: r.fromName,
  seq: r.seq,
  alreadyRead: r.alreadyRead,
  missing: r.missing.map((seq) => ctx.t('sites.exchange.missing', { seq, name: r.fromName })),
  applied: Object.values(r.applied).reduce((a, b) => a + b, 0),
  skipped: r.skipped,
  conflicts: r.conflicts.length,
  refused: r.refused.map((x) => refusalOf(ctx, x)),
  returned: r.returnedRefusals.map((x) => refusalOf(ctx, x)),
});

export async function receivePackage(_input: ChannelParsedInput<'sites.readPackage'>, ctx: HandlerContext): Promise<SiteReceived> {
  if (!(await readInstallation(ctx.db))) throw new AppError('conflict', 'sites.transfer.noExchange');
  if (!ctx.platform.chooseOpenFile) throw new AppError('forbidden', 'sites.transfer.noDialog');
  const seal = await transferSeal(ctx);
  const source = await ctx.platform.chooseOpenFile({
    title: ctx.t('sites.transfer.openTitle'),
    filterName: ctx.t('sites.transfer.packageFilter'),
    extensions: [PACKAGE_EXTENSION],
  });
  if (!source) return { status: 'cancelled' };
  const size = fs.statSync(source).size;
  if (size > MAX_PACKAGE_BYTES) throw new AppError('validation', 'sites.transfer.fileTooLarge');
  const file = fs.readFileSync(source);
  try {
    readPackageHeader(file);
    const report = await runAuditedWrite(
      ctx.db,
      ctx.session,
      ctx.channel,
      async (trx, audit) => {
        const r = await applyPackage(trx, file, { seal, store: ctx.attachments, now: ctx.now });
        await audit({
          entity: 'sitePackage',
          entityId: r.seq,
          action: 'receive',
          after: {
            from: r.fromName,
            alreadyRead: r.alreadyRead,
            missing: r.missing,
            conflicts: r.conflicts.length,
            refused: r.refused.length,
          },
        });
        return r;
      },
      ctx.now,
    );
    return reportOf(ctx, report);
  } catch (err) {
    if (err instanceof PackageError)
      throw new AppError('validation', `sites.package.${err.reason}`, { to: err.header?.to ?? '', from: err.header?.from ?? '' });
    throw err;
  }
}
