import type { RouteObject } from 'react-router';
import type { DashboardSection } from '../../app/feature';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const ArtworkPage = lazyPage(() => import('./ArtworkPage'), 'ArtworkPage');
const ArtworksPage = lazyPage(() => import('./ArtworksPage'), 'ArtworksPage');
const ExhibitionPage = lazyPage(() => import('./ExhibitionPage'), 'ExhibitionPage');
const ExhibitionsPage = lazyPage(() => import('./ExhibitionsPage'), 'ExhibitionsPage');

/** InternArte's pages, each loaded on demand (app/lazyPage.ts). */
export const internarteRoutes: RouteObject[] = [
  { path: routes.artworks.slice(1), element: <ArtworksPage /> },
  { path: `${routes.artworks.slice(1)}/:id`, element: <ArtworkPage /> },
  { path: routes.exhibitions.slice(1), element: <ExhibitionsPage /> },
  { path: `${routes.exhibitions.slice(1)}/:id`, element: <ExhibitionPage /> },
];

/** Its section of the home page. */
export const internarteDashboard: DashboardSection = {
  order: 30,
  Section: lazyPage(() => import('./InternArteDashboardSection'), 'InternArteDashboardSection'),
};
