import type { Knex } from 'knex';
import type { SearchFound } from '../../../../shared/search/schemas';
import { whereInScope } from '../../auth/access';
import type { Row } from '../../db/rows';
import { firstMatches } from '../../db/search';
import type { Session } from '../../ipc/context';

/** What the contracts offer the global search (search/handlers.ts): teachers and contracts. */

/** Teachers by name, DNI, RUC or specialty (the register of teachers is not divided by establishment, as teachers.list). */
export async function searchTeachers(db: Knex, text: string, limit: number): Promise<SearchFound> {
  const q = db('teachers as t').select('t.id', 't.first_names', 't.last_names', 't.dni');
  const { rows, more } = await firstMatches<Row>(db, q, 't.search_text', text, limit, { table: 'teachers_search', id: 't.id' });
  return {
    hits: rows.map((r) => ({
      kind: 'teacher' as const,
      id: Number(r.id),
      title: `${String(r.last_names)}, ${String(r.first_names)}`,
      detail: `DNI ${String(r.dni)}`,
    })),
    more,
  };
}

/** Contracts by number, object or teacher, those with one of the session's establishments (as contracts.list). */
export async function searchContracts(db: Knex, session: Session, text: string, limit: number): Promise<SearchFound> {
  const q = db('contracts as c').join('teachers as t', 't.id', 'c.teacher_id').select('c.id', 'c.number', 't.first_names', 't.last_names');
  whereInScope(session, q, (scope) =>
    db('contract_establishments as cs').whereRaw('cs.contract_id = c.id').whereIn('cs.establishment_id', scope).select(db.raw('1')),
  );
  const { rows, more } = await firstMatches<Row>(db, q, 'c.search_text', text, limit, { table: 'contracts_search', id: 'c.id' });
  return {
    hits: rows.map((r) => ({
      kind: 'contract' as const,
      id: Number(r.id),
      title: String(r.number),
      detail: `${String(r.last_names)}, ${String(r.first_names)}`,
    })),
    more,
  };
}
