import { IconBuildingArch, IconPalette } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** InternArte's group in the navigation bar; each page opens with the channel named. */
export const internarteNavigation: NavGroup = {
  group: 'internarte.nav.group',
  items: [
    { to: routes.artworks, label: 'internarte.nav.artworks', icon: IconPalette, channel: 'artworks.list' },
    { to: routes.exhibitions, label: 'internarte.nav.exhibitions', icon: IconBuildingArch, channel: 'exhibitions.list' },
  ],
};
