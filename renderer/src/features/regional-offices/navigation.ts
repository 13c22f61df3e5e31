import { IconMapPin } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** The regional offices: the navigation bar's links (a link shows when the role may call its channel). */
export const regionalOfficesNavigation: NavGroup = {
  group: 'nav.registry',
  items: [{ to: routes.regionalOffices, label: 'nav.regionalOffices', icon: IconMapPin, channel: 'regionalOffices.list' }],
};
