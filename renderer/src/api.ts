import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { ChannelName } from '../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import type { ApiError } from '../../shared/ipc';
import { invalidateAfter } from './app/domains';

/** The one rule of what a write refreshes, for the writes made outside useApiMutation (app/domains.ts). */
export { invalidateAfter };

/** A refusal from main, already in the user's language. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Told when main answers that nobody is signed in or the session is locked (features/auth/AuthGate.tsx listens). */
const sessionListeners = new Set<() => void>();
export function onSessionLost(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => void sessionListeners.delete(listener);
}

/** Calls one channel through window.api and unwraps its Result. */
export async function call<K extends ChannelName>(name: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  const result = await window.api[name](input);
  if (!result.ok) {
    if (result.error.code === 'unauthenticated' || result.error.code === 'locked') for (const l of sessionListeners) l();
    throw new ApiCallError(result.error);
  }
  return result.data;
}

/** A read channel, through the renderer's cache: its key [channel, input] is all the cache's own query function needs (app/queryClient.ts). */
export function useApiQuery<K extends ChannelName>(
  name: K,
  input: ChannelInput<K>,
  options: Omit<UseQueryOptions<ChannelOutput<K>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ChannelOutput<K>, ApiCallError>({ queryKey: [name, input], ...options });
}

/**
 * A write or action channel. After success the queries it may have changed are refetched
 * (invalidateAfter), so lists, counts and the dashboard show what is in the database. Query
 * keys are [channel, input].
 */
export function useApiMutation<K extends ChannelName>(name: K) {
  const client = useQueryClient();
  return useMutation<ChannelOutput<K>, ApiCallError, ChannelInput<K>>({
    mutationFn: (input) => call(name, input),
    onSuccess: () => invalidateAfter(client, name),
  });
}
