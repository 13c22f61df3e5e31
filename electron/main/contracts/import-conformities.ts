import { limaToday } from '../../../shared/contracts/rules';
import { ConformityCreate } from '../../../shared/contracts/schemas';
import { formatDate } from '../../../shared/format';
import { addSchemaErrors, readDateCell, refId, registerOf, textOf } from '../import/cells';
import { matchKey } from '../import/mapping';
import type { Cell, FieldErrors, ImportEnv, ImportTarget, RegisterEntry } from '../import/target';
import { importFields } from '../import/target';
import { parseAmountCell } from '../import/values';
import { checkAndPrice, conformityRefusal, type Terms } from './conformities';
import { getConformity, insertConformity, markMonth } from './repository/conformities';
import { conformableContracts, type ConformableContract } from './repository/import-facts';

/**
 * Monthly service conformities from a spreadsheet: Contrato (its number), Mes del servicio
 * ("03/2026", "2026-03", "marzo 2026" or a date in the month), Entregable, Fecha de
 * conformidad, Otorgada por, Recibo por honorarios N.°, Fecha del recibo, Monto bruto,
 * Observaciones. Each row is checked by the form's schema (ConformityCreate) and by the
 * form's rules against the records (conformityRefusal: a contract in force, one of its
 * months, not signed off already, no future date, a service order's receipt); the write
 * checks them again with what the contract still has to pay, and prices the retention as
 * the form does.
 *
 * A conformity is identified by its contract and month, two columns: the engine's one-column
 * key does not fit, so this target has none (its key field is no column) and checks the
 * pair itself: a month already signed off, or twice in the file, is refused on its row.
 * Conformities are only created, in either mode (one signed off is corrected in its form).
 * A user restricted to some establishments signs off only contracts in theirs.
 */

export type ConformityRow = Terms;

interface Ctx {
  contracts: Map<number, ConformableContract>;
  register: RegisterEntry[];
  /** "contractId|period" of the rows read so far: the same month twice in the file. */
  seen: Set<string>;
  today: string;
  env: ImportEnv;
}

const monthNames = [
  ['enero', 'january', 'ene', 'jan'],
  ['febrero', 'february', 'feb'],
  ['marzo', 'march', 'mar'],
  ['abril', 'april', 'abr', 'apr'],
  ['mayo', 'may'],
  ['junio', 'june', 'jun'],
  ['julio', 'july', 'jul'],
  ['agosto', 'august', 'ago', 'aug'],
  ['setiembre', 'septiembre', 'september', 'set', 'sep', 'sept'],
  ['octubre', 'october', 'oct'],
  ['noviembre', 'november', 'nov'],
  ['diciembre', 'december', 'dic', 'dec'],
];
const monthOfName = new Map(monthNames.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The month of service → "yyyy-mm"; undefined when empty, null when it cannot be read without guessing. */
export function readPeriod(c: Cell | undefined): string | null | undefined {
  const s = textOf(c);
  if (s === '') return undefined;
  if (c instanceof Date) {
    const d = readDateCell(c);
    return 'iso' in d && d.iso ? d.iso.slice(0, 7) : null;
  }
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${pad2(Number(m[1]))}` : null;
  m = /^(\d{4})\s*[/.-]\s*(\d{1,2})$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${pad2(Number(m[2]))}` : null;
  m = /^([a-z]+)(?: del?)? (\d{4})$/.exec(matchKey(s));
  if (m) {
    const month = monthOfName.get(m[1]!);
    return month ? `${m[2]}-${pad2(month)}` : null;
  }
  // A whole day (dd/mm/aaaa) names its month.
  const d = readDateCell(s);
  return 'iso' in d && d.iso ? d.iso.slice(0, 7) : null;
}

/** The schema's and the rules' field names → the import's. */
const fieldOf: Record<string, string> = { contractId: 'contract', grossCentimos: 'gross' };

export const conformitiesTarget: ImportTarget<ConformityRow, Ctx> = {
  entity: 'conformities',
  fields: importFields({
    contract:
      'contracts.conformities.contract | n contrato, n de contrato, numero de contrato, orden de servicio, n os, os, contrato n | registro',
    period: 'contracts.conformities.period | mes, periodo, mes de servicio',
    deliverable: 'contracts.conformities.deliverable | informe, producto, entregables',
    conformityDate: 'contracts.conformities.conformityDate | fecha, fecha conformidad, fecha de la conformidad',
    givenBy: 'contracts.conformities.givenBy | otorgado por, responsable, area usuaria',
    receiptNumber: 'contracts.conformities.receiptNumber | recibo, n recibo, rh, recibo por honorarios, n rh | opcional',
    receiptDate: 'contracts.conformities.receiptDate | fecha recibo, fecha rh | opcional',
    gross: 'contracts.conformities.grossSoles | monto, importe, monto bruto, importe bruto, monto s, bruto',
    notes: 'contracts.contracts.notes | obs, notas, comentarios | opcional',
  }),

  /**
   * Made for the demonstration data, where the volunteering agreement of the year is in
   * force and its months go unsigned: this month, signed off today.
   */
  get example() {
    const today = limaToday(new Date().toISOString());
    return [
      {
        contract: `VOL N° 003-${today.slice(0, 4)}`,
        period: `${today.slice(5, 7)}/${today.slice(0, 4)}`,
        deliverable: 'Informe mensual de actividades del taller',
        conformityDate: formatDate(today),
        givenBy: 'Lic. Carmen Rojas, coordinadora del programa',
        receiptNumber: '',
        receiptDate: '',
        gross: 0,
        notes: '',
      },
    ];
  },

  key: {
    // No column: a conformity is its contract and month (see above).
    field: '(contract, period)',
    existing: async () => new Map(),
    exists: () => ({ key: 'contracts.errors.duplicateConformity', params: {} }),
  },

  async prepare(db, env) {
    const today = limaToday(env.now);
    const contracts = await conformableContracts(db, today);
    return {
      contracts: new Map(contracts.map((c) => [c.id, c])),
      register: registerOf(contracts, (c) => c.number),
      seen: new Set(),
      today,
      env,
    };
  },

  register: (ctx) => ctx.register,

  parseRow(raw, ctx, refs) {
    const errors: FieldErrors = {};
    const contractId = refId(refs.contract);
    if (refs.contract === null) errors.contract = { key: 'errors.required' };
    const period = readPeriod(raw.period);
    if (period === null) errors.period = { key: 'import.targets.conformities.badPeriod' };
    const dates: Record<'conformityDate' | 'receiptDate', string | null> = { conformityDate: null, receiptDate: null };
    for (const k of ['conformityDate', 'receiptDate'] as const) {
      const d = readDateCell(raw[k]);
      if ('error' in d) errors[k] = d.error;
      else dates[k] = d.iso;
    }
    const gross = parseAmountCell(raw.gross);
    if ('error' in gross) errors.gross = gross.error;
    else if (textOf(raw.gross) === '') errors.gross = { key: 'errors.required' };

    const checked = ConformityCreate.safeParse({
      contractId: contractId ?? 1,
      period: period ?? undefined,
      deliverable: textOf(raw.deliverable),
      conformityDate: dates.conformityDate ?? undefined,
      givenBy: textOf(raw.givenBy),
      receiptNumber: textOf(raw.receiptNumber),
      receiptDate: dates.receiptDate,
      grossCentimos: 'error' in gross ? 0 : gross.centimos,
      notes: textOf(raw.notes),
    });
    if (!checked.success) addSchemaErrors(errors, checked.error, fieldOf);

    const contract = contractId === undefined ? undefined : ctx.contracts.get(contractId);
    const scope = ctx.env.scope;
    if (contract && scope !== null && !contract.establishmentIds.some((e) => scope.includes(e))) {
      errors.contract = { key: 'import.targets.conformities.outOfScope', params: { number: contract.number } };
    }
    if (contract && period) {
      const pair = `${contract.id}|${period}`;
      if (ctx.seen.has(pair)) errors.period ??= { key: 'import.targets.conformities.monthTwice', params: { number: contract.number } };
      ctx.seen.add(pair);
    }
    if (Object.keys(errors).length > 0 || !checked.success || !contract) return { errors };
    // The form's rules against the records (what the contract still has to pay is checked when writing).
    const facts = {
      contract,
      hasMonth: contract.months.has(checked.data.period),
      signedOff: contract.signedOff.has(checked.data.period),
      remaining: null,
    };
    const refusal = conformityRefusal(checked.data, facts, ctx.today);
    if (refusal) return { errors: { [fieldOf[refusal.field] ?? refusal.field]: { key: refusal.key, params: refusal.params } } };
    return { values: checked.data };
  },

  async write(trx, rows, ctx, audit, _mode, progress) {
    const { actor, now } = ctx.env;
    for (const [i, { values }] of rows.entries()) {
      const columns = await checkAndPrice(trx, ctx.today, values, null);
      const id = await insertConformity(trx, values.contractId, columns, actor, now);
      const created = await getConformity(trx, id);
      await markMonth(trx, values.contractId, values.period, { id, gross: values.grossCentimos, paid: false });
      await audit({ entity: 'serviceConformity', entityId: id, action: 'import:create', after: created });
      progress(i + 1);
    }
    return { created: rows.length, updated: 0 };
  },
};
