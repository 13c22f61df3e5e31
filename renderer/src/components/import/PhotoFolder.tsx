import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconFolder } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFolderResult, ImportTarget } from '../../../../shared/import/schemas';
import { ApiCallError, call } from '../../api';

/** The targets whose rows name photos found in a folder the clerk chooses. */
export const photoFolderTargets: readonly ImportTarget[] = ['artworks'];

/**
 * "Carpeta de fotos": main opens its own folder dialog and keeps the folder on the upload
 * (import.chooseFolder); the wizard only shows which folder and how many files it holds.
 * Keyed by the upload: another file asks again.
 */
export function PhotoFolder({ uploadId }: { uploadId: string }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Extract<ImportFolderResult, { status: 'chosen' }> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async () => {
    setError(null);
    setBusy(true);
    try {
      const r = await call('import.chooseFolder', { uploadId });
      if (r.status === 'chosen') setChosen(r);
    } catch (err) {
      setError(err instanceof ApiCallError ? err.message : t('app.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Button variant="default" leftSection={<IconFolder size={16} />} loading={busy} onClick={() => void choose()}>
          {t('import.folder.button')}
        </Button>
        {chosen && (
          <Text size="sm" data-testid="import-photo-folder">
            {t('import.folder.chosen', { folder: chosen.folder, count: chosen.files })}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('import.folder.hint')}
      </Text>
      {error && (
        <Alert color="red" variant="light">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
