import type { Feature } from '../../app/feature';
import { databaseSettingsNavigation } from './navigation';
import { databaseSettingsRoutes } from './routes';

/** Office mode: the database and the attachments' place: the feature's public face (app/features.ts lists it). */
export const databaseSettingsFeature: Feature = {
  routes: databaseSettingsRoutes,
  navigation: databaseSettingsNavigation,
  dashboard: undefined,
};
