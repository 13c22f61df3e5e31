import type { SessionUser } from '../../../shared/auth/schemas';
import { useApiQuery } from '../api';

// The session alone, without the channel table (components/session.ts): the screens before
// signing in read it, and they must not wait for every channel's schemas.

/** The session as main knows it (auth.status); AuthGate keeps it fresh. */
export function useSession() {
  return useApiQuery('auth.status', {});
}

/** The signed-in user, or null. */
export function useUser(): SessionUser | null {
  return useSession().data?.user ?? null;
}
