import type { Feature } from '../../app/feature';
import { regionalOfficesNavigation } from './navigation';
import { regionalOfficesRoutes } from './routes';

/** The regional offices: the feature's public face (app/features.ts lists it). */
export const regionalOfficesFeature: Feature = {
  routes: regionalOfficesRoutes,
  navigation: regionalOfficesNavigation,
  dashboard: undefined,
};
