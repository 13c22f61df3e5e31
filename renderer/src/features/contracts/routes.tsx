import type { RouteObject } from 'react-router';
import { routes } from '../../app/routes';
import { BudgetPage } from './budget/BudgetPage';
import { ConformitiesPage } from './conformities/ConformitiesPage';
import { ContractsPage } from './contracts/ContractsPage';
import { TeachersPage } from './teachers/TeachersPage';

/** The contracts area's pages, added to the app's router as one list. */
export const contractsRoutes: RouteObject[] = [
  { path: routes.teachers.slice(1), element: <TeachersPage /> },
  { path: routes.contracts.slice(1), element: <ContractsPage /> },
  { path: routes.conformities.slice(1), element: <ConformitiesPage /> },
  { path: routes.budget.slice(1), element: <BudgetPage /> },
];
