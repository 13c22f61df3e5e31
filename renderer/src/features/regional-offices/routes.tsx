import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const RegionalOfficesPage = lazyPage(() => import('./RegionalOfficesPage'), 'RegionalOfficesPage');

/** The regional offices: the pages, each loaded on demand (app/lazyPage.ts). */
export const regionalOfficesRoutes: RouteObject[] = [{ path: routes.regionalOffices.slice(1), element: <RegionalOfficesPage /> }];
