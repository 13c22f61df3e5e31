import { EstablishmentInput, type Establishment, type Population } from '../../../shared/establishments/schemas';
import { issuesByField } from '../../../shared/validation';
import * as repo from './repository';
import { AppError, stale } from '../ipc/errors';
import { matchKey } from '../import/mapping';
import type { Cell, ExistingRecord, FieldErrors, ImportEnv, ImportTarget } from '../import/target';
import { importFields } from '../import/target';
import { cellString } from '../import/read';

/**
 * Establishments from a spreadsheet: Código, Nombre, Oficina regional (by name, seat or
 * code, without regard to accents: "Huanuco", "Oriente" and "ORI" are the same office),
 * Población, Ciudad, En el programa (Sí/No, S/N, X or empty). In 'upsert' mode a code that
 * exists updates that establishment (new version, updated_by); an unmapped "En el
 * programa" then keeps what it was.
 */

export interface EstablishmentRow {
  code: string;
  name: string;
  regionalOfficeId: number;
  population: Population;
  city: string;
  /** Undefined when the column is not imported. */
  inProgramme?: boolean;
}

interface Ctx {
  offices: Map<string, number>;
  env: ImportEnv;
}

const populationWords: Record<string, Population> = {};
for (const [p, words] of Object.entries({
  varones: ['varones', 'varon', 'hombres', 'hombre', 'masculino', 'masculina', 'men', 'male'],
  mujeres: ['mujeres', 'mujer', 'femenino', 'femenina', 'women', 'female'],
  mixto: ['mixto', 'mixta', 'mixtos', 'ambos', 'mixed'],
})) {
  for (const w of words) populationWords[w] = p as Population;
}

const yesWords = new Set(['si', 's', 'x', 'yes', 'y', 'true', 'verdadero', '1']);
const noWords = new Set(['no', 'n', 'false', 'falso', '0', '']);

/** Sí/No, S/N, X (ticked) or empty (no); an Excel TRUE/FALSE; 1/0. Null when it is none of these. */
export function parseYesNo(c: Cell | undefined): boolean | null {
  if (c === null || c === undefined) return false;
  if (typeof c === 'boolean') return c;
  if (c instanceof Date) return null;
  if (/^[✓✔]$/.test(String(c).trim())) return true;
  const k = matchKey(String(c));
  if (yesWords.has(k)) return true;
  if (noWords.has(k)) return false;
  return null;
}

/** "O.R. Lima", "Oficina Regional Sur Oriente" → the office's own words. */
const officeKey = (s: string) => matchKey(s).replace(/^(oficina regional|of regional|o r|or)\s+/, '');

export const establishmentsTarget: ImportTarget<EstablishmentRow, Ctx> = {
  entity: 'establishments',
  fields: importFields({
    code: 'establishments.code | cod, codigo del establecimiento, codigo ep, cod ep',
    name: 'establishments.name | establecimiento, establecimiento penitenciario, nombre del establecimiento, ep, e p, penal',
    regionalOffice: 'establishments.regionalOffice | oficina, region, regional, or, o r, ore, oficina regional inpe',
    population: 'establishments.population | poblacion penal, sexo, genero, tipo',
    city: 'establishments.city | localidad, distrito, provincia, ubicacion',
    inProgramme:
      'establishments.inProgramme | programa, en programa, participa, participa en el programa, activo en el programa | opcional',
  }),

  example: [
    { code: 'EP-099', name: 'E.P. de Ejemplo', regionalOffice: 'Lima', population: 'Varones', city: 'Lima', inProgramme: 'Sí' },
    { code: 'EP-100', name: 'E.P. Mujeres de Ejemplo', regionalOffice: 'Sur', population: 'Mujeres', city: 'Arequipa', inProgramme: 'No' },
  ],

  key: {
    field: 'code',
    async existing(db, codes) {
      const ids = await repo.findIdsByCodes(db, codes);
      return new Map<string, ExistingRecord>([...ids].map(([code, id]) => [code, { id }]));
    },
    exists: (code) => ({ key: 'errors.duplicateCode', params: { code } }),
  },

  async prepare(db, env) {
    const offices = new Map<string, number>();
    for (const o of await repo.listRegionalOffices(db)) {
      for (const k of [o.code, o.name, o.seat, `${o.name} ${o.seat}`]) offices.set(officeKey(k), o.id);
    }
    return { offices, env };
  },

  parseRow(raw, ctx) {
    const errors: FieldErrors = {};
    const text = (k: string) => cellString(raw[k] ?? null);

    let regionalOfficeId: number | undefined;
    const office = text('regionalOffice');
    if (office === '') errors.regionalOffice = { key: 'errors.required' };
    else {
      regionalOfficeId = ctx.offices.get(officeKey(office));
      if (regionalOfficeId === undefined) errors.regionalOffice = { key: 'import.errors.unknownRegionalOffice', params: { value: office } };
    }

    let population: Population | undefined;
    const pop = text('population');
    if (pop === '') errors.population = { key: 'errors.required' };
    else {
      population = populationWords[matchKey(pop)];
      if (population === undefined) errors.population = { key: 'import.errors.population' };
    }

    let inProgramme: boolean | undefined;
    if (raw.inProgramme !== undefined) {
      const yn = parseYesNo(raw.inProgramme);
      if (yn === null) errors.inProgramme = { key: 'import.errors.yesNo' };
      else inProgramme = yn;
    }

    // The form's own schema checks code, name and city: the same rules as typing them in.
    const checked = EstablishmentInput.safeParse({
      code: text('code'),
      name: text('name'),
      city: text('city'),
      regionalOfficeId: regionalOfficeId ?? 1,
      population: population ?? 'varones',
      inProgramme: inProgramme ?? false,
    });
    if (!checked.success) {
      const byField = issuesByField(checked.error);
      for (const k of ['code', 'name', 'city'] as const) if (byField[k]) errors[k] = byField[k];
    }
    if (Object.keys(errors).length > 0 || !checked.success) return { errors };
    const v = checked.data;
    return {
      values: {
        code: v.code,
        name: v.name,
        city: v.city,
        regionalOfficeId: regionalOfficeId!,
        population: population!,
        ...(inProgramme === undefined ? {} : { inProgramme }),
      },
    };
  },

  async write(trx, rows, ctx, audit, mode, progress) {
    const { actor, now } = ctx.env;
    const existing = await repo.findIdsByCodes(
      trx,
      rows.map((r) => r.values.code),
    );
    const get = async (id: number): Promise<Establishment> => {
      const e = await repo.getEstablishment(trx, id);
      if (!e) throw new AppError('not_found', 'errors.notFound');
      return e;
    };
    let created = 0;
    let updated = 0;
    for (const [i, { values }] of rows.entries()) {
      const id = existing.get(values.code);
      if (id === undefined) {
        const newId = await repo.insertEstablishment(trx, { ...values, inProgramme: values.inProgramme ?? false }, actor, now);
        await audit({ entity: 'establishment', entityId: newId, action: 'create', after: await get(newId) });
        created++;
      } else {
        if (mode !== 'upsert') throw new AppError('conflict', 'errors.duplicateCode', { code: values.code });
        const before = await get(id);
        if (!(await repo.updateEstablishment(trx, id, before.version, values, actor, now))) throw stale();
        await audit({ entity: 'establishment', entityId: id, action: 'update', before, after: await get(id) });
        updated++;
      }
      progress(i + 1);
    }
    return { created, updated };
  },
};
