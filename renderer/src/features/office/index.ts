import type { Feature } from '../../app/feature';
import { officeNavigation } from './navigation';
import { officeRoutes } from './routes';

/** Office mode: the database and the attachments' place: the feature's public face (app/features.ts lists it). */
export const officeFeature: Feature = {
  routes: officeRoutes,
  navigation: officeNavigation,
  dashboard: undefined,
};
