import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
  type TextProps,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconDatabaseExport, IconDeviceFloppy, IconHistory, IconRestore, IconUsb } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupDone, BackupInfo } from '../../../../shared/backups/schemas';
import { formatDateTime } from '../../../../shared/format';
import { ApiCallError, call, useApiQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { FormModal } from '../../components/FormModal';
import { SavedFileNote } from '../../components/files';
import { PageHeader } from '../../components/PageHeader';
import { useJobStatus } from '../../components/useJobStatus';
import { useRecordForm } from '../../components/useRecordForm';
import { rememberRestore } from '../auth';
import { askPersonalDataReason } from '../../components/PersonalDataReason';
import { formatNumber } from '../../components/numbers';

/** Bytes as the office reads them: "12,3 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${formatNumber(v, locale, i === 0 ? 0 : 1)} ${units[i]}`;
}

type RestoreTarget = { kind: 'local'; backup: BackupInfo } | { kind: 'external' };

/** One fact about the backups in a small card: what it is, and its value under it. */
function FactCard({ label, children, ...props }: TextProps & { label: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" {...props}>
        {children}
      </Text>
    </Card>
  );
}

/** Backups: where the data is, the automatic ones, one to a USB stick, restore. */
export function BackupsPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const overview = useApiQuery('backups.list', {});
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJobStatus(jobId);
  const [saved, setSaved] = useState<BackupDone | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<RestoreTarget | null>(null);
  const [busy, setBusy] = useState(false);
  // The box is ticked again for each restore, never left ticked from the previous one.
  const confirmation = useRecordForm({
    opened: restoring !== null,
    recordKey: restoring?.kind === 'local' ? restoring.backup.name : restoring?.kind,
    values: () => ({ confirmed: false }),
  });
  const size = (n: number) => formatBytes(n, i18n.language);

  const start = async (destination: 'local' | 'external') => {
    setError(null);
    setSaved(null);
    // A copy to a chosen folder (a USB stick) carries everyone's personal data: why, first.
    const reason = destination === 'external' ? await askPersonalDataReason(t, t('backups.externalReasonWhat')) : null;
    if (destination === 'external' && reason === null) return;
    try {
      const input = destination === 'external' ? { destination, reason: reason ?? '' } : { destination };
      setJobId((await call('backups.create', input)).jobId);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  // A finished job: where the backup went, or why it did not.
  const refetch = overview.refetch;
  useEffect(() => {
    if (!job || job.state === 'running' || !jobId) return;
    setJobId(null);
    if (job.state === 'done') {
      const r = job.result as BackupDone;
      if (r.status === 'saved') setSaved(r);
      else setError(t('backups.cancelled'));
      void refetch();
    } else setError(job.error?.message ?? t('app.unexpected'));
  }, [job, jobId, refetch, t]);

  const restore = async () => {
    if (!restoring) return;
    setBusy(true);
    setError(null);
    try {
      const source = restoring.kind === 'local' ? { kind: 'local' as const, name: restoring.backup.name } : { kind: 'external' as const };
      const report = await call('backups.restore', { source, confirm: true });
      setRestoring(null);
      if (report.status === 'restored') {
        // The session ended with the restore: the sign-in screen tells what was done.
        rememberRestore(report);
        await client.resetQueries();
      }
    } catch (err) {
      setRestoring(null);
      setError(err instanceof ApiCallError ? err.error.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const o = overview.data;
  const percent = job && job.total > 0 ? Math.round((100 * job.done) / job.total) : 0;

  return (
    <>
      <PageHeader
        title={t('backups.title')}
        subtitle={t('backups.subtitle')}
        actions={
          <>
            <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => void start('local')} disabled={!!jobId}>
              {t('backups.createLocal')}
            </Button>
            <Tooltip label={t('backups.createExternalHint')}>
              <Button leftSection={<IconUsb size={16} />} onClick={() => void start('external')} disabled={!!jobId}>
                {t('backups.createExternal')}
              </Button>
            </Tooltip>
          </>
        }
      />
      <Stack gap="sm">
        {o?.networkShare && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} />}
            title={t('backups.networkShare.title')}
            data-testid="network-share-warning"
          >
            {t(`backups.networkShare.${o.networkShare}`, { path: o.dataPath })}
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)} icon={<IconAlertTriangle size={18} />}>
            {error}
          </Alert>
        )}
        {saved?.path && (
          <Stack gap={4}>
            <Alert color="teal" variant="light">
              {t('backups.created', { path: saved.name, size: size(saved.totalBytes) })}
            </Alert>
            <SavedFileNote path={saved.path} />
          </Stack>
        )}
        {o && (
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <FactCard label={t('backups.dataFolder')} style={{ wordBreak: 'break-all' }}>
              {o.dataPath}
            </FactCard>
            <FactCard label={t('backups.backupFolder')} style={{ wordBreak: 'break-all' }}>
              {o.backupDir}
            </FactCard>
            <FactCard label={t('backups.lastBackup')} fw={600}>
              {o.lastBackupAt ? formatDateTime(o.lastBackupAt) : t('backups.noBackups')}
            </FactCard>
          </SimpleGrid>
        )}
        <Group justify="flex-end">
          <Button variant="subtle" leftSection={<IconRestore size={16} />} onClick={() => setRestoring({ kind: 'external' })}>
            {t('backups.restoreExternal')}
          </Button>
        </Group>
        <DataTable<BackupInfo>
          withTableBorder
          borderRadius="sm"
          striped
          idAccessor="name"
          minHeight={(o?.backups.length ?? 0) === 0 ? 220 : undefined}
          records={o?.backups ?? []}
          fetching={overview.isFetching && !o}
          columns={[
            { accessor: 'createdAt', title: t('backups.columns.createdAt'), render: (b) => formatDateTime(b.createdAt) },
            { accessor: 'reason', title: t('backups.columns.reason'), render: (b) => t(`backups.reasons.${b.reason}`) },
            {
              accessor: 'keptAs',
              title: t('backups.columns.keptAs'),
              render: (b) => (
                <Group gap={4}>
                  {b.keptAs.map((s) => (
                    <Badge key={s} size="sm" variant="light" tt="none">
                      {t(`backups.slots.${s}`)}
                    </Badge>
                  ))}
                </Group>
              ),
            },
            { accessor: 'databaseBytes', title: t('backups.columns.database'), textAlign: 'right', render: (b) => size(b.databaseBytes) },
            {
              accessor: 'attachments',
              title: t('backups.columns.attachments'),
              textAlign: 'right',
              render: (b) => t('backups.attachmentsSummary', { count: b.attachmentFiles, size: size(b.attachmentBytes) }),
            },
            {
              accessor: 'actions',
              title: t('common.actions'),
              textAlign: 'right',
              render: (b) => (
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconHistory size={14} />}
                  onClick={() => setRestoring({ kind: 'local', backup: b })}
                >
                  {t('backups.restore')}
                </Button>
              ),
            },
          ]}
          emptyState={<EmptyState title={t('backups.noBackups')} text={t('backups.subtitle')} />}
        />
      </Stack>

      <Modal
        opened={!!jobId}
        onClose={() => undefined}
        withCloseButton={false}
        title={t('backups.creating')}
        closeOnClickOutside={false}
        closeOnEscape={false}
      >
        <Stack data-testid="backup-progress">
          <Text size="sm">{t(`backups.phases.${job?.phase ?? 'database'}`, { defaultValue: t('app.loading') })}</Text>
          <Progress value={percent} animated aria-label={t('backups.creating')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => jobId && void call('jobs.cancel', { id: jobId })}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <FormModal
        opened={!!restoring}
        onClose={() => !busy && setRestoring(null)}
        title={
          restoring?.kind === 'local'
            ? t('backups.restoreTitle', { date: formatDateTime(restoring.backup.createdAt) })
            : t('backups.restoreTitleExternal')
        }
        onSubmit={confirmation.form.onSubmit(() => void restore())}
        // What went wrong shows on the page: the dialog closes either way.
        error={null}
        saving={busy}
        saveLabel={t('backups.restore')}
        saveColor="red"
        saveIcon={<IconDatabaseExport size={16} />}
        saveDisabled={!confirmation.form.values.confirmed}
        cancelDisabled={busy}
      >
        <Text size="sm">{t('backups.restoreText')}</Text>
        <Checkbox
          label={t('backups.restoreConfirm')}
          disabled={busy}
          {...confirmation.form.getInputProps('confirmed', { type: 'checkbox' })}
        />
        {busy && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('backups.restoring')}</Text>
          </Group>
        )}
      </FormModal>
    </>
  );
}
