import type { Feature } from '../../app/feature';
import { usersNavigation } from './navigation';
import { usersRoutes } from './routes';

/** User accounts and roles: the feature's public face (app/features.ts lists it). */
export const usersFeature: Feature = { routes: usersRoutes, navigation: usersNavigation, dashboard: undefined };
