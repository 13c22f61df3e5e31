/** Backups: the automatic ones, one to a chosen folder (a USB stick), restore. */
export const backupChannels = ['backups.list', 'backups.create', 'backups.restore'] as const;
