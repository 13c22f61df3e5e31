import { IconCategory, IconClipboardCheck, IconPackage, IconPiano, IconReportAnalytics } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** The inventory: instruments and their types, physical inventories, consumables and reports (a link shows when the role may call its channel). */
export const inventoryNavigation: NavGroup = {
  group: 'inventory.nav.group',
  items: [
    { to: routes.instruments, label: 'inventory.nav.instruments', icon: IconPiano, channel: 'instruments.list' },
    { to: routes.instrumentTypes, label: 'inventory.nav.types', icon: IconCategory, channel: 'instrumentTypes.list' },
    { to: routes.stocktakes, label: 'inventory.stocktake.navTitle', icon: IconClipboardCheck, channel: 'stocktakes.list' },
    { to: routes.consumables, label: 'inventory.consumables.navTitle', icon: IconPackage, channel: 'consumables.stock' },
    { to: routes.inventoryReports, label: 'inventory.reports.navTitle', icon: IconReportAnalytics, channel: 'inventory.reportByCondition' },
  ],
};
