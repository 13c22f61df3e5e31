import { IconServer } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** Office mode: the database and the attachments' place: the navigation bar's links (a link shows when the role may call its channel). */
export const officeNavigation: NavGroup = {
  group: 'auth.nav.group',
  items: [{ to: routes.databaseSettings, label: 'office.page.nav', icon: IconServer, channel: 'office.database' }],
};
