import { IconShieldLock } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';

/** What is kept about whom, and why: the navigation bar's links (a link shows when the role may call its channel). */
export const privacyNavigation: NavGroup = {
  group: 'nav.general',
  items: [{ to: routes.privacy, label: 'privacy.navTitle', icon: IconShieldLock }],
};
