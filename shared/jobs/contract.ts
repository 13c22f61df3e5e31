import { channel, type ChannelDef } from '../ipc';
import type { jobChannels } from './channels';
import { JobRef, JobStatus } from './schemas';

export const jobContract = {
  'jobs.status': channel('query', JobRef, JobStatus),
  'jobs.cancel': channel('action', JobRef, JobStatus),
} satisfies { [K in (typeof jobChannels)[number]]: ChannelDef };
