import { mayExportList, roleHas, type Permission } from '../../../shared/auth/permissions';
import type { ChannelName } from '../../../shared/channels';
import { canUse } from './canUse';
import { useUser } from './sessionState';

export { useSession, useUser } from './sessionState';
export { canUse } from './canUse';

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
