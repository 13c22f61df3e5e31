/** The session hooks live in components/session.ts (every feature and the shell use them). */
export { canUse, useCan, useHasPermission, useSession, useUser } from '../../components/session';
