import type { Feature } from '../../app/feature';
import { evaluationNavigation } from './navigation';
import { evaluationDashboard, evaluationRoutes } from './routes';

/** The evaluation: the programme's figures as charts and tables (app/features.ts lists it). */
export const evaluationFeature: Feature = { routes: evaluationRoutes, navigation: evaluationNavigation, dashboard: evaluationDashboard };
