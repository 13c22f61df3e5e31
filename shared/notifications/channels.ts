/** The notifications centre: what needs action (the bell), and the kinds a user muted. */
export const notificationChannels = ['notifications.list', 'notifications.setMuted'] as const;
