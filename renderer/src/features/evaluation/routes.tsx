import type { RouteObject } from 'react-router';
import type { DashboardSection } from '../../app/feature';
import { lazyPage } from '../../app/lazyPage';
import { evaluationPath } from './paths';

const EvaluationPage = lazyPage(() => import('./EvaluationPage'), 'EvaluationPage');

/** The evaluation page, loaded on demand with its charts' code (app/lazyPage.ts). */
export const evaluationRoutes: RouteObject[] = [{ path: evaluationPath.slice(1), element: <EvaluationPage /> }];

/** The home page's small charts (instruments, attendance, budget), first of the features' sections, loaded on demand with the charts' code. */
export const evaluationDashboard: DashboardSection = {
  order: 5,
  Section: lazyPage(() => import('./EvaluationDashboardSection'), 'EvaluationDashboardSection'),
};
