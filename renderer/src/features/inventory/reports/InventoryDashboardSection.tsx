import { Anchor, Badge, Card, Group, Progress, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { HoverTooltip } from '../../../components/HoverTooltip';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney, type Locale } from '../../../../../shared/format';
import { conditions } from '../../../../../shared/inventory/rules';
import { quantityWithUnit } from '../../../../../shared/units';
import { useApiQuery } from '../../../api';
import { routes } from '../../../app/routes';
import { ColourLegend, DashboardSection, StatCard } from '../../../components/DashboardParts';
import { CustodyDashboardCard, useCustodyFigures } from '../custody/CustodyDashboardCard';
import { conditionColors } from '../instruments/ui';
import { useCount } from '../../../components/numbers';
import { RowsTable } from '../../../components/RowsTable';

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return <StatCard nowrap label={label} value={value} hint={hint} />;
}

/**
 * The inventory's part of the dashboard: instruments and their value, what is in transit or
 * under repair, instruments per establishment by condition, and consumables below their
 * minimum; the hand-overs past due and the instruments to recover (while there are any).
 * Shown only once there are instruments or consumable minimums, or, for a role that reads
 * only custody (programas), while it has something to recover.
 */
export function InventoryDashboardSection() {
  const { t, i18n } = useTranslation();
  const summary = useApiQuery('inventory.summary', {});
  const stock = useApiQuery('consumables.stock', { establishmentId: null, lowOnly: false });
  const custody = useCustodyFigures();
  const n = useCount();
  const s = summary.data;
  if (!s) {
    return custody && summary.isError ? (
      <DashboardSection title={t('inventory.nav.group')} testId="inventory-dashboard">
        <CustodyDashboardCard summary={custody} />
      </DashboardSection>
    ) : null;
  }
  const hasMinimums = (stock.data ?? []).some((r) => r.minimum !== null) || s.lowStock.length > 0;
  if (s.totalInstruments === 0 && !hasMinimums) return null;
  const money = (c: number) => formatMoney(c, i18n.language as Locale);
  const max = Math.max(1, ...s.byEstablishment.map((e) => e.total));

  return (
    <DashboardSection title={t('inventory.nav.group')} testId="inventory-dashboard">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Figure label={t('inventory.dashboard.total')} value={n(s.totalInstruments)} hint={t('inventory.dashboard.totalHint')} />
        <Figure label={t('inventory.dashboard.value')} value={money(s.totalValueCentimos)} hint={t('inventory.dashboard.valueHint')} />
        <Figure label={t('inventory.dashboard.inTransit')} value={n(s.inTransit)} />
        <Figure label={t('inventory.dashboard.inRepair')} value={n(s.inRepair)} />
      </SimpleGrid>

      {custody && <CustodyDashboardCard summary={custody} />}

      {s.byEstablishment.length > 0 && (
        <Card withBorder padding="md">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={4}>{t('inventory.dashboard.title')}</Title>
            <ColourLegend
              items={conditions.map((c) => ({ key: c, color: `${conditionColors[c]}.6`, label: t(`inventory.conditions.${c}`) }))}
            />
          </Group>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" highlightOnHover data-testid="inventory-by-establishment">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inventory.consumables.establishment')}</Table.Th>
                  <Table.Th w="26%" />
                  {conditions.map((c) => (
                    <Table.Th key={c} ta="right">
                      {t(`inventory.conditions.${c}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('inventory.reports.total')}</Table.Th>
                  <Table.Th ta="right">{t('inventory.instruments.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.byEstablishment.map((e) => {
                  const name = e.name ?? t('inventory.instruments.central');
                  return (
                    <Table.Tr key={e.establishmentId ?? 'central'}>
                      <Table.Td fw={e.establishmentId === null ? 600 : undefined}>{name}</Table.Td>
                      <Table.Td>
                        <Progress.Root size="lg" aria-hidden>
                          {conditions.map((c) =>
                            e[c] ? (
                              <HoverTooltip key={c} label={`${t(`inventory.conditions.${c}`)}: ${e[c]}`}>
                                <Progress.Section value={(e[c] / max) * 100} color={conditionColors[c]} />
                              </HoverTooltip>
                            ) : null,
                          )}
                        </Progress.Root>
                      </Table.Td>
                      {conditions.map((c) => (
                        <Table.Td key={c} ta="right" c={e[c] ? undefined : 'dimmed'}>
                          {n(e[c])}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right" fw={600}>
                        {n(e.total)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {money(e.valueCentimos)}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}

      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('inventory.dashboard.lowStock')}</Title>
          <Anchor component={Link} to={`${routes.consumables}?bajo=1`} size="sm">
            {t('inventory.dashboard.viewConsumables')}
          </Anchor>
        </Group>
        {s.lowStock.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('inventory.dashboard.noLowStock')}
          </Text>
        ) : (
          <RowsTable
            verticalSpacing="xs"
            data-testid="low-stock"
            head={
              <>
                <Table.Th>{t('inventory.consumables.item')}</Table.Th>
                <Table.Th>{t('inventory.consumables.establishment')}</Table.Th>
                <Table.Th ta="right">{t('inventory.consumables.stock')}</Table.Th>
                <Table.Th ta="right">{t('inventory.consumables.minimum')}</Table.Th>
                <Table.Th />
              </>
            }
            records={s.lowStock}
            row={(r) => (
              <Table.Tr key={`${r.itemName}-${r.establishmentName}`}>
                <Table.Td>{r.itemName}</Table.Td>
                <Table.Td>{r.establishmentName}</Table.Td>
                <Table.Td ta="right" c="red.8" fw={700}>
                  {quantityWithUnit(r.stock, r.unit, n(r.stock))}
                </Table.Td>
                <Table.Td ta="right">{quantityWithUnit(r.minimum, r.unit, n(r.minimum))}</Table.Td>
                <Table.Td ta="right">
                  <Badge color="red" variant="light" tt="none">
                    {t('inventory.consumables.low')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            )}
          />
        )}
      </Card>
    </DashboardSection>
  );
}
