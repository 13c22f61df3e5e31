import type { Knex } from 'knex';
import type { CustodianRecord } from '../../../../shared/inventory/custody-schemas';
import { type Row, toBool } from '../../db/rows';
import { whereWords } from '../../db/search';

/**
 * What the inventory asks of the contracts: teachers as custodians of an instrument (issue 15).
 * A teacher belongs to the establishments where an authorisation to enter or a contract
 * names them.
 */

const teacherName = (r: Row) => `${String(r.first_names)} ${String(r.last_names)}`;

/** The establishments a teacher has been authorised for or contracted at. */
async function establishmentsOf(db: Knex, teacherId: number): Promise<number[]> {
  const authorised = (await db('teacher_authorisations').where({ teacher_id: teacherId }).distinct('establishment_id')) as Row[];
  const contracted = (await db('contract_establishments as ce')
    .join('contracts as c', 'c.id', 'ce.contract_id')
    .where('c.teacher_id', teacherId)
    .distinct('ce.establishment_id')) as Row[];
  return [...new Set([...authorised, ...contracted].map((r) => Number(r.establishment_id)))];
}

export async function teacherCustodian(db: Knex, id: number): Promise<CustodianRecord | null> {
  const r = (await db('teachers').where({ id }).first('id', 'first_names', 'last_names', 'active')) as Row | undefined;
  if (!r) return null;
  return { id, name: teacherName(r), establishmentIds: await establishmentsOf(db, id), active: toBool(r.active), detail: null, code: null };
}

/** Active teachers authorised for or contracted at an establishment, whose names contain every word typed. */
export async function teacherCandidates(db: Knex, establishmentId: number, search: string): Promise<CustodianRecord[]> {
  const q = db('teachers as t')
    .where('t.active', true)
    .where((b) =>
      b
        .whereIn('t.id', db('teacher_authorisations').where({ establishment_id: establishmentId }).select('teacher_id'))
        .orWhereIn(
          't.id',
          db('contract_establishments as ce')
            .join('contracts as c', 'c.id', 'ce.contract_id')
            .where('ce.establishment_id', establishmentId)
            .select('c.teacher_id'),
        ),
    );
  const rows = (await whereWords(q, 't.search_text', search)
    .orderBy('t.name_key')
    .limit(20)
    .select('t.id', 't.first_names', 't.last_names')) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    name: teacherName(r),
    establishmentIds: [establishmentId],
    active: true,
    detail: null,
    code: null,
  }));
}
