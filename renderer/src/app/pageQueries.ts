import { hashKey, type Query, type QueryCache, type QueryClient, type QueryKey } from '@tanstack/react-query';

// A page asks for its data only once it has rendered; on a slow PC that render takes as long
// as the data. So the shell remembers what each page read when it opened, and the next
// click on its link asks for the same again at once: the data and the page's code travel
// together. Nothing a write has changed is shown: data a write made out of date (app/domains.ts
// invalidates it) is waited for; data no write has touched since is shown at once while main is
// asked again, and the page takes in what changed when it comes. The page still fetches what
// it needs (a query already on its way is shared), and what the click fetched counts as current
// only while the page opens (CLICK_FRESH_MS).

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
 * stale), also what the cache has let go since (a page left more than its gcTime ago, five
 * minutes). When the cache still holds all of it and no write has made any of it out of date,
 * answers nothing to wait for: the link opens its page at once (navigateTo) with what the clerk
 * saw there last, while main is asked again (the page takes in what changed, if anything, when
 * it comes: a page switch does not wait for main when nothing was written). Otherwise answers a
 * promise that resolves once it has arrived (what is already on its way included), or after
 * WAIT_MS at the most: the page is drawn once, with this data.
 */
export function refreshPage(client: QueryClient, path: string): Promise<void> | undefined {
  const asked: Promise<unknown>[] = [];
  let current = true; // nothing recorded: nothing to wait for
  for (const queryKey of readOnOpening.get(path) ?? []) {
    const held = client.getQueryCache().find({ queryKey, exact: true })?.state;
    if (held?.status !== 'success' || held.isInvalidated) current = false; // never fetched, gone, refused, or written since
    askedOnClick.set(hashKey(queryKey), Date.now());
    // Asked only if stale (as the page would), with the cache's own query function (queryClient.ts):
    // the session and the app's facts keep their own staleTime. A query on its way is not asked
    // twice: its answer is waited for.
    asked.push(client.query({ queryKey }).catch(() => undefined)); // the page shows the refusal
  }
  if (current) return undefined;
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, WAIT_MS);
    void Promise.all(asked).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
