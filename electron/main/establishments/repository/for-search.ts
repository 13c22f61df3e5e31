import type { Knex } from 'knex';
import type { SearchFound } from '../../../../shared/search/schemas';
import { whereInScope } from '../../auth/access';
import type { Row } from '../../db/rows';
import { firstMatches } from '../../db/search';
import type { Session } from '../../ipc/context';
import { joinEstablishment } from './index';

/** What the establishments offer the global search (search/handlers.ts): INPE staff by name, in the session's establishments. */
export async function searchStaff(db: Knex, session: Session, text: string, limit: number): Promise<SearchFound> {
  const q = joinEstablishment(db('staff_members as s'), 'e', 's.establishment_id').select(
    's.id',
    's.full_name',
    's.role',
    'e.name as establishment_name',
  );
  whereInScope(session, q, 's.establishment_id');
  const { rows, more } = await firstMatches<Row>(db, q, 's.name_key', text, limit);
  return {
    hits: rows.map((r) => ({
      kind: 'staff' as const,
      id: Number(r.id),
      title: String(r.full_name),
      detail: `${String(r.role)} · ${String(r.establishment_name)}`,
    })),
    more,
  };
}
