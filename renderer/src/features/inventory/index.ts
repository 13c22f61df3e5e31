import type { Feature } from '../../app/feature';
import { inventoryNavigation } from './navigation';
import { inventoryDashboard, inventoryRoutes } from './routes';

/** The inventory (instruments, physical inventories, consumables, reports): the feature's public face (app/features.ts lists it). */
export const inventoryFeature: Feature = { routes: inventoryRoutes, navigation: inventoryNavigation, dashboard: inventoryDashboard };
