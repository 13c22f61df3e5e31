import { Alert, Badge, Button, Card, Group, NumberInput, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconEdit, IconFileSpreadsheet, IconFileTypePdf, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../../../../shared/format';
import type { BudgetLineRow } from '../../../../../shared/contracts/schemas';
import { call, useApiQuery } from '../../../api';
import { ErrorState } from '../../../components/ErrorState';
import { useSaveFile } from '../../../components/files';
import { PageHeader } from '../../../components/PageHeader';
import { useCan } from '../../../components/session';
import { useUsd } from '../ui';
import { useMoney } from '../../../components/money';
import { MountOnOpen } from '../../../components/MountOnOpen';
import { BudgetFormModal } from './BudgetFormModal';
import { ModificationsCard, MonthlyExecution } from './BudgetExtras';
import { YearBar, shownYear } from './YearBar';

const nowrap = { whiteSpace: 'nowrap' } as const;
const barColor = (r: Omit<BudgetLineRow, 'line'>) => (r.alert ? 'red' : (r.usedPercent ?? 0) > 75 ? 'orange' : 'teal');

/** An amount in soles, with dollars at the year's rate under it. */
function Amount({ pen, usd }: { pen: number; usd: number | undefined }) {
  const money = useMoney();
  const dollars = useUsd();
  return (
    <>
      <Text size="sm" fw="inherit" c="inherit">
        {money(pen)}
      </Text>
      {usd !== undefined && (
        <Text size="xs" c="dimmed">
          {dollars(usd)}
        </Text>
      )}
    </>
  );
}

/**
 * The programme's budget for a fiscal year: per line what was budgeted, what contracts still
 * commit, what was executed (payments and, for instruments and materials, purchases from the inventory)
 * and what is available — in soles, with dollars beside them at the year's rate.
 */
export function BudgetPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const usd = useUsd();
  const saveFile = useSaveFile();
  const [params, setParams] = useSearchParams();
  const { thisYear, year } = shownYear(params);
  const setYear = (y: number) =>
    setParams((p) => {
      p.set('anio', String(y));
      return p;
    });
  const [editing, setEditing] = useState(false);
  const canWrite = useCan('budget.save');
  const [otherYear, setOtherYear] = useState<number | string>('');
  const summary = useApiQuery('budget.summary', { year }, { placeholderData: (p) => p });
  const s = summary.data;

  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;

  const row = (label: string, r: Omit<BudgetLineRow, 'line'>, strong = false, key?: string) => (
    <Table.Tr key={key ?? label} fw={strong ? 700 : undefined} data-testid={key ? `line-${key}` : 'line-total'}>
      <Table.Td miw={190}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={strong ? 700 : 500}>
            {label}
          </Text>
          {r.alert && !strong && (
            <Tooltip label={t('contracts.budget.alert')}>
              <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" aria-label={t('contracts.budget.alert')} />
            </Tooltip>
          )}
        </Group>
        {r.executedInstrumentsCentimos > 0 && !strong && (
          <Text size="xs" c="dimmed">
            {t('contracts.budget.instrumentsPart', { amount: money(r.executedInstrumentsCentimos) })}
          </Text>
        )}
        {r.executedMaterialsCentimos > 0 && !strong && (
          <Text size="xs" c="dimmed">
            {t('contracts.budget.materialsPart', { amount: money(r.executedMaterialsCentimos) })}
          </Text>
        )}
        {r.executedExpensesCentimos > 0 && !strong && (
          <Text size="xs" c="dimmed">
            {t('contracts.execution.expensesPart', { amount: money(r.executedExpensesCentimos) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={nowrap}>
        <Amount pen={r.budgetCentimos} usd={r.usdCents?.budget} />
        {r.modificationsCentimos !== 0 && (
          <Text size="xs" c="dimmed" data-testid={key ? `modified-${key}` : undefined}>
            {t('contracts.modifications.initial')} {money(r.initialCentimos)} · {r.modificationsCentimos > 0 ? '+' : '−'}{' '}
            {money(Math.abs(r.modificationsCentimos))}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={nowrap}>
        <Amount pen={r.committedCentimos} usd={r.usdCents?.committed} />
      </Table.Td>
      <Table.Td ta="right" style={nowrap}>
        <Amount pen={r.executedCentimos} usd={r.usdCents?.executed} />
      </Table.Td>
      <Table.Td ta="right" style={nowrap} c={r.availableCentimos < 0 ? 'red.8' : undefined}>
        <Amount pen={r.availableCentimos} usd={r.usdCents?.available} />
      </Table.Td>
      <Table.Td w={150}>
        <Group gap={6} wrap="nowrap">
          <Progress.Root size="lg" style={{ flex: 1, minWidth: 40 }} aria-hidden>
            <Progress.Section
              value={Math.min(100, r.usedPercent ?? (r.committedCentimos + r.executedCentimos > 0 ? 100 : 0))}
              color={barColor(r)}
            />
          </Progress.Root>
          <Text size="sm" ta="right" style={nowrap} c={r.alert ? 'red.8' : undefined} fw={r.alert ? 700 : undefined}>
            {r.usedPercent === null ? '—' : `${r.usedPercent.toFixed(1)} %`}
          </Text>
        </Group>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <>
      <PageHeader
        title={t('contracts.budget.title')}
        subtitle={t('contracts.budget.subtitle')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              disabled={!s}
              onClick={() => void saveFile(() => call('budget.export', { year, format: 'xlsx' })).catch(() => undefined)}
            >
              {t('contracts.budget.exportXlsx')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} />}
              disabled={!s}
              onClick={() => void saveFile(() => call('budget.export', { year, format: 'pdf' })).catch(() => undefined)}
            >
              {t('contracts.budget.exportPdf')}
            </Button>
            {canWrite && (
              <Button
                leftSection={s?.defined ? <IconEdit size={16} /> : <IconPlus size={16} />}
                disabled={!s}
                onClick={() => setEditing(true)}
              >
                {s?.defined ? t('contracts.budget.edit') : t('contracts.budget.define')}
              </Button>
            )}
          </>
        }
      />
      <YearBar label={t('contracts.budget.year')} year={year} near={thisYear + 1} onYear={setYear}>
        <NumberInput
          hideControls
          label={t('contracts.budget.newYear')}
          value={otherYear}
          onChange={setOtherYear}
          min={2000}
          max={2100}
          allowDecimal={false}
          w={120}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && typeof otherYear === 'number' && otherYear >= 2000 && otherYear <= 2100) setYear(otherYear);
          }}
          onBlur={() => {
            if (typeof otherYear === 'number' && otherYear >= 2000 && otherYear <= 2100) setYear(otherYear);
          }}
        />
        {s?.exchangeRate !== null && s?.exchangeRate !== undefined && (
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('contracts.budget.exchangeRateShort')}
            </Text>
            <Text size="sm" fw={600} data-testid="exchange-rate">
              {t('contracts.budget.rateValue', { rate: s.exchangeRate.toFixed(4) })}
            </Text>
          </Stack>
        )}
        {s?.defined && (
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('contracts.budget.totalBudget')}
            </Text>
            <Text size="sm" fw={600}>
              {money(s.total.budgetCentimos)}{' '}
              {s.total.usdCents && (
                <Text span c="dimmed" size="sm">
                  ({usd(s.total.usdCents.budget)})
                </Text>
              )}
            </Text>
          </Stack>
        )}
      </YearBar>

      {s && !s.defined && (
        <Alert color="blue" variant="light" mb="sm" title={t('contracts.budget.notDefinedTitle', { year })}>
          {t('contracts.budget.notDefinedText')}
        </Alert>
      )}

      {s && (
        <Card withBorder padding="md">
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="budget-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('contracts.budget.line')}</Table.Th>
                  {(['budget', 'committed', 'executed', 'available'] as const).map((k) => (
                    <Table.Th key={k} ta="right">
                      {t(`contracts.budget.${k}`)}
                      <Text size="xs" c="dimmed" fw={400}>
                        S/ · US$
                      </Text>
                    </Table.Th>
                  ))}
                  <Table.Th>{t('contracts.budget.used')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.lines.map((l) => row(t(`contracts.budgetLines.${l.line}`), l, false, l.line))}
                {row(t('contracts.budget.total'), s.total, true)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap={4} mt="md">
            <Title order={5}>{t('contracts.budget.howTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('contracts.budget.howCommitted')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('contracts.budget.howExecuted')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('contracts.execution.howExpenses', {
                amount: money(s.total.executedExpensesCentimos),
                modified: money(s.total.modificationsCentimos),
              })}
            </Text>
            {s.notes && (
              <Text size="sm">
                <b>{t('contracts.budget.notes')}:</b> {s.notes}
              </Text>
            )}
            {s.updatedAt && (
              <Text size="xs" c="dimmed">
                {t('contracts.budget.lastChange', { date: formatDateTime(s.updatedAt), user: s.updatedBy ?? '' })}
              </Text>
            )}
          </Stack>
          {s.lines.some((l) => l.alert) && (
            <Group mt="sm" gap="xs">
              {s.lines
                .filter((l) => l.alert)
                .map((l) => (
                  <Badge key={l.line} color="red" variant="light" tt="none" leftSection={<IconAlertTriangle size={12} />}>
                    {t(`contracts.budgetLines.${l.line}`)}: {l.usedPercent === null ? '—' : `${l.usedPercent.toFixed(1)} %`}
                  </Badge>
                ))}
            </Group>
          )}
        </Card>
      )}
      {s && <MonthlyExecution summary={s} />}
      {s && <ModificationsCard summary={s} />}
      {s && (
        <MountOnOpen opened={editing}>
          <BudgetFormModal opened={editing} onClose={() => setEditing(false)} summary={s} />
        </MountOnOpen>
      )}
    </>
  );
}
