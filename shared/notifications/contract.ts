import { channel, NoInput, type ChannelDef } from '../ipc';
import type { notificationChannels } from './channels';
import { NotificationList, SetMuted } from './schemas';

export const notificationContract = {
  'notifications.list': channel('query', NoInput, NotificationList),
  'notifications.setMuted': channel('write', SetMuted, NotificationList),
} satisfies { [K in (typeof notificationChannels)[number]]: ChannelDef };
