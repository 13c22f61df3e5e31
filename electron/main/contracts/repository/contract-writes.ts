import type { Knex } from 'knex';
import type { Actor } from '../../../../shared/app/schemas';
import { contractSchedule, periodOf, type AmountType, type BudgetLine, type Modality } from '../../../../shared/contracts/rules';
import { numOr0, type Row, str } from '../../db/rows';
import { writeContractWorkshops } from './workshops';
import { contractSearchText, numberKey, teacherWords } from './words';
import { firstVersion, insertId, updateVersion } from '../../db/writes';

/** Writing contracts: a draft's terms and schedule, the lifecycle's steps and the ledger. */

/** The terms a contract is written with (what the officer types). */
export interface ContractValues {
  teacherId: number;
  modality: Modality;
  number: string;
  object: string;
  startDate: string;
  endDate: string;
  amountType: AmountType;
  amountCentimos: number;
  hoursPerWeek: number;
  budgetLine: BudgetLine;
  /**
   * The establishments and the workshops of each the contract covers. The text typed before
   * links existed is kept as it is stored unless given here (a renewal carries it).
   */
  establishments: Array<{ establishmentId: number; workshopIds: number[]; workshops?: string | null }>;
  notes: string | null;
}

/** The teacher's words a contract is found by. */
type TeacherNames = { lastNames: string; firstNames: string; dni: string };

/** Appends an entry to the contract's ledger (never rewritten). */
export async function appendEvent(
  db: Knex,
  contractId: number,
  kind: string,
  date: string | null,
  detail: string | null,
  actor: Actor,
  now: string,
): Promise<void> {
  const [row] = (await db('contract_events').where({ contract_id: contractId }).max({ m: 'seq' })) as Row[];
  await db('contract_events').insert({
    contract_id: contractId,
    seq: numOr0(row?.m) + 1,
    kind,
    date,
    detail,
    recorded_at: now,
    recorded_by: actor.name,
  });
}

/**
 * A draft's schedule is derived from its terms: rewritten whenever they change, in the same
 * transaction. (Once signed, only a resolution changes it: the months after it are dropped.)
 */
async function writeSchedule(
  db: Knex,
  contractId: number,
  terms: { startDate: string; endDate: string; amountType: AmountType; amountCentimos: number; budgetLine: BudgetLine },
): Promise<number> {
  await db('contract_months').where({ contract_id: contractId }).delete();
  const schedule = contractSchedule({ ...terms, resolvedOn: null });
  for (let i = 0; i < schedule.length; i += 100) {
    await db('contract_months').insert(
      schedule.slice(i, i + 100).map((m) => ({
        contract_id: contractId,
        period: m.period,
        expected_centimos: m.expectedCentimos,
        budget_line: terms.budgetLine,
        in_force: false,
        conformity_id: null,
        conformity_gross_centimos: null,
        paid: false,
      })),
    );
  }
  return schedule.reduce((a, m) => a + m.expectedCentimos, 0);
}

const contractColumns = (v: ContractValues, teacher: TeacherNames) => ({
  number: v.number,
  number_key: numberKey(v.number),
  teacher_id: v.teacherId,
  modality: v.modality,
  object: v.object,
  start_date: v.startDate,
  end_date: v.endDate,
  amount_type: v.amountType,
  amount_centimos: v.amountCentimos,
  hours_per_week: v.hoursPerWeek,
  budget_line: v.budgetLine,
  search_text: contractSearchText(v.number, v.object, teacherWords(teacher)),
  notes: v.notes,
});

async function writeEstablishments(db: Knex, contractId: number, v: ContractValues): Promise<void> {
  const typed = new Map(
    (
      (await db('contract_establishments as ce').where('ce.contract_id', contractId).select('ce.establishment_id', 'ce.workshops')) as Row[]
    ).map((r) => [Number(r.establishment_id), str(r.workshops)] as const),
  );
  await db('contract_establishments').where({ contract_id: contractId }).delete();
  await db('contract_establishments').insert(
    v.establishments.map((e) => ({
      contract_id: contractId,
      establishment_id: e.establishmentId,
      workshops: e.workshops !== undefined ? e.workshops : (typed.get(e.establishmentId) ?? null),
    })),
  );
  await writeContractWorkshops(
    db,
    contractId,
    v.establishments.flatMap((e) => e.workshopIds),
  );
}

/** A draft's establishments and schedule, and the total the schedule adds up to, written from its terms. */
async function writeTerms(db: Knex, contractId: number, v: ContractValues): Promise<void> {
  await writeEstablishments(db, contractId, v);
  const total = await writeSchedule(db, contractId, v);
  await db('contracts').where({ id: contractId }).update({ total_centimos: total });
}

/** Inserts a draft with its establishments, schedule and first ledger entry. */
export async function insertContract(
  db: Knex,
  v: ContractValues,
  teacher: TeacherNames,
  extra: { previousContractId?: number | null; createdDetail?: string | null },
  actor: Actor,
  now: string,
): Promise<number> {
  const id = await insertId(db('contracts'), {
    ...contractColumns(v, teacher),
    total_centimos: 0,
    status: 'borrador',
    previous_contract_id: extra.previousContractId ?? null,
    over_budget: false,
    ...firstVersion(actor, now),
  });
  await writeTerms(db, id, v);
  await appendEvent(db, id, 'creado', v.startDate, extra.createdDetail ?? null, actor, now);
  return id;
}

/** Rewrites a draft's terms when the stored version is still `version` (establishments, schedule, ledger); answers whether it did. */
export async function updateContract(
  db: Knex,
  id: number,
  version: number,
  v: ContractValues,
  teacher: TeacherNames,
  actor: Actor,
  now: string,
): Promise<boolean> {
  if ((await updateVersion(db('contracts'), id, version, contractColumns(v, teacher), actor, now)) !== 1) return false;
  await writeTerms(db, id, v);
  await appendEvent(db, id, 'editado', null, null, actor, now);
  return true;
}

/** Signs a draft: in force from now on, its months counted in the budget. */
export async function activateContract(
  db: Knex,
  id: number,
  version: number,
  change: { signedOn: string; overBudget: boolean; detail: string | null },
  actor: Actor,
  now: string,
): Promise<void> {
  await updateVersion(
    db('contracts'),
    id,
    version,
    { status: 'vigente', signed_on: change.signedOn, over_budget: change.overBudget },
    actor,
    now,
  );
  await db('contract_months').where({ contract_id: id }).update({ in_force: true });
  await appendEvent(db, id, 'activado', change.signedOn, change.detail, actor, now);
}

/** Resolves a contract on `date`: the months after it are dropped. */
export async function terminateContract(
  db: Knex,
  id: number,
  version: number,
  date: string,
  reason: string,
  actor: Actor,
  now: string,
): Promise<void> {
  await updateVersion(db('contracts'), id, version, { status: 'resuelto', resolved_on: date, resolution_reason: reason }, actor, now);
  await db('contract_months').where({ contract_id: id }).where('period', '>', periodOf(date)).delete();
  await appendEvent(db, id, 'resuelto', date, reason, actor, now);
}

/** Contracts are found by their teacher's name and DNI: keeps those words current after the teacher changed. */
export async function renameTeacherInContracts(db: Knex, teacherId: number, teacher: TeacherNames): Promise<void> {
  const rows = (await db('contracts').where({ teacher_id: teacherId }).select('id', 'number', 'object')) as Row[];
  for (const r of rows) {
    await db('contracts')
      .where({ id: r.id })
      .update({ search_text: contractSearchText(String(r.number), String(r.object), teacherWords(teacher)) });
  }
}
