import type { Feature } from '../../app/feature';
import { privacyNavigation } from './navigation';
import { privacyRoutes } from './routes';

/** What is kept about whom, and why: the feature's public face (app/features.ts lists it). */
export const privacyFeature: Feature = { routes: privacyRoutes, navigation: privacyNavigation, dashboard: undefined };
