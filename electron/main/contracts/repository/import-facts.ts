import type { Knex } from 'knex';
import { effectiveStatus, type ContractStatus, type Modality, type StoredStatus } from '../../../../shared/contracts/rules';
import { type Row, str, toBool } from '../../db/rows';

/**
 * What the spreadsheet imports of contracts and conformities read once, before their rows
 * (import-contracts.ts, import-conformities.ts): the registers their cells name, and the
 * facts their rows are checked against without a query per row.
 */

export interface TeacherEntry {
  id: number;
  dni: string;
  ruc: string | null;
  firstNames: string;
  lastNames: string;
  active: boolean;
}

export async function teacherEntries(db: Knex): Promise<TeacherEntry[]> {
  const rows = (await db('teachers').select('id', 'dni', 'ruc', 'first_names', 'last_names', 'active')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    dni: String(r.dni),
    ruc: str(r.ruc),
    firstNames: String(r.first_names),
    lastNames: String(r.last_names),
    active: toBool(r.active),
  }));
}

/** Every contract's number key → its id. */
export async function contractNumberKeys(db: Knex): Promise<Map<string, number>> {
  const rows = (await db('contracts').select('id', 'number_key')) as Row[];
  return new Map(rows.map((r) => [String(r.number_key), Number(r.id)]));
}

export interface ConformableContract {
  id: number;
  number: string;
  status: ContractStatus;
  modality: Modality;
  establishmentIds: number[];
  /** Its months (yyyy-mm). */
  months: Set<string>;
  /** Its months that a conformity (not voided) signs off. */
  signedOff: Set<string>;
}

/** Every contract with what a conformity of it must respect. */
export async function conformableContracts(db: Knex, today: string): Promise<ConformableContract[]> {
  const byId = new Map<number, ConformableContract>();
  for (const r of (await db('contracts').select('id', 'number', 'status', 'end_date', 'modality')) as Row[]) {
    byId.set(Number(r.id), {
      id: Number(r.id),
      number: String(r.number),
      status: effectiveStatus(String(r.status) as StoredStatus, String(r.end_date), today),
      modality: String(r.modality) as Modality,
      establishmentIds: [],
      months: new Set(),
      signedOff: new Set(),
    });
  }
  for (const r of (await db('contract_establishments').select('contract_id', 'establishment_id')) as Row[]) {
    byId.get(Number(r.contract_id))?.establishmentIds.push(Number(r.establishment_id));
  }
  for (const r of (await db('contract_months').select('contract_id', 'period')) as Row[]) {
    byId.get(Number(r.contract_id))?.months.add(String(r.period));
  }
  for (const r of (await db('service_conformities').whereNot('status', 'anulada').select('contract_id', 'period')) as Row[]) {
    byId.get(Number(r.contract_id))?.signedOff.add(String(r.period));
  }
  return [...byId.values()];
}
