import { Badge, Card, Table, Tabs, Text, type MantineColor } from '@mantine/core';

import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../../shared/format';
import type { StocktakeDetail, StocktakeLine } from '../../../../../shared/inventory/stocktake-schemas';
import { registeredWhere } from './ui';
import { RemoveAction } from '../../../components/RecordParts';

/** The four lists of a count (found, missing, elsewhere, unknown), each a tab with its count. */
export function StocktakeLists({
  detail: d,
  tab,
  onTab,
  canRemove,
  onRemove,
}: {
  detail: StocktakeDetail;
  tab: string | null;
  onTab: (tab: string | null) => void;
  canRemove: boolean;
  onRemove: (line: StocktakeLine) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" mt="md">
      <Tabs value={tab} onChange={onTab} keepMounted={false}>
        <Tabs.List>
          <ListTab value="found" color="green" label={t('inventory.stocktake.found')} count={d.found.length} />
          <ListTab value="missing" color="red" label={t('inventory.stocktake.missing')} count={d.missing.length} />
          <ListTab value="elsewhere" color="orange" label={t('inventory.stocktake.elsewhere')} count={d.elsewhere.length} />
          <ListTab value="unknown" color="red" label={t('inventory.stocktake.unknown')} count={d.unknown.length} />
        </Tabs.List>
        <Tabs.Panel value="found" pt="sm">
          <Lines lines={[...d.found].reverse()} kind="found" canRemove={canRemove} onRemove={onRemove} />
        </Tabs.Panel>
        <Tabs.Panel value="missing" pt="sm">
          <Lines lines={d.missing} kind="missing" canRemove={false} onRemove={onRemove} />
        </Tabs.Panel>
        <Tabs.Panel value="elsewhere" pt="sm">
          <Lines lines={[...d.elsewhere].reverse()} kind="elsewhere" canRemove={canRemove} onRemove={onRemove} />
        </Tabs.Panel>
        <Tabs.Panel value="unknown" pt="sm">
          <Lines lines={[...d.unknown].reverse()} kind="unknown" canRemove={canRemove} onRemove={onRemove} />
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}

function ListTab({ value, label, count, color }: { value: string; label: string; count: number; color: MantineColor }) {
  return (
    <Tabs.Tab
      value={value}
      rightSection={
        <Badge size="sm" circle={count < 10} color={count ? color : 'gray'} variant={count ? 'filled' : 'light'}>
          {count}
        </Badge>
      }
    >
      {label}
    </Tabs.Tab>
  );
}

function Lines({
  lines,
  kind,
  canRemove,
  onRemove,
}: {
  lines: StocktakeLine[];
  kind: 'found' | 'missing' | 'elsewhere' | 'unknown';
  canRemove: boolean;
  onRemove: (line: StocktakeLine) => void;
}) {
  const { t } = useTranslation();
  if (lines.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md" ta="center">
        {t(`inventory.stocktake.${kind}Empty`)}
      </Text>
    );
  }
  const known = kind !== 'unknown';
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing={6} data-testid={`lines-${kind}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inventory.instruments.code')}</Table.Th>
            {known && <Table.Th>{t('inventory.instruments.type')}</Table.Th>}
            {known && <Table.Th>{t('inventory.instruments.brand')}</Table.Th>}
            {kind === 'elsewhere' && <Table.Th>{t('inventory.stocktake.registeredAt')}</Table.Th>}
            {known && <Table.Th>{t('inventory.instruments.condition')}</Table.Th>}
            {kind !== 'missing' && <Table.Th>{t('inventory.stocktake.countedAt')}</Table.Th>}
            {canRemove && <Table.Th w={60} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.code}>
              <Table.Td ff="monospace" fw={600}>
                {l.code}
              </Table.Td>
              {known && <Table.Td>{l.typeName}</Table.Td>}
              {known && <Table.Td>{l.brand}</Table.Td>}
              {kind === 'elsewhere' && <Table.Td>{registeredWhere(l, t)}</Table.Td>}
              {known && (
                <Table.Td>
                  {l.registeredCondition && t(`inventory.conditions.${l.registeredCondition}`)}
                  {l.countedCondition && l.countedCondition !== l.registeredCondition && (
                    <Text span c="orange.8" fw={600}>
                      {' → '}
                      {t(`inventory.conditions.${l.countedCondition}`)}
                    </Text>
                  )}
                </Table.Td>
              )}
              {kind !== 'missing' && <Table.Td>{formatDateTime(l.countedAt)}</Table.Td>}
              {canRemove && (
                <Table.Td ta="right">
                  <RemoveAction label={t('inventory.stocktake.uncount')} name={l.code} onClick={() => onRemove(l)} size={18} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
