import { IconReportAnalytics } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** Inventory reports: the navigation bar's links (a link shows when the role may call its channel). */
export const inventoryReportsNavigation: NavGroup = {
  group: 'inventory.nav.group',
  items: [
    { to: routes.inventoryReports, label: 'inventory.reports.navTitle', icon: IconReportAnalytics, channel: 'inventory.reportByCondition' },
  ],
};
