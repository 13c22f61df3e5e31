import type { SearchHit } from '../../../shared/search/schemas';
import { routes } from './routes';

/**
 * Where each kind of record opens (a search result, a reminder): the record's own page, or its list with the record's
 * drawer or form open (`?ficha=<id>`, `?convenio=<id>`). The INPE staff register's address
 * is written out: the establishments feature keeps it (establishments/paths.ts, staffRoute).
 */
export const recordPath = (hit: Pick<SearchHit, 'kind' | 'id'>): string => {
  const { id } = hit;
  switch (hit.kind) {
    case 'instrument':
      return `${routes.instruments}?ficha=${id}`;
    case 'participant':
      return `${routes.participants}?ficha=${id}`;
    case 'teacher':
      return `${routes.teachers}?ficha=${id}`;
    case 'staff':
      return `/personal?ficha=${id}`;
    case 'ensemble':
      return `${routes.ensembles}?ficha=${id}`;
    case 'workshop':
      return `${routes.workshops}/${id}`;
    case 'contract':
      return `${routes.contracts}?ficha=${id}`;
    case 'artwork':
      return `${routes.artworks}/${id}`;
    case 'exhibition':
      return `${routes.exhibitions}/${id}`;
    case 'event':
      return `${routes.events}?ficha=${id}`;
    case 'partner':
      return `${routes.partners}?ficha=${id}`;
    case 'agreement':
      return `${routes.partners}?convenio=${id}`;
  }
};
