import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const SitesPage = lazyPage(() => import('./SitesPage'), 'SitesPage');

/** Prison sites: the page, loaded on demand (app/lazyPage.ts). */
export const sitesRoutes: RouteObject[] = [{ path: routes.sites.slice(1), element: <SitesPage /> }];
