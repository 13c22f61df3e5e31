import {
  IconCalendarEvent,
  IconChalkboard,
  IconHeartHandshake,
  IconLinkOff,
  IconMusic,
  IconReportAnalytics,
  IconStack2,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';
import { unlinkedTeachersPath } from './workshopTeacherPaths';

/** The programmes' group in the navigation bar; each page opens with the channel named. */
export const programmeNavigation: NavGroup = {
  group: 'programmes.nav.group',
  items: [
    { to: routes.workshops, label: 'programmes.nav.workshops', icon: IconChalkboard, channel: 'workshops.list' },
    {
      to: unlinkedTeachersPath,
      label: 'programmes.workshopTeachers.reviews.nav',
      icon: IconLinkOff,
      channel: 'workshops.teacherReviews',
    },
    { to: routes.participants, label: 'programmes.nav.participants', icon: IconUsersGroup, channel: 'participants.list' },
    { to: routes.ensembles, label: 'programmes.nav.ensembles', icon: IconMusic, channel: 'ensembles.list' },
    { to: routes.events, label: 'programmes.nav.events', icon: IconCalendarEvent, channel: 'events.list' },
    { to: routes.partners, label: 'programmes.nav.partners', icon: IconHeartHandshake, channel: 'partners.list' },
    { to: routes.initiatives, label: 'programmes.initiatives.nav', icon: IconStack2, channel: 'initiatives.list' },
    { to: routes.programmeReports, label: 'programmes.nav.reports', icon: IconReportAnalytics, channel: 'programmeReports.figures' },
  ],
};
