import { Button, Checkbox, Menu } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** "Columnas": which columns a table shows (the choice is remembered by the caller). */
export function ColumnPicker({
  columns,
  hidden,
  onChange,
}: {
  columns: Array<{ key: string; label: string }>;
  hidden: string[];
  onChange: (hidden: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" closeOnItemClick={false} withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          {t('common.columns')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {columns.map((c) => (
          <Menu.Item key={c.key}>
            <Checkbox
              label={c.label}
              checked={!hidden.includes(c.key)}
              onChange={(e) => onChange(e.currentTarget.checked ? hidden.filter((k) => k !== c.key) : [...hidden, c.key])}
            />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
