import { channel, NoInput, type ChannelDef } from '../ipc';
import type { dashboardChannels } from './channels';
import { DashboardSummary } from './schemas';

export const dashboardContract = {
  'dashboard.summary': channel('query', NoInput, DashboardSummary),
} satisfies { [K in (typeof dashboardChannels)[number]]: ChannelDef };
