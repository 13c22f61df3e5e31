import { Badge, Button, Card, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconBan, IconCoin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { expenseLines } from '../../../../../shared/contracts/rules';
import type { Expense } from '../../../../../shared/contracts/schemas';
import { formatDate, formatDateTime } from '../../../../../shared/format';
import { useApiMutation, useApiQuery } from '../../../api';
import { routes } from '../../../app/routes';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FormModal } from '../../../components/FormModal';
import { ChoiceFilter, NewButton, useOptions } from '../../../components/ListTools';
import { useMoney } from '../../../components/money';
import { PageHeader } from '../../../components/PageHeader';
import { RowAction } from '../../../components/RecordParts';
import { useCan } from '../../../components/session';
import { useRecordForm } from '../../../components/useRecordForm';
import { ExpenseFormModal } from './ExpenseFormModal';
import { ListExportMenu } from '../../../components/ExportMenu';
import { SavedViews } from '../../../components/SavedViews';
import { choiceFilter, numberFilter, plainListView } from '../../../components/plainListView';
import { RowsTable } from '../../../components/RowsTable';
import { TwoLineCell } from '../../../components/cells';
import { MountOnOpen } from '../../../components/MountOnOpen';
import { YearBar, shownYear } from './YearBar';

/** Voiding an expense: it stays listed with its reason and no longer counts as executed. */
function VoidExpenseModal({ expense, onClose }: { expense: Expense | null; onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const voidIt = useApiMutation('budget.voidExpense');
  const { form, modal, saved } = useRecordForm({ opened: expense !== null, recordKey: expense?.id, values: () => ({ reason: '' }) });
  if (!expense) return null;
  return (
    <FormModal
      {...modal((v) =>
        voidIt.mutate({ id: expense.id, version: expense.version, reason: v.reason }, saved(t('contracts.expenses.voidSaved'), onClose)),
      )}
      onClose={onClose}
      title={t('contracts.expenses.voidTitle')}
      size={520}
      saving={voidIt.isPending}
      saveLabel={t('contracts.expenses.void')}
      saveColor="red"
      gap="sm"
      header={
        <>
          <Text size="sm" fw={600}>
            {t(`contracts.expenseDocumentTypes.${expense.documentType}`)} {expense.documentNumber} · {expense.supplierName} ·{' '}
            {money(expense.amountCentimos)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('contracts.expenses.voidHint')}
          </Text>
        </>
      }
    >
      <Textarea data-autofocus required label={t('contracts.expenses.voidReason')} autosize minRows={2} {...form.getInputProps('reason')} />
    </FormModal>
  );
}

/** «Gastos»: the year's expenses of the lines contracts and the inventory's purchases do not cover, by line. */
export function ExpensesPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const [params, setParams] = useSearchParams();
  const { thisYear, year } = shownYear(params);
  const line = (expenseLines as readonly string[]).includes(params.get('linea') ?? '') ? (params.get('linea') as Expense['line']) : null;
  const setParam = (key: string, value: string | null) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });
  // A view's year and line go to the address at once: two setParams in a row would keep only the last.
  const restored: Record<string, string | null> = {};
  const view = plainListView(
    'budget.expenses',
    {
      year: numberFilter(year, (y) => (restored.anio = String(y)), thisYear),
      line: choiceFilter(line, (l) => (restored.linea = l), expenseLines),
    },
    {
      onRestore: () =>
        setParams((p) => {
          for (const [key, value] of Object.entries(restored)) {
            if (value) p.set(key, value);
            else p.delete(key);
          }
          return p;
        }),
    },
  );
  const canWrite = useCan('budget.recordExpense');
  const [adding, setAdding] = useState(false);
  const [voiding, setVoiding] = useState<Expense | null>(null);
  const exportQuery = { year, line };
  const list = useApiQuery('budget.expenses', exportQuery, { placeholderData: (p) => p });
  const lineOptions = useOptions(expenseLines, 'contracts.budgetLines');

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data ?? [];
  const inForce = rows.filter((e) => !e.voided);

  return (
    <>
      <PageHeader
        title={t('contracts.expenses.title')}
        subtitle={t('contracts.expenses.subtitle')}
        actions={
          <>
            <ListExportMenu list="budget.expenses" query={exportQuery} />
            <Button variant="default" component={Link} to={`${routes.budget}?anio=${year}`} leftSection={<IconCoin size={16} />}>
              {t('contracts.expenses.toBudget')}
            </Button>
            {canWrite && <NewButton label={t('contracts.expenses.record')} onClick={() => setAdding(true)} />}
          </>
        }
      />
      <YearBar label={t('contracts.expenses.year')} year={year} near={thisYear - 1} onYear={(y) => setParam('anio', String(y))}>
        <ChoiceFilter
          label={t('contracts.expenses.line')}
          placeholder={t('contracts.expenses.allLines')}
          data={lineOptions}
          value={line}
          onChange={(v) => setParam('linea', v)}
          w={200}
        />
        {list.data && (
          <Text size="sm" fw={600} data-testid="expenses-total">
            {t('contracts.expenses.total', { count: inForce.length, amount: money(inForce.reduce((a, e) => a + e.amountCentimos, 0)) })}
          </Text>
        )}
        <SavedViews view={view} />
      </YearBar>
      {list.data && rows.length === 0 ? (
        <EmptyState title={t('contracts.expenses.title')} text={t('contracts.expenses.empty', { year })} />
      ) : (
        <Card withBorder padding="md">
          <Table.ScrollContainer minWidth={900}>
            <RowsTable
              verticalSpacing="xs"
              highlightOnHover
              data-testid="expenses-table"
              head={
                <>
                  <Table.Th>{t('contracts.expenses.date')}</Table.Th>
                  <Table.Th>{t('contracts.expenses.line')}</Table.Th>
                  <Table.Th>{t('contracts.expenses.supplier')}</Table.Th>
                  <Table.Th>{t('contracts.expenses.document')}</Table.Th>
                  <Table.Th>{t('contracts.expenses.description')}</Table.Th>
                  <Table.Th ta="right">{t('contracts.expenses.amount')}</Table.Th>
                  <Table.Th w={50} />
                </>
              }
              records={rows}
              row={(e) => (
                <Table.Tr key={e.id} c={e.voided ? 'dimmed' : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.date)}</Table.Td>
                  <Table.Td>{t(`contracts.budgetLines.${e.line}`)}</Table.Td>
                  <TwoLineCell detail={`RUC ${e.supplierRuc}`}>{e.supplierName}</TwoLineCell>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{e.documentNumber}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`contracts.expenseDocumentTypes.${e.documentType}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm">{e.description}</Text>
                      {e.link && (
                        <Text size="xs" c="dimmed">
                          {t(`contracts.expenseLinkKinds.${e.link.kind}`)}: {e.link.name}
                        </Text>
                      )}
                      {e.voided && (
                        <Group gap={6}>
                          <Badge color="gray" variant="light" size="sm">
                            {t('contracts.expenses.voided')}
                          </Badge>
                          <Text size="xs" c="dimmed">
                            {t('contracts.expenses.voidedBy', {
                              date: formatDateTime(e.voidedAt ?? ''),
                              user: e.voidedBy ?? '',
                              reason: e.voidReason ?? '',
                            })}
                          </Text>
                        </Group>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap', textDecoration: e.voided ? 'line-through' : undefined }}>
                    {money(e.amountCentimos)}
                  </Table.Td>
                  <Table.Td>
                    <RowAction
                      label={t('contracts.expenses.void')}
                      name={e.documentNumber}
                      color="red"
                      hidden={!canWrite || e.voided}
                      onClick={() => setVoiding(e)}
                    >
                      <IconBan size={16} />
                    </RowAction>
                  </Table.Td>
                </Table.Tr>
              )}
            />
          </Table.ScrollContainer>
        </Card>
      )}
      <MountOnOpen opened={adding}>
        <ExpenseFormModal opened={adding} onClose={() => setAdding(false)} year={year} />
      </MountOnOpen>
      <VoidExpenseModal expense={voiding} onClose={() => setVoiding(null)} />
    </>
  );
}
