import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const EstablishmentsPage = lazyPage(() => import('./EstablishmentsPage'), 'EstablishmentsPage');

/** The penitentiary establishments: the pages, each loaded on demand (app/lazyPage.ts). */
export const establishmentsRoutes: RouteObject[] = [{ path: routes.establishments.slice(1), element: <EstablishmentsPage /> }];
