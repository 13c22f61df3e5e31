import type { Feature } from '../../app/feature';
import { sitesNavigation } from './navigation';
import { sitesRoutes } from './routes';

/** Prison sites working offline (issue 20): the feature's public face (app/features.ts lists it). */
export const sitesFeature: Feature = { routes: sitesRoutes, navigation: sitesNavigation, dashboard: undefined };
