/** The exhibition's printed outputs: the catalog (preview, PDF as a job) and the wall labels. */
export const catalogChannels = ['catalog.preview', 'catalog.export', 'catalog.labels'] as const;
