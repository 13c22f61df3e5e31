import type { Establishment } from '../../../shared/establishments/schemas';
import { AppError, stale, orNotFound, fieldError } from '../ipc/errors';
import type { establishmentChannels } from '../../../shared/establishments/channels';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { isForeignKeyViolation } from '../db/dialect';
import { exportTable, type Column } from '../export/table';
import * as repo from './repository';
import { staffHandlers } from './staff';
import { populationHandlers } from './population';

type EstablishmentChannel = (typeof establishmentChannels)[number];

async function mustGet(ctx: HandlerContext, id: number): Promise<Establishment> {
  return orNotFound(await repo.getEstablishment(ctx.db, id));
}

/** The checks a database constraint would also catch, made first so the message names the field. */
async function checkValues(ctx: HandlerContext, v: repo.EstablishmentValues, selfId: number | null): Promise<void> {
  const owner = await repo.findIdByCode(ctx.db, v.code);
  if (owner !== null && owner !== selfId) {
    throw new AppError(
      'conflict',
      'errors.duplicateCode',
      { code: v.code },
      {
        code: { key: 'errors.duplicateCode', params: { code: v.code } },
      },
    );
  }
  if (!(await repo.regionalOfficeExists(ctx.db, v.regionalOfficeId))) {
    throw fieldError('regionalOfficeId', 'errors.unknownRegionalOffice');
  }
}

function exportColumns(ctx: HandlerContext): Column<Establishment>[] {
  const { t } = ctx;
  const yesNo = (b: boolean) => t(b ? 'common.yes' : 'common.no');
  return [
    { header: t('establishments.code'), width: 14, value: (e) => e.code },
    { header: t('establishments.name'), width: 44, value: (e) => e.name },
    { header: t('establishments.regionalOffice'), width: 18, value: (e) => e.regionalOfficeName },
    { header: t('establishments.population'), width: 12, value: (e) => t(`establishments.populations.${e.population}`) },
    { header: t('establishments.city'), width: 20, value: (e) => e.city },
    { header: t('establishments.inProgramme'), width: 14, value: (e) => yesNo(e.inProgramme) },
    { header: t('common.status'), width: 10, value: (e) => t(e.active ? 'common.active' : 'common.inactive') },
  ];
}

export const establishmentHandlers: DomainHandlers<EstablishmentChannel> = {
  ...staffHandlers,
  ...populationHandlers,
  'regionalOffices.list': (_input, ctx) => repo.listRegionalOffices(ctx.db),

  'establishments.list': (q, ctx) => repo.listEstablishments(ctx.db, q),

  'establishments.get': ({ id }, ctx) => mustGet(ctx, id),

  'establishments.create': async (input, ctx) => {
    await checkValues(ctx, input, null);
    const id = await repo.insertEstablishment(ctx.db, input, ctx.session.actor, ctx.now);
    const created = await mustGet(ctx, id);
    await ctx.audit({ entity: 'establishment', entityId: id, action: 'create', after: created });
    return created;
  },

  'establishments.update': async ({ id, version, ...values }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    await checkValues(ctx, values, id);
    if (!(await repo.updateEstablishment(ctx.db, id, version, values, ctx.session.actor, ctx.now))) throw stale();
    const after = await mustGet(ctx, id);
    await ctx.audit({ entity: 'establishment', entityId: id, action: 'update', before, after });
    return after;
  },

  'establishments.setActive': async ({ id, version, active }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    if (!(await repo.updateEstablishment(ctx.db, id, version, { active }, ctx.session.actor, ctx.now))) throw stale();
    const after = await mustGet(ctx, id);
    await ctx.audit({ entity: 'establishment', entityId: id, action: active ? 'reactivate' : 'deactivate', before, after });
    return after;
  },

  'establishments.delete': async ({ id }, ctx) => {
    const before = await mustGet(ctx, id);
    try {
      await repo.deleteEstablishment(ctx.db, id);
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new AppError('in_use', 'errors.establishmentInUse', { name: before.name });
      throw err;
    }
    await ctx.audit({ entity: 'establishment', entityId: id, action: 'delete', before });
    return { deleted: true as const };
  },

  'establishments.export': async ({ filter, format, sort, direction }, ctx) => {
    const rows = await repo.allEstablishments(ctx.db, filter, sort, direction);
    return exportTable(ctx, {
      baseName: ctx.t('export.establishments'),
      sheetName: ctx.t('export.sheetEstablishments'),
      format,
      columns: exportColumns(ctx),
      rows,
    });
  },
};
