import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const AuditPage = lazyPage(() => import('./AuditPage'), 'AuditPage');

/** The audit log viewer: the pages, each loaded on demand (app/lazyPage.ts). */
export const auditRoutes: RouteObject[] = [{ path: routes.audit.slice(1), element: <AuditPage /> }];
