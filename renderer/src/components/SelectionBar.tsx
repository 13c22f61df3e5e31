import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The bar over a list while records are selected: how many and which (by code), a button
 * that clears the selection, and the actions that apply to all of them (children).
 */
export function SelectionBar({ names, onClear, children }: { names: string[]; onClear: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" mb="sm" bg="var(--mantine-primary-color-light)" data-testid="selection-bar">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {t('common.selectedCount', { count: names.length })}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {names.join(', ')}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button variant="subtle" size="sm" onClick={onClear}>
            {t('common.clearSelection')}
          </Button>
          {children}
        </Group>
      </Group>
    </Paper>
  );
}
