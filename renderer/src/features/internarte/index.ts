import type { Feature } from '../../app/feature';
import { internarteNavigation } from './navigation';
import { internarteDashboard, internarteRoutes } from './routes';

/** InternArte's works and exhibitions: the feature's public face (app/features.ts lists it). */
export const internarteFeature: Feature = { routes: internarteRoutes, navigation: internarteNavigation, dashboard: internarteDashboard };
