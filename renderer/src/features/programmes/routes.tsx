import type { RouteObject } from 'react-router';
import type { DashboardSection } from '../../app/feature';
import { lazyPage } from '../../app/lazyPage';
import { routes } from '../../app/routes';
import { unlinkedTeachersPath } from './workshopTeacherPaths';

const EnsemblesPage = lazyPage(() => import('./EnsemblesPage'), 'EnsemblesPage');
const EventsPage = lazyPage(() => import('./EventsPage'), 'EventsPage');
const ParticipantsPage = lazyPage(() => import('./ParticipantsPage'), 'ParticipantsPage');
const PartnersPage = lazyPage(() => import('./PartnersPage'), 'PartnersPage');
const InitiativesPage = lazyPage(() => import('./InitiativesPage'), 'InitiativesPage');
const InitiativePage = lazyPage(() => import('./InitiativePage'), 'InitiativePage');
const ProgrammeReportsPage = lazyPage(() => import('./ProgrammeReportsPage'), 'ProgrammeReportsPage');
const WorkshopPage = lazyPage(() => import('./WorkshopPage'), 'WorkshopPage');
const WorkshopsPage = lazyPage(() => import('./WorkshopsPage'), 'WorkshopsPage');
const TeacherReviewsPage = lazyPage(() => import('./TeacherReviewsPage'), 'TeacherReviewsPage');

/** The programmes' pages, each loaded on demand (app/lazyPage.ts). */
export const programmeRoutes: RouteObject[] = [
  { path: routes.workshops.slice(1), element: <WorkshopsPage /> },
  { path: unlinkedTeachersPath.slice(1), element: <TeacherReviewsPage /> },
  { path: `${routes.workshops.slice(1)}/:id`, element: <WorkshopPage /> },
  { path: routes.participants.slice(1), element: <ParticipantsPage /> },
  { path: routes.ensembles.slice(1), element: <EnsemblesPage /> },
  { path: routes.events.slice(1), element: <EventsPage /> },
  { path: routes.partners.slice(1), element: <PartnersPage /> },
  { path: routes.initiatives.slice(1), element: <InitiativesPage /> },
  { path: `${routes.initiatives.slice(1)}/:id`, element: <InitiativePage /> },
  { path: routes.programmeReports.slice(1), element: <ProgrammeReportsPage /> },
];

/** Its section of the home page. */
export const programmeDashboard: DashboardSection = {
  order: 20,
  Section: lazyPage(() => import('./ProgrammeDashboardSection'), 'ProgrammeDashboardSection'),
};
