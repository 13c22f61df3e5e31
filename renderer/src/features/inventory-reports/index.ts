import type { Feature } from '../../app/feature';
import { inventoryReportsNavigation } from './navigation';
import { inventoryReportsRoutes, inventoryReportsDashboard } from './routes';

/** Inventory reports: the feature's public face (app/features.ts lists it). */
export const inventoryReportsFeature: Feature = {
  routes: inventoryReportsRoutes,
  navigation: inventoryReportsNavigation,
  dashboard: inventoryReportsDashboard,
};
