import { X509Certificate, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { officeChannels } from '../../../shared/office/channels';
import type { AttachmentsFolderSettings, ConnectionTest } from '../../../shared/office/schemas';
import { deleteSetting, setSetting } from '../app/repository';
import type { MessageRef } from '../../../shared/validation';
import type { ServerConfig } from '../db/connection';
import { isPostgres } from '../db/dialect';
import { readOnlyReason, runAuditedWrite } from '../ipc/audited-write';
import { moveAttachments } from '../files/move';
import { countAttachments } from '../files/repository/attachments';
import { OfficeAttachmentStore, readSharedFolder, SHARED_FOLDER_KEY } from '../files/office-store';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { AppError, fieldError } from '../ipc/errors';
import { readChoice, savedPasswordFits, writeChoice, type DatabaseChoice } from './config';
import { probeServer } from './probe';
import { copyToServer } from './copy';

type OfficeChannel = (typeof officeChannels)[number];

/** The server the Settings form names (its password may be empty: the saved one). */
type ServerForm = Omit<ServerConfig, 'caCert'> & { caCert: string | null };

/** The server a form names, with the password that will be sent and where it came from. */
interface Resolved {
  config: ServerConfig;
  password: 'typed' | 'saved' | 'none';
  /** The field was empty and a password is kept, but for another server (or a weaker connection): it was not used. */
  withheld: boolean;
  /** SHA-256 fingerprint of the CA certificate chosen (for the audit log); null: none. */
  caFingerprint: string | null;
}

/** The CA file must hold certificates Node can read: refused next to its field otherwise. */
function caFingerprint(pem: string | null): string | null {
  if (!pem) return null;
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    throw fieldError('caCert', 'office.errors.caCert');
  }
}

/** The subject of a kept CA certificate, on one line (CN=…, O=…); null: none, or unreadable. */
function caSubject(pem: string | null): string | null {
  if (!pem) return null;
  try {
    return new X509Certificate(pem).subject.split('\n').join(', ');
  } catch {
    return null;
  }
}

/**
 * The form's server with its password: the one typed, or else the one kept (sealed) for
 * this PC — but only for the very server it was saved for (config.ts savedPasswordFits):
 * with another host typed, the kept password is never sent anywhere.
 */
async function serverOf(ctx: HandlerContext, form: ServerForm): Promise<Resolved> {
  const fingerprint = caFingerprint(form.caCert);
  const config = (password: string): ServerConfig => ({
    host: form.host,
    port: form.port,
    database: form.database,
    user: form.user,
    password,
    ssl: form.ssl,
    caCert: form.caCert,
  });
  if (form.password) return { config: config(form.password), password: 'typed', withheld: false, caFingerprint: fingerprint };
  const saved = readChoice(ctx.platform.paths).server;
  if (saved?.passwordSealed && savedPasswordFits(saved, form) && ctx.platform.secrets) {
    return {
      config: config(await ctx.platform.secrets.open(saved.passwordSealed)),
      password: 'saved',
      withheld: false,
      caFingerprint: fingerprint,
    };
  }
  return { config: config(''), password: 'none', withheld: !!saved?.passwordSealed, caFingerprint: fingerprint };
}

const paramsOf = (config: ServerConfig, r: { serverVersion: string | null; detail: string }) => ({
  host: config.host,
  port: config.port,
  database: config.database,
  version: r.serverVersion ?? '',
  tables: r.detail,
  detail: r.detail,
});

async function testServer(ctx: HandlerContext, server: Resolved): Promise<ConnectionTest> {
  const { config } = server;
  const r = await probeServer(config);
  const params = paramsOf(config, r);
  // Refused for want of a password, after the kept one was not sent: say why it was not.
  const problem = r.problem && server.withheld && (r.problem === 'auth' || /password/i.test(r.detail)) ? 'passwordNeeded' : r.problem;
  if (problem)
    return { ok: false, problem, message: ctx.t(`office.test.${problem}`, params), serverVersion: r.serverVersion, empty: r.empty };
  return {
    ok: true,
    problem: null,
    message: `${ctx.t('office.test.ok', params)} ${ctx.t(r.empty ? 'office.test.okEmpty' : 'office.test.okOurs')}`,
    serverVersion: r.serverVersion,
    empty: r.empty,
  };
}

/** What the audit log keeps of a server named in the form: where, how protected, which password — never the password. */
const auditedTarget = (s: Resolved) => ({
  host: s.config.host,
  port: s.config.port,
  database: s.config.database,
  user: s.config.user,
  ssl: s.config.ssl,
  caCert: s.caFingerprint,
  password: s.password,
});

/**
 * "Probar conexión" and "Llevar mis datos al servidor" change no data of this PC, but they
 * send a password across the network: each is one audit entry of its own (its own
 * transaction, after the network work, so no transaction waits on a server). A PC open
 * read-only (the server's schema is newer) writes nothing there.
 */
async function auditAction(ctx: HandlerContext, action: 'testConnection' | 'copyToServer', after: Record<string, unknown>): Promise<void> {
  if (readOnlyReason(ctx.db)) return;
  await runAuditedWrite(
    ctx.db,
    ctx.session,
    ctx.channel,
    (_trx, audit) => audit({ entity: 'database', entityId: null, action, after }),
    ctx.now,
  );
}

/** Whether this PC can write in the folder: it exists, is a folder, and a probe file can be written and removed. */
export async function folderWritable(folder: string): Promise<boolean> {
  try {
    if (!(await fs.promises.stat(folder)).isDirectory()) return false;
    const probe = path.join(folder, `.arteinpe-prueba-${randomBytes(6).toString('hex')}.tmp`);
    await fs.promises.writeFile(probe, 'ArteINPE', { flag: 'wx' });
    await fs.promises.rm(probe);
    return true;
  } catch {
    return false;
  }
}

/** The host of the database server this PC is connected to (as configured), to compare with the shared folder's. */
export function serverHostOf(db: Knex): string | null {
  const connection = (db.client as { config?: { connection?: unknown } }).config?.connection;
  if (typeof connection !== 'object' || connection === null) return null;
  const host = (connection as { host?: unknown }).host;
  return typeof host === 'string' && host ? host : null;
}

async function current(db: Knex): Promise<AttachmentsFolderSettings> {
  if (!isPostgres(db)) return { available: false, place: 'database', folder: null, count: 0, serverHost: null };
  const folder = await readSharedFolder(db);
  return {
    available: true,
    place: folder ? 'folder' : 'database',
    folder,
    count: await countAttachments(db),
    serverHost: serverHostOf(db),
  };
}

const localOnly = () => new AppError('conflict', 'office.attachments.errors.localOnly');

/** Settings → Base de datos: this PC's file or the office's server, and where the office keeps its attachments. */
export const officeHandlers: DomainHandlers<OfficeChannel> = {
  'office.database': async (_input, ctx) => {
    const choice = readChoice(ctx.platform.paths);
    const s = choice.server;
    return {
      mode: choice.mode,
      active: isPostgres(ctx.db) ? 'server' : 'local',
      server: s
        ? {
            host: s.host,
            port: s.port,
            database: s.database,
            user: s.user,
            ssl: s.ssl,
            caCert: s.caCert,
            caCertSubject: caSubject(s.caCert),
            hasPassword: !!s.passwordSealed,
          }
        : null,
      readOnly: readOnlyReason(ctx.db) !== null,
      secretsAvailable: (await ctx.platform.secrets?.available()) ?? false,
    };
  },

  'office.testDatabase': async (input, ctx) => {
    const server = await serverOf(ctx, input);
    const tested = await testServer(ctx, server);
    await auditAction(ctx, 'testConnection', { ...auditedTarget(server), result: tested.problem ?? 'ok' });
    return tested;
  },

  'office.saveDatabase': async (input, ctx) => {
    const before = readChoice(ctx.platform.paths);
    let choice: DatabaseChoice;
    if (input.mode === 'local') {
      choice = { mode: 'local', server: before.server };
    } else {
      const server = await serverOf(ctx, input);
      const { config } = server;
      // Nothing is kept that does not work: the same test as "Probar conexión", in main.
      const tested = await testServer(ctx, server);
      if (!tested.ok) {
        const params = paramsOf(config, { serverVersion: tested.serverVersion, detail: '' });
        const fields: Record<string, MessageRef> =
          tested.problem === 'passwordNeeded' ? { password: { key: 'office.test.passwordNeeded', params } } : {};
        throw new AppError('conflict', `office.test.${tested.problem}`, params, fields);
      }
      // The kept password stays only with the server it was kept for; a server that needed none keeps none.
      let passwordSealed = server.password === 'saved' ? (before.server?.passwordSealed ?? null) : null;
      if (input.password) {
        if (!ctx.platform.secrets || !(await ctx.platform.secrets.available())) throw new AppError('conflict', 'office.errors.noSecrets');
        passwordSealed = await ctx.platform.secrets.seal(input.password);
      }
      choice = {
        mode: 'server',
        server: {
          host: config.host,
          port: config.port,
          database: config.database,
          user: config.user,
          ssl: config.ssl,
          caCert: config.caCert ?? null,
          passwordSealed,
        },
      };
    }
    const shown = (c: DatabaseChoice) => ({
      mode: c.mode,
      server: c.server
        ? {
            ...c.server,
            caCert: c.server.caCert ? caFingerprint(c.server.caCert) : null,
            passwordSealed: c.server.passwordSealed ? '(protegida)' : null,
          }
        : null,
    });
    await ctx.audit({ entity: 'database', entityId: null, action: 'configure', before: shown(before), after: shown(choice) });
    writeChoice(ctx.platform.paths, choice);
    const active = isPostgres(ctx.db) ? 'server' : 'local';
    const restartRequired = choice.mode !== active || choice.mode === 'server';
    if (restartRequired) ctx.platform.restartDataLayer?.();
    return { mode: choice.mode, restartRequired };
  },

  'office.copyToServer': async ({ confirm: _confirm, ...form }, ctx) => {
    const none = { tables: [], totalRows: 0 };
    const server = await serverOf(ctx, form);
    const { config } = server;
    const audited = async (result: string, extra: Record<string, unknown> = {}) =>
      auditAction(ctx, 'copyToServer', { ...auditedTarget(server), result, ...extra });
    if (isPostgres(ctx.db)) {
      await audited('alreadyServer');
      return { ok: false, message: ctx.t('office.copy.alreadyServer'), ...none };
    }
    const tested = await testServer(ctx, server);
    if (!tested.ok) {
      await audited(tested.problem ?? 'other');
      return { ok: false, message: tested.message, ...none };
    }
    let outcome: Awaited<ReturnType<typeof copyToServer>>;
    try {
      outcome = await copyToServer(ctx.db, config, ctx.session.actor, ctx.now, ctx.attachments);
    } catch (err) {
      await audited('failed');
      throw err;
    }
    if (!outcome.ok) {
      await audited(outcome.problem);
      return { ok: false, message: ctx.t(`office.copy.${outcome.problem}`, { database: config.database, table: outcome.detail }), ...none };
    }
    await audited('ok', {
      rows: outcome.totalRows,
      tables: outcome.tables.length - 1,
      files: outcome.files.copied,
      missingFiles: outcome.files.missing,
    });
    return {
      ok: true,
      message: [
        ctx.t('office.copy.done', { rows: outcome.totalRows, tables: outcome.tables.length - 1 }),
        ctx.t('office.copy.filesCopied', { count: outcome.files.copied }),
        ...(outcome.files.missing > 0 ? [ctx.t('office.copy.filesMissing', { count: outcome.files.missing })] : []),
      ].join(' '),
      tables: outcome.tables,
      totalRows: outcome.totalRows,
    };
  },

  'office.attachmentsFolder': async (_input, ctx) => current(ctx.db),

  'office.saveAttachmentsFolder': async ({ folder }, ctx: HandlerContext) => {
    if (!isPostgres(ctx.db)) throw localOnly();
    const before = await readSharedFolder(ctx.db);
    if (folder === before) return current(ctx.db);
    if (folder) {
      if (!path.isAbsolute(folder) && !path.win32.isAbsolute(folder)) {
        throw new AppError(
          'validation',
          'office.attachments.errors.notAbsolute',
          { folder },
          { folder: { key: 'office.attachments.errors.notAbsolute', params: { folder } } },
        );
      }
      if (!(await folderWritable(folder))) {
        throw new AppError(
          'validation',
          'office.attachments.errors.notWritable',
          { folder },
          { folder: { key: 'office.attachments.errors.notWritable', params: { folder } } },
        );
      }
    }
    const moved = await moveAttachments(ctx.db, before, folder, ctx.platform.paths.attachmentsDir);
    if (moved.missing > 0)
      throw new AppError('conflict', 'office.attachments.errors.missing', { count: moved.missing, folder: before ?? '' });
    if (folder) await setSetting(ctx.db, SHARED_FOLDER_KEY, folder);
    else await deleteSetting(ctx.db, SHARED_FOLDER_KEY);
    await ctx.audit({
      entity: 'attachments_place',
      entityId: null,
      action: 'configure',
      before: { place: before ? 'folder' : 'database', folder: before },
      after: { place: folder ? 'folder' : 'database', folder, filesCopied: moved.copied },
    });
    if (ctx.attachments instanceof OfficeAttachmentStore) ctx.attachments.use(folder);
    return current(ctx.db);
  },
};
