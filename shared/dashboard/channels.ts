/** The home page's figures. */
export const dashboardChannels = ['dashboard.summary'] as const;
