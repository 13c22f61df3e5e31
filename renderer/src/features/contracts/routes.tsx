import type { RouteObject } from 'react-router';
import type { DashboardSection } from '../../app/feature';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';
import { contractPaths } from './paths';

const BudgetPage = lazyPage(() => import('./budget/BudgetPage'), 'BudgetPage');
const ConformitiesPage = lazyPage(() => import('./conformities/ConformitiesPage'), 'ConformitiesPage');
const ContractsPage = lazyPage(() => import('./contracts/ContractsPage'), 'ContractsPage');
const TeachersPage = lazyPage(() => import('./teachers/TeachersPage'), 'TeachersPage');
const ExpensesPage = lazyPage(() => import('./budget/ExpensesPage'), 'ExpensesPage');
const WorkshopReviewsPage = lazyPage(() => import('./contracts/WorkshopReviewsPage'), 'WorkshopReviewsPage');

/** The contracts area's pages, each loaded on demand (app/lazyPage.ts). */
export const contractsRoutes: RouteObject[] = [
  { path: routes.teachers.slice(1), element: <TeachersPage /> },
  { path: routes.contracts.slice(1), element: <ContractsPage /> },
  { path: contractPaths.workshopReviews.slice(1), element: <WorkshopReviewsPage /> },
  { path: routes.conformities.slice(1), element: <ConformitiesPage /> },
  { path: routes.budget.slice(1), element: <BudgetPage /> },
  { path: contractPaths.expenses.slice(1), element: <ExpensesPage /> },
];

/** Its section of the home page (alerts: contracts about to end, conformities missing). */
export const contractsDashboard: DashboardSection = {
  order: 40,
  Section: lazyPage(() => import('./ContractsDashboardSection'), 'ContractsDashboardSection'),
};
