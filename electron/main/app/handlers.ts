import { readOnlyReason } from '../ipc/audited-write';
import path from 'node:path';
import { locales } from '../../../shared/app/schemas';
import type { Locale } from '../../../shared/format';
import { buildDataset, loadDataset } from '../demo/generate';
import { AppError } from '../ipc/errors';
import type { appChannels } from '../../../shared/app/channels';
import { countEstablishments } from '../establishments/repository';
import type { DomainHandlers } from '../ipc/context';
import { getSetting, setSetting } from './repository';

type AppChannel = (typeof appChannels)[number];

/** The language saved in the database, if any: read once at start. */
export async function savedLocale(db: Parameters<typeof getSetting>[0]): Promise<Locale | null> {
  const v = await getSetting(db, 'locale');
  return (locales as readonly string[]).includes(v ?? '') ? (v as Locale) : null;
}

export const appHandlers: DomainHandlers<AppChannel> = {
  'app.info': async (_input, ctx) => ({
    version: ctx.platform.version,
    locale: ctx.session.locale,
    dataPath: ctx.platform.paths.dbPath,
    demo: (await getSetting(ctx.db, 'demo')) === 'true',
    empty: (await countEstablishments(ctx.db)) === 0,
    user: ctx.session.actor,
    shell: ctx.platform.shell,
    readOnly: readOnlyReason(ctx.db) !== null,
  }),

  'app.setLocale': async ({ locale }, ctx) => {
    const before = await getSetting(ctx.db, 'locale');
    await setSetting(ctx.db, 'locale', locale);
    await ctx.audit({ entity: 'setting', entityId: 'locale', action: 'update', before, after: locale });
    ctx.session.locale = locale;
    return { locale };
  },

  'demo.load': async (_input, ctx) => {
    if ((await countEstablishments(ctx.db)) > 0) throw new AppError('conflict', 'errors.demoNotEmpty');
    const loaded = await loadDataset(ctx.db, await buildDataset(ctx.db, 'demo'), ctx.session.actor, ctx.now, 'demo', ctx.attachments);
    await setSetting(ctx.db, 'demo', 'true');
    await ctx.audit({ entity: 'dataset', entityId: 'demo', action: 'load', after: loaded });
    return loaded;
  },

  // The window's unexpected error, in the log only (redacted there); nothing is stored.
  'app.reportError': async ({ source, message, stack }, ctx) => {
    ctx.log?.error('error en la ventana', { source, message, stack });
    return { logged: !!ctx.log };
  },

  'files.showInFolder': async ({ path: p }, ctx) => {
    const resolved = path.resolve(p);
    if (!ctx.session.writtenFiles.has(resolved)) throw new AppError('forbidden', 'errors.unknownFile');
    await ctx.platform.showInFolder(resolved);
    return { shown: true };
  },
};
