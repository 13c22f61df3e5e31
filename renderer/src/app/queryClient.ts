import { QueryClient } from '@tanstack/react-query';
import type { ChannelName } from '../../../shared/channels';
import type { ChannelInput } from '../../../shared/contract';
import { call } from '../api';
import { pageStaleTime, watchPageQueries } from './pageQueries';

/**
 * The renderer's one query cache (App provides it). Query keys are [channel, input] (api.ts),
 * which is all the cache needs to ask main again (queryFn: a navigation link's click asks for
 * what its page read last, pageQueries.ts). Every page asks main again when it opens
 * (pageStaleTime: 0, except what its link's click has just fetched for it); a write refetches
 * what it may have changed (app/domains.ts).
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      queryFn: ({ queryKey }) => call(...(queryKey as [ChannelName, ChannelInput<ChannelName>])),
      refetchOnWindowFocus: true,
      retry: false,
      staleTime: pageStaleTime,
    },
    mutations: { retry: false },
  },
});
watchPageQueries(queryClient.getQueryCache());
// Switching pages remounts what reads the session and the app's facts; neither changes by
// itself: a write invalidates them (app/domains.ts), AuthGate refreshes the session on its
// 30-second tick and whenever main refuses a call, and main checks the session on every call.
queryClient.setQueryDefaults(['auth.status'], { staleTime: 30_000 });
queryClient.setQueryDefaults(['app.info'], { staleTime: Infinity });

/**
 * The first screen waits for two answers (who is signed in; the app's facts and language):
 * they are asked as soon as this module runs, while the rest of the code is still being
 * evaluated, instead of after React's first render. main.tsx imports this module first. The
 * queries then find them in the cache or on their way (the same keys as useApiQuery).
 */
for (const name of ['auth.status', 'app.info'] as const satisfies readonly ChannelName[]) {
  queryClient.query({ queryKey: [name, {}] }).catch(() => undefined); // AuthGate shows the refusal
}
