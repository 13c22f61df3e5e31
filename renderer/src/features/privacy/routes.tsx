import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const PrivacyPage = lazyPage(() => import('./PrivacyPage'), 'PrivacyPage');

/** What is kept about whom, and why: the pages, each loaded on demand (app/lazyPage.ts). */
export const privacyRoutes: RouteObject[] = [{ path: routes.privacy.slice(1), element: <PrivacyPage /> }];
