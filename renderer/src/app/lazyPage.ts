import { isValidElement, lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

type Loader = () => Promise<unknown>;

/** Every page module's loader, so the shell can fetch them all once the first screen is up. */
const loaders: Loader[] = [];
/** Each lazy page's loader, so a link can fetch its page's code before it is clicked. */
const loaderOf = new WeakMap<object, Loader>();

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
  const page = lazy(() => once().then((m) => ({ default: m[name] })));
  loaderOf.set(page, once);
  return page;
}

/** Fetches the code of the page a route's element shows (when a pointer or the keyboard reaches its link). */
export function preloadPage(element: ReactNode): void {
  const load = isValidElement(element) && typeof element.type === 'object' ? loaderOf.get(element.type) : undefined;
  void load?.().catch(() => undefined); // fetched again when the page is opened
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

/**
 * Runs `task` once the page has been idle for a moment (`delayMs`, then the browser's next
 * idle period, at the latest `delayMs` + 1 s later). Returns what cancels it (an effect's cleanup).
 */
export function whenIdle(task: () => void, delayMs: number): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    idle = requestIdleCallback(task, { timeout: 1000 });
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
