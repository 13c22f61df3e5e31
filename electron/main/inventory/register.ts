import type { Instrument } from '../../../shared/inventory/schemas';
import { isUniqueViolation } from '../db/dialect';
import { AppError, fieldError, stale, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import type { Column } from '../export/table';
import { requireEstablishment } from '../auth/access';
import { refusedEstablishments } from '../establishments/repository';
import { exportTableWithReason } from '../privacy/personal-data';
import { custodianCell, shownCustodianName, shownInstrument, shownMovement } from './custodians';
import { donationExists, donationSources } from '../programmes/repository/for-inventory';
import { resolveCustodian } from './custody';
import { altaOf, effectOf, moveInstruments, recordOf } from './ledger';
import * as repo from './repository';
import { instrumentScope } from './scope';
import { instrumentSheetColumns } from './sheet-columns';
import { checkCodeFormat, codeMask } from './settings';

/** The register's channels: instrument types, and instruments with their movements and export. */
type RegisterChannel =
  | 'instrumentTypes.list'
  | 'instrumentTypes.create'
  | 'instrumentTypes.update'
  | 'instruments.list'
  | 'instruments.get'
  | 'instruments.history'
  | 'instruments.donations'
  | 'instruments.create'
  | 'instruments.update'
  | 'instruments.move'
  | 'instruments.export';

async function mustGet(ctx: HandlerContext, id: number): Promise<Instrument> {
  const found = orNotFound(await repo.getInstrument(ctx.db, id));
  requireEstablishment(ctx, found.establishmentId, found.transitToEstablishmentId);
  return found;
}

const duplicateCode = (code: string) => fieldError('code', 'inventory.errors.duplicateCode', { code }, 'conflict');

async function checkFields(ctx: HandlerContext, v: repo.InstrumentValues, selfId: number | null): Promise<void> {
  checkCodeFormat(v.code, await codeMask(ctx.db));
  const owner = await repo.findInstrumentIdByCode(ctx.db, v.code);
  if (owner !== null && owner !== selfId) {
    throw duplicateCode(v.code);
  }
  const active = await repo.typeActive(ctx.db, v.typeId);
  const current = selfId === null ? null : await repo.typeIdOf(ctx.db, selfId);
  // A deactivated type is not offered for new instruments (one already of that type may keep it).
  if (active === null || (!active && current !== v.typeId)) throw fieldError('typeId', 'inventory.errors.unknownType');
  // A donation is the funding source of a donated instrument only (issue 15).
  if (v.donationId != null) {
    if (v.funding === 'presupuesto_inpe') throw fieldError('donationId', 'inventory.errors.donationNotDonated');
    if (!(await donationExists(ctx.db, v.donationId))) throw fieldError('donationId', 'inventory.errors.unknownDonation');
  }
}

/** Movements go only to active establishments. */
async function checkEstablishment(ctx: HandlerContext, id: number | null | undefined, field: string): Promise<void> {
  if (id === null || id === undefined) return;
  if ((await refusedEstablishments(ctx.db, [id])).size > 0) throw fieldError(field, 'inventory.errors.unknownEstablishment');
}

function exportColumns(ctx: HandlerContext): Column<Instrument>[] {
  const { t } = ctx;
  const shared = instrumentSheetColumns(t);
  return [
    ...shared.identity,
    {
      header: t('inventory.instruments.establishment'),
      width: 32,
      value: (i) =>
        i.status === 'en_transito' && i.transitToEstablishmentName
          ? t('inventory.instruments.inTransitTo', { name: i.transitToEstablishmentName })
          : (i.establishmentName ?? t('inventory.instruments.central')),
    },
    ...shared.state,
    {
      header: t('inventory.instruments.custodian'),
      width: 24,
      // A participant (a person deprived of liberty) holding an instrument is named only to roles with the personal-data permission.
      value: (i) => custodianCell(ctx, i.custodianType, i.custodianName),
    },
    ...shared.acquisition,
    { header: t('inventory.instruments.funding'), width: 18, value: (i) => t(`inventory.fundings.${i.funding}`) },
  ];
}

export const registerHandlers: DomainHandlers<RegisterChannel> = {
  'instrumentTypes.list': (_input, ctx) => repo.listTypes(ctx.db),

  'instrumentTypes.create': async ({ name, family }, ctx) => {
    if ((await repo.findTypeIdByName(ctx.db, name)) !== null) {
      throw fieldError('name', 'inventory.errors.duplicateType', { name }, 'conflict');
    }
    const created = (await repo.getType(ctx.db, await repo.insertType(ctx.db, name, family)))!;
    await ctx.audit({ entity: 'instrumentType', entityId: created.id, action: 'create', after: created });
    return created;
  },

  'instrumentTypes.update': async ({ id, version, name, family, active }, ctx) => {
    const before = orNotFound(await repo.getType(ctx.db, id));
    if (before.version !== version) throw stale();
    const other = await repo.findTypeIdByName(ctx.db, name);
    if (other !== null && other !== id) {
      throw fieldError('name', 'inventory.errors.duplicateType', { name }, 'conflict');
    }
    await repo.updateType(ctx.db, id, version, { name, family, active });
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

  'instruments.donations': (_input, ctx) => donationSources(ctx.db),

  'instruments.create': async (input, ctx) => {
    const { condition, altaDate, establishmentId, ...values } = input;
    await checkFields(ctx, values, null);
    await checkEstablishment(ctx, establishmentId, 'establishmentId');
    let id: number;
    try {
      id = await repo.insertInstrument(ctx.db, values, ctx.session.actor, ctx.now);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw duplicateCode(values.code);
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
          const m = {
            kind: 'asignacion' as const,
            toEstablishmentId: establishmentId,
            date: altaDate,
            documentNumber: null,
            description: null,
          };
          return { effect: effectOf(m), record: recordOf(m, before, null) };
        },
        {
          actor: ctx.session.actor,
          now: ctx.now,
          t: ctx.t,
          audit: async () => {},
          custodianOf: (i) => shownCustodianName(ctx, i.custodianType, i.custodianName),
        },
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
    await repo.lockInstruments(ctx.db, ids); // office mode: concurrent moves of the same instruments queue up
    const instruments = await repo.getInstruments(ctx.db, ids);
    if (instruments.length !== ids.length) {
      throw new AppError('not_found', 'inventory.errors.unknownInstrument');
    }
    for (const i of instruments) requireEstablishment(ctx, i.establishmentId, i.transitToEstablishmentId);
    if ('toEstablishmentId' in movement) await checkEstablishment(ctx, movement.toEstablishmentId, 'movement.toEstablishmentId');
    const custodian = movement.kind === 'entrega' ? await resolveCustodian(ctx, movement, instruments) : null;
    const build = (before: Parameters<typeof recordOf>[1]) => ({
      effect: effectOf(movement, custodian),
      record: recordOf(movement, before, null, custodian),
    });
    return moveInstruments(ctx.db, instruments, build, {
      actor: ctx.session.actor,
      now: ctx.now,
      t: ctx.t,
      audit: (e) => ctx.audit(e),
      custodianOf: (i) => shownCustodianName(ctx, i.custodianType, i.custodianName),
    });
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
