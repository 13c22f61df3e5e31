import type { Knex } from 'knex';
import { parseDateInput } from '../../../shared/format';
import { ParticipantCreate } from '../../../shared/programmes/participant-schemas';
import { sexes, type Sex } from '../../../shared/programmes/rules';
import { issuesByField } from '../../../shared/validation';
import { allEstablishments } from '../establishments/repository';
import { matchKey } from '../import/mapping';
import { cellString } from '../import/read';
import type { Cell, ExistingRecord, FieldErrors, ImportEnv, ImportTarget, RegisterEntry } from '../import/target';
import { importFields } from '../import/target';
import { AppError, stale } from '../ipc/errors';
import * as repo from './repository';

/**
 * Participants from a spreadsheet: the fields of the participant form and nothing more
 * (INPE code, surnames, first names, sex, birth year, establishment, date of registration),
 * checked by the form's own schema. A new code is registered as the form does it: the
 * participant, active, with their "alta" movement on the date given. In 'upsert' mode an
 * existing code updates code, names, sex and birth year only: the establishment changes
 * only through a custody change (traslado), never from a spreadsheet, so that column is
 * ignored for participants already on record. The audit keeps codes, never names.
 */

export interface ParticipantRow extends repo.ParticipantValues {
  establishmentId: number;
  date: string;
}

interface Ctx {
  establishments: RegisterEntry[];
  env: ImportEnv;
}

const sexWords = new Map<string, Sex>();
for (const [sex, words] of Object.entries({
  masculino: ['m', 'h', 'masc', 'hombre', 'varon', 'varones', 'male', 'man'],
  femenino: ['f', 'fem', 'mujer', 'mujeres', 'female', 'woman'],
}) as Array<[Sex, string[]]>) {
  for (const w of [sex, ...words]) sexWords.set(matchKey(w), sex);
}

const text = (c: Cell | undefined) => cellString(c ?? null);

/** A year as a number or as four digits of text; NaN otherwise (the schema refuses it). */
function yearOf(c: Cell | undefined): number {
  if (typeof c === 'number') return c;
  const s = text(c);
  return /^\d{4}$/.test(s) ? Number(s) : Number.NaN;
}

async function existingParticipants(db: Knex, codes: string[]): Promise<Map<string, ExistingRecord>> {
  const rows = await repo.participantsByCodes(db, codes);
  return new Map(rows.map((r) => [String(r.code), { id: Number(r.id), establishments: [Number(r.establishment_id)] }]));
}

export const participantsTarget: ImportTarget<ParticipantRow, Ctx> = {
  entity: 'participants',
  fields: importFields({
    code: 'programmes.participants.code | codigo, cod, codigo inpe, cod inpe, codigo interno, n codigo',
    lastNames: 'programmes.participants.lastNames | apellido, apellidos, apellidos completos, ap paterno y materno',
    firstNames: 'programmes.participants.firstNames | nombre, nombres, nombre s',
    sex: 'programmes.participants.sex | sexo, genero',
    birthYear: 'programmes.participants.birthYear | ano nac, ano de nacimiento, nacimiento, ano',
    establishment: 'programmes.common.establishment | establecimiento, establecimiento penitenciario, ep, e p, penal, sede | registro',
    date: 'programmes.participants.registeredOn | fecha, fecha de registro, fecha de alta, alta, fecha de ingreso al programa',
  }),

  example: [
    {
      code: 'PL-990001',
      lastNames: 'Quispe Mamani',
      firstNames: 'Juan Carlos',
      sex: 'Masculino',
      birthYear: 1990,
      establishment: 'E.P. de Lurigancho',
      date: '02/03/2026',
    },
    {
      code: 'PL-990002',
      lastNames: 'Flores Ramos',
      firstNames: 'Rosa',
      sex: 'Femenino',
      birthYear: 1985,
      establishment: 'E.P. Mujeres de Chorrillos',
      date: '02/03/2026',
    },
  ],

  key: {
    field: 'code',
    existing: existingParticipants,
    exists: (code) => ({ key: 'programmes.errors.duplicateParticipant', params: { code } }),
  },
  scopeField: 'establishment',

  async prepare(db, env) {
    // Active establishments only: a participant belongs to one (as in the form).
    const active = { search: '', regionalOfficeId: null, population: null, inProgramme: null, status: 'active' } as const;
    const establishments = (await allEstablishments(db, active, 'name', 'asc')).map((e) => ({ id: e.id, label: e.name, names: [e.code] }));
    return { establishments, env };
  },

  register: (ctx, field) => (field === 'establishment' ? ctx.establishments : []),

  parseRow(raw, _ctx, refs) {
    const errors: FieldErrors = {};
    const where = refs.establishment;
    // An unknown establishment is listed by the engine, once for the whole file.
    if (where === null || where === undefined) errors.establishment = { key: 'errors.required' };
    const establishmentId = where && 'id' in where ? where.id : undefined;

    let sex: Sex | undefined;
    if (text(raw.sex) === '') errors.sex = { key: 'errors.required' };
    else {
      sex = sexWords.get(matchKey(text(raw.sex)));
      if (!sex) errors.sex = { key: 'inventory.import.unknownChoice', params: { options: sexes.join(', ') } };
    }

    let date: string | null = null;
    if (text(raw.date) === '') errors.date = { key: 'errors.required' };
    else {
      date = parseDateInput(raw.date instanceof Date ? raw.date : text(raw.date));
      if (date === null) errors.date = { key: 'errors.invalidDate' };
    }

    // The form's own schema: the same rules as typing them in.
    const checked = ParticipantCreate.safeParse({
      code: text(raw.code),
      firstNames: text(raw.firstNames),
      lastNames: text(raw.lastNames),
      sex: sex ?? 'masculino',
      birthYear: text(raw.birthYear) === '' ? undefined : yearOf(raw.birthYear),
      establishmentId: establishmentId ?? 1,
      date: date ?? '2000-01-01',
    });
    if (!checked.success) {
      for (const [k, v] of Object.entries(issuesByField(checked.error))) {
        if (k !== 'establishmentId' && k !== 'date' && k !== 'sex') errors[k] ??= v;
      }
    }
    if (Object.keys(errors).length > 0 || !checked.success) return { errors };
    const { establishmentId: _e, ...values } = checked.data;
    return { values: { ...values, establishmentId: establishmentId! } };
  },

  async write(trx, rows, ctx, audit, mode, progress) {
    const { actor, now } = ctx.env;
    const existing = await existingParticipants(
      trx,
      rows.map((r) => r.values.code),
    );
    let created = 0;
    let updated = 0;
    for (const [i, { values }] of rows.entries()) {
      const { establishmentId, date, ...fields } = values;
      const found = existing.get(values.code);
      if (!found) {
        const id = await repo.insertParticipant(trx, { ...fields, establishmentId }, actor, now);
        await repo.appendMovement(trx, id, repo.altaMovement(date, establishmentId), actor, now);
        // As the form: the audit keeps the code, not the names.
        const after = { code: fields.code, sex: fields.sex, birthYear: fields.birthYear, establishmentId };
        await audit({ entity: 'participant', entityId: id, action: 'import:create', after });
        created++;
      } else {
        if (mode !== 'upsert') throw new AppError('conflict', 'programmes.errors.duplicateParticipant', { code: values.code });
        const before = await repo.participantVersion(trx, found.id);
        if (!before || (await repo.updateParticipant(trx, found.id, before.version, fields, actor, now)) !== 1) throw stale();
        await audit({
          entity: 'participant',
          entityId: found.id,
          action: 'import:update',
          before: { code: before.code, sex: before.sex, birthYear: before.birthYear },
          after: {
            code: fields.code,
            sex: fields.sex,
            birthYear: fields.birthYear,
            namesChanged: before.firstNames !== fields.firstNames || before.lastNames !== fields.lastNames,
          },
        });
        updated++;
      }
      progress(i + 1);
    }
    return { created, updated };
  },
};
