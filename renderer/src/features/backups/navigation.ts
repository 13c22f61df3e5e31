import { IconDatabaseExport } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** Backups: the navigation bar's links (a link shows when the role may call its channel). */
export const backupsNavigation: NavGroup = {
  group: 'auth.nav.group',
  items: [{ to: routes.backups, label: 'backups.navTitle', icon: IconDatabaseExport, channel: 'backups.list' }],
};
