/** The home page's figures, and its small charts (issue 17, item 4). */
export const dashboardChannels = ['dashboard.summary', 'dashboard.charts'] as const;
