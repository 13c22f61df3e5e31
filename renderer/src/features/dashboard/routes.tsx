import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

const DashboardPage = lazyPage(() => import('./DashboardPage'), 'DashboardPage');

/** The home page: the pages, each loaded on demand (app/lazyPage.ts). */
export const dashboardRoutes: RouteObject[] = [{ index: true, element: <DashboardPage /> }];
