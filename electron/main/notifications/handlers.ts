import type { notificationChannels } from '../../../shared/notifications/channels';
import type { DomainHandlers } from '../ipc/context';
import { signedInUserId as userIdOf } from '../auth/access';
import { remindersOf } from './reminders';
import { setMuted } from './repository';

/** The notifications centre: the signed-in user's reminders, and muting a kind (the user's own choice, audited). */
export const notificationHandlers: DomainHandlers<(typeof notificationChannels)[number]> = {
  'notifications.list': (_input, ctx) => remindersOf(ctx),

  'notifications.setMuted': async ({ kind, muted }, ctx) => {
    const userId = userIdOf(ctx);
    const changed = await setMuted(ctx.db, userId, kind, muted, ctx.now);
    await ctx.audit({ entity: 'notificationPrefs', entityId: userId, action: muted ? 'mute' : 'unmute', after: { kind, changed } });
    return remindersOf(ctx);
  },
};
