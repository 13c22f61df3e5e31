import { IconCoin, IconFileCertificate, IconReceipt, IconLinkOff, IconRosetteDiscountCheck, IconSchool } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { routes } from '../../app/routes';
import { contractPaths } from './paths';

/** The contracts group in the navigation bar; each page opens with the channel named. */
export const contractsNavigation: NavGroup = {
  group: 'contracts.nav.group',
  items: [
    { to: routes.teachers, label: 'contracts.nav.teachers', icon: IconSchool, channel: 'teachers.list' },
    { to: routes.contracts, label: 'contracts.nav.contracts', icon: IconFileCertificate, channel: 'contracts.list' },
    {
      to: contractPaths.workshopReviews,
      label: 'contracts.workshopLinks.reviews.navTitle',
      icon: IconLinkOff,
      channel: 'contracts.workshopReviews',
    },
    { to: routes.conformities, label: 'contracts.nav.conformities', icon: IconRosetteDiscountCheck, channel: 'conformities.list' },
    { to: routes.budget, label: 'contracts.nav.budget', icon: IconCoin, channel: 'budget.summary' },
    { to: contractPaths.expenses, label: 'contracts.nav.expenses', icon: IconReceipt, channel: 'budget.expenses' },
  ],
};
