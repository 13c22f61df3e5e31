import type { Feature } from '../../app/feature';
import { consumablesNavigation } from './navigation';
import { consumablesRoutes } from './routes';

/** Consumables and their minimums: the feature's public face (app/features.ts lists it). */
export const consumablesFeature: Feature = { routes: consumablesRoutes, navigation: consumablesNavigation, dashboard: undefined };
