import { IconBuildingBroadcastTower } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/**
 * Prison sites: the navigation bar's link, for whoever may carry data packages (sites.writePackage: the
 * administrador and the working roles, not the read-only one); the page shows the list of sites
 * and the enrolment only to whom may call them.
 */
export const sitesNavigation: NavGroup = {
  group: 'auth.nav.group',
  items: [{ to: routes.sites, label: 'sites.navTitle', icon: IconBuildingBroadcastTower, channel: 'sites.writePackage' }],
};
