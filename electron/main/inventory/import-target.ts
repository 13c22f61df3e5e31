import type { Knex } from 'knex';
import { parseDateInput } from '../../../shared/format';
import {
  applyMovement,
  conditions,
  families,
  fundings,
  type Condition,
  type Funding,
  type InstrumentState,
} from '../../../shared/inventory/rules';
import { InstrumentFields, InstrumentTypeInput } from '../../../shared/inventory/schemas';
import { fitsMask, maskExample } from '../../../shared/inventory/code-format';
import { issuesByField } from '../../../shared/validation';
import { AppError, stale } from '../ipc/errors';
import { allEstablishments } from '../establishments/repository';
import { matchKey } from '../import/mapping';
import type { Cell, ExistingRecord, FieldErrors, ImportEnv, ImportTarget, RegisterEntry } from '../import/target';
import { importFields } from '../import/target';
import { cellString } from '../import/read';
import { parseAmountCell } from '../import/values';
import * as repo from './repository';
import { altaOf } from './ledger';
import { codeMask } from './settings';

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
  types: RegisterEntry[];
  establishments: RegisterEntry[];
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
  fields: importFields(
    {
      code: 'inventory.instruments.code | codigo, cod patrimonial, codigo patrimonial, patrimonio, cod, n patrimonio',
      type: 'inventory.instruments.type | instrumento, tipo de instrumento, descripcion, descripcion del bien, denominacion, denominacion del bien, bien',
      brand: 'inventory.instruments.brand | fabricante | opcional',
      model: 'inventory.instruments.model | modelo | opcional',
      serialNumber: 'inventory.instruments.serialNumber | serie, n serie, numero de serie, nro serie, serial | opcional',
      acquisitionDate: 'inventory.instruments.acquisitionDate | fecha, fecha de compra, adquisicion, fecha adquisicion | opcional',
      cost: 'inventory.instruments.cost | costo, valor, valor s, precio, importe, importe s, costo s, valor de adquisicion | opcional',
      funding: 'inventory.instruments.funding | financiamiento, fuente, fuente de financiamiento, origen | opcional',
      supplier: 'inventory.instruments.supplier | proveedor, empresa | opcional',
      supplierDocument: 'inventory.instruments.supplierDocument | documento, orden de compra, oc, factura, pecosa | opcional',
      condition: 'inventory.instruments.condition | estado, estado de conservacion, conservacion | opcional',
      establishment:
        'inventory.instruments.establishment | establecimiento, establecimiento penitenciario, ep, e p, sede, penal, ubicacion, destino | opcional',
      notes: 'inventory.instruments.notes | observaciones, obs, notas, comentarios | opcional',
    },
    {
      type: { register: { prefix: true, create: families.map((f) => ({ value: f, labelKey: `inventory.families.${f}` })) } },
      establishment: { register: { none: ['Almacén central'] } },
    },
  ),

  example: [
    {
      code: 'INPE-9001',
      type: 'Violín',
      brand: 'Yamaha',
      model: 'V5',
      serialNumber: 'SN-000123',
      acquisitionDate: '15/03/2026',
      cost: 'S/ 2,480.50',
      funding: 'Presupuesto',
      supplier: 'Casa de Música SAC',
      supplierDocument: 'F001-000245',
      condition: 'Bueno',
      establishment: 'E.P. Lurigancho',
      notes: '',
    },
  ],

  key: {
    field: 'code',
    existing: existingInstruments,
    exists: (code) => ({ key: 'inventory.errors.duplicateCode', params: { code } }),
  },
  scopeField: 'establishment',

  async prepare(db, env) {
    // Active types only: a deactivated type is not offered for new instruments.
    const types = (await repo.listTypes(db)).filter((t) => t.active).map((t) => ({ id: t.id, label: t.name, names: [] }));
    const active = { search: '', regionalOfficeId: null, population: null, inProgramme: null, status: 'active' } as const;
    const establishments = (await allEstablishments(db, active, 'name', 'asc')).map((e) => ({
      id: e.id,
      label: e.name,
      names: [e.code],
    }));
    return { mask: await codeMask(db), types, establishments, env };
  },

  register: (ctx, field) => (field === 'type' ? ctx.types : field === 'establishment' ? ctx.establishments : []),

  async createValue(trx, field, name, option, audit) {
    if (field !== 'type') throw new AppError('validation', 'errors.invalid');
    const input = InstrumentTypeInput.safeParse({ name, family: option });
    if (!input.success) throw new AppError('validation', 'inventory.import.badTypeName', { value: name });
    if ((await repo.findTypeIdByName(trx, input.data.name)) !== null) {
      throw new AppError('conflict', 'inventory.errors.duplicateType', { name: input.data.name });
    }
    const id = await repo.insertType(trx, input.data.name, input.data.family);
    await audit({ entity: 'instrumentType', entityId: id, action: 'import:create', after: await repo.getType(trx, id) });
    return id;
  },

  parseRow(raw, ctx, refs) {
    const errors: FieldErrors = {};

    // Unknown types and establishments are listed by the engine, once for the whole file.
    const typeRef = refs.type;
    const typeId = typeRef && 'id' in typeRef ? typeRef.id : undefined;
    if (!text(raw.type)) errors.type = { key: 'errors.required' };

    let costCentimos = 0;
    if (raw.cost !== undefined) {
      const c = parseAmountCell(raw.cost);
      if ('error' in c) errors.cost = c.error;
      else costCentimos = c.centimos;
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

    const whereRef = refs.establishment;
    const establishmentId = whereRef && 'id' in whereRef ? whereRef.id : null;

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
      errors.code = {
        key: 'inventory.settings.codeFormat',
        params: { code: checked.data.code, mask: ctx.mask, example: maskExample(ctx.mask) },
      };
    }
    if (Object.keys(errors).length > 0 || !checked.success) return { errors };
    return { values: { ...checked.data, condition, establishmentId } };
  },

  async write(trx, rows, ctx, audit, mode, progress) {
    const { actor, now } = ctx.env;
    const existing = await existingInstruments(
      trx,
      rows.map((r) => r.values.code),
    );
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
      await audit.many(
        plans.map((p, k) => ({ entity: 'instrument', entityId: ids[k]!, action: 'import:create', after: { ...p.fields, ...p.state } })),
      );
      created += chunk.length;
      done += chunk.length;
      progress(done);
    }
    for (const { values } of rows.filter((r) => existing.has(r.values.code))) {
      const { condition: _condition, establishmentId: _establishmentId, ...fields } = values;
      if (mode !== 'upsert') throw new AppError('conflict', 'inventory.errors.duplicateCode', { code: values.code });
      const id = existing.get(values.code)!.id;
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

/** The instruments with these codes: their ids and where they are (or are on their way to). */
async function existingInstruments(db: Knex, codes: string[]): Promise<Map<string, ExistingRecord>> {
  const out = new Map<string, ExistingRecord>();
  for (const r of await repo.instrumentsByCodes(db, codes)) {
    out.set(r.code, { id: r.id, establishments: [r.establishmentId, r.transitToEstablishmentId] });
  }
  return out;
}
