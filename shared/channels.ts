import { appChannels } from './app/channels';
import { auditChannels } from './audit/channels';
import { authChannels } from './auth/channels';
import { backupChannels } from './backups/channels';
import { budgetChannels, conformityChannels, contractChannels, teacherChannels } from './contracts/channels';
import { dashboardChannels } from './dashboard/channels';
import { establishmentChannels } from './establishments/channels';
import { importChannels } from './import/channels';
import { artworkChannels, catalogChannels, exhibitionChannels } from './internarte/channels';
import { consumableChannels, custodyChannels, instrumentChannels, inventoryReportChannels, stocktakeChannels } from './inventory/channels';
import { jobChannels } from './jobs/channels';
import { officeChannels } from './office/channels';
import { programmeChannels } from './programmes/channels';
import { searchChannels } from './search/channels';
import { notificationChannels } from './notifications/channels';
import { listChannels } from './lists/channels';
import { userChannels } from './users/channels';
import { evaluationChannels } from './evaluation/channels';
import { siteChannels } from './sites/channels';

/**
 * THE domains of ArteINPE, once, each with every channel it answers. A domain's name is its
 * folder in shared/, electron/main/ and renderer/src/features/ (where it has one) and the
 * top-level key of its texts in shared/i18n; each lists its channels in
 * shared/<domain>/channels.ts. tests/unit/static/domains.test.ts holds every layer to this list;
 * main answers each domain from electron/main/<domain>/handlers.ts, and the renderer refetches
 * by domain after a write (renderer/src/app/domains.ts).
 */
export const domainChannels = {
  app: appChannels,
  dashboard: dashboardChannels,
  auth: authChannels,
  users: userChannels,
  audit: auditChannels,
  privacy: [],
  backups: backupChannels,
  office: officeChannels,
  jobs: jobChannels,
  import: importChannels,
  establishments: establishmentChannels,
  inventory: [...instrumentChannels, ...stocktakeChannels, ...consumableChannels, ...inventoryReportChannels, ...custodyChannels],
  contracts: [...teacherChannels, ...contractChannels, ...conformityChannels, ...budgetChannels],
  programmes: programmeChannels,
  internarte: [...artworkChannels, ...exhibitionChannels, ...catalogChannels],
  search: searchChannels,
  notifications: notificationChannels,
  lists: listChannels,
  evaluation: evaluationChannels,
  /** Prison sites working offline (issue 20): this installation's role, enrolling and installing a site. */
  sites: siteChannels,
} as const;

export type Domain = keyof typeof domainChannels;
/** The channels of one domain. */
export type DomainChannel<D extends Domain> = (typeof domainChannels)[D][number];
export type ChannelName = DomainChannel<Domain>;

export const domains = Object.keys(domainChannels) as Domain[];

/**
 * The names of every IPC channel, and nothing else: the preload and the browser harness
 * build window.api from this list without loading the schemas; contract.ts must define
 * exactly these (the compiler checks it).
 */
export const channelNames: readonly ChannelName[] = Object.values(domainChannels).flat();

const channelDomain = new Map<string, Domain>(domains.flatMap((d) => domainChannels[d].map((c): [string, Domain] => [c, d])));

/** The domain that answers a channel. */
export function domainOf(channel: ChannelName): Domain {
  return channelDomain.get(channel) as Domain;
}
