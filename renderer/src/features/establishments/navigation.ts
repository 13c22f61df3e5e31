import { IconBuildingCommunity, IconChartPie, IconIdBadge2, IconMapPin } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';
import { reachRoute, staffRoute } from './paths';

/** The establishments, their INPE staff and the regional offices: the navigation bar's links (a link shows when the role may call its channel). */
export const establishmentsNavigation: NavGroup = {
  group: 'nav.registry',
  items: [
    { to: routes.establishments, label: 'nav.establishments', icon: IconBuildingCommunity, channel: 'establishments.list' },
    { to: staffRoute, label: 'establishments.staff.nav', icon: IconIdBadge2, channel: 'staff.list' },
    { to: reachRoute, label: 'establishments.headcount.reach.nav', icon: IconChartPie, channel: 'population.reach' },
    { to: routes.regionalOffices, label: 'nav.regionalOffices', icon: IconMapPin, channel: 'regionalOffices.list' },
  ],
};
