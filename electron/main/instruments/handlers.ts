import type { Instrument } from '../../../shared/instruments/schemas';
import { normalizeText } from '../../../shared/format';
import { isUniqueViolation } from '../db/dialect';
import { toBool } from '../db/rows';
import { AppError, notFound, stale } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import type { Column } from '../export/table';
import { requireEstablishment, whereInScope } from '../auth/access';
import { exportTableWithReason } from '../privacy/personal-data';
import { custodianCell, shownCustodianName, shownInstrument, shownMovement } from './custodians';
import { altaOf, effectOf, moveInstruments, recordOf } from './ledger';
import * as repo from './repository';
import { checkCodeFormat, codeMask } from './settings';
import { lockRows } from '../db/dialect';

type InstrumentHandlers = Pick<
  Handlers,
  | 'instrumentTypes.list'
  | 'instrumentTypes.create'
  | 'instrumentTypes.update'
  | 'instruments.list'
  | 'instruments.get'
  | 'instruments.history'
  | 'instruments.create'
  | 'instruments.update'
  | 'instruments.move'
  | 'instruments.export'
>;

async function mustGet(ctx: HandlerContext, id: number): Promise<Instrument> {
  const found = await repo.getInstrument(ctx.db, id);
  if (!found) throw notFound();
  requireEstablishment(ctx, found.establishmentId, found.transitToEstablishmentId);
  return found;
}

/** A restricted user's instruments: those at (or on their way to) one of their establishments. */
export const instrumentScope = (ctx: HandlerContext): repo.Narrow => (q) => {
  whereInScope(ctx.session, q, 'i.establishment_id', 'i.transit_to_establishment_id');
};

async function checkFields(ctx: HandlerContext, v: repo.InstrumentValues, selfId: number | null): Promise<void> {
  checkCodeFormat(v.code, await codeMask(ctx.db));
  const owner = await repo.findInstrumentIdByCode(ctx.db, v.code);
  if (owner !== null && owner !== selfId) {
    throw new AppError('conflict', 'inventory.errors.duplicateCode', { code: v.code }, {
      code: { key: 'inventory.errors.duplicateCode', params: { code: v.code } },
    });
  }
  const type = (await ctx.db('instrument_types').where({ id: v.typeId }).first()) as { id: number; active: unknown } | undefined;
  const current = selfId === null ? null : ((await ctx.db('instruments').where({ id: selfId }).first('type_id')) as { type_id: number } | undefined);
  // A deactivated type is not offered for new instruments (one already of that type may keep it).
  if (!type || (!toBool(type.active) && current?.type_id !== type.id)) {
    throw new AppError('validation', 'errors.validation', {}, { typeId: { key: 'inventory.errors.unknownType' } });
  }
}

/** Movements go only to active establishments. */
async function checkEstablishment(ctx: HandlerContext, id: number | null | undefined, field: string): Promise<void> {
  if (id === null || id === undefined) return;
  const e = (await ctx.db('establishments').where({ id }).first()) as { active: unknown } | undefined;
  if (!e || !(e.active === true || e.active === 1)) {
    throw new AppError('validation', 'errors.validation', {}, { [field]: { key: 'inventory.errors.unknownEstablishment' } });
  }
}

function exportColumns(ctx: HandlerContext): Column<Instrument>[] {
  const { t } = ctx;
  return [
    { header: t('inventory.instruments.code'), width: 18, value: (i) => i.code },
    { header: t('inventory.instruments.type'), width: 22, value: (i) => i.typeName },
    { header: t('inventory.instruments.family'), width: 18, value: (i) => t(`inventory.families.${i.family}`) },
    { header: t('inventory.instruments.brand'), width: 16, value: (i) => i.brand },
    { header: t('inventory.instruments.model'), width: 16, value: (i) => i.model },
    { header: t('inventory.instruments.serialNumber'), width: 16, value: (i) => i.serialNumber },
    {
      header: t('inventory.instruments.establishment'),
      width: 32,
      value: (i) =>
        i.status === 'en_transito' && i.transitToEstablishmentName
          ? t('inventory.instruments.inTransitTo', { name: i.transitToEstablishmentName })
          : (i.establishmentName ?? t('inventory.instruments.central')),
    },
    { header: t('inventory.instruments.status'), width: 18, value: (i) => t(`inventory.statuses.${i.status}`) },
    { header: t('inventory.instruments.condition'), width: 14, value: (i) => t(`inventory.conditions.${i.condition}`) },
    {
      header: t('inventory.instruments.custodian'),
      width: 24,
      // A participant (a person deprived of liberty) holding an instrument is named only to roles with the personal-data permission.
      value: (i) => custodianCell(ctx, i.custodianType, i.custodianName),
    },
    { header: t('inventory.instruments.acquisitionDate'), width: 14, kind: 'date', value: (i) => i.acquisitionDate },
    { header: t('inventory.instruments.cost'), width: 14, kind: 'money', value: (i) => i.costCentimos },
    { header: t('inventory.instruments.funding'), width: 18, value: (i) => t(`inventory.fundings.${i.funding}`) },
  ];
}

export const instrumentHandlers: InstrumentHandlers = {
  'instrumentTypes.list': (_input, ctx) => repo.listTypes(ctx.db),

  'instrumentTypes.create': async ({ name, family }, ctx) => {
    if ((await repo.findTypeIdByName(ctx.db, name)) !== null) {
      throw new AppError('conflict', 'inventory.errors.duplicateType', { name }, { name: { key: 'inventory.errors.duplicateType', params: { name } } });
    }
    const [row] = (await ctx.db('instrument_types')
      .insert({ name, name_key: normalizeText(name), family, active: true, version: 1 })
      .returning('id')) as Array<{ id: number }>;
    const created = (await repo.getType(ctx.db, row!.id))!;
    await ctx.audit({ entity: 'instrumentType', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'instrumentTypes.update': async ({ id, version, name, family, active }, ctx) => {
    const before = await repo.getType(ctx.db, id);
    if (!before) throw notFound();
    if (before.version !== version) throw stale();
    const other = await repo.findTypeIdByName(ctx.db, name);
    if (other !== null && other !== id) {
      throw new AppError('conflict', 'inventory.errors.duplicateType', { name }, { name: { key: 'inventory.errors.duplicateType', params: { name } } });
    }
    await ctx.db('instrument_types')
      .where({ id, version })
      .update({ name, name_key: normalizeText(name), family, active, version: version + 1 });
    const after = (await repo.getType(ctx.db, id))!;
    await ctx.audit({ entity: 'instrumentType', entityId: id, action: 'update', before, after });
    return after;
  },

  'instruments.list': async (q, ctx) => {
    const page = await repo.listInstruments(ctx.db, q, instrumentScope(ctx));
    return { ...page, rows: page.rows.map((i) => shownInstrument(ctx, i)) };
  },

  'instruments.get': async ({ id }, ctx) => shownInstrument(ctx, await mustGet(ctx, id)),

  'instruments.history': async ({ id }, ctx) => {
    await mustGet(ctx, id);
    return (await repo.history(ctx.db, id)).map((m) => shownMovement(ctx, m));
  },

  'instruments.create': async (input, ctx) => {
    const { condition, altaDate, establishmentId, ...values } = input;
    await checkFields(ctx, values, null);
    await checkEstablishment(ctx, establishmentId, 'establishmentId');
    let id: number;
    try {
      id = await repo.insertInstrument(ctx.db, values, ctx.session.actor, ctx.now);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new AppError('conflict', 'inventory.errors.duplicateCode', { code: values.code }, {
          code: { key: 'inventory.errors.duplicateCode', params: { code: values.code } },
        });
      }
      throw err;
    }
    const alta = altaOf(condition, altaDate);
    if (!(await repo.appendMovement(ctx.db, id, 0, alta.record, alta.state, ctx.session.actor, ctx.now))) throw stale();
    if (establishmentId !== null) {
      await moveInstruments(
        ctx.db,
        [await mustGet(ctx, id)],
        (before) => {
          const m = { kind: 'asignacion' as const, toEstablishmentId: establishmentId, date: altaDate, documentNumber: null, description: null };
          return { effect: effectOf(m), record: recordOf(m, before, null) };
        },
        { actor: ctx.session.actor, now: ctx.now, t: ctx.t, audit: async () => {}, custodianOf: (i) => shownCustodianName(ctx, i.custodianType, i.custodianName) },
      );
    }
    const created = await mustGet(ctx, id);
    await ctx.audit({ entity: 'instrument', entityId: id, action: 'create', after: created });
    return shownInstrument(ctx, created);
  },

  'instruments.update': async ({ id, version, ...values }, ctx) => {
    const before = await mustGet(ctx, id);
    if (before.version !== version) throw stale();
    await checkFields(ctx, values, id);
    if (!(await repo.updateInstrumentFields(ctx.db, id, version, values, ctx.session.actor, ctx.now))) throw stale();
    const after = await mustGet(ctx, id);
    await ctx.audit({ entity: 'instrument', entityId: id, action: 'update', before, after });
    return shownInstrument(ctx, after);
  },

  'instruments.move': async ({ instrumentIds, movement }, ctx) => {
    const ids = [...new Set(instrumentIds)];
    await lockRows(ctx.db, 'instruments', ids); // office mode: concurrent moves of the same instruments queue up
    const instruments = await repo.getInstruments(ctx.db, ids);
    if (instruments.length !== ids.length) {
      throw new AppError('not_found', 'inventory.errors.unknownInstrument');
    }
    for (const i of instruments) requireEstablishment(ctx, i.establishmentId, i.transitToEstablishmentId);
    if ('toEstablishmentId' in movement) await checkEstablishment(ctx, movement.toEstablishmentId, 'movement.toEstablishmentId');
    return moveInstruments(
      ctx.db,
      instruments,
      (before) => ({ effect: effectOf(movement), record: recordOf(movement, before, null) }),
      { actor: ctx.session.actor, now: ctx.now, t: ctx.t, audit: (e) => ctx.audit(e), custodianOf: (i) => shownCustodianName(ctx, i.custodianType, i.custodianName) },
    );
  },

  'instruments.export': async ({ filter, format, sort, direction, reason }, ctx) => {
    const rows = await repo.allInstruments(ctx.db, filter, sort, direction, instrumentScope(ctx));
    // The register names each instrument's custodian (a teacher, a participant): the file is logged with its reason.
    return exportTableWithReason(ctx, {
      reason,
      what: ctx.t('inventory.export.what'),
      anyRole: true,
      baseName: ctx.t('inventory.export.instruments'),
      sheetName: ctx.t('inventory.export.sheet'),
      format,
      columns: exportColumns(ctx),
      rows,
    });
  },
};
