import type { Domain, DomainChannel } from '../../shared/channels';
import type { DomainHandlers, Handlers } from './ipc/context';
import { appHandlers } from './app/handlers';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { backupHandlers } from './backups/handlers';
import { contractsHandlers } from './contracts/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { establishmentHandlers } from './establishments/handlers';
import { importHandlers } from './import/handlers';
import { internarteHandlers } from './internarte/handlers';
import { inventoryHandlers } from './inventory/handlers';
import { jobHandlers } from './jobs/handlers';
import { officeHandlers } from './office/handlers';
import { privacyHandlers } from './privacy/handlers';
import { programmeHandlers } from './programmes/handlers';
import { searchHandlers } from './search/handlers';
import { notificationHandlers } from './notifications/handlers';
import { listHandlers } from './lists/handlers';
import { userHandlers } from './users/handlers';
import { evaluationHandlers } from './evaluation/handlers';
import { siteHandlers } from './sites/handlers';

/**
 * Each domain of shared/channels.ts with its handlers: a domain or a channel without them fails to
 * compile; a handler for a channel of another domain (one spread in from a sub-area's file) fails
 * tests/unit/static/domains.test.ts.
 */
export const byDomain: { [D in Domain]: DomainHandlers<DomainChannel<D>> } = {
  app: appHandlers,
  dashboard: dashboardHandlers,
  auth: authHandlers,
  users: userHandlers,
  audit: auditHandlers,
  privacy: privacyHandlers,
  backups: backupHandlers,
  office: officeHandlers,
  jobs: jobHandlers,
  import: importHandlers,
  establishments: establishmentHandlers,
  inventory: inventoryHandlers,
  contracts: contractsHandlers,
  programmes: programmeHandlers,
  internarte: internarteHandlers,
  search: searchHandlers,
  notifications: notificationHandlers,
  lists: listHandlers,
  evaluation: evaluationHandlers,
  sites: siteHandlers,
};

/** Every channel's handler. */
export const handlers: Handlers = Object.assign({}, ...Object.values(byDomain)) as Handlers;
