import type { Feature } from '../../app/feature';
import { programmeNavigation } from './navigation';
import { programmeDashboard, programmeRoutes } from './routes';

/** Workshops, participants, ensembles, events, partners and reports: the feature's public face (app/features.ts lists it). */
export const programmesFeature: Feature = { routes: programmeRoutes, navigation: programmeNavigation, dashboard: programmeDashboard };
