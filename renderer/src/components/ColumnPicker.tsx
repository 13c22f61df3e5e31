import { Button, Checkbox, Menu } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { MenuOnReach } from './MenuOnReach';
import { isStringList, useStoredState } from './storedState';

/** The columns the clerk hid in a table, remembered under `key` between sessions (`defaults` at first). */
export function useHiddenColumns(key: string, defaults: string[]) {
  return useStoredState<string[]>(key, defaults, isStringList);
}

/** The columns a table shows: those not `hidden`, each titled from `labels` by its accessor. */
export function shownColumns<T>(columns: DataTableColumn<T>[], labels: Record<string, string>, hidden: string[]): DataTableColumn<T>[] {
  return columns.filter((c) => !hidden.includes(String(c.accessor))).map((c) => ({ ...c, title: labels[String(c.accessor)] }));
}

/** "Columnas": which columns a table shows (`labels`: each column's, by its key), the choice remembered by useHiddenColumns. */
export function ColumnPicker({
  labels,
  hidden,
  onChange,
}: {
  labels: Record<string, string>;
  hidden: string[];
  onChange: (hidden: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <MenuOnReach
      position="bottom-end"
      closeOnItemClick={false}
      withinPortal
      target={
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          {t('common.columns')}
        </Button>
      }
    >
      {Object.entries(labels).map(([key, label]) => (
        <Menu.Item key={key}>
          <Checkbox
            label={label}
            checked={!hidden.includes(key)}
            onChange={(e) => onChange(e.currentTarget.checked ? hidden.filter((k) => k !== key) : [...hidden, key])}
          />
        </Menu.Item>
      ))}
    </MenuOnReach>
  );
}
