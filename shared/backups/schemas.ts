import { z } from 'zod';
import { PersonalDataReason } from '../privacy/schemas';
import { requiredOr } from '../ipc';

/**
 * Why a backup was made. automatica: the daily one (kept 7 days, then one a week for 4
 * weeks and one a month for 12 months); manual: "Crear copia de seguridad"; the others
 * precede a migration or a restore.
 */
export const backupReasons = ['automatica', 'manual', 'antes-de-restaurar', 'antes-de-migrar'] as const;
export const BackupReason = z.enum(backupReasons);
export type BackupReason = z.infer<typeof BackupReason>;

/** Which rotation slots keep an automatic backup. */
export const retentionSlots = ['diaria', 'semanal', 'mensual'] as const;
export type RetentionSlot = (typeof retentionSlots)[number];

/** A backup folder's name: what the renderer may name for a restore (no paths). */
export const BackupName = z
  .string({ error: requiredOr('errors.invalid') })
  .min(1, 'errors.required')
  .max(120)
  .regex(/^arteinpe-[0-9]{8}-[0-9]{6}-[a-z-]+(-[0-9]+)?$/, 'errors.invalid');

export const BackupInfo = z.object({
  name: z.string(),
  reason: BackupReason,
  createdAt: z.string(),
  databaseBytes: z.number().int().nonnegative(),
  attachmentFiles: z.number().int().nonnegative(),
  attachmentBytes: z.number().int().nonnegative(),
  /** For an automatic backup: the rotation slots that keep it. */
  keptAs: z.array(z.enum(retentionSlots)),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const networkShareKinds = ['unc', 'mapped', 'remote'] as const;

export const BackupsOverview = z.object({
  dataPath: z.string(),
  backupDir: z.string(),
  /** The data folder is on a network share (UNC path, mapped network drive, remote file system): a warning. */
  networkShare: z.enum(networkShareKinds).nullable(),
  lastBackupAt: z.string().nullable(),
  backups: z.array(BackupInfo),
});
export type BackupsOverview = z.infer<typeof BackupsOverview>;

/**
 * local: into the app's backup folder; external: a folder the user chooses (a USB stick).
 * A backup that leaves the PC is a full copy of every person's data: it asks why, and main
 * logs it like every file with personal data (personal_data_exports) and audits it.
 */
export const BackupCreate = z.discriminatedUnion(
  'destination',
  [
    z.object({ destination: z.literal('local') }).strict(),
    z.object({ destination: z.literal('external'), reason: PersonalDataReason }).strict(),
  ],
  { error: requiredOr('errors.choose') },
);
export type BackupCreate = z.input<typeof BackupCreate>;

/** What a finished backup job answers. */
export const BackupDone = z.object({
  status: z.enum(['saved', 'cancelled']),
  path: z.string().nullable(),
  name: z.string().nullable(),
  databaseBytes: z.number().int().nonnegative(),
  attachmentFiles: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});
export type BackupDone = z.infer<typeof BackupDone>;

export const BackupRestore = z
  .object({
    source: z.discriminatedUnion(
      'kind',
      [z.object({ kind: z.literal('local'), name: BackupName }).strict(), z.object({ kind: z.literal('external') }).strict()],
      { error: 'errors.choose' },
    ),
    /** The user confirmed that the current data will be replaced (a copy of it is kept). */
    confirm: z.literal(true, { error: 'backups.errors.confirm' }),
  })
  .strict();
export type BackupRestore = z.input<typeof BackupRestore>;

export const RestoreReport = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({
    status: z.literal('restored'),
    /** The backup's name and when it was made. */
    restoredFrom: z.string(),
    backupCreatedAt: z.string(),
    /** The copy of the data as it was just before (in the backup folder). */
    safetyCopy: z.string(),
    databaseBytes: z.number().int().nonnegative(),
    attachmentsChecked: z.number().int().nonnegative(),
    attachmentsCopied: z.number().int().nonnegative(),
    /** Migrations run on the restored data (a backup from an older version of the app). */
    migrated: z.array(z.string()),
  }),
]);
export type RestoreReport = z.infer<typeof RestoreReport>;
