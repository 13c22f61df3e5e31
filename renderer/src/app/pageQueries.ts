import type { Query, QueryCache, QueryClient, QueryKey } from '@tanstack/react-query';
import type { ChannelName } from '../../../shared/channels';
import type { ChannelInput } from '../../../shared/contract';
import { call } from '../api';

// A page asks for its data only once it has rendered; on a slow PC that render takes as long
// as the data. So the shell remembers what each page read when it opened, and the next
// click on its link asks for the same again at once: the data and the page's code travel
// together. Nothing is shown older than before: the page still fetches what it needs (a
// query already on its way is shared), and what the click fetched counts as current only
// while the page opens (CLICK_FRESH_MS).

/** How long after a page opens the queries it reads count as its own (the ones its link asks for next time). */
const OPENING_MS = 1500;
/** What a link's click fetched is current for this long: the page that opens with it does not ask again. */
const CLICK_FRESH_MS = 1000;
/** How long a click waits at the most for what its link asked for before its page is drawn (with what the cache has). */
const WAIT_MS = 200;

/** What each page (by address) read when it opened last. */
const readOnOpening = new Map<string, QueryKey[]>();
/** When a link's click asked for each query (by hash). */
const askedOnClick = new Map<string, number>();
let opening: { until: number; keys: Map<string, QueryKey> } | undefined;

/**
 * The queries' staleTime: 0 (every page asks main again when it opens), except data that
 * arrived after the click that opened the page, current for CLICK_FRESH_MS.
 */
export function pageStaleTime(query: Query): number {
  const asked = askedOnClick.get(query.queryHash);
  return asked !== undefined && query.state.dataUpdatedAt >= asked ? CLICK_FRESH_MS : 0;
}

/** Listens to the cache: the queries a page starts reading while it opens (enabled ones) are recorded as that page's. */
export function watchPageQueries(cache: QueryCache): void {
  cache.subscribe((event) => {
    if (opening && event.type === 'observerAdded' && event.query.isActive() && performance.now() < opening.until) {
      opening.keys.set(event.query.queryHash, event.query.queryKey);
    }
  });
}

/**
 * The shell shows the page at `path` (called before the page's queries start: a layout
 * effect): what it reads in the next moments is recorded as its own.
 */
export function pageOpened(path: string): () => void {
  const keys = new Map<string, QueryKey>();
  const until = performance.now() + OPENING_MS;
  opening = { until, keys };
  // Kept when the window closes or the page is left (a page left before reading anything keeps what it read last time).
  const keep = () => {
    if (keys.size > 0) readOnOpening.set(path, [...keys.values()]);
  };
  const timer = setTimeout(keep, OPENING_MS);
  return () => {
    clearTimeout(timer);
    if (performance.now() < until) keep();
  };
}

/**
 * A link to `path` was clicked: what that page read when it opened last is asked for now (if
 * stale). Resolves once it has arrived, or after WAIT_MS at the most: the link opens its page
 * then (navigateTo), which is drawn once, with this data. A page drawn before its data arrives
 * (with what the cache had) is drawn a second time, whole, when it comes.
 */
export function refreshPage(client: QueryClient, path: string): Promise<void> {
  const asked: Promise<unknown>[] = [];
  for (const queryKey of readOnOpening.get(path) ?? []) {
    const [name, input] = queryKey as [ChannelName, ChannelInput<ChannelName>];
    const query = client.getQueryCache().find({ queryKey, exact: true });
    if (query?.state.fetchStatus !== 'idle') continue; // gone from the cache, or already on its way
    askedOnClick.set(query.queryHash, Date.now());
    // Asked only if stale (as the page would): the session and the app's facts keep their own staleTime.
    asked.push(client.query({ queryKey, queryFn: () => call(name, input) }).catch(() => undefined)); // the page shows the refusal
  }
  if (asked.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, WAIT_MS);
    void Promise.all(asked).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
