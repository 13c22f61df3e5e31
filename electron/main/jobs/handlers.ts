import type { jobChannels } from '../../../shared/jobs/channels';
import type { DomainHandlers } from '../ipc/context';
import { AppError } from '../ipc/errors';

type JobChannel = (typeof jobChannels)[number];

const unknownJob = () => new AppError('not_found', 'import.jobs.notFound');

export const jobHandlers: DomainHandlers<JobChannel> = {
  'jobs.status': async ({ id }, ctx) => ctx.jobs.status(id) ?? Promise.reject(unknownJob()),
  'jobs.cancel': async ({ id }, ctx) => ctx.jobs.cancel(id) ?? Promise.reject(unknownJob()),
};
