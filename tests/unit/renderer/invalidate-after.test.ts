import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { invalidateAfter } from '../../../renderer/src/app/domains';

/**
 * The writes made outside useApiMutation (an import job's end, a movement refused because the
 * instruments changed meanwhile, a stocktake's queue of scans) refresh through the same rule as
 * every other write (renderer/src/app/domains.ts): what the write may have changed, not the rest.
 */
const clients: QueryClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.clear();
});

/** A cache holding one settled answer per channel, none of them stale. */
function cacheWith(channels: string[]): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  clients.push(client);
  for (const c of channels) client.setQueryData([c, {}], []);
  return client;
}

const stale = (client: QueryClient, channel: string) => client.getQueryState([channel, {}])?.isInvalidated ?? false;

describe('invalidateAfter', () => {
  it('a stocktake scan refreshes the count, the instruments and the home page, not the artworks', async () => {
    const client = cacheWith(['stocktakes.get', 'instruments.get', 'dashboard.summary', 'audit.list', 'artworks.list']);
    await invalidateAfter(client, 'stocktakes.count');
    expect(['stocktakes.get', 'instruments.get', 'dashboard.summary', 'audit.list'].filter((c) => !stale(client, c))).toEqual([]);
    expect(stale(client, 'artworks.list')).toBe(false);
  });

  it('a movement refreshes the instrument shown and the participants’ instruments, not the artworks', async () => {
    const client = cacheWith(['instruments.get', 'instruments.list', 'participants.instruments', 'artworks.list']);
    await invalidateAfter(client, 'instruments.move');
    expect(['instruments.get', 'instruments.list', 'participants.instruments'].filter((c) => !stale(client, c))).toEqual([]);
    expect(stale(client, 'artworks.list')).toBe(false);
  });

  it('an import run refreshes everything (it may create establishments)', async () => {
    const client = cacheWith(['instruments.list', 'establishments.list', 'artworks.list', 'events.list']);
    await invalidateAfter(client, 'import.run');
    expect(['instruments.list', 'establishments.list', 'artworks.list', 'events.list'].filter((c) => !stale(client, c))).toEqual([]);
  });
});
