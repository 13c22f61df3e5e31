import type { Feature } from '../../app/feature';
import { establishmentsNavigation } from './navigation';
import { establishmentsRoutes } from './routes';

/** The penitentiary establishments and the regional offices: the feature's public face (app/features.ts lists it). */
export const establishmentsFeature: Feature = { routes: establishmentsRoutes, navigation: establishmentsNavigation, dashboard: undefined };
