import type { Knex } from 'knex';
import type { SearchFound } from '../../../../shared/search/schemas';
import { whereInScope } from '../../auth/access';
import type { Row } from '../../db/rows';
import { firstMatches } from '../../db/search';
import { joinEstablishment } from '../../establishments/repository';
import type { Session } from '../../ipc/context';
import { canSeeArtists } from './view';

/** What InternArte offers the global search (search/handlers.ts): artworks and exhibitions. */

/**
 * Artworks by title or materials, in the session's establishments. Only the roles that see
 * artists' real names (canSeeArtists) also find a work by its artist's real name; no result
 * ever shows the artist: a pseudonymous artist is never tied to a real name by the search.
 */
export async function searchArtworks(db: Knex, session: Session, text: string, limit: number): Promise<SearchFound> {
  const q = joinEstablishment(db('artworks as a'), 'e', 'a.establishment_id').select('a.id', 'a.title', 'e.name as establishment_name');
  whereInScope(session, q, 'a.establishment_id');
  const column = canSeeArtists(session) ? "(a.search_text || ' ' || a.artist_key)" : 'a.search_text';
  const { rows, more } = await firstMatches<Row>(db, q, column, text, limit);
  return {
    hits: rows.map((r) => ({ kind: 'artwork' as const, id: Number(r.id), title: String(r.title), detail: String(r.establishment_name) })),
    more,
  };
}

/** Exhibitions by title or venue (exhibitions are not divided by establishment, as exhibitions.list). */
export async function searchExhibitions(db: Knex, text: string, limit: number): Promise<SearchFound> {
  const q = db('exhibitions as x').select('x.id', 'x.title', 'x.venue');
  const { rows, more } = await firstMatches<Row>(db, q, 'x.title_key', text, limit);
  return {
    hits: rows.map((r) => ({
      kind: 'exhibition' as const,
      id: Number(r.id),
      title: String(r.title),
      detail: (r.venue as string | null) ?? null,
    })),
    more,
  };
}
