import { Alert, Button, CopyButton, Group, List, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteEnrolled } from '../../../../shared/sites/schemas';
import { SavedFileNote } from '../../components/files';
import { Fingerprint } from './Fingerprint';

type Saved = Extract<SiteEnrolled, { status: 'saved' }>;

/**
 * The enrolment's passphrase, shown this once (main keeps it nowhere): in large monospace groups,
 * with both fingerprints and what to do with the file and the passphrase. It closes only through
 * «Ya la anoté», which asks first: neither a click outside nor Escape loses it.
 */
export function PassphraseModal({ enrolment, onClose }: { enrolment: Saved | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const close = () => {
    setConfirming(false);
    onClose();
  };
  const e = enrolment;
  const count = (table: string) => e?.counts[table] ?? 0;

  return (
    <Modal
      opened={!!e}
      onClose={() => setConfirming(true)}
      title={e ? t('sites.passphrase.title', { name: e.siteName }) : ''}
      size="xl"
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      {e && (
        <Stack gap="sm">
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} p="xs">
            <Text size="sm" fw={600}>
              {t('sites.passphrase.once')}
            </Text>
          </Alert>
          <Paper withBorder p="md" radius="md" bg="var(--mantine-color-gray-0)">
            <Text size="xs" c="dimmed" mb={4}>
              {t('sites.passphrase.label')}
            </Text>
            <Group gap="md" justify="center" data-testid="passphrase" aria-label={t('sites.passphrase.label')}>
              {e.passphrase.split('-').map((group, i) => (
                <Text key={i} ff="monospace" fz={30} fw={700} style={{ letterSpacing: '0.12em' }}>
                  {group}
                </Text>
              ))}
            </Group>
            <Group justify="center" mt="xs">
              <CopyButton value={e.passphrase}>
                {({ copied, copy }) => (
                  <Button
                    size="compact-sm"
                    variant="light"
                    color={copied ? 'teal' : undefined}
                    leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                    onClick={copy}
                  >
                    {copied ? t('sites.passphrase.copied') : t('sites.passphrase.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Paper>
          <SimpleGrid cols={2}>
            <Paper withBorder p="xs">
              <Text size="xs" c="dimmed">
                {t('sites.passphrase.siteFingerprint')}
              </Text>
              <Fingerprint value={e.siteFingerprint} data-testid="site-fingerprint" />
            </Paper>
            <Paper withBorder p="xs">
              <Text size="xs" c="dimmed">
                {t('sites.passphrase.centreFingerprint')}
              </Text>
              <Fingerprint value={e.centreFingerprint} data-testid="centre-fingerprint" />
            </Paper>
          </SimpleGrid>
          <SavedFileNote path={e.path} />
          <Text size="sm" fw={600}>
            {t('sites.passphrase.stepsTitle')}
          </Text>
          <List type="ordered" size="sm" spacing={4}>
            <List.Item>{t('sites.passphrase.stepFile', { file: e.path.split(/[\\/]/).pop() })}</List.Item>
            <List.Item>{t('sites.passphrase.stepPassphrase')}</List.Item>
            <List.Item>{t('sites.passphrase.stepInstall')}</List.Item>
            <List.Item>{t('sites.passphrase.stepCompare')}</List.Item>
          </List>
          <Text size="sm" c="dimmed">
            {t('sites.passphrase.carries', {
              users: count('users'),
              participants: count('participants'),
              instruments: count('instruments'),
              workshops: count('workshops'),
            })}
          </Text>
          {count('users') === 0 && (
            <Alert color="yellow" variant="light" p="xs">
              <Text size="sm">{t('sites.passphrase.noAccounts')}</Text>
            </Alert>
          )}
          {confirming ? (
            <Alert color="orange" title={t('sites.passphrase.confirmTitle')} role="alertdialog">
              <Stack gap="xs">
                <Text size="sm">{t('sites.passphrase.confirmText')}</Text>
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setConfirming(false)}>
                    {t('sites.passphrase.back')}
                  </Button>
                  <Button color="orange" onClick={close}>
                    {t('sites.passphrase.confirmClose')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Group justify="flex-end">
              <Button leftSection={<IconCheck size={16} />} onClick={() => setConfirming(true)}>
                {t('sites.passphrase.done')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  );
}
