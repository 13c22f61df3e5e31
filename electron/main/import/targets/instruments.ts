import type { Knex } from 'knex';
import { parseDateInput, parseMoneyToCentimos } from '../../../../shared/format';
import { applyMovement, conditions, fundings, type Condition, type Funding, type InstrumentState } from '../../../../shared/instruments/rules';
import { InstrumentFields } from '../../../../shared/instruments/schemas';
import { issuesByField } from '../../../../shared/validation';
import { AppError, stale } from '../../ipc/errors';
import * as repo from '../../instruments/repository';
import { altaOf } from '../../instruments/ledger';
import { codeMask } from '../../instruments/settings';
import { fitsMask, maskExample } from '../../../../shared/instruments/code-format';
import { matchKey, type Cell, type FieldErrors, type ImportEnv, type ImportTarget, type RowCheck } from '../engine';
import { cellString } from '../read';

/**
 * Instruments from the clerks' spreadsheets. New codes are registered with their alta
 * (condition, default "bueno") and, when an establishment is given, their assignment to
 * it, exactly as the form does. In 'upsert' mode an existing code updates only the
 * descriptive fields: where an instrument is and in what state come from its movements,
 * never from a spreadsheet, so those columns are ignored for instruments already on record.
 */

export interface InstrumentRow extends repo.InstrumentValues {
  condition: Condition;
  establishmentId: number | null;
}

interface Ctx {
  mask: string;
  types: Map<string, number>;
  establishments: Map<string, number>;
  env: ImportEnv;
}

const words = <T extends string>(table: Record<T, string[]>) => {
  const out = new Map<string, T>();
  for (const [value, list] of Object.entries(table) as Array<[T, string[]]>) {
    out.set(matchKey(value.replace(/_/g, ' ')), value);
    for (const w of list) out.set(matchKey(w), value);
  }
  return out;
};

const conditionWords = words<Condition>({
  nuevo: ['nueva', 'new'],
  bueno: ['buena', 'b', 'good', 'operativo', 'operativa'],
  regular: ['r', 'fair'],
  malo: ['mala', 'm', 'poor', 'deteriorado'],
  inoperativo: ['inoperativa', 'inservible', 'unusable', 'roto'],
});
const fundingWords = words<Funding>({
  presupuesto_inpe: ['inpe', 'presupuesto', 'presupuesto institucional', 'recursos ordinarios', 'ro', 'budget'],
  donacion: ['donacion', 'donado', 'donativo', 'donation'],
  aliado: ['aliado', 'convenio', 'socio', 'cooperacion', 'partner'],
});

const text = (c: Cell | undefined) => cellString(c ?? null);

export const instrumentsTarget: ImportTarget<InstrumentRow, Ctx> = {
  entity: 'instruments',
  fields: [
    { key: 'code', labelKey: 'inventory.instruments.code', required: true, synonyms: ['codigo', 'cod patrimonial', 'codigo patrimonial', 'patrimonio', 'cod', 'n patrimonio'] },
    { key: 'type', labelKey: 'inventory.instruments.type', required: true, synonyms: ['instrumento', 'tipo de instrumento', 'descripcion', 'bien'] },
    { key: 'brand', labelKey: 'inventory.instruments.brand', required: false, synonyms: ['fabricante'] },
    { key: 'model', labelKey: 'inventory.instruments.model', required: false, synonyms: ['modelo'] },
    { key: 'serialNumber', labelKey: 'inventory.instruments.serialNumber', required: false, synonyms: ['serie', 'n serie', 'numero de serie', 'nro serie', 'serial'] },
    { key: 'acquisitionDate', labelKey: 'inventory.instruments.acquisitionDate', required: false, synonyms: ['fecha', 'fecha de compra', 'adquisicion', 'fecha adquisicion'] },
    { key: 'cost', labelKey: 'inventory.instruments.cost', required: false, synonyms: ['costo', 'valor', 'precio', 'importe', 'valor s', 'costo s'] },
    { key: 'funding', labelKey: 'inventory.instruments.funding', required: false, synonyms: ['financiamiento', 'fuente', 'fuente de financiamiento', 'origen'] },
    { key: 'supplier', labelKey: 'inventory.instruments.supplier', required: false, synonyms: ['proveedor', 'empresa'] },
    { key: 'supplierDocument', labelKey: 'inventory.instruments.supplierDocument', required: false, synonyms: ['documento', 'orden de compra', 'oc', 'factura', 'pecosa'] },
    { key: 'condition', labelKey: 'inventory.instruments.condition', required: false, synonyms: ['estado', 'estado de conservacion', 'conservacion'] },
    { key: 'establishment', labelKey: 'inventory.instruments.establishment', required: false, synonyms: ['establecimiento', 'ep', 'e p', 'penal', 'ubicacion', 'destino'] },
    { key: 'notes', labelKey: 'inventory.instruments.notes', required: false, synonyms: ['observaciones', 'obs', 'notas', 'comentarios'] },
  ],

  async prepare(db, env) {
    const types = new Map<string, number>();
    for (const t of (await db('instrument_types').select('id', 'name')) as Array<{ id: number; name: string }>) types.set(matchKey(t.name), t.id);
    const establishments = new Map<string, number>();
    for (const e of (await db('establishments').where({ active: true }).select('id', 'code', 'name')) as Array<{ id: number; code: string; name: string }>) {
      establishments.set(matchKey(e.code), e.id);
      establishments.set(matchKey(e.name), e.id);
      // "Lurigancho" finds "E.P. de Lurigancho".
      establishments.set(matchKey(e.name.replace(/^E\.?P\.?\s+(de(l)?\s+)?/i, '')), e.id);
    }
    return { mask: await codeMask(db), types, establishments, env };
  },

  parseRow(raw, ctx) {
    const errors: FieldErrors = {};

    const typeText = text(raw.type);
    const typeId = typeText ? findType(ctx.types, matchKey(typeText)) : undefined;
    if (!typeText) errors.type = { key: 'errors.required' };
    else if (typeId === undefined) errors.type = { key: 'inventory.import.unknownType', params: { value: typeText } };

    let costCentimos = 0;
    if (raw.cost !== undefined && text(raw.cost) !== '') {
      const c = parseMoneyToCentimos(typeof raw.cost === 'number' ? raw.cost : text(raw.cost));
      if (c === null) errors.cost = { key: 'errors.invalidAmount' };
      else costCentimos = c;
    }

    let acquisitionDate: string | null = null;
    if (raw.acquisitionDate !== undefined && text(raw.acquisitionDate) !== '') {
      const d = parseDateInput(raw.acquisitionDate instanceof Date ? raw.acquisitionDate : text(raw.acquisitionDate));
      if (d === null) errors.acquisitionDate = { key: 'errors.invalidDate' };
      else acquisitionDate = d;
    }

    let funding: Funding = 'presupuesto_inpe';
    if (text(raw.funding)) {
      const f = fundingWords.get(matchKey(text(raw.funding)));
      if (!f) errors.funding = { key: 'inventory.import.unknownChoice', params: { options: fundings.join(', ') } };
      else funding = f;
    }

    let condition: Condition = 'bueno';
    if (text(raw.condition)) {
      const c = conditionWords.get(matchKey(text(raw.condition)));
      if (!c) errors.condition = { key: 'inventory.import.unknownChoice', params: { options: conditions.join(', ') } };
      else condition = c;
    }

    let establishmentId: number | null = null;
    const where = text(raw.establishment);
    if (where && matchKey(where) !== matchKey('Almacén central')) {
      const id = ctx.establishments.get(matchKey(where)) ?? ctx.establishments.get(matchKey(where.replace(/^E\.?P\.?\s+(de(l)?\s+)?/i, '')));
      if (id === undefined) errors.establishment = { key: 'inventory.import.unknownEstablishment', params: { value: where } };
      else establishmentId = id;
    }

    // The form's own schema: the same rules as typing them in.
    const checked = InstrumentFields.safeParse({
      code: text(raw.code),
      serialNumber: text(raw.serialNumber),
      typeId: typeId ?? 1,
      brand: text(raw.brand),
      model: text(raw.model),
      acquisitionDate,
      costCentimos,
      funding,
      supplier: text(raw.supplier),
      supplierDocument: text(raw.supplierDocument),
      notes: text(raw.notes),
    });
    if (!checked.success) {
      const byField = issuesByField(checked.error);
      for (const [k, v] of Object.entries(byField)) {
        const field = k === 'costCentimos' ? 'cost' : k === 'typeId' ? 'type' : k;
        errors[field] ??= v;
      }
    }
    if (checked.success && !fitsMask(checked.data.code, ctx.mask)) {
      errors.code = { key: 'inventory.settings.codeFormat', params: { code: checked.data.code, mask: ctx.mask, example: maskExample(ctx.mask) } };
    }
    if (Object.keys(errors).length > 0 || !checked.success) return { errors };
    return { values: { ...checked.data, condition, establishmentId } };
  },

  async checkBatch(rows, db, ctx, mode) {
    const list = new Intl.ListFormat(ctx.env.locale === 'en' ? 'en' : 'es', { type: 'conjunction' });
    const byCode = new Map<string, number[]>();
    for (const r of rows) byCode.set(r.values.code, [...(byCode.get(r.values.code) ?? []), r.row]);
    const existing = await existingCodes(db, [...byCode.keys()]);
    return rows.map((r): RowCheck => {
      const code = r.values.code;
      const same = byCode.get(code)!;
      const exists = existing.has(code);
      if (same.length > 1) {
        return { action: exists ? 'update' : 'create', errors: { code: { key: 'import.errors.duplicateInFile', params: { code, rows: list.format(same.map(String)) } } } };
      }
      if (exists && mode === 'create') return { action: 'create', errors: { code: { key: 'inventory.errors.duplicateCode', params: { code } } } };
      return { action: exists ? 'update' : 'create' };
    });
  },

  async write(trx, rows, ctx, audit, mode, progress) {
    const { actor, now } = ctx.env;
    const existing = await existingCodes(trx, rows.map((r) => r.values.code));
    let created = 0;
    let updated = 0;
    let done = 0;
    // New instruments go in chunks: the register rows with the state their alta (and first
    // assignment) leave, computed by the same state machine, then their ledger rows and
    // audit entries — the same rows the form writes, in a fraction of the statements.
    const fresh = rows.filter((r) => !existing.has(r.values.code));
    for (let i = 0; i < fresh.length; i += 250) {
      const chunk = fresh.slice(i, i + 250);
      const plans = chunk.map(({ values }) => {
        const { condition, establishmentId, ...fields } = values;
        const alta = altaOf(condition, now.slice(0, 10));
        const records: Array<{ record: repo.MovementRecord; after: InstrumentState }> = [{ record: alta.record, after: alta.state }];
        if (establishmentId !== null) {
          const next = applyMovement(alta.state, { kind: 'asignacion', toEstablishmentId: establishmentId });
          if (!next.ok) throw new AppError('conflict', `inventory.rules.${next.refusal}`, { code: values.code });
          records.push({
            record: { ...alta.record, kind: 'asignacion', condition: null, toEstablishmentId: establishmentId },
            after: next.state,
          });
        }
        return { fields, records, state: records.at(-1)!.after };
      });
      const ids = await repo.insertInstrumentsWithState(
        trx,
        plans.map((p) => ({ values: p.fields, state: p.state, movementCount: p.records.length })),
        actor,
        now,
      );
      await repo.insertMovements(
        trx,
        plans.flatMap((p, k) => p.records.map((m, seq) => ({ instrumentId: ids[k]!, seq: seq + 1, record: m.record, after: m.after }))),
        actor,
        now,
      );
      await audit.many(plans.map((p, k) => ({ entity: 'instrument', entityId: ids[k]!, action: 'import:create', after: { ...p.fields, ...p.state } })));
      created += chunk.length;
      done += chunk.length;
      progress(done);
    }
    for (const { values } of rows.filter((r) => existing.has(r.values.code))) {
      const { condition: _condition, establishmentId: _establishmentId, ...fields } = values;
      if (mode !== 'upsert') throw new AppError('conflict', 'inventory.errors.duplicateCode', { code: values.code });
      const id = existing.get(values.code)!;
      const before = await repo.getInstrument(trx, id);
      if (!before) throw new AppError('not_found', 'errors.notFound');
      if (!(await repo.updateInstrumentFields(trx, id, before.version, fields, actor, now))) throw stale();
      await audit({ entity: 'instrument', entityId: id, action: 'import:update', before, after: fields });
      updated++;
      progress(++done);
    }
    return { created, updated };
  },
};

/** The exact name, or the one type whose name begins with it ("Cajón" → "Cajón peruano"). */
function findType(types: Map<string, number>, key: string): number | undefined {
  const exact = types.get(key);
  if (exact !== undefined) return exact;
  const starts = [...types.entries()].filter(([k]) => k.startsWith(`${key} `));
  return starts.length === 1 ? starts[0]![1] : undefined;
}

async function existingCodes(db: Knex, codes: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = (await db('instruments').whereIn('code', codes.slice(i, i + 500)).select('id', 'code')) as Array<{ id: number; code: string }>;
    for (const r of rows) out.set(r.code, r.id);
  }
  return out;
}

