import { Button, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportResult } from '../../../shared/ipc';
import { call, useApiQuery } from '../api';

/**
 * "Exportar" for a list: Excel or CSV of what the filters show. The result says where
 * the file went and, in the desktop app, offers to open its folder.
 */
export function ExportMenu({
  onExport,
  disabled,
}: {
  onExport: (format: ExportFormat) => Promise<ExportResult>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const info = useApiQuery('app.info', {});

  const run = async (format: ExportFormat) => {
    const id = notifications.show({ loading: true, message: t('app.loading'), autoClose: false, withCloseButton: false });
    try {
      const result = await onExport(format);
      if (result.status === 'cancelled') {
        notifications.hide(id);
        return;
      }
      notifications.update({
        id,
        loading: false,
        color: 'teal',
        autoClose: 12000,
        withCloseButton: true,
        title: t('common.exported', { count: result.rows }),
        message: (
          <Stack gap={4}>
            <Text size="sm" data-testid="export-path" style={{ wordBreak: 'break-all' }}>
              {t('common.savedTo', { path: result.path })}
            </Text>
            {info.data?.shell === 'electron' && (
              <Button size="compact-xs" variant="light" onClick={() => void call('files.showInFolder', { path: result.path })}>
                {t('common.openFolder')}
              </Button>
            )}
          </Stack>
        ),
      });
    } catch (err) {
      notifications.update({
        id,
        loading: false,
        color: 'red',
        autoClose: false,
        withCloseButton: true,
        message: err instanceof Error ? err.message : t('app.unexpected'),
      });
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} disabled={disabled}>
          {t('common.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void run('xlsx')}>
          {t('common.exportXlsx')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileText size={16} />} onClick={() => void run('csv')}>
          {t('common.exportCsv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
