import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const DatabaseSettingsPage = lazyPage(() => import('./DatabaseSettingsPage'), 'DatabaseSettingsPage');

/** Office mode: the database and the attachments' place: the pages, each loaded on demand (app/lazyPage.ts). */
export const officeRoutes: RouteObject[] = [{ path: routes.databaseSettings.slice(1), element: <DatabaseSettingsPage /> }];
