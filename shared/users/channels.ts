/** The administrator's user accounts. */
export const userChannels = ['users.list', 'users.create', 'users.update', 'users.setActive', 'users.resetPassword'] as const;
