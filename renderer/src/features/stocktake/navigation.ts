import { IconClipboardCheck } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** Physical inventories: the navigation bar's links (a link shows when the role may call its channel). */
export const stocktakeNavigation: NavGroup = {
  group: 'inventory.nav.group',
  items: [{ to: routes.stocktakes, label: 'inventory.stocktake.navTitle', icon: IconClipboardCheck, channel: 'stocktakes.list' }],
};
