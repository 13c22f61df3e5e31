import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** Every page module's loader, so the shell can fetch them all once the first screen is up. */
const loaders: Array<() => Promise<unknown>> = [];

/**
 * A page (or dashboard section) loaded on demand, in its own chunk: the sign-in screen and
 * the shell never wait for it. `name` is the module's named export.
 *   const ContractsPage = lazyPage(() => import('./contracts/ContractsPage'), 'ContractsPage');
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  let pending: Promise<M> | undefined;
  const once = () =>
    (pending ??= load().catch((err: unknown) => {
      pending = undefined; // a failed fetch is tried again on the next visit
      throw err;
    }));
  loaders.push(once);
  return lazy(() => once().then((m) => ({ default: m[name] })));
}

/**
 * Fetches every page's chunk in the background, one after another (the first screen is up
 * and the user is signed in): a click on the navigation then waits only for the page's data.
 */
export async function prefetchPages(): Promise<void> {
  for (const load of loaders) {
    try {
      await load();
    } catch {
      // Fetched again when the page is opened.
    }
  }
}
