import { IconHistory } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** The audit log viewer: the navigation bar's links (a link shows when the role may call its channel). */
export const auditNavigation: NavGroup = {
  group: 'auth.nav.group',
  items: [{ to: routes.audit, label: 'audit.navTitle', icon: IconHistory, channel: 'audit.list' }],
};
