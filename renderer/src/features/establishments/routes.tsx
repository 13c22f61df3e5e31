import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';
import { reachRoute, staffRoute } from './paths';

const EstablishmentsPage = lazyPage(() => import('./EstablishmentsPage'), 'EstablishmentsPage');
const RegionalOfficesPage = lazyPage(() => import('./RegionalOfficesPage'), 'RegionalOfficesPage');
const StaffPage = lazyPage(() => import('./StaffPage'), 'StaffPage');
const ReachPage = lazyPage(() => import('./ReachPage'), 'ReachPage');

/** The establishments, the regional offices and the INPE staff: the pages, each loaded on demand (app/lazyPage.ts). */
export const establishmentsRoutes: RouteObject[] = [
  { path: routes.establishments.slice(1), element: <EstablishmentsPage /> },
  { path: staffRoute.slice(1), element: <StaffPage /> },
  { path: reachRoute.slice(1), element: <ReachPage /> },
  { path: routes.regionalOffices.slice(1), element: <RegionalOfficesPage /> },
];
