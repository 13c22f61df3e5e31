import type { SessionUser } from '../../../shared/auth/schemas';
import { mayCall, mayExportList, roleHas, type Permission } from '../../../shared/auth/permissions';
import type { ChannelName } from '../../../shared/channels';
import { contract } from '../../../shared/contract';
import { importTargets } from '../../../shared/import/schemas';
import { centreOnlyAtSite } from '../../../shared/sites/site-writes';
import { useUser } from './sessionState';

export { useSession, useUser } from './sessionState';

/**
 * Whether a user may call a channel: the same tables main enforces (shared/auth/permissions.ts;
 * at a prison site, shared/sites/site-writes.ts). The renderer uses it only to hide what a user
 * cannot use.
 */
export const canUse = (user: SessionUser | null | undefined, channel: ChannelName): boolean =>
  !!user &&
  mayCall(user.role, channel, contract[channel].kind, importTargets) &&
  !(user.atSite && centreOnlyAtSite(channel, contract[channel].kind, {}));

/** Whether the signed-in user may export this list through lists.export. */
export function useCanExportList(list: string): boolean {
  const user = useUser();
  return !!user && mayExportList(user.role, list);
}

export function useCan(channel: ChannelName): boolean {
  return canUse(useUser(), channel);
}

export function useHasPermission(permission: Permission): boolean {
  const user = useUser();
  return !!user && roleHas(user.role, permission);
}
