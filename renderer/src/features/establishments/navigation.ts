import { IconBuildingCommunity, IconMapPin } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** The establishments and the regional offices: the navigation bar's links (a link shows when the role may call its channel). */
export const establishmentsNavigation: NavGroup = {
  group: 'nav.registry',
  items: [
    { to: routes.establishments, label: 'nav.establishments', icon: IconBuildingCommunity, channel: 'establishments.list' },
    { to: routes.regionalOffices, label: 'nav.regionalOffices', icon: IconMapPin, channel: 'regionalOffices.list' },
  ],
};
