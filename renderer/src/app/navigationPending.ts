import { useSyncExternalStore } from 'react';
import { useLocation, type DataRouter } from 'react-router';

/**
 * Whether a page switch is under way: the router has moved to another address while the
 * shell still shows the page being left (navigations are transitions, so the old page stays
 * on screen until the new one is ready). The shell marks that page busy and inert for that
 * moment, so that a click meant for the new page never lands on the old one.
 */
let followed: DataRouter | undefined;

/** Called once with the app's router (SignedInApp). */
export function followNavigation(router: DataRouter): void {
  followed = router;
}

/** Opens `to`, an address of the app, as the router's own links do (`replace`: instead of a new history entry). */
export function navigateTo(to: string, replace = false): void {
  void followed?.navigate(to, { replace });
}

const subscribe = (notify: () => void) => followed?.subscribe(notify) ?? (() => undefined);
const targetKey = () => followed?.state.location.key;

export function useNavigationPending(): boolean {
  const target = useSyncExternalStore(subscribe, targetKey);
  const shown = useLocation().key;
  return target !== undefined && target !== shown;
}
