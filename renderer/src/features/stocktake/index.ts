import type { Feature } from '../../app/feature';
import { stocktakeNavigation } from './navigation';
import { stocktakeRoutes } from './routes';

/** Physical inventories: the feature's public face (app/features.ts lists it). */
export const stocktakeFeature: Feature = { routes: stocktakeRoutes, navigation: stocktakeNavigation, dashboard: undefined };
