import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';

const StocktakeCountPage = lazyPage(() => import('./StocktakeCountPage'), 'StocktakeCountPage');
const StocktakesPage = lazyPage(() => import('./StocktakesPage'), 'StocktakesPage');

/** Physical inventories: the pages, each loaded on demand (app/lazyPage.ts). */
export const stocktakeRoutes: RouteObject[] = [
  { path: routes.stocktakes.slice(1), element: <StocktakesPage /> },
  { path: `${routes.stocktakes.slice(1)}/:id`, element: <StocktakeCountPage /> },
];
