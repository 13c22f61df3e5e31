import { channel, NoInput, type ChannelDef } from '../ipc';
import type { dashboardChannels } from './channels';
import { DashboardCharts, DashboardSummary } from './schemas';

export const dashboardContract = {
  'dashboard.summary': channel('query', NoInput, DashboardSummary),
  'dashboard.charts': channel('query', NoInput, DashboardCharts),
} satisfies { [K in (typeof dashboardChannels)[number]]: ChannelDef };
