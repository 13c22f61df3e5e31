export const jobChannels = ['jobs.status', 'jobs.cancel'] as const;
