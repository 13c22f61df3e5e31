import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportResult } from '../../../shared/ipc';
import { useSaveFile } from './files';

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
  const save = useSaveFile();
  const run = (format: ExportFormat) =>
    void save(() => onExport(format), { title: (r) => t('common.exported', { count: r.rows }) }).catch(() => undefined);

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} disabled={disabled}>
          {t('common.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => run('xlsx')}>
          {t('common.exportXlsx')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileText size={16} />} onClick={() => run('csv')}>
          {t('common.exportCsv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
