import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BudgetSummary } from '../../../../../shared/contracts/schemas';
import { formatDate } from '../../../../../shared/format';
import { useApiQuery } from '../../../api';
import { useMoney } from '../../../components/money';
import { useCan } from '../../../components/session';
import { contractPaths } from '../paths';
import { ModificationFormModal } from './ModificationFormModal';
import { TwoLineCell } from '../../../components/cells';

const nowrap = { whiteSpace: 'nowrap' } as const;
const months = Array.from({ length: 12 }, (_, i) => i);

/** The year's execution month by month and line: what was paid, bought and spent in each month. */
export function MonthlyExecution({ summary }: { summary: BudgetSummary }) {
  const { t } = useTranslation();
  const money = useMoney();
  const amount = (c: number) => (c === 0 ? '—' : money(c));
  const totals = months.map((m) => summary.months.reduce((a, l) => a + (l.months[m] ?? 0), 0));
  return (
    <Card withBorder padding="md" mt="sm">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('contracts.execution.title')}</Title>
        <Button
          variant="default"
          size="xs"
          component={Link}
          to={`${contractPaths.expenses}?anio=${summary.year}`}
          leftSection={<IconReceipt size={14} />}
        >
          {t('contracts.nav.expenses')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing={4} fz="sm" highlightOnHover data-testid="budget-months">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.execution.month')}</Table.Th>
              {summary.months.map((l) => (
                <Table.Th key={l.line} ta="right">
                  {t(`contracts.budgetLines.${l.line}`)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('contracts.budget.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m) => (
              <Table.Tr key={m} data-testid={`month-${m + 1}`}>
                <Table.Td fw={500}>{t(`contracts.months.m${m + 1}`)}</Table.Td>
                {summary.months.map((l) => (
                  <Table.Td key={l.line} ta="right" style={nowrap} data-testid={`month-${m + 1}-${l.line}`}>
                    {amount(l.months[m] ?? 0)}
                  </Table.Td>
                ))}
                <Table.Td ta="right" style={nowrap} fw={600}>
                  {amount(totals[m] ?? 0)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>{t('contracts.budget.total')}</Table.Td>
              {summary.months.map((l) => (
                <Table.Td key={l.line} ta="right" style={nowrap}>
                  {amount(l.months.reduce((a, c) => a + c, 0))}
                </Table.Td>
              ))}
              <Table.Td ta="right" style={nowrap}>
                {amount(totals.reduce((a, c) => a + c, 0))}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt="xs">
        {t('contracts.execution.hint')}
      </Text>
    </Card>
  );
}

/** The year's modifications (increases, decreases, transfers), appended with their resolutions. */
export function ModificationsCard({ summary }: { summary: BudgetSummary }) {
  const { t } = useTranslation();
  const money = useMoney();
  const canWrite = useCan('budget.modify');
  const [adding, setAdding] = useState(false);
  const list = useApiQuery('budget.modifications', { year: summary.year });
  const rows = list.data ?? [];
  return (
    <Card withBorder padding="md" mt="sm">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('contracts.modifications.title')}</Title>
        {canWrite && summary.defined && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            {t('contracts.modifications.record')}
          </Button>
        )}
      </Group>
      {list.data && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contracts.modifications.empty', { year: summary.year })}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="xs" data-testid="budget-modifications">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contracts.modifications.resolutionDate')}</Table.Th>
                <Table.Th>{t('contracts.modifications.resolutionNumber')}</Table.Th>
                <Table.Th>{t('contracts.modifications.kind')}</Table.Th>
                <Table.Th>{t('contracts.modifications.line')}</Table.Th>
                <Table.Th ta="right">{t('contracts.modifications.amount')}</Table.Th>
                <Table.Th>{t('contracts.modifications.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td style={nowrap}>{formatDate(m.resolutionDate)}</Table.Td>
                  <Table.Td>{m.resolutionNumber}</Table.Td>
                  <Table.Td>{t(`contracts.modificationKinds.${m.kind}`)}</Table.Td>
                  <Table.Td>
                    {m.kind === 'transferencia' && m.toLine
                      ? t('contracts.modifications.transfer', {
                          from: t(`contracts.budgetLines.${m.line}`),
                          to: t(`contracts.budgetLines.${m.toLine}`),
                        })
                      : t(`contracts.budgetLines.${m.line}`)}
                  </Table.Td>
                  <Table.Td ta="right" style={nowrap} c={m.kind === 'reduccion' ? 'red.8' : undefined}>
                    {m.kind === 'reduccion' ? '− ' : m.kind === 'incremento' ? '+ ' : ''}
                    {money(m.amountCentimos)}
                  </Table.Td>
                  <TwoLineCell detail={t('contracts.modifications.recordedBy', { user: m.createdBy })}>{m.reason}</TwoLineCell>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ModificationFormModal opened={adding} onClose={() => setAdding(false)} year={summary.year} />
    </Card>
  );
}
