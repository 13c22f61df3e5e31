import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { evaluationPath } from './paths';

const EvaluationPage = lazyPage(() => import('./EvaluationPage'), 'EvaluationPage');

/** The evaluation page, loaded on demand with its charts' code (app/lazyPage.ts). */
export const evaluationRoutes: RouteObject[] = [{ path: evaluationPath.slice(1), element: <EvaluationPage /> }];
