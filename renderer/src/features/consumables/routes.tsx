import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const ConsumablesPage = lazyPage(() => import('./ConsumablesPage'), 'ConsumablesPage');

/** Consumables and their minimums: the pages, each loaded on demand (app/lazyPage.ts). */
export const consumablesRoutes: RouteObject[] = [{ path: routes.consumables.slice(1), element: <ConsumablesPage /> }];
