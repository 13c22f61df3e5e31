import type { RouteObject } from 'react-router';
import { routes } from '../../app/routes';
import { EnsemblesPage } from './EnsemblesPage';
import { EventsPage } from './EventsPage';
import { ParticipantsPage } from './ParticipantsPage';
import { PartnersPage } from './PartnersPage';
import { ProgrammeReportsPage } from './ProgrammeReportsPage';
import { WorkshopPage } from './WorkshopPage';
import { WorkshopsPage } from './WorkshopsPage';

/** The programmes' pages, added to the app's router as one list. */
export const programmeRoutes: RouteObject[] = [
  { path: routes.workshops.slice(1), element: <WorkshopsPage /> },
  { path: `${routes.workshops.slice(1)}/:id`, element: <WorkshopPage /> },
  { path: routes.participants.slice(1), element: <ParticipantsPage /> },
  { path: routes.ensembles.slice(1), element: <EnsemblesPage /> },
  { path: routes.events.slice(1), element: <EventsPage /> },
  { path: routes.partners.slice(1), element: <PartnersPage /> },
  { path: routes.programmeReports.slice(1), element: <ProgrammeReportsPage /> },
];
