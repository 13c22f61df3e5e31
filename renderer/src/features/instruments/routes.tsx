import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const InstrumentTypesPage = lazyPage(() => import('./InstrumentTypesPage'), 'InstrumentTypesPage');
const InstrumentsPage = lazyPage(() => import('./InstrumentsPage'), 'InstrumentsPage');

/** The instrument register and its types: the pages, each loaded on demand (app/lazyPage.ts). */
export const instrumentsRoutes: RouteObject[] = [
  { path: routes.instruments.slice(1), element: <InstrumentsPage /> },
  { path: routes.instrumentTypes.slice(1), element: <InstrumentTypesPage /> },
];
