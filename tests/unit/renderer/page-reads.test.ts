import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pageOpened, pageStaleTime, refreshPage, watchPageQueries } from '../../../renderer/src/app/pageQueries';

/** main, as the renderer's cache asks it (queryClient.ts: the query function reads the key). */
const call = vi.fn();

/**
 * A navigation link asks for what its page read when it opened last (renderer/src/app/pageQueries.ts).
 * When the cache holds all of it and no write has touched it since, the page opens at once with
 * it while main is asked again; when a write has made it out of date, or the cache has let it
 * go (five minutes after the page was left), the page opens once the fresh data has arrived:
 * drawn once, with it, instead of with loaders or with what a write changed.
 */
describe('a navigation link asks for its page’s data before opening it', () => {
  let client: QueryClient;
  const teachers = (search: string): QueryKey => ['teachers.list', { search }];
  const rows = { rows: [{ id: 1, fullName: 'Rosa Quispe' }], total: 1 };

  /** The page at `path` opens and reads `key`, then is left. */
  async function visit(path: string, key: QueryKey): Promise<void> {
    const left = pageOpened(path);
    const observer = new QueryObserver(client, { queryKey: key, queryFn: () => call(...key) });
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
    left();
    unsubscribe();
  }

  /** main's next answer, held until the test gives it. */
  function heldAnswer(): (data: unknown) => void {
    let answer = (_: unknown) => undefined as void;
    call.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    return (data) => answer(data);
  }

  /** Clicks the link to `path`: the page must not open before main has answered (`reply`), then opens. */
  async function opensOnlyOnceAnswered(path: string, reply: () => void): Promise<void> {
    let opened = false;
    const wait = refreshPage(client, path);
    expect(wait).toBeDefined();
    const click = Promise.resolve(wait).then(() => (opened = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(opened).toBe(false);
    reply();
    await click;
  }

  beforeEach(() => {
    call.mockReset();
    client = new QueryClient({
      defaultOptions: { queries: { queryFn: ({ queryKey }) => call(...queryKey), retry: false, staleTime: pageStaleTime } },
    });
    watchPageQueries(client.getQueryCache());
  });

  it('asks again for what the cache has let go, and the page then opens with it without asking a second time', async () => {
    call.mockResolvedValue(rows);
    await visit('/docentes', teachers(''));
    expect(call).toHaveBeenCalledTimes(1);
    client.getQueryCache().clear(); // left longer ago than the cache keeps a page's data

    await refreshPage(client, '/docentes');
    expect(call).toHaveBeenCalledTimes(2);
    expect(call).toHaveBeenLastCalledWith('teachers.list', { search: '' });
    expect(client.getQueryData(teachers(''))).toEqual(rows);

    // The page that opens now finds its data current: it is drawn with it, and main is not asked again.
    const page = new QueryObserver(client, { queryKey: teachers(''), queryFn: () => call(...teachers('')) });
    const unsubscribe = page.subscribe(() => undefined);
    expect(page.getCurrentResult().data).toEqual(rows);
    await new Promise((r) => setTimeout(r, 20));
    expect(call).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('opens at once with what the clerk saw there last when no write has touched it, asking main again meanwhile', async () => {
    call.mockResolvedValue(rows);
    await visit('/docentes', teachers(''));
    const answer = heldAnswer();

    // Nothing to wait for: the link opens its page at once, before main answers.
    expect(refreshPage(client, '/docentes')).toBeUndefined();
    expect(call).toHaveBeenCalledTimes(2);
    expect(client.getQueryData(teachers(''))).toEqual(rows);
    const changed = { rows: [...rows.rows, { id: 2, fullName: 'Luis Mamani' }], total: 2 };
    answer(changed);
    await vi.waitFor(() => expect(client.getQueryData(teachers(''))).toEqual(changed));
  });

  it('waits for fresh data when a write has made what the cache holds out of date, asking once', async () => {
    call.mockResolvedValue(rows);
    await visit('/personal', ['staff.list', {}]);
    await client.invalidateQueries({ queryKey: ['staff.list'] }); // a write elsewhere (api.ts useApiMutation)
    const answer = heldAnswer();
    await opensOnlyOnceAnswered('/personal', () => answer({ rows: [], total: 0 }));
    expect(call).toHaveBeenCalledTimes(2);
    expect(client.getQueryData(['staff.list', {}])).toEqual({ rows: [], total: 0 });
  });

  it('waits for fresh data already on its way after a write instead of asking twice', async () => {
    call.mockResolvedValue(rows);
    const key: QueryKey = ['conformities.list', {}];
    await visit('/conformidades', key);
    const open = new QueryObserver(client, { queryKey: key, refetchOnMount: false }).subscribe(() => undefined); // shown elsewhere: refetched after the write
    const answer = heldAnswer();
    void client.invalidateQueries({ queryKey: key });
    await vi.waitFor(() => expect(call).toHaveBeenCalledTimes(2));
    await opensOnlyOnceAnswered('/conformidades', () => answer({ rows: [], total: 0 }));
    expect(call).toHaveBeenCalledTimes(2);
    open();
  });
});
