import { IconCategory, IconPiano } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** The instrument register and its types: the navigation bar's links (a link shows when the role may call its channel). */
export const instrumentsNavigation: NavGroup = {
  group: 'inventory.nav.group',
  items: [
    { to: routes.instruments, label: 'inventory.nav.instruments', icon: IconPiano, channel: 'instruments.list' },
    { to: routes.instrumentTypes, label: 'inventory.nav.types', icon: IconCategory, channel: 'instrumentTypes.list' },
  ],
};
