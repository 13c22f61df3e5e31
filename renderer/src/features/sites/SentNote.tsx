import { Alert, Stack, Text } from '@mantine/core';
import { IconPackageExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SavedFileNote } from '../../components/files';
import type { PackageSent } from './useExchange';

/** A package just saved: its number, whom it is for, what it carries, and where the file went (to copy onto the USB stick). */
export function SentNote({ sent }: { sent: PackageSent }) {
  const { t } = useTranslation();
  const records = t('sites.exchangeScreens.sentRecords', { count: sent.entries });
  const files = t('sites.exchangeScreens.sentFiles', { count: sent.attachments });
  const carries =
    sent.entries === 0 && sent.attachments === 0
      ? t('sites.exchangeScreens.sentNothingNew', { seq: sent.seq })
      : sent.attachments === 0
        ? t('sites.exchangeScreens.sentCarries', { seq: sent.seq, records })
        : t('sites.exchangeScreens.sentCarriesFiles', { seq: sent.seq, records, files });
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconPackageExport size={18} />}
      title={t('sites.exchangeScreens.sentTitle', { seq: sent.seq, to: sent.to })}
      data-testid="package-sent"
      role="status"
    >
      <Stack gap={6}>
        <Text size="sm">{carries}</Text>
        <SavedFileNote path={sent.path} />
      </Stack>
    </Alert>
  );
}
