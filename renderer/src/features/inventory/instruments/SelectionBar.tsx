import { Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconArrowsExchange, IconBarcode, IconQrcode, IconTags } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Instrument } from '../../../../../shared/inventory/schemas';

/** The bar over the register while instruments are selected: who they are, labels, one movement for all. */
export function SelectionBar({
  selected,
  onClear,
  canLabel,
  canMove,
  onLabels,
  onMove,
}: {
  selected: Instrument[];
  onClear: () => void;
  canLabel: boolean;
  canMove: boolean;
  onLabels: (symbology: 'qr' | 'code128') => void;
  onMove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" mb="sm" bg="var(--mantine-primary-color-light)" data-testid="selection-bar">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {t('inventory.instruments.selected', { count: selected.length })}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {selected.map((i) => i.code).join(', ')}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button variant="subtle" size="sm" onClick={onClear}>
            {t('inventory.instruments.clearSelection')}
          </Button>
          {canLabel && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="sm" variant="default" leftSection={<IconTags size={16} />}>
                  {t('inventory.labelsMenu.button')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconQrcode size={16} />} onClick={() => onLabels('qr')}>
                  {t('inventory.labelsMenu.qr')}
                </Menu.Item>
                <Menu.Item leftSection={<IconBarcode size={16} />} onClick={() => onLabels('code128')}>
                  {t('inventory.labelsMenu.barcode')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
          {canMove && (
            <Button size="sm" leftSection={<IconArrowsExchange size={16} />} onClick={onMove}>
              {t('inventory.instruments.moveSelection')}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
