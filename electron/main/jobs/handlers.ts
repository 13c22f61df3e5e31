import type { Handlers } from '../ipc/context';
import { AppError } from '../ipc/errors';

type JobHandlers = Pick<Handlers, 'jobs.status' | 'jobs.cancel'>;

const unknownJob = () => new AppError('not_found', 'import.jobs.notFound');

export const jobHandlers: JobHandlers = {
  'jobs.status': async ({ id }, ctx) => ctx.jobs.status(id) ?? Promise.reject(unknownJob()),
  'jobs.cancel': async ({ id }, ctx) => ctx.jobs.cancel(id) ?? Promise.reject(unknownJob()),
};
