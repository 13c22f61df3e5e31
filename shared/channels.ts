import { appChannels } from './app/channels';
import { establishmentChannels } from './establishments/channels';
import { importChannels } from './import/channels';
import { jobChannels } from './jobs/channels';
import { consumableChannels, instrumentChannels, inventoryReportChannels, stocktakeChannels } from './instruments/channels';
import { budgetChannels, conformityChannels, contractChannels, teacherChannels } from './contracts/channels';
import { programmeChannels } from './programmes/channels';
import { auditChannels, authChannels, userChannels } from './auth/channels';
import { backupChannels } from './backups/channels';
import { catalogChannels } from './catalog/channels';
import { artworkChannels, exhibitionChannels } from './internarte/channels';
import { officeChannels } from './office/channels';

/**
 * The names of every IPC channel, and nothing else: the preload and the browser harness
 * build window.api from this list without loading the schemas. Each domain lists its own
 * in shared/<domain>/channels.ts; contract.ts must define exactly these (the compiler checks it).
 */
export const channelNames = [
  ...appChannels,
  ...establishmentChannels,
  ...jobChannels,
  ...importChannels,
  ...instrumentChannels,
  ...stocktakeChannels,
  ...consumableChannels,
  ...inventoryReportChannels,
  ...teacherChannels,
  ...contractChannels,
  ...conformityChannels,
  ...budgetChannels,
  ...programmeChannels,
  ...authChannels,
  ...userChannels,
  ...auditChannels,
  ...backupChannels,
  ...catalogChannels,
  ...artworkChannels,
  ...exhibitionChannels,
  ...officeChannels,
] as const;

export type ChannelName = (typeof channelNames)[number];
