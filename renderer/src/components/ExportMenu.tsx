import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportResult } from '../../../shared/ipc';
import type { ExportList } from '../../../shared/lists/schemas';
import { call } from '../api';
import { useCanExportList } from './session';
import { askPersonalDataReason } from './PersonalDataReason';
import { useSaveFile } from './files';
import { MenuOnReach } from './MenuOnReach';

/**
 * "Exportar" for a list: Excel or CSV of what the filters show. The result says where
 * the file went and, in the desktop app, offers to open its folder. A list with personal
 * data passes `reasonFor` (what the file holds, in words): the user is asked why first
 * (components/PersonalDataReason.tsx) and the reason goes to the channel, which logs it.
 */
export function ExportMenu({
  onExport,
  disabled,
  reasonFor,
}: {
  onExport: (format: ExportFormat, reason: string) => Promise<ExportResult>;
  disabled?: boolean;
  reasonFor?: string;
}) {
  const { t } = useTranslation();
  const save = useSaveFile();
  const run = async (format: ExportFormat) => {
    const reason = reasonFor === undefined ? '' : await askPersonalDataReason(t, reasonFor);
    if (reason === null) return;
    await save(() => onExport(format, reason), { title: (r) => t('common.exported', { count: r.rows }) }).catch(() => undefined);
  };

  return (
    <MenuOnReach
      position="bottom-end"
      withinPortal
      target={
        <Button variant="default" leftSection={<IconDownload size={16} />} disabled={disabled}>
          {t('common.export')}
        </Button>
      }
    >
      <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void run('xlsx')}>
        {t('common.exportXlsx')}
      </Menu.Item>
      <Menu.Item leftSection={<IconFileText size={16} />} onClick={() => void run('csv')}>
        {t('common.exportCsv')}
      </Menu.Item>
    </MenuOnReach>
  );
}

/**
 * "Exportar" for a list that has no export channel of its own: main reads the list again
 * through its own channel with `query` (the filters on screen, every page) and writes it
 * (lists.export). `reasonFor`: the list names persons, so the user is asked why.
 */
export function ListExportMenu({
  list,
  query,
  disabled,
  reasonFor,
}: {
  list: ExportList;
  query: Record<string, unknown>;
  disabled?: boolean;
  reasonFor?: string;
}) {
  if (!useCanExportList(list)) return null;
  return (
    <ExportMenu
      disabled={disabled}
      reasonFor={reasonFor}
      onExport={(format, reason) => call('lists.export', { list, query, format, reason })}
    />
  );
}
