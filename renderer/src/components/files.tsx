import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFolderOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../shared/ipc';
import { ApiCallError, call, useApiQuery } from '../api';

/**
 * How a generated file (export, report, PDF) is reported everywhere: where it went and, in
 * the desktop app, "Abrir carpeta".
 */

const messageOf = (err: unknown, fallback: string) => (err instanceof Error ? err.message : fallback);

/**
 * Runs an action that saves a file and reports it as the export menu does: a notification
 * that says where the file went and, in the desktop app, offers to open its folder.
 * Resolves to the saved result (null when cancelled); a refusal is shown and rethrown so
 * the caller can put field messages next to their fields.
 */
export function useSaveFile() {
  const { t } = useTranslation();
  const info = useApiQuery('app.info', {});
  const inElectron = info.data?.shell === 'electron';

  /** inline: the caller shows where the file went beside its button, so success needs no notification. */
  return async (
    action: () => Promise<ExportResult>,
    { inline = false, title }: { inline?: boolean; title?: (saved: Extract<ExportResult, { status: 'saved' }>) => string } = {},
  ): Promise<Extract<ExportResult, { status: 'saved' }> | null> => {
    const id = notifications.show({ loading: true, message: t('app.loading'), autoClose: false, withCloseButton: false });
    try {
      const result = await action();
      if (result.status === 'cancelled' || inline) {
        notifications.hide(id);
        return result.status === 'saved' ? result : null;
      }
      notifications.update({
        id,
        loading: false,
        color: 'teal',
        autoClose: 12000,
        withCloseButton: true,
        title: title ? title(result) : t('common.fileSaved'),
        message: (
          <Stack gap={4}>
            <Text size="sm" data-testid="export-path" style={{ wordBreak: 'break-all' }}>
              {t('common.savedTo', { path: result.path })}
            </Text>
            {inElectron && (
              <Button size="compact-xs" variant="light" onClick={() => void call('files.showInFolder', { path: result.path })}>
                {t('common.openFolder')}
              </Button>
            )}
          </Stack>
        ),
      });
      return result;
    } catch (err) {
      const fields = err instanceof ApiCallError ? Object.keys(err.error.fields).length : 0;
      if (fields > 0) notifications.hide(id);
      else
        notifications.update({
          id,
          loading: false,
          color: 'red',
          autoClose: false,
          withCloseButton: true,
          message: messageOf(err, t('app.unexpected')),
        });
      throw err;
    }
  };
}

/** Where the last generated file went, kept in view beside the button that made it. */
export function SavedFileNote({ path }: { path: string }) {
  const { t } = useTranslation();
  const info = useApiQuery('app.info', {});
  return (
    <Alert color="teal" variant="light" icon={<IconCheck size={18} />} p="xs">
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" data-testid="saved-path" style={{ wordBreak: 'break-all' }}>
          {t('common.savedTo', { path })}
        </Text>
        {info.data?.shell === 'electron' && (
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconFolderOpen size={14} />}
            onClick={() => void call('files.showInFolder', { path })}
          >
            {t('common.openFolder')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

/** Bytes of a chosen file as base64, the way main takes files from the renderer. */
export async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
