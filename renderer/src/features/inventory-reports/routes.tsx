import type { RouteObject } from 'react-router';
import type { DashboardSection } from '../../app/feature';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const InventoryReportsPage = lazyPage(() => import('./InventoryReportsPage'), 'InventoryReportsPage');

/** Inventory reports: the pages, each loaded on demand (app/lazyPage.ts). */
export const inventoryReportsRoutes: RouteObject[] = [{ path: routes.inventoryReports.slice(1), element: <InventoryReportsPage /> }];

/** Its section of the home page. */
export const inventoryReportsDashboard: DashboardSection = {
  order: 10,
  Section: lazyPage(() => import('./InventoryDashboardSection'), 'InventoryDashboardSection'),
};
