import type { Knex } from 'knex';
import { applyMovement, type InstrumentState, type MovementEffect } from '../../../shared/instruments/rules';
import type { Instrument } from '../../../shared/instruments/schemas';
import type { Stocktake, StocktakeDetail, StocktakeLine } from '../../../shared/instruments/stocktake-schemas';
import { normalizeText } from '../../../shared/format';
import { AppError, notFound } from '../ipc/errors';
import type { HandlerContext, Handlers } from '../ipc/context';
import { saveExport } from '../export/table';
import { moveInstruments, type MovementRecordBase } from './ledger';
import { shownCustodianName } from './custodians';
import { stocktakeActaHtml } from './documents';
import * as repo from './repository';
import { requireEstablishment, whereInScope } from '../auth/access';
import { type Row, toBool } from '../db/rows';


const toStocktake = (r: Row): Stocktake => ({
  id: Number(r.id),
  establishmentId: Number(r.establishment_id),
  establishmentName: String(r.establishment_name),
  status: r.status as Stocktake['status'],
  openedAt: String(r.opened_at),
  openedBy: String(r.opened_by),
  closedAt: (r.closed_at as string | null) ?? null,
  closedBy: (r.closed_by as string | null) ?? null,
  actaNumber: (r.acta_number as string | null) ?? null,
  actaDate: (r.acta_date as string | null) ?? null,
  notes: (r.notes as string | null) ?? null,
  counted: Number(r.counted ?? 0),
});

function stocktakes(db: Knex) {
  return db('stocktakes as s')
    .join('establishments as e', 'e.id', 's.establishment_id')
    .select('s.*', 'e.name as establishment_name')
    .select(db.raw('(SELECT count(*) FROM stocktake_counts c WHERE c.stocktake_id = s.id) AS counted'));
}

async function mustGet(db: Knex, id: number): Promise<Stocktake> {
  const row = (await stocktakes(db).where('s.id', id).first()) as Row | undefined;
  if (!row) throw notFound();
  return toStocktake(row);
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

const lineOf = (i: Instrument | null, code: string, counted: { condition: string | null; counted_at: string } | null): StocktakeLine => ({
  code,
  instrumentId: i?.id ?? null,
  typeName: i?.typeName ?? null,
  brand: i?.brand ?? null,
  registeredEstablishmentName: i ? i.establishmentName : null,
  registeredStatus: i?.status ?? null,
  registeredCondition: i?.condition ?? null,
  countedCondition: (counted?.condition ?? null) as StocktakeLine['countedCondition'],
  countedAt: counted?.counted_at ?? null,
});

/** On record at the establishment: assigned there (held by a custodian or not). */
const expectedAt = (i: Instrument, establishmentId: number) => i.status === 'asignado' && i.establishmentId === establishmentId;

/** What closing records for each difference; null when the state allows none (noted only). */
function plannedEffect(kind: 'missing' | 'elsewhere' | 'condition', i: Instrument, establishmentId: number, condition: string | null): MovementEffect | null {
  const state: InstrumentState = repo.stateOf(i);
  let effect: MovementEffect;
  if (kind === 'missing') effect = { kind: 'extravio' };
  else if (kind === 'elsewhere')
    effect = i.status === 'extraviado' ? { kind: 'hallazgo', toEstablishmentId: establishmentId, condition: condition as never } : { kind: 'regularizacion', toEstablishmentId: establishmentId };
  else effect = { kind: 'cambio_estado', condition: condition as never };
  return applyMovement(state, effect).ok ? effect : null;
}

export async function stocktakeDetail(db: Knex, id: number): Promise<StocktakeDetail> {
  const stocktake = await mustGet(db, id);
  if (stocktake.status === 'cerrado') {
    // The result as it stood when the acta was signed, not as the records read today.
    const frozen = (await db('stocktakes').where({ id }).first('closed_result_json')) as { closed_result_json: string | null };
    if (frozen.closed_result_json) return { ...(JSON.parse(frozen.closed_result_json) as StocktakeDetail), stocktake };
  }
  const counts = (await db('stocktake_counts').where({ stocktake_id: id }).orderBy('id')) as Array<{
    code: string;
    instrument_id: number | null;
    condition: string | null;
    counted_at: string;
  }>;
  const expectedIds = (await db('instruments')
    .where({ establishment_id: stocktake.establishmentId, status: 'asignado' })
    .pluck('id')) as number[];
  const countedIds = counts.map((c) => c.instrument_id).filter((x): x is number => x !== null);
  const instruments = new Map((await repo.getInstruments(db, [...new Set([...expectedIds, ...countedIds])])).map((i) => [i.id, i]));
  const countedById = new Map(counts.filter((c) => c.instrument_id !== null).map((c) => [c.instrument_id!, c]));

  const found: StocktakeLine[] = [];
  const elsewhere: StocktakeLine[] = [];
  const unknown: StocktakeLine[] = [];
  const planned: StocktakeDetail['planned'] = [];
  for (const c of counts) {
    const i = c.instrument_id === null ? null : instruments.get(c.instrument_id) ?? null;
    if (!i) {
      unknown.push(lineOf(null, c.code, c));
      continue;
    }
    if (expectedAt(i, stocktake.establishmentId)) {
      found.push(lineOf(i, i.code, c));
      if (c.condition && c.condition !== i.condition) {
        planned.push({ code: i.code, kind: 'cambio_estado', observationOnly: plannedEffect('condition', i, stocktake.establishmentId, c.condition) === null });
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
    planned.push({ code: i.code, kind: 'extravio', observationOnly: plannedEffect('missing', i, stocktake.establishmentId, null) === null });
  }
  missing.sort((a, b) => a.code.localeCompare(b.code));
  return { stocktake, expected: expectedIds.length, found, missing, elsewhere, unknown, planned };
}

type StocktakeHandlers = Pick<
  Handlers,
  'stocktakes.list' | 'stocktakes.open' | 'stocktakes.get' | 'stocktakes.count' | 'stocktakes.uncount' | 'stocktakes.close' | 'stocktakes.acta'
>;

export const stocktakeHandlers: StocktakeHandlers = {
  'stocktakes.list': async ({ establishmentId, status }, ctx) => {
    const q = whereInScope(ctx.session, stocktakes(ctx.db).orderBy('s.id', 'desc'), 's.establishment_id');
    if (establishmentId !== null) q.where('s.establishment_id', establishmentId);
    if (status !== null) q.where('s.status', status);
    return ((await q) as Row[]).map(toStocktake);
  },

  'stocktakes.open': async ({ establishmentId, notes }, ctx) => {
    const e = (await ctx.db('establishments').where({ id: establishmentId }).first()) as { name: string; active: unknown } | undefined;
    if (!e || !toBool(e.active)) {
      throw new AppError('validation', 'errors.validation', {}, { establishmentId: { key: 'inventory.errors.unknownEstablishment' } });
    }
    const open = await ctx.db('stocktakes').where({ establishment_id: establishmentId, status: 'abierto' }).first();
    if (open) {
      throw new AppError('conflict', 'inventory.stocktake.alreadyOpen', { name: e.name }, {
        establishmentId: { key: 'inventory.stocktake.alreadyOpen', params: { name: e.name } },
      });
    }
    const [row] = (await ctx.db('stocktakes')
      .insert({ establishment_id: establishmentId, status: 'abierto', opened_at: ctx.now, opened_by: ctx.session.actor.name, notes })
      .returning('id')) as Array<{ id: number }>;
    const created = await mustGet(ctx.db, row!.id);
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
    const existing = await ctx.db('stocktake_counts').where({ stocktake_id: id, code }).first();
    if (existing) {
      // Scanned twice: nothing changes, but the scan is on record.
      await ctx.audit({ entity: 'stocktake', entityId: id, action: 'count-repeated', after: { code } });
      return { result: 'repeated' as const, line: lineOf(instrument, code, existing as never) };
    }
    const counted = { condition, counted_at: ctx.now };
    await ctx.db('stocktake_counts').insert({
      stocktake_id: id,
      code,
      instrument_id: instrumentId,
      condition,
      counted_at: ctx.now,
      counted_by: ctx.session.actor.name,
    });
    await ctx.audit({ entity: 'stocktake', entityId: id, action: 'count', after: { code, condition } });
    const result = !instrument ? 'unknown' : expectedAt(instrument, s.establishmentId) ? 'found' : 'elsewhere';
    return { result, line: lineOf(instrument, code, counted) };
  },

  'stocktakes.uncount': async ({ id, code }, ctx) => {
    await mustBeTheirs(ctx, id);
    await mustBeOpen(ctx.db, id);
    const n = await ctx.db('stocktake_counts').where({ stocktake_id: id, code: code.toUpperCase() }).delete();
    await ctx.audit({ entity: 'stocktake', entityId: id, action: 'uncount', before: { code } });
    return { removed: n > 0 };
  },

  'stocktakes.close': async ({ id, actaNumber, date }, ctx) => {
    await mustBeTheirs(ctx, id);
    await mustBeOpen(ctx.db, id);
    const detail = await stocktakeDetail(ctx.db, id);
    const E = detail.stocktake.establishmentId;
    const counts = new Map(
      ((await ctx.db('stocktake_counts').where({ stocktake_id: id })) as Array<{ code: string; condition: string | null }>).map((c) => [c.code, c.condition]),
    );
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

    await ctx.db('stocktakes').where({ id }).update({
      status: 'cerrado',
      closed_at: ctx.now,
      closed_by: ctx.session.actor.name,
      acta_number: actaNumber,
      acta_date: date,
      closed_result_json: JSON.stringify(detail),
    });
    const closed = await mustGet(ctx.db, id);
    await ctx.audit({ entity: 'stocktake', entityId: id, action: 'close', before: detail.stocktake, after: closed });
    return { stocktake: closed, movements, observations: detail.planned.filter((p) => p.observationOnly).length };
  },

  'stocktakes.acta': async ({ id }, ctx) => {
    await mustBeTheirs(ctx, id);
    const detail = await stocktakeDetail(ctx.db, id);
    const office = (await ctx.db('establishments as e')
      .join('regional_offices as r', 'r.id', 'e.regional_office_id')
      .where('e.id', detail.stocktake.establishmentId)
      .first('r.name')) as { name: string };
    const slug = (x: string) => normalizeText(x).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const s = detail.stocktake;
    return saveExport(ctx, {
      baseName: [ctx.t('inventory.stocktake.actaFileName'), slug(s.establishmentName), s.actaNumber ? slug(s.actaNumber) : null].filter(Boolean).join('-'),
      extension: 'pdf',
      rows: detail.found.length + detail.missing.length + detail.elsewhere.length + detail.unknown.length,
      build: async () =>
        ctx.platform.printPdf({
          html: stocktakeActaHtml(detail, office.name, ctx.t, ctx.session.locale, ctx.now),
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
