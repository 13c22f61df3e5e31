import type { Feature } from '../../app/feature';

export { AuthGate } from './AuthGate';
export { UserMenu } from './UserMenu';
export { rememberRestore } from './restoreNotice';

/** Signing in, the lock screen and the session: no page of its own (AuthGate wraps the app). */
export const authFeature: Feature = { routes: [], navigation: undefined, dashboard: undefined };
