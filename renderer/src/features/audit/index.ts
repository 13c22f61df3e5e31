import type { Feature } from '../../app/feature';
import { auditNavigation } from './navigation';
import { auditRoutes } from './routes';

/** The audit log viewer: the feature's public face (app/features.ts lists it). */
export const auditFeature: Feature = { routes: auditRoutes, navigation: auditNavigation, dashboard: undefined };
