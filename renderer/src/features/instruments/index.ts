import type { Feature } from '../../app/feature';
import { instrumentsNavigation } from './navigation';
import { instrumentsRoutes } from './routes';

/** The instrument register and its types: the feature's public face (app/features.ts lists it). */
export const instrumentsFeature: Feature = { routes: instrumentsRoutes, navigation: instrumentsNavigation, dashboard: undefined };
