import type { Feature } from '../../app/feature';
import { dashboardNavigation } from './navigation';
import { dashboardRoutes } from './routes';

/** The home page: the feature's public face (app/features.ts lists it). */
export const dashboardFeature: Feature = { routes: dashboardRoutes, navigation: dashboardNavigation, dashboard: undefined };
