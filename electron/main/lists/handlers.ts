import type { listChannels } from '../../../shared/lists/channels';
import type { ExportList } from '../../../shared/lists/schemas';
import { PersonalDataReason } from '../../../shared/privacy/schemas';
import { pageSizes } from '../../../shared/ipc';
import { mayExportList } from '../../../shared/auth/permissions';
import { signedInUserId } from '../auth/access';
import { exportTable } from '../export/table';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { AppError, fieldError } from '../ipc/errors';
import { exportTableWithReason } from '../privacy/personal-data';
import { listExports } from './exports';
import * as repo from './repository';

/** Every row of a list as this user sees it: its own channel, page after page for a paged list. */
async function allRows(ctx: HandlerContext, list: ExportList, query: Record<string, unknown>, paged: boolean): Promise<unknown[]> {
  if (!paged) return (await ctx.read(list, query)) as unknown[];
  const pageSize = pageSizes[pageSizes.length - 1]!;
  const rows: unknown[] = [];
  for (let page = 1; ; page++) {
    const answer = (await ctx.read(list, { ...query, page, pageSize })) as { rows: unknown[]; total: number };
    rows.push(...answer.rows);
    if (answer.rows.length < pageSize || rows.length >= answer.total) return rows;
  }
}

/**
 * Saved views: each user's own, by list. Saving a name that exists is refused next to the
 * name unless the user chose to replace it; every change is audited like any other write.
 */
export const listHandlers: DomainHandlers<(typeof listChannels)[number]> = {
  'lists.views': ({ list }, ctx) => repo.viewsOf(ctx.db, signedInUserId(ctx), list),

  'lists.saveView': async ({ list, name, state, replace }, ctx) => {
    const userId = signedInUserId(ctx);
    const existing = await repo.viewByName(ctx.db, userId, list, name);
    if (existing && !replace) throw fieldError('name', 'lists.errors.nameTaken', { name }, 'conflict');
    if (existing) {
      await repo.replaceViewState(ctx.db, existing.id, state);
      await ctx.audit({
        entity: 'savedView',
        entityId: existing.id,
        action: 'update',
        before: { list, name, state: JSON.parse(existing.state) as unknown },
        after: { list, name, state },
      });
    } else {
      const id = await repo.insertView(ctx.db, userId, list, name, state, ctx.now);
      await ctx.audit({ entity: 'savedView', entityId: id, action: 'create', after: { list, name, state } });
    }
    return repo.viewsOf(ctx.db, userId, list);
  },

  'lists.removeView': async ({ list, id }, ctx) => {
    const userId = signedInUserId(ctx);
    const removed = await repo.removeView(ctx.db, userId, list, id);
    if (!removed) throw new AppError('not_found', 'errors.notFound');
    await ctx.audit({
      entity: 'savedView',
      entityId: id,
      action: 'delete',
      before: { list, name: removed.name, state: JSON.parse(removed.state) as unknown },
    });
    return repo.viewsOf(ctx.db, userId, list);
  },

  'lists.export': async ({ list, query, format, reason }, ctx) => {
    const user = ctx.session.auth?.user;
    if (!user || !mayExportList(user.role, list)) throw new AppError('forbidden', 'errors.forbidden');
    const source = listExports[list] as (typeof listExports)[ExportList];
    const why = source.people ? PersonalDataReason.safeParse(reason) : null;
    if (why && !why.success) throw fieldError('reason', why.error.issues[0]?.message ?? 'errors.required');
    const { page: _page, pageSize: _size, ...filter } = query;
    const rows = await allRows(ctx, list, filter, source.paged ?? false);
    const table = {
      baseName: ctx.t(source.title),
      sheetName: ctx.t(source.title),
      format,
      columns: source.columns(ctx.t) as Parameters<typeof exportTable<unknown>>[1]['columns'],
      rows,
    };
    // The list already shows each person as this user may see them: the file is logged, for any role that reads the list.
    if (why?.success) return exportTableWithReason(ctx, { ...table, reason: why.data, what: ctx.t(source.title), anyRole: true });
    return exportTable(ctx, table);
  },
};
