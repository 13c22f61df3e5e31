import { IconPackage } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** Consumables and their minimums: the navigation bar's links (a link shows when the role may call its channel). */
export const consumablesNavigation: NavGroup = {
  group: 'inventory.nav.group',
  items: [{ to: routes.consumables, label: 'inventory.consumables.navTitle', icon: IconPackage, channel: 'consumables.stock' }],
};
