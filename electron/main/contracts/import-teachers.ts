import { disciplines, limaToday, sexes, type Discipline } from '../../../shared/contracts/rules';
import { TeacherCreate } from '../../../shared/contracts/schemas';
import { AppError, stale } from '../ipc/errors';
import { addSchemaErrors, choiceReader, documentNumberOf, listOf, textOf } from '../import/cells';
import type { ExistingRecord, FieldErrors, ImportEnv, ImportTarget } from '../import/target';
import { importFields } from '../import/target';
import { renameTeacherInContracts } from './repository/contract-writes';
import { getTeacher, insertTeacher, rucOwners, teacherIdsByDnis, updateTeacher, type TeacherValues } from './repository/teachers';

/**
 * Teachers from a spreadsheet: DNI, RUC, Apellidos, Nombres, Sexo, Disciplinas (several in
 * one cell, separated by ";" or ","), Especialidades, Teléfono, Correo, Dirección,
 * Observaciones. Checked by the form's own schema (TeacherCreate): the DNI's 8 digits, the
 * RUC's prefix and SUNAT check digit, a RUC 10 that carries the teacher's DNI. A RUC that
 * another teacher (another DNI) holds is refused on its row.
 *
 * The key is the DNI (every teacher has one; the RUC may be empty). In 'upsert' mode a DNI
 * already registered updates that teacher's data; the suspensions of retention and whether
 * the teacher is active are not in the file and stay as they are.
 */

export type TeacherRow = Omit<TeacherValues, 'suspensions'>;

interface Ctx {
  /** RUC → the DNI of the teacher who holds it (registered, or in a row read before). */
  rucs: Map<string, string>;
  env: ImportEnv;
}

const sex = choiceReader(sexes, 'contracts.sexes', { F: ['F', 'mujer', 'woman'], M: ['M', 'varon', 'hombre', 'man'] });
const discipline = choiceReader(disciplines, 'contracts.disciplines', {
  musica: ['musica'],
  canto_coral: ['coro', 'canto'],
  otro: ['otro', 'otros'],
});

export const teachersTarget: ImportTarget<TeacherRow, Ctx> = {
  entity: 'teachers',
  fields: importFields({
    dni: 'contracts.teachers.dni | n dni, nro dni, documento, doc identidad',
    ruc: 'contracts.teachers.ruc | n ruc, nro ruc | opcional',
    lastNames: 'contracts.teachers.lastNames | apellido, apellidos paterno y materno',
    firstNames: 'contracts.teachers.firstNames | nombre, nombres completos',
    sex: 'contracts.teachers.sex | genero',
    disciplines: 'contracts.teachers.disciplines | disciplina, area, arte',
    specialties: 'contracts.teachers.specialties | especialidad, instrumento | opcional',
    phone: 'contracts.teachers.phone | celular, telefono celular, movil | opcional',
    email: 'contracts.teachers.email | correo, email, e mail | opcional',
    address: 'contracts.teachers.address | domicilio | opcional',
    notes: 'contracts.teachers.notes | obs, notas, comentarios | opcional',
  }),

  example: [
    {
      dni: '45871236',
      ruc: '10458712366',
      lastNames: 'Huamán Ccori',
      firstNames: 'Julio César',
      sex: 'Masculino',
      disciplines: 'Música; Canto coral',
      specialties: 'Charango, Guitarra',
      phone: '987 654 321',
      email: 'julio.huaman@example.com',
      address: 'Jr. Junín 245, Huancayo',
      notes: '',
    },
  ],

  key: {
    field: 'dni',
    async existing(db, dnis) {
      const ids = await teacherIdsByDnis(db, dnis);
      return new Map<string, ExistingRecord>([...ids].map(([dni, id]) => [dni, { id }]));
    },
    exists: (dni) => ({ key: 'contracts.errors.duplicateDni', params: { dni } }),
  },

  async prepare(db, env) {
    return { rucs: await rucOwners(db), env };
  },

  parseRow(raw, ctx) {
    const errors: FieldErrors = {};
    const s = sex.read(raw.sex);
    if (s === null) errors.sex = { key: 'import.errors.choice', params: { options: sex.options } };
    const ds: Discipline[] = [];
    for (const word of listOf(raw.disciplines)) {
      const d = discipline.read(word);
      if (!d) errors.disciplines ??= { key: 'import.errors.choice', params: { options: discipline.options } };
      else if (!ds.includes(d)) ds.push(d);
    }
    const checked = TeacherCreate.safeParse({
      dni: documentNumberOf(raw.dni),
      ruc: documentNumberOf(raw.ruc),
      lastNames: textOf(raw.lastNames),
      firstNames: textOf(raw.firstNames),
      sex: s ?? undefined,
      phone: textOf(raw.phone),
      email: textOf(raw.email),
      address: textOf(raw.address),
      disciplines: ds,
      specialties: listOf(raw.specialties),
      suspensions: [],
      notes: textOf(raw.notes),
    });
    if (!checked.success) addSchemaErrors(errors, checked.error);
    if (checked.success && checked.data.ruc) {
      const holder = ctx.rucs.get(checked.data.ruc);
      if (holder !== undefined && holder !== checked.data.dni)
        errors.ruc = { key: 'contracts.errors.duplicateRuc', params: { ruc: checked.data.ruc } };
      // A RUC given to two teachers of the file: the later row is refused.
      else ctx.rucs.set(checked.data.ruc, checked.data.dni);
    }
    if (Object.keys(errors).length > 0 || !checked.success) return { errors };
    const { suspensions: _none, ...values } = checked.data;
    return { values };
  },

  async write(trx, rows, ctx, audit, mode, progress) {
    const { actor, now } = ctx.env;
    const today = limaToday(now);
    const existing = await teacherIdsByDnis(
      trx,
      rows.map((r) => r.values.dni),
    );
    let created = 0;
    let updated = 0;
    for (const [i, { values }] of rows.entries()) {
      const id = existing.get(values.dni);
      if (id === undefined) {
        const newId = await insertTeacher(trx, { ...values, suspensions: [] }, actor, now);
        await audit({ entity: 'teacher', entityId: newId, action: 'import:create', after: await getTeacher(trx, newId, today) });
        created++;
      } else {
        if (mode !== 'upsert') throw new AppError('conflict', 'contracts.errors.duplicateDni', { dni: values.dni });
        const before = await getTeacher(trx, id, today);
        if (!before) throw new AppError('not_found', 'errors.notFound');
        const v = { ...values, suspensions: before.suspensions, active: before.active };
        if (!(await updateTeacher(trx, id, before.version, v, actor, now))) throw stale();
        if (before.lastNames !== v.lastNames || before.firstNames !== v.firstNames) await renameTeacherInContracts(trx, id, v);
        await audit({ entity: 'teacher', entityId: id, action: 'import:update', before, after: await getTeacher(trx, id, today) });
        updated++;
      }
      progress(i + 1);
    }
    return { created, updated };
  },
};
