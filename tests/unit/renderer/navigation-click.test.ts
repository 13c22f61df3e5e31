import { describe, expect, it, vi } from 'vitest';
import type { DataRouter } from 'react-router';
import { followNavigation, navigateTo } from '../../../renderer/src/app/navigationPending';

/**
 * A click on a navigation link opens its page once what the page reads has arrived
 * (renderer/src/app/Shell.tsx, pageQueries.ts): the page is drawn once, with its data. A clerk
 * who clicks one link and then another must land on the second page, whichever data comes first.
 */
describe('a navigation link that waits for its data', () => {
  const router = () => {
    const navigate = vi.fn(() => Promise.resolve());
    followNavigation({ navigate, subscribe: () => () => undefined, state: { location: { key: 'k' } } } as unknown as DataRouter);
    return navigate;
  };
  const later = () => {
    let resolve = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('opens the page when its data has arrived, not before', async () => {
    const navigate = router();
    const data = later();
    navigateTo('/docentes', false, data.promise);
    await Promise.resolve();
    expect(navigate).not.toHaveBeenCalled();
    data.resolve();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/docentes', { replace: false }));
  });

  it('after two clicks opens only the second page, even when the first one’s data comes last', async () => {
    const navigate = router();
    const first = later();
    const second = later();
    navigateTo('/instrumentos', false, first.promise);
    navigateTo('/conformidades', false, second.promise);
    second.resolve();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/conformidades', { replace: false }));
    first.resolve();
    await new Promise((r) => setTimeout(r, 10));
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('a click after a waiting one opens its own page at once when it has nothing to wait for', async () => {
    const navigate = router();
    const first = later();
    navigateTo('/instrumentos', false, first.promise);
    navigateTo('/', true);
    expect(navigate).toHaveBeenCalledWith('/', { replace: true });
    first.resolve();
    await new Promise((r) => setTimeout(r, 10));
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('a page whose code has arrived is drawn at once (flushSync); one whose code is on its way opens as a transition', async () => {
    const navigate = router();
    const data = later();
    navigateTo('/docentes', false, data.promise, true);
    data.resolve();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/docentes', { replace: false, flushSync: true }));
    navigateTo('/contratos', false, undefined, false);
    expect(navigate).toHaveBeenLastCalledWith('/contratos', { replace: false });
  });
});
