import type { RouteObject } from 'react-router';
import { routes } from '../../app/routes';
import { ArtworkPage } from './ArtworkPage';
import { ArtworksPage } from './ArtworksPage';
import { ExhibitionPage } from './ExhibitionPage';
import { ExhibitionsPage } from './ExhibitionsPage';

/** InternArte's pages, added to the app's router as one list. */
export const internarteRoutes: RouteObject[] = [
  { path: routes.artworks.slice(1), element: <ArtworksPage /> },
  { path: `${routes.artworks.slice(1)}/:id`, element: <ArtworkPage /> },
  { path: routes.exhibitions.slice(1), element: <ExhibitionsPage /> },
  { path: `${routes.exhibitions.slice(1)}/:id`, element: <ExhibitionPage /> },
];
