import type { Knex } from 'knex';
import type { SearchFound } from '../../../../shared/search/schemas';
import { whereInScope } from '../../auth/access';
import { type Row, str } from '../../db/rows';
import { firstMatches, whereWords } from '../../db/search';
import { joinEstablishment } from '../../establishments/repository';
import type { Session } from '../../ipc/context';

/**
 * What the inventory offers the global search (search/handlers.ts): instruments by code,
 * serial number, brand or model, then those of a type named by the words ("cajon" finds
 * the Cajón peruano), in the session's establishments (where they are or travel to).
 */
export async function searchInstruments(db: Knex, session: Session, text: string, limit: number): Promise<SearchFound> {
  const base = () => {
    const q = db('instruments as i')
      .join('instrument_types as t', 't.id', 'i.type_id')
      .select('i.id', 'i.code', 'i.serial_number', 't.name as type_name', 'e.name as establishment_name');
    joinEstablishment(q, 'e', 'i.establishment_id', 'left');
    return whereInScope(session, q, 'i.establishment_id', 'i.transit_to_establishment_id');
  };
  const found = await firstMatches<Row>(db, base(), 'i.search_text', text, limit, { table: 'instruments_search', id: 'i.id' });
  if (found.rows.length < limit) {
    // The types are few: read which the words name, then their instruments (by the type's index).
    const types = (await whereWords(db('instrument_types'), 'name_key', text).pluck('id')) as number[];
    if (types.length > 0) {
      const seen = found.rows.map((r) => Number(r.id));
      const more = (await base()
        .whereIn('i.type_id', types)
        .whereNotIn('i.id', seen)
        .limit(limit + 1 - found.rows.length)) as Row[];
      const rows = [...found.rows, ...more];
      found.rows = rows.slice(0, limit);
      found.more = found.more || rows.length > limit;
    }
  }
  return {
    hits: found.rows.map((r) => ({
      kind: 'instrument' as const,
      id: Number(r.id),
      title: String(r.code),
      detail: [String(r.type_name), str(r.serial_number), str(r.establishment_name)].filter(Boolean).join(' · '),
    })),
    more: found.more,
  };
}
