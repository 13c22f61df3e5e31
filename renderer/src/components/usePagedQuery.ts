import { keepPreviousData } from '@tanstack/react-query';
import type { ChannelName } from '../../../shared/channels';
import type { ChannelInput } from '../../../shared/contract';
import { useApiQuery } from '../api';
import type { ListState } from './ListPage';
import { pageOf } from './ListTools';

/** What a paged list channel takes besides its filter (pageOf). */
type Paging = 'sort' | 'direction' | 'page' | 'pageSize';

/** The columns a paged list channel sorts by. */
type SortOf<K extends ChannelName> = ChannelInput<K> extends { sort?: infer S } ? Extract<S, string> : never;

/**
 * The page a server-side list page shows (useFilteredList's `list`): `filter` sent to `channel`
 * with the sort column (the table's when main sorts by it, one of `sortColumns`, else
 * `fallback`), its direction, the page and its size; the rows on screen stay while the next
 * page comes. Answers the query, all that was asked (`input`: an export asks the same) and the
 * sort column sent.
 */
export function usePagedQuery<K extends ChannelName>(
  channel: K,
  filter: Omit<ChannelInput<K>, Paging>,
  list: Pick<ListState<unknown>, 'sortBy' | 'page' | 'pageSize'> & { sortStatus: { direction: 'asc' | 'desc' } },
  sortColumns: readonly SortOf<K>[],
  fallback: SortOf<K>,
) {
  const sort = list.sortBy(sortColumns, fallback);
  const input = { ...filter, ...pageOf(list, sort) } as ChannelInput<K>;
  const query = useApiQuery(channel, input, { placeholderData: keepPreviousData });
  return { query, input, sort };
}
