import type { Query, QueryClient } from '@tanstack/react-query';
import { domainChannels, domainOf, type ChannelName, type Domain } from '../../../shared/channels';

/**
 * THE dependency map: after a successful write (or action) on a channel of domain D, the
 * queries of D and of `dependents[D]` are refetched — and always the home page's figures
 * (dashboard.summary, app.info), the audit log (every write leaves an entry) and the
 * notifications' bell (a write may settle or raise a reminder).
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
  auth: 'all', // sign-in, one's own password
  users: 'all', // users' roles, scopes and accounts
  backups: 'all', // a restore replaces everything
  office: 'all', // another database or attachments' place
  // Movements change participants' instruments (programmes) and purchases the budget (contracts).
  inventory: ['programmes', 'contracts', 'evaluation'],
  // Budget lines feed the programmes' reports.
  contracts: ['programmes', 'evaluation'],
  // Participants are custodians of instruments and artists of works; partners lend to exhibitions;
  // active participants are the programme's reach (establishments' population.reach); events and
  // workshops are what a budget expense was for (contracts).
  programmes: ['inventory', 'internarte', 'establishments', 'contracts', 'evaluation'],
  // Exhibitions show on partners' pages and works on participants', and budget expenses name them.
  internarte: ['programmes', 'contracts'],
  dashboard: [],
  audit: [],
  privacy: [],
  search: [], // reads only
  // Muting a kind changes only the bell; every write refreshes the bell anyway (below).
  notifications: [],
  // A user's saved views change nothing else.
  lists: [],
  // The evaluation page only reads; it is refreshed by the writes of the domains it reads (above).
  evaluation: [],
  // Prison sites (issue 20): installing a site fills a new database with a prison's data and
  // accounts (as auth.setupAdmin, it ends at the sign-in screen), and a package read
  // (sites.readPackage, an action: actions refresh as writes do, api.ts) brings every domain's
  // changes; an enrolment itself changes only the sites' own lists, but it is done
  // once per prison: refreshing everything after it costs nothing a clerk would notice.
  sites: 'all',
};

/** The channels whose queries a successful call of `written` may have changed, or 'all'. */
export function staleAfter(written: ChannelName): ReadonlySet<ChannelName> | 'all' {
  const domain = domainOf(written);
  const more = dependents[domain];
  if (more === 'all') return 'all';
  return new Set<ChannelName>(([domain, ...more, 'app', 'dashboard', 'audit', 'notifications'] as const).flatMap((d) => domainChannels[d]));
}

/**
 * Refetches the queries a successful call of `written` may have changed (staleAfter). Used by
 * every write of useApiMutation (api.ts, which exports it again) and by the writes made outside
 * it: an import job's end, a refusal that says the records changed meanwhile, a queue of scans.
 */
export async function invalidateAfter(client: QueryClient, written: ChannelName): Promise<void> {
  const stale = staleAfter(written);
  const filters = stale === 'all' ? {} : { predicate: (query: Query) => stale.has(query.queryKey[0] as ChannelName) };
  // A query still on its way may have been read before this write (a first load, which
  // invalidation alone would let finish): it is called off and asked again.
  await client.cancelQueries({ ...filters, fetchStatus: 'fetching' });
  await client.invalidateQueries(filters);
}
