import { channel, NoInput, type ChannelDef } from '../ipc';
import { JobStarted } from '../jobs/schemas';
import type { backupChannels } from './channels';
import { BackupCreate, BackupRestore, BackupsOverview, RestoreReport } from './schemas';

/**
 * backups.create starts a job (progress, cancel) whose result is a BackupDone.
 * backups.restore checks the backup (integrity, SHA-256 of every file) before touching
 * anything, keeps a copy of the current data, restores, and signs the session out.
 */
export const backupContract = {
  'backups.list': channel('query', NoInput, BackupsOverview),
  'backups.create': channel('action', BackupCreate, JobStarted),
  'backups.restore': channel('action', BackupRestore, RestoreReport),
} satisfies { [K in (typeof backupChannels)[number]]: ChannelDef };
