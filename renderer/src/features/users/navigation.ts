import { IconUsers } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** User accounts and roles: the navigation bar's links (a link shows when the role may call its channel). */
export const usersNavigation: NavGroup = {
  group: 'auth.nav.group',
  items: [{ to: routes.users, label: 'users.navTitle', icon: IconUsers, channel: 'users.list' }],
};
