import type { RouteObject } from 'react-router';
import type { DashboardSection } from '../../app/feature';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';
import { custodyPaths } from './paths';

const InstrumentsPage = lazyPage(() => import('./instruments/InstrumentsPage'), 'InstrumentsPage');
const InstrumentTypesPage = lazyPage(() => import('./instruments/InstrumentTypesPage'), 'InstrumentTypesPage');
const StocktakesPage = lazyPage(() => import('./stocktake/StocktakesPage'), 'StocktakesPage');
const StocktakeCountPage = lazyPage(() => import('./stocktake/StocktakeCountPage'), 'StocktakeCountPage');
const ConsumablesPage = lazyPage(() => import('./consumables/ConsumablesPage'), 'ConsumablesPage');
const InventoryReportsPage = lazyPage(() => import('./reports/InventoryReportsPage'), 'InventoryReportsPage');
const OverduePage = lazyPage(() => import('./custody/OverduePage'), 'OverduePage');
const RecoveriesPage = lazyPage(() => import('./custody/RecoveriesPage'), 'RecoveriesPage');
const ReviewsPage = lazyPage(() => import('./custody/ReviewsPage'), 'ReviewsPage');

/** The inventory's pages, each loaded on demand (app/lazyPage.ts). */
export const inventoryRoutes: RouteObject[] = [
  { path: routes.instruments.slice(1), element: <InstrumentsPage /> },
  { path: routes.instrumentTypes.slice(1), element: <InstrumentTypesPage /> },
  { path: routes.stocktakes.slice(1), element: <StocktakesPage /> },
  { path: `${routes.stocktakes.slice(1)}/:id`, element: <StocktakeCountPage /> },
  { path: routes.consumables.slice(1), element: <ConsumablesPage /> },
  { path: routes.inventoryReports.slice(1), element: <InventoryReportsPage /> },
  { path: custodyPaths.overdue.slice(1), element: <OverduePage /> },
  { path: custodyPaths.recoveries.slice(1), element: <RecoveriesPage /> },
  { path: custodyPaths.reviews.slice(1), element: <ReviewsPage /> },
];

/** Its section of the home page. */
export const inventoryDashboard: DashboardSection = {
  order: 10,
  Section: lazyPage(() => import('./reports/InventoryDashboardSection'), 'InventoryDashboardSection'),
};
