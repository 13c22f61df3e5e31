import { appChannels } from '../../../shared/app/channels';
import { auditChannels, authChannels, userChannels } from '../../../shared/auth/channels';
import { backupChannels } from '../../../shared/backups/channels';
import { catalogChannels } from '../../../shared/catalog/channels';
import type { ChannelName } from '../../../shared/channels';
import { budgetChannels, conformityChannels, contractChannels, teacherChannels } from '../../../shared/contracts/channels';
import { establishmentChannels } from '../../../shared/establishments/channels';
import { importChannels } from '../../../shared/import/channels';
import { consumableChannels, instrumentChannels, inventoryReportChannels, stocktakeChannels } from '../../../shared/instruments/channels';
import { artworkChannels, exhibitionChannels } from '../../../shared/internarte/channels';
import { jobChannels } from '../../../shared/jobs/channels';
import { officeChannels } from '../../../shared/office/channels';
import { programmeChannels } from '../../../shared/programmes/channels';

/** Each domain's channels, as shared/<domain>/channels.ts list them (audit apart from auth: every write adds to it). */
const domains = {
  app: appChannels,
  establishments: establishmentChannels,
  jobs: jobChannels,
  import: importChannels,
  instruments: [...instrumentChannels, ...stocktakeChannels, ...consumableChannels, ...inventoryReportChannels],
  contracts: [...teacherChannels, ...contractChannels, ...conformityChannels, ...budgetChannels],
  programmes: programmeChannels,
  auth: [...authChannels, ...userChannels],
  audit: auditChannels,
  backups: backupChannels,
  catalog: catalogChannels,
  internarte: [...artworkChannels, ...exhibitionChannels],
  office: officeChannels,
} satisfies Record<string, readonly ChannelName[]>;

type Domain = keyof typeof domains;

/**
 * THE dependency map: after a successful write (or action) on a channel of domain D, the
 * queries of D and of `dependents[D]` are refetched — and always the home page's figures
 * (app: dashboard.summary, app.info) and the audit log (every write leaves an entry).
 * 'all': everything may have changed or become visible/invisible (establishments feed every
 * picker and list; who is signed in, their role and scope; a restored or moved database; the
 * interface's language; an import). When unsure, a domain depends on more, never on less:
 * a clerk must never see stale data after a write.
 */
const dependents: Record<Domain, readonly Domain[] | 'all'> = {
  app: 'all', // demo.load, app.setLocale
  establishments: 'all',
  import: 'all', // creates establishments or instruments
  jobs: 'all', // cancelling an import or export job
  auth: 'all', // sign-in, users' roles, scopes and accounts
  backups: 'all', // a restore replaces everything
  office: 'all', // another database or attachments' place
  // Movements change participants' instruments (programmes) and purchases the budget (contracts).
  instruments: ['programmes', 'contracts'],
  // Budget lines feed the programmes' reports.
  contracts: ['programmes'],
  // Participants are custodians of instruments and artists of works; partners lend to exhibitions.
  programmes: ['instruments', 'internarte'],
  // Exhibitions show on partners' pages and works on participants'.
  internarte: ['programmes'],
  catalog: ['internarte'],
  audit: [],
};

const domainOf = new Map<string, Domain>(
  (Object.entries(domains) as Array<[Domain, readonly ChannelName[]]>).flatMap(([domain, channels]) =>
    channels.map((c) => [c, domain] as const),
  ),
);

/** The channels whose queries a successful call of `written` may have changed, or 'all'. */
export function staleAfter(written: ChannelName): ReadonlySet<ChannelName> | 'all' {
  const domain = domainOf.get(written);
  if (!domain) return 'all';
  const more = dependents[domain];
  if (more === 'all') return 'all';
  return new Set([domain, ...more, 'app', 'audit'].flatMap((d) => domains[d as Domain]));
}
