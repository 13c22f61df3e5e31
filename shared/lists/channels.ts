/** The tools every list shares: its saved views (per user), and its export for the lists that have no export of their own. */
export const listChannels = ['lists.views', 'lists.saveView', 'lists.removeView', 'lists.export'] as const;
