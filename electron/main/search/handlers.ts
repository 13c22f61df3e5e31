import type { Knex } from 'knex';
import type { ChannelName } from '../../../shared/channels';
import type { searchChannels } from '../../../shared/search/channels';
import { SEARCH_PER_KIND, searchKinds, type SearchFound, type SearchGroup, type SearchKind } from '../../../shared/search/schemas';
import { sessionMayCall } from '../auth/access';
import { searchContracts, searchTeachers } from '../contracts/repository/for-search';
import { searchStaff } from '../establishments/repository/for-search';
import { searchArtworks, searchExhibitions } from '../internarte/repository/for-search';
import { searchInstruments } from '../inventory/repository/for-search';
import type { DomainHandlers, Session } from '../ipc/context';
import {
  searchAgreements,
  searchEnsembles,
  searchEvents,
  searchParticipants,
  searchPartners,
  searchWorkshops,
} from '../programmes/repository/for-search';

type Finder = (db: Knex, session: Session, text: string, limit: number) => Promise<SearchFound>;

/**
 * Each kind: the channels that open its records (a role finds a kind only if it may call one
 * of them: the search shows nothing a role's pages would not) and the owner domain's finder,
 * which applies the establishment scope and what this session may see (participants' names,
 * artists' real names).
 */
const kinds: Record<SearchKind, { readers: readonly ChannelName[]; find: Finder }> = {
  instrument: { readers: ['instruments.list'], find: searchInstruments },
  // Participants' records open to the personal-data roles; roles that meet participants as custodians find them by code.
  participant: { readers: ['participants.list', 'custody.holdings'], find: searchParticipants },
  teacher: { readers: ['teachers.list'], find: (db, _s, text, limit) => searchTeachers(db, text, limit) },
  staff: { readers: ['staff.list'], find: searchStaff },
  ensemble: { readers: ['ensembles.list'], find: searchEnsembles },
  workshop: { readers: ['workshops.list'], find: searchWorkshops },
  contract: { readers: ['contracts.list'], find: searchContracts },
  artwork: { readers: ['artworks.list'], find: searchArtworks },
  exhibition: { readers: ['exhibitions.list'], find: (db, _s, text, limit) => searchExhibitions(db, text, limit) },
  event: { readers: ['events.list'], find: searchEvents },
  partner: { readers: ['partners.list'], find: (db, _s, text, limit) => searchPartners(db, text, limit) },
  agreement: { readers: ['agreements.list'], find: (db, _s, text, limit) => searchAgreements(db, text, limit) },
};

/** One search box over every register (Ctrl+K): the groups with something found, in the order of searchKinds. */
export const searchHandlers: DomainHandlers<(typeof searchChannels)[number]> = {
  'search.global': async ({ q }, ctx) => {
    const allowed = searchKinds.filter((k) => kinds[k].readers.some((c) => sessionMayCall(ctx.session, c)));
    const groups: SearchGroup[] = [];
    for (const kind of allowed) {
      const found = await kinds[kind].find(ctx.db, ctx.session, q, SEARCH_PER_KIND);
      if (found.hits.length > 0) groups.push({ kind, ...found });
    }
    return { groups };
  },
};
