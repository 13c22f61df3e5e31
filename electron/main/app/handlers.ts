import { readOnlyReason } from '../ipc/audited-write';
import path from 'node:path';
import { locales } from '../../../shared/app/schemas';
import type { Locale } from '../../../shared/format';
import { toCount } from '../db/rows';
import { buildDataset, loadDataset } from '../demo/generate';
import { AppError } from '../ipc/errors';
import type { Handlers } from '../ipc/context';
import { getSetting, setSetting } from './settings';

type AppHandlers = Pick<Handlers, 'app.info' | 'app.setLocale' | 'demo.load' | 'files.showInFolder' | 'dashboard.summary'>;

const countEstablishments = async (db: Parameters<Handlers['app.info']>[1]['db']) =>
  toCount((await db('establishments').count({ n: '*' }))[0]);

/** The language saved in the database, if any: read once at start. */
export async function savedLocale(db: Parameters<typeof getSetting>[0]): Promise<Locale | null> {
  const v = await getSetting(db, 'locale');
  return (locales as readonly string[]).includes(v ?? '') ? (v as Locale) : null;
}

export const appHandlers: AppHandlers = {
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

  'files.showInFolder': async ({ path: p }, ctx) => {
    const resolved = path.resolve(p);
    if (!ctx.session.writtenFiles.has(resolved)) throw new AppError('forbidden', 'errors.unknownFile');
    await ctx.platform.showInFolder(resolved);
    return { shown: true };
  },

  'dashboard.summary': async (_input, ctx) => {
    const db = ctx.db;
    const [offices] = await db('regional_offices').count({ n: '*' });
    const [totals] = (await db('establishments')
      .count({ n: '*' })
      .select(
        db.raw('SUM(CASE WHEN active = ? THEN 1 ELSE 0 END) AS active_n', [true]),
        db.raw('SUM(CASE WHEN in_programme = ? AND active = ? THEN 1 ELSE 0 END) AS programme_n', [true, true]),
      )) as Array<Record<string, unknown>>;
    const byPopulation = (await db('establishments')
      .where({ in_programme: true, active: true })
      .groupBy('population')
      .select('population')
      .count({ n: '*' })) as Array<Record<string, unknown>>;
    const split = { varones: 0, mujeres: 0, mixto: 0 };
    for (const r of byPopulation) split[r.population as keyof typeof split] = toCount(r);
    const regions = (await db('regional_offices as r')
      .leftJoin('establishments as e', function () {
        this.on('e.regional_office_id', '=', 'r.id').andOn('e.active', '=', db.raw('?', [true]));
      })
      .groupBy('r.id', 'r.name', 'r.sort_order')
      .orderBy('r.sort_order')
      .select('r.id', 'r.name')
      .count({ total: 'e.id' })
      .select(db.raw('SUM(CASE WHEN e.in_programme = ? THEN 1 ELSE 0 END) AS in_programme', [true]))) as Array<
      Record<string, unknown>
    >;
    return {
      regionalOffices: toCount(offices),
      establishments: toCount(totals),
      activeEstablishments: toCount(totals, 'active_n'),
      inProgramme: toCount(totals, 'programme_n'),
      inProgrammeByPopulation: split,
      byRegionalOffice: regions.map((r) => ({
        id: Number(r.id),
        name: String(r.name),
        total: toCount(r, 'total'),
        inProgramme: toCount(r, 'in_programme'),
      })),
    };
  },
};
