import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const EstablishmentsPage = lazyPage(() => import('./EstablishmentsPage'), 'EstablishmentsPage');
const RegionalOfficesPage = lazyPage(() => import('./RegionalOfficesPage'), 'RegionalOfficesPage');

/** The establishments and the regional offices: the pages, each loaded on demand (app/lazyPage.ts). */
export const establishmentsRoutes: RouteObject[] = [
  { path: routes.establishments.slice(1), element: <EstablishmentsPage /> },
  { path: routes.regionalOffices.slice(1), element: <RegionalOfficesPage /> },
];
