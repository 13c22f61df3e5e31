import type { Feature } from '../../app/feature';
import { backupsNavigation } from './navigation';
import { backupsRoutes } from './routes';

/** Backups: the feature's public face (app/features.ts lists it). */
export const backupsFeature: Feature = { routes: backupsRoutes, navigation: backupsNavigation, dashboard: undefined };
