import type { Knex } from 'knex';
import { applyMovement, type InstrumentState, type MovementEffect } from '../../../shared/inventory/rules';
import type { Instrument } from '../../../shared/inventory/schemas';
import type { Stocktake, StocktakeDetail, StocktakeLine } from '../../../shared/inventory/stocktake-schemas';
import { normalizeText } from '../../../shared/format';
import { AppError, fieldError, orNotFound } from '../ipc/errors';
import type { DomainHandlers, HandlerContext } from '../ipc/context';
import { saveExport } from '../export/table';
import { moveInstruments, type MovementRecordBase } from './ledger';
import { shownCustodianName } from './custodians';
import { stocktakeActaHtml } from './documents';
import * as repo from './repository';
import { stocktakeScope } from './scope';
import { requireEstablishment } from '../auth/access';
import { getEstablishment, refusedEstablishments } from '../establishments/repository';
import { paperHandlers, type PaperOwner } from '../files/papers';
import type { PaperChannel } from '../../../shared/paper-channels';

/**
 * Stocktakes (tomas de inventario): a clerk opens one for an establishment, scans the codes
 * found there, and closes it with an acta; closing records the differences as movements
 * (missing → extravío, found elsewhere → regularización or hallazgo, condition → cambio de
 * estado) and freezes the result as it stood.
 */

async function mustGet(db: Knex, id: number): Promise<Stocktake> {
  return orNotFound(await repo.getStocktake(db, id));
}

/** A stocktake of one of the user's establishments (auth/access.ts), or a refusal. */
async function mustBeTheirs(ctx: HandlerContext, id: number): Promise<Stocktake> {
  const s = await mustGet(ctx.db, id);
  requireEstablishment(ctx, s.establishmentId);
  return s;
}

async function mustBeOpen(db: Knex, id: number): Promise<Stocktake> {
  const s = await mustGet(db, id);
  if (s.status !== 'abierto') throw new AppError('conflict', 'inventory.stocktake.notOpen');
  return s;
}

const lineOf = (i: Instrument | null, code: string, counted: Pick<repo.CountedCode, 'condition' | 'countedAt'> | null): StocktakeLine => ({
  code,
  instrumentId: i?.id ?? null,
  typeName: i?.typeName ?? null,
  brand: i?.brand ?? null,
  registeredEstablishmentName: i ? i.establishmentName : null,
  registeredStatus: i?.status ?? null,
  registeredCondition: i?.condition ?? null,
  countedCondition: (counted?.condition ?? null) as StocktakeLine['countedCondition'],
  countedAt: counted?.countedAt ?? null,
});

/** On record at the establishment: assigned there (held by a custodian or not). */
const expectedAt = (i: Instrument, establishmentId: number) => i.status === 'asignado' && i.establishmentId === establishmentId;

/** What closing records for each difference; null when the state allows none (noted only). */
function plannedEffect(
  kind: 'missing' | 'elsewhere' | 'condition',
  i: Instrument,
  establishmentId: number,
  condition: string | null,
): MovementEffect | null {
  const state: InstrumentState = repo.stateOf(i);
  let effect: MovementEffect;
  if (kind === 'missing') effect = { kind: 'extravio' };
  else if (kind === 'elsewhere')
    effect =
      i.status === 'extraviado'
        ? { kind: 'hallazgo', toEstablishmentId: establishmentId, condition: condition as never }
        : { kind: 'regularizacion', toEstablishmentId: establishmentId };
  else effect = { kind: 'cambio_estado', condition: condition as never };
  return applyMovement(state, effect).ok ? effect : null;
}

export async function stocktakeDetail(db: Knex, id: number): Promise<StocktakeDetail> {
  const stocktake = await mustGet(db, id);
  if (stocktake.status === 'cerrado') {
    // The result as it stood when the acta was signed, not as the records read today.
    const frozen = await repo.frozenResult(db, id);
    if (frozen) return { ...(JSON.parse(frozen) as StocktakeDetail), stocktake };
  }
  const counts = await repo.countedCodes(db, id);
  const expectedIds = await repo.assignedInstrumentIds(db, stocktake.establishmentId);
  const countedIds = counts.map((c) => c.instrumentId).filter((x): x is number => x !== null);
  const instruments = new Map((await repo.getInstruments(db, [...new Set([...expectedIds, ...countedIds])])).map((i) => [i.id, i]));
  const countedById = new Map(counts.filter((c) => c.instrumentId !== null).map((c) => [c.instrumentId!, c]));

  const found: StocktakeLine[] = [];
  const elsewhere: StocktakeLine[] = [];
  const unknown: StocktakeLine[] = [];
  const planned: StocktakeDetail['planned'] = [];
  for (const c of counts) {
    const i = c.instrumentId === null ? null : (instruments.get(c.instrumentId) ?? null);
    if (!i) {
      unknown.push(lineOf(null, c.code, c));
      continue;
    }
    if (expectedAt(i, stocktake.establishmentId)) {
      found.push(lineOf(i, i.code, c));
      if (c.condition && c.condition !== i.condition) {
        planned.push({
          code: i.code,
          kind: 'cambio_estado',
          observationOnly: plannedEffect('condition', i, stocktake.establishmentId, c.condition) === null,
        });
      }
    } else {
      elsewhere.push(lineOf(i, i.code, c));
      const effect = plannedEffect('elsewhere', i, stocktake.establishmentId, c.condition);
      planned.push({ code: i.code, kind: i.status === 'extraviado' ? 'hallazgo' : 'regularizacion', observationOnly: effect === null });
    }
  }
  const missing: StocktakeLine[] = [];
  for (const id2 of expectedIds) {
    if (countedById.has(id2)) continue;
    const i = instruments.get(id2)!;
    missing.push(lineOf(i, i.code, null));
    planned.push({
      code: i.code,
      kind: 'extravio',
      observationOnly: plannedEffect('missing', i, stocktake.establishmentId, null) === null,
    });
  }
  missing.sort((a, b) => a.code.localeCompare(b.code));
  return { stocktake, expected: expectedIds.length, found, missing, elsewhere, unknown, planned };
}

type StocktakeChannel =
  | 'stocktakes.list'
  | 'stocktakes.open'
  | 'stocktakes.get'
  | 'stocktakes.count'
  | 'stocktakes.uncount'
  | 'stocktakes.close'
  | 'stocktakes.acta'
  | PaperChannel<'stocktakes'>;

/** A stocktake's acta as signed (issue 16, item 4), beside the acta the app prints. */
const stocktakePapers: PaperOwner<'stocktakes'> = {
  prefix: 'stocktakes',
  type: 'stocktake',
  entity: 'stocktake',
  reach: async (ctx, id) => {
    const s = await mustBeTheirs(ctx, id);
    return { kind: 'acta_inventario', title: [s.establishmentName, s.actaNumber].filter(Boolean).join(' ') };
  },
};

export const stocktakeHandlers: DomainHandlers<StocktakeChannel> = {
  ...paperHandlers(stocktakePapers),
  'stocktakes.list': ({ establishmentId, status }, ctx) => repo.listStocktakes(ctx.db, { establishmentId, status }, stocktakeScope(ctx)),

  'stocktakes.open': async ({ establishmentId, notes }, ctx) => {
    if ((await refusedEstablishments(ctx.db, [establishmentId])).size > 0)
      throw fieldError('establishmentId', 'inventory.errors.unknownEstablishment');
    const e = (await getEstablishment(ctx.db, establishmentId))!;
    if (await repo.hasOpenStocktake(ctx.db, establishmentId)) {
      throw fieldError('establishmentId', 'inventory.stocktake.alreadyOpen', { name: e.name }, 'conflict');
    }
    const created = await mustGet(ctx.db, await repo.insertStocktake(ctx.db, establishmentId, notes, ctx.session.actor.name, ctx.now));
    await ctx.audit({ entity: 'stocktake', entityId: created.id, action: 'open', after: created });
    return created;
  },

  'stocktakes.get': async ({ id }, ctx) => {
    await mustBeTheirs(ctx, id);
    return stocktakeDetail(ctx.db, id);
  },

  'stocktakes.count': async ({ id, code, condition }, ctx) => {
    await mustBeTheirs(ctx, id);
    const s = await mustBeOpen(ctx.db, id);
    const instrumentId = await repo.findInstrumentIdByCode(ctx.db, code);
    const instrument = instrumentId === null ? null : await repo.getInstrument(ctx.db, instrumentId);
    const existing = await repo.findCount(ctx.db, id, code);
    if (existing) {
      // Scanned twice: nothing changes, but the scan is on record.
      await ctx.audit({ entity: 'stocktake', entityId: id, action: 'count-repeated', after: { code } });
      return { result: 'repeated' as const, line: lineOf(instrument, code, existing) };
    }
    const counted = { condition, countedAt: ctx.now };
    await repo.insertCount(ctx.db, { stocktakeId: id, code, instrumentId, condition, countedBy: ctx.session.actor.name, now: ctx.now });
    await ctx.audit({ entity: 'stocktake', entityId: id, action: 'count', after: { code, condition } });
    const result = !instrument ? 'unknown' : expectedAt(instrument, s.establishmentId) ? 'found' : 'elsewhere';
    return { result, line: lineOf(instrument, code, counted) };
  },

  'stocktakes.uncount': async ({ id, code }, ctx) => {
    await mustBeTheirs(ctx, id);
    await mustBeOpen(ctx.db, id);
    const removed = await repo.deleteCount(ctx.db, id, code.toUpperCase());
    await ctx.audit({ entity: 'stocktake', entityId: id, action: 'uncount', before: { code } });
    return { removed };
  },

  'stocktakes.close': async ({ id, actaNumber, date }, ctx) => {
    await mustBeTheirs(ctx, id);
    await mustBeOpen(ctx.db, id);
    const detail = await stocktakeDetail(ctx.db, id);
    const E = detail.stocktake.establishmentId;
    const counts = new Map((await repo.countedCodes(ctx.db, id)).map((c) => [c.code, c.condition]));
    let movements = 0;
    const apply = async (code: string, kind: 'missing' | 'elsewhere' | 'condition') => {
      const instrumentId = await repo.findInstrumentIdByCode(ctx.db, code);
      const i = instrumentId === null ? null : await repo.getInstrument(ctx.db, instrumentId);
      if (!i) return;
      const condition = counts.get(code) ?? null;
      const effect = plannedEffect(kind, i, E, condition);
      if (!effect) return;
      const reasonKey = kind === 'missing' ? 'inventory.stocktake.actaMissingReason' : 'inventory.stocktake.actaFoundReason';
      const base: MovementRecordBase = {
        date,
        documentNumber: actaNumber,
        description: ctx.t(reasonKey, { acta: actaNumber }),
        stocktakeId: id,
      };
      await moveInstruments(ctx.db, [i], (before) => ({ effect, record: recordForStocktake(effect, before, base) }), {
        actor: ctx.session.actor,
        now: ctx.now,
        t: ctx.t,
        audit: (e) => ctx.audit(e),
        custodianOf: (x) => shownCustodianName(ctx, x.custodianType, x.custodianName),
      });
      movements++;
    };
    for (const line of detail.missing) await apply(line.code, 'missing');
    for (const line of detail.elsewhere) await apply(line.code, 'elsewhere');
    for (const p of detail.planned.filter((x) => x.kind === 'cambio_estado')) await apply(p.code, 'condition');

    await repo.closeStocktake(ctx.db, id, {
      closedBy: ctx.session.actor.name,
      now: ctx.now,
      actaNumber,
      actaDate: date,
      resultJson: JSON.stringify(detail),
    });
    const closed = await mustGet(ctx.db, id);
    await ctx.audit({ entity: 'stocktake', entityId: id, action: 'close', before: detail.stocktake, after: closed });
    return { stocktake: closed, movements, observations: detail.planned.filter((p) => p.observationOnly).length };
  },

  'stocktakes.acta': async ({ id }, ctx) => {
    await mustBeTheirs(ctx, id);
    const detail = await stocktakeDetail(ctx.db, id);
    const office = (await getEstablishment(ctx.db, detail.stocktake.establishmentId))!.regionalOfficeName;
    const slug = (x: string) =>
      normalizeText(x)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    const s = detail.stocktake;
    return saveExport(ctx, {
      baseName: [ctx.t('inventory.stocktake.actaFileName'), slug(s.establishmentName), s.actaNumber ? slug(s.actaNumber) : null]
        .filter(Boolean)
        .join('-'),
      extension: 'pdf',
      rows: detail.found.length + detail.missing.length + detail.elsewhere.length + detail.unknown.length,
      build: async () =>
        ctx.platform.printPdf({
          html: stocktakeActaHtml(detail, office, ctx.t, ctx.session.locale, ctx.now),
          pageSize: 'A4',
        }),
    });
  },
};

function recordForStocktake(effect: MovementEffect, before: InstrumentState, base: MovementRecordBase) {
  return {
    kind: effect.kind,
    date: base.date,
    fromEstablishmentId: before.establishmentId,
    toEstablishmentId: 'toEstablishmentId' in effect ? effect.toEstablishmentId : null,
    custodianType: null,
    custodianName: null,
    custodianId: null,
    dueDate: null,
    condition: 'condition' in effect ? (effect.condition ?? null) : null,
    documentNumber: base.documentNumber,
    person: null,
    provider: null,
    costCentimos: null,
    description: base.description,
    batchId: null,
    stocktakeId: base.stocktakeId,
  };
}
