import { mayCall } from '../../../shared/auth/permissions';
import type { SessionUser } from '../../../shared/auth/schemas';
import type { ChannelName } from '../../../shared/channels';
import { contract } from '../../../shared/contract';
import { importTargets } from '../../../shared/import/schemas';
import { centreOnlyAtSite } from '../../../shared/sites/site-writes';

/**
 * Whether a user may call a channel: the same tables main enforces (shared/auth/permissions.ts;
 * at a prison site, shared/sites/site-writes.ts). The renderer uses it only to hide what a user
 * cannot use.
 */
export const canUse = (user: SessionUser | null | undefined, channel: ChannelName): boolean =>
  !!user &&
  mayCall(user.role, channel, contract[channel].kind, importTargets) &&
  !(user.atSite && centreOnlyAtSite(channel, contract[channel].kind, {}));
