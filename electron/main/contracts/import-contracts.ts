import { amountTypes, budgetLines, limaToday, modalities, needsRuc } from '../../../shared/contracts/rules';
import { ContractCreate } from '../../../shared/contracts/schemas';
import { addSchemaErrors, choiceReader, establishmentRegister, readDateCell, refId, registerOf, textOf } from '../import/cells';
import type { Cell, FieldErrors, ImportEnv, ImportTarget, RegisterEntry } from '../import/target';
import { importFields } from '../import/target';
import { parseAmountCell } from '../import/values';
import { checkTerms } from './contracts';
import { getContract } from './repository/contracts';
import { insertContract, type ContractValues } from './repository/contract-writes';
import { contractNumberKeys, teacherEntries, type TeacherEntry } from './repository/import-facts';
import { fullName, numberKey } from './repository/words';

/**
 * Contracts from a spreadsheet: Número, Docente (by DNI, RUC or name: "Quispe Mamani, Rosa
 * Elena" or "Rosa Elena Quispe Mamani"), Modalidad, Objeto, Inicio, Fin, Forma de pago
 * (default: honorario mensual), Monto, Horas por semana, Línea presupuestal (default:
 * docentes), Establecimiento (one per row), Observaciones. Each is registered as a draft
 * (borrador), as the form does, checked by the form's schema (ContractCreate) and its terms
 * (checkTerms: an active teacher, a service order's RUC, an active establishment).
 *
 * The key is the contract's number. Contracts are only created: a number already registered
 * is refused on its row in either mode (a contract's terms change through its form and its
 * lifecycle, never by overwriting). A user restricted to some establishments creates
 * contracts only in theirs.
 */

export type ContractRow = ContractValues;

interface Ctx {
  teachers: Map<number, TeacherEntry>;
  teacherRegister: RegisterEntry[];
  establishments: RegisterEntry[];
  /** The number keys already registered. */
  numbers: Set<string>;
  env: ImportEnv;
}

const modality = choiceReader(modalities, 'contracts.modalities', {
  orden_servicio: ['os', 'orden de servicio', 'locacion', 'locacion de servicios', 'o de servicio'],
  cas: ['cas'],
});
const amountType = choiceReader(amountTypes, 'contracts.amountTypes', { mensual: ['mensual', 'monthly'], total: ['total'] });
const budgetLine = choiceReader(budgetLines, 'contracts.budgetLines');

/** A whole number of hours, as a number or its digits. */
const wholeNumber = (c: Cell | undefined): number | string | undefined => {
  const s = textOf(c);
  return s === '' ? undefined : /^\d+$/.test(s) ? Number(s) : s;
};

export const contractsTarget: ImportTarget<ContractRow, Ctx> = {
  entity: 'contracts',
  fields: importFields({
    number:
      'contracts.contracts.number | n contrato, n de contrato, numero de contrato, nro de contrato, contrato, orden de servicio n, n os, nro',
    teacher: 'contracts.contracts.teacher | docente, instructor, profesor, nombre del docente, dni, ruc, contratado | registro',
    modality: 'contracts.contracts.modality | tipo de contrato, regimen',
    object: 'contracts.contracts.object | objeto del contrato, servicio, descripcion',
    startDate: 'contracts.contracts.startDate | fecha de inicio, desde, inicio del servicio',
    endDate: 'contracts.contracts.endDate | fecha de fin, hasta, termino, fecha de termino',
    amountType: 'contracts.contracts.amountType | tipo de monto, pago | opcional',
    amount: 'import.targets.contracts.amount | monto, importe, honorario, honorarios, monto s, importe s, monto mensual, retribucion',
    hoursPerWeek: 'contracts.contracts.hoursPerWeek | horas, horas semanales, h semana',
    budgetLine: 'contracts.contracts.budgetLine | linea, partida, rubro | opcional',
    establishment: 'contracts.contracts.establishment | establecimiento penitenciario, ep, e p, penal, sede, lugar | registro',
    notes: 'contracts.contracts.notes | obs, notas, comentarios | opcional',
  }),

  example: [
    {
      number: 'OS N° 9001-2027',
      teacher: 'Quispe Mamani, Rosa Elena',
      modality: 'Orden de servicio',
      object: 'Servicio de enseñanza de violín para el taller INPE Orquestando',
      startDate: '01/03/2027',
      endDate: '31/12/2027',
      amountType: 'Honorario mensual',
      amount: 'S/ 2,480.50',
      hoursPerWeek: 16,
      budgetLine: 'Docentes',
      establishment: 'E.P. Lurigancho',
      notes: '',
    },
  ],

  key: {
    field: 'number',
    // Existing numbers are refused by parseRow in either mode: the engine never updates a contract.
    existing: async () => new Map(),
    exists: (number) => ({ key: 'contracts.errors.duplicateNumber', params: { number } }),
  },
  scopeField: 'establishment',

  async prepare(db, env) {
    const teachers = await teacherEntries(db);
    return {
      teachers: new Map(teachers.map((t) => [t.id, t])),
      teacherRegister: registerOf(
        teachers.filter((t) => t.active),
        (t) => fullName(t.lastNames, t.firstNames),
        (t) => [t.dni, t.ruc, `${t.firstNames} ${t.lastNames}`],
      ),
      establishments: await establishmentRegister(db),
      numbers: new Set((await contractNumberKeys(db)).keys()),
      env,
    };
  },

  register: (ctx, field) => (field === 'teacher' ? ctx.teacherRegister : field === 'establishment' ? ctx.establishments : []),

  parseRow(raw, ctx, refs) {
    const errors: FieldErrors = {};
    const teacherId = refId(refs.teacher);
    const establishmentId = refId(refs.establishment);
    if (refs.teacher === null) errors.teacher = { key: 'errors.required' };
    if (refs.establishment === null) errors.establishment = { key: 'errors.required' };

    const m = modality.read(raw.modality);
    if (m === null) errors.modality = { key: 'import.errors.choice', params: { options: modality.options } };
    const type = amountType.read(raw.amountType);
    if (type === null) errors.amountType = { key: 'import.errors.choice', params: { options: amountType.options } };
    const line = budgetLine.read(raw.budgetLine);
    if (line === null) errors.budgetLine = { key: 'import.errors.choice', params: { options: budgetLine.options } };

    const amount = parseAmountCell(raw.amount);
    if ('error' in amount) errors.amount = amount.error;
    const dates: Record<'startDate' | 'endDate', string | undefined> = { startDate: undefined, endDate: undefined };
    for (const k of ['startDate', 'endDate'] as const) {
      const d = readDateCell(raw[k]);
      if ('error' in d) errors[k] = d.error;
      else dates[k] = d.iso ?? undefined;
    }

    const teacher = teacherId === undefined ? undefined : ctx.teachers.get(teacherId);
    if (teacher && m && needsRuc(m) && !teacher.ruc) {
      errors.teacher = { key: 'contracts.errors.rucNeeded', params: { name: fullName(teacher.lastNames, teacher.firstNames) } };
    }
    const checked = ContractCreate.safeParse({
      teacherId: teacherId ?? 1,
      modality: m ?? undefined,
      number: textOf(raw.number),
      object: textOf(raw.object),
      ...dates,
      amountType: type ?? 'mensual',
      amountCentimos: 'error' in amount ? 0 : amount.centimos,
      hoursPerWeek: wholeNumber(raw.hoursPerWeek),
      budgetLine: line ?? 'docentes',
      establishments: [{ establishmentId: establishmentId ?? 1, workshopIds: [] }],
      notes: textOf(raw.notes),
    });
    if (!checked.success)
      addSchemaErrors(errors, checked.error, { teacherId: 'teacher', amountCentimos: 'amount', establishments: 'establishment' });
    if (checked.success && ctx.numbers.has(numberKey(checked.data.number))) {
      errors.number = { key: 'contracts.errors.duplicateNumber', params: { number: checked.data.number } };
    }
    if (Object.keys(errors).length > 0 || !checked.success || teacherId === undefined || establishmentId === undefined) return { errors };
    return { values: checked.data };
  },

  async write(trx, rows, ctx, audit, _mode, progress) {
    const { actor, now } = ctx.env;
    const today = limaToday(now);
    for (const [i, { values }] of rows.entries()) {
      // The form's own check of the terms, against the records as they are inside the transaction.
      const teacher = await checkTerms(trx, values, null);
      const id = await insertContract(trx, values, teacher, {}, actor, now);
      await audit({ entity: 'contract', entityId: id, action: 'import:create', after: await getContract(trx, id, today) });
      progress(i + 1);
    }
    return { created: rows.length, updated: 0 };
  },
};
