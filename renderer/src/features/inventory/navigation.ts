import {
  IconArrowBackUp,
  IconCategory,
  IconClipboardCheck,
  IconClockExclamation,
  IconLinkOff,
  IconPackage,
  IconPiano,
  IconReportAnalytics,
} from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';
import { custodyPaths } from './paths';

/**
 * The inventory: instruments and their types, the loans past due, the instruments to recover and
 * the custodians to link, physical inventories, consumables and reports (a link shows when the
 * role may call its channel).
 */
export const inventoryNavigation: NavGroup = {
  group: 'inventory.nav.group',
  items: [
    { to: routes.instruments, label: 'inventory.nav.instruments', icon: IconPiano, channel: 'instruments.list' },
    { to: routes.instrumentTypes, label: 'inventory.nav.types', icon: IconCategory, channel: 'instrumentTypes.list' },
    { to: custodyPaths.overdue, label: 'inventory.custody.nav.overdue', icon: IconClockExclamation, channel: 'custody.overdue' },
    { to: custodyPaths.recoveries, label: 'inventory.custody.nav.recoveries', icon: IconArrowBackUp, channel: 'custody.recoveries' },
    { to: custodyPaths.reviews, label: 'inventory.custody.nav.reviews', icon: IconLinkOff, channel: 'custody.reviews' },
    { to: routes.stocktakes, label: 'inventory.stocktake.navTitle', icon: IconClipboardCheck, channel: 'stocktakes.list' },
    { to: routes.consumables, label: 'inventory.consumables.navTitle', icon: IconPackage, channel: 'consumables.stock' },
    { to: routes.inventoryReports, label: 'inventory.reports.navTitle', icon: IconReportAnalytics, channel: 'inventory.reportByCondition' },
  ],
};
