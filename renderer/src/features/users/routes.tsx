import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const UsersPage = lazyPage(() => import('./UsersPage'), 'UsersPage');

/** User accounts and roles: the pages, each loaded on demand (app/lazyPage.ts). */
export const usersRoutes: RouteObject[] = [{ path: routes.users.slice(1), element: <UsersPage /> }];
