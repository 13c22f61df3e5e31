import type { ChannelName } from '../../../shared/channels';
import type { ConnectionTest } from '../../../shared/office/schemas';
import type { ServerConfig } from '../db/connection';
import { isPostgres } from '../db/dialect';
import { readOnlyReason } from '../ipc/audited-write';
import type { Handlers, HandlerContext } from '../ipc/dispatcher';
import { AppError } from '../ipc/errors';
import { readChoice, writeChoice, type DatabaseChoice } from './config';
import { probeServer } from './probe';
import { copyToServer } from './copy';

type OfficeChannel = Extract<ChannelName, `settings.${'database' | 'testDatabase' | 'saveDatabase' | 'copyToServer'}`>;

interface ServerForm {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  ssl: boolean;
}

/** The form's server with its password: the one typed, or else the one kept (sealed) for this PC. */
async function serverOf(ctx: HandlerContext, form: ServerForm): Promise<ServerConfig> {
  let password = form.password;
  const saved = readChoice(ctx.platform.paths).server;
  if (!password && saved?.passwordSealed && ctx.platform.secrets) password = await ctx.platform.secrets.open(saved.passwordSealed);
  return { host: form.host, port: form.port, database: form.database, user: form.user, password, ssl: form.ssl };
}

async function testServer(ctx: HandlerContext, config: ServerConfig): Promise<ConnectionTest> {
  const r = await probeServer(config);
  const params = { host: config.host, port: config.port, database: config.database, version: r.serverVersion ?? '', tables: r.detail, detail: r.detail };
  if (r.problem) return { ok: false, problem: r.problem, message: ctx.t(`office.test.${r.problem}`, params), serverVersion: r.serverVersion, empty: r.empty };
  return {
    ok: true,
    problem: null,
    message: `${ctx.t('office.test.ok', params)} ${ctx.t(r.empty ? 'office.test.okEmpty' : 'office.test.okOurs')}`,
    serverVersion: r.serverVersion,
    empty: r.empty,
  };
}

export const officeHandlers: Pick<Handlers, OfficeChannel> = {
  'settings.database': async (_input, ctx) => {
    const choice = readChoice(ctx.platform.paths);
    return {
      mode: choice.mode,
      active: isPostgres(ctx.db) ? 'server' : 'local',
      server: choice.server
        ? { host: choice.server.host, port: choice.server.port, database: choice.server.database, user: choice.server.user, ssl: choice.server.ssl, hasPassword: !!choice.server.passwordSealed }
        : null,
      readOnly: readOnlyReason(ctx.db) !== null,
      secretsAvailable: (await ctx.platform.secrets?.available()) ?? false,
    };
  },

  'settings.testDatabase': async (input, ctx) => testServer(ctx, await serverOf(ctx, input)),

  'settings.saveDatabase': async (input, ctx) => {
    const before = readChoice(ctx.platform.paths);
    let choice: DatabaseChoice;
    if (input.mode === 'local') {
      choice = { mode: 'local', server: before.server };
    } else {
      const config = await serverOf(ctx, input);
      // Nothing is kept that does not work: the same test as "Probar conexión", in main.
      const tested = await testServer(ctx, config);
      if (!tested.ok) throw new AppError('conflict', `office.test.${tested.problem}`, { host: config.host, port: config.port, database: config.database, version: tested.serverVersion ?? '', tables: '', detail: '' });
      let passwordSealed = before.server?.passwordSealed ?? null;
      if (input.password) {
        if (!ctx.platform.secrets || !(await ctx.platform.secrets.available())) throw new AppError('conflict', 'office.errors.noSecrets');
        passwordSealed = await ctx.platform.secrets.seal(input.password);
      }
      choice = { mode: 'server', server: { host: config.host, port: config.port, database: config.database, user: config.user, ssl: config.ssl, passwordSealed } };
    }
    const shown = (c: DatabaseChoice) => ({ mode: c.mode, server: c.server ? { ...c.server, passwordSealed: c.server.passwordSealed ? '(protegida)' : null } : null });
    await ctx.audit({ entity: 'database', entityId: null, action: 'configure', before: shown(before), after: shown(choice) });
    writeChoice(ctx.platform.paths, choice);
    const active = isPostgres(ctx.db) ? 'server' : 'local';
    const restartRequired = choice.mode !== active || choice.mode === 'server';
    if (restartRequired) ctx.platform.restartDataLayer?.();
    return { mode: choice.mode, restartRequired };
  },

  'settings.copyToServer': async ({ confirm: _confirm, ...form }, ctx) => {
    const none = { tables: [], totalRows: 0 };
    if (isPostgres(ctx.db)) return { ok: false, message: ctx.t('office.copy.alreadyServer'), ...none };
    const config = await serverOf(ctx, form);
    const tested = await testServer(ctx, config);
    if (!tested.ok) return { ok: false, message: tested.message, ...none };
    const outcome = await copyToServer(ctx.db, config, ctx.session.actor, ctx.now, ctx.attachments);
    if (!outcome.ok) return { ok: false, message: ctx.t(`office.copy.${outcome.problem}`, { database: config.database, table: outcome.detail }), ...none };
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
};
