import { IconHome } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** The home page: the navigation bar's links (a link shows when the role may call its channel). */
export const dashboardNavigation: NavGroup = {
  group: 'nav.general',
  items: [{ to: routes.dashboard, label: 'nav.dashboard', icon: IconHome }],
};
