import { createElement, isValidElement, use, type ComponentType, type ReactNode } from 'react';

type Loader = () => Promise<unknown>;

/** Every page module's loader, so the shell can fetch them all once the first screen is up. */
const loaders: Loader[] = [];
/** Each lazy page's loader, so a link can fetch its page's code before it is clicked. */
const loaderOf = new WeakMap<object, Loader>();
/** The lazy pages whose code has arrived. */
const loadedPages = new WeakSet<object>();

/**
 * A page (or dashboard section) loaded on demand, in its own chunk: the sign-in screen and
 * the shell never wait for it. `name` is the module's named export.
 *   const ContractsPage = lazyPage(() => import('./contracts/ContractsPage'), 'ContractsPage');
 * Once its code has arrived (fetched in the background, prefetchPages), the page is drawn at
 * once, the first time too. React.lazy would suspend for a moment even then, its first time
 * (the module's promise settles a microtask later): the main area showed its fallback, and
 * React revealed the page no sooner than 300 ms after it (its throttle on retries after a
 * fallback). Code still on its way suspends the render (`use`) until it arrives, as lazy did.
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K): ComponentType {
  let pending: Promise<M> | undefined;
  let loaded: M | undefined;
  const once = () =>
    (pending ??= load().then(
      (m) => {
        loaded = m;
        loadedPages.add(Page);
        return m;
      },
      (err: unknown) => {
        pending = undefined; // a failed fetch is tried again on the next visit
        throw err;
      },
    ));
  loaders.push(once);
  function Page() {
    return createElement((loaded ?? use(once()))[name]);
  }
  Page.displayName = name;
  loaderOf.set(Page, once);
  return Page;
}

/** Fetches the code of the page a route's element shows (when a pointer or the keyboard reaches its link). */
export function preloadPage(element: ReactNode): void {
  const load = isValidElement(element) && typeof element.type !== 'string' ? loaderOf.get(element.type) : undefined;
  void load?.().catch(() => undefined); // fetched again when the page is opened
}

/** Whether the code of the page a route's element shows has arrived (a page that is not lazy has always; no element: unknown, so no). */
export function pageLoaded(element: ReactNode): boolean {
  if (!isValidElement(element)) return false;
  return typeof element.type === 'string' || !loaderOf.has(element.type) || loadedPages.has(element.type);
}

/** How many page chunks are fetched at once in the background. */
const PREFETCH_AT_ONCE = 4;

/**
 * Fetches every page's chunk in the background, a few at a time (the first screen is up and
 * the user is signed in): a click on the navigation then waits only for the page's data.
 */
export async function prefetchPages(): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < loaders.length) {
      const load = loaders[next++]!;
      await load().catch(() => undefined); // fetched again when the page is opened
    }
  };
  await Promise.all(Array.from({ length: PREFETCH_AT_ONCE }, worker));
}
