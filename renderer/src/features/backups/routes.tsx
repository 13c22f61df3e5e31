import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const BackupsPage = lazyPage(() => import('./BackupsPage'), 'BackupsPage');

/** Backups: the pages, each loaded on demand (app/lazyPage.ts). */
export const backupsRoutes: RouteObject[] = [{ path: routes.backups.slice(1), element: <BackupsPage /> }];
