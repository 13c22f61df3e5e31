import type { Feature } from '../../app/feature';
import { contractsNavigation } from './navigation';
import { contractsDashboard, contractsRoutes } from './routes';

/** Teachers, contracts, conformities and the budget: the feature's public face (app/features.ts lists it). */
export const contractsFeature: Feature = { routes: contractsRoutes, navigation: contractsNavigation, dashboard: contractsDashboard };
