import { auditFeature } from '../features/audit';
import { authFeature } from '../features/auth';
import { backupsFeature } from '../features/backups';
import { contractsFeature } from '../features/contracts';
import { dashboardFeature } from '../features/dashboard';
import { establishmentsFeature } from '../features/establishments';
import { evaluationFeature } from '../features/evaluation';
import { inventoryFeature } from '../features/inventory';
import { internarteFeature } from '../features/internarte';
import { privacyFeature } from '../features/privacy';
import { programmesFeature } from '../features/programmes';
import { searchFeature } from '../features/search';
import { sitesFeature } from '../features/sites';
import { notificationsFeature } from '../features/notifications';
import { officeFeature } from '../features/office';
import { usersFeature } from '../features/users';
import type { Feature, NavGroup } from './feature';

/**
 * Every feature of the renderer, once. The router's pages, the navigation bar (in this order,
 * features naming the same group sharing it) and the home page's sections come from this list.
 */
export const features: readonly Feature[] = [
  dashboardFeature,
  privacyFeature,
  establishmentsFeature,
  inventoryFeature,
  programmesFeature,
  evaluationFeature,
  contractsFeature,
  internarteFeature,
  usersFeature,
  auditFeature,
  backupsFeature,
  sitesFeature,
  officeFeature,
  authFeature,
  searchFeature,
  notificationsFeature,
];

/** The navigation bar: the features' groups in order, one heading per group name. */
export const navigation: readonly NavGroup[] = features.reduce<NavGroup[]>((groups, feature) => {
  const nav = feature.navigation;
  if (!nav) return groups;
  const same = groups.find((g) => g.group === nav.group);
  if (same) return groups.map((g) => (g === same ? { group: g.group, items: [...g.items, ...nav.items] } : g));
  return [...groups, { group: nav.group, items: nav.items }];
}, []);
