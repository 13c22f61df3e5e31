import { useSyncExternalStore } from 'react';
import { useLocation, type DataRouter } from 'react-router';

/**
 * Whether a page switch is under way: a link's click waits for its page's data, or the router
 * has moved to another address while the shell still shows the page being left (navigations
 * are transitions, so the old page stays on screen until the new one is ready). The shell
 * marks that page busy and inert for that moment, so that a click meant for the new page never
 * lands on the old one.
 */
let followed: DataRouter | undefined;

/** Called once with the app's router (SignedInApp). */
export function followNavigation(router: DataRouter): void {
  followed = router;
}

/** The latest click's number, and whether it still waits for what its link asked for (navigateTo's `ready`). */
let clicks = 0;
let waiting = false;
const waitingListeners = new Set<() => void>();
function setWaiting(value: boolean): void {
  waiting = value;
  for (const notify of waitingListeners) notify();
}

/**
 * Opens `to`, an address of the app, as the router's own links do (`replace`: instead of a new
 * history entry). With `ready` (the data the page will read, on its way): once it is there, so
 * the page is drawn once, with it; meanwhile the page being left counts as left (busy, inert).
 * Only the latest click opens its page. `codeReady`: the page's code has arrived, so it is drawn
 * at once, in one piece (flushSync), instead of as a transition that keeps the page being left on
 * screen and draws the new one in slices between frames (a fifth slower at the 95th percentile,
 * `npm run bench -- renderer`); a page whose code is still on its way opens as a transition.
 */
export function navigateTo(to: string, replace = false, ready?: Promise<unknown>, codeReady = false): void {
  const click = ++clicks;
  const options = codeReady ? { replace, flushSync: true } : { replace };
  if (!ready) {
    if (waiting) setWaiting(false);
    void followed?.navigate(to, options);
    return;
  }
  setWaiting(true);
  void ready.then(async () => {
    if (click !== clicks) return; // a later click decides
    try {
      await followed?.navigate(to, options);
    } finally {
      if (click === clicks) setWaiting(false);
    }
  });
}

const subscribe = (notify: () => void) => followed?.subscribe(notify) ?? (() => undefined);
const targetKey = () => followed?.state.location.key;
const subscribeWaiting = (notify: () => void) => {
  waitingListeners.add(notify);
  return () => void waitingListeners.delete(notify);
};
const isWaiting = () => waiting;

export function useNavigationPending(): boolean {
  const target = useSyncExternalStore(subscribe, targetKey);
  const clicked = useSyncExternalStore(subscribeWaiting, isWaiting);
  const shown = useLocation().key;
  return clicked || (target !== undefined && target !== shown);
}
