import { ActionIcon, Anchor, Badge, Button, Card, Group, Menu, Table, Text, Title } from '@mantine/core';
import { CellText } from '../../../components/cells';
import { HoverTooltip } from '../../../components/HoverTooltip';
import plainRows from '../../../components/plainRows.module.css';
import { RowMenu } from '../../../components/RecordParts';
import { MonthPickerInput } from '@mantine/dates';
import { IconCash, IconCheck, IconEdit, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../../shared/format';
import {
  conformitySortColumns,
  conformityStatuses,
  type Conformity,
  type ConformityListQuery,
} from '../../../../../shared/contracts/schemas';
import { useApiQuery } from '../../../api';
import { routes } from '../../../app/routes';
import { ListEmptyState, ListTable } from '../../../components/ListPage';
import { MountOnOpen } from '../../../components/MountOnOpen';
import { ListFilters, NewButton, useFilteredList } from '../../../components/ListTools';
import { CatalogChoiceFilter } from '../../../components/CatalogChoiceFilter';
import { usePagedQuery } from '../../../components/usePagedQuery';
import { ImportButton } from '../../../components/import/ImportButton';
import { PageHeader } from '../../../components/PageHeader';
import { PapersButton } from '../../../components/PapersPanel';
import { useCan } from '../../../components/session';
import { usePeriodLabel } from '../../../components/numbers';
import { ConformityStatusBadge, ContractStatusBadge } from '../ui';
import { useMoney } from '../../../components/money';
import { ConformityFormModal } from './ConformityFormModal';
import { useHours } from './DeliveredNotice';
import { PayModal, VoidModal } from './PaymentModals';
import { ListExportMenu } from '../../../components/ExportMenu';
import { RowsTable } from '../../../components/RowsTable';

/** `label` worked out once per value: a month's name takes a new date formatter, and the tables name the same few months in every row. */
function once(label: (period: string) => string): (period: string) => string {
  const known = new Map<string, string>();
  return (period) => {
    let text = known.get(period);
    if (text === undefined) known.set(period, (text = label(period)));
    return text;
  };
}

/**
 * The monthly sign-off desk: first the months that should have a conformity and do not, each
 * with its "Registrar conformidad"; then every conformity with its receipt, withholding, net
 * and payment, filtered in main, with the totals of the filter.
 */
export function ConformitiesPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const hours = useHours();
  const periodLabel = once(usePeriodLabel());
  const state = useFilteredList<Conformity, Record<'status' | 'from' | 'to', string | null>>({
    view: 'conformities.list',
    filters: { status: null, from: null, to: null },
    sort: { columnAccessor: 'period', direction: 'desc' },
    pageSizeKey: 'arteinpe.conformities.pageSize',
  });
  const { list: listState, filters } = state;
  const { status, from, to } = filters.values;
  const debounced = listState.debouncedSearch;
  const month = { valueFormat: 'MM/YYYY', clearable: true, w: 150, placeholder: t('contracts.conformities.monthPlaceholder') };
  const [form, setForm] = useState<{ conformity: Conformity | null; contractId: number | null; period: string | null } | null>(null);
  const [paying, setPaying] = useState<Conformity | null>(null);
  const [voiding, setVoiding] = useState<Conformity | null>(null);
  const missing = useApiQuery('conformities.missing', { limit: 200 });
  const canWrite = useCan('conformities.create');

  const query = useMemo<ConformityListQuery>(
    () => ({
      search: debounced,
      status: status as Conformity['status'] | null,
      periodFrom: from ? from.slice(0, 7) : null,
      periodTo: to ? to.slice(0, 7) : null,
    }),
    [debounced, status, from, to],
  );
  const { query: list, input: exportQuery } = usePagedQuery('conformities.list', query, listState, conformitySortColumns, 'period');
  const total = list.data?.total ?? 0;
  const m = missing.data;

  return (
    <>
      <PageHeader
        title={t('contracts.conformities.title')}
        subtitle={t('contracts.conformities.subtitle')}
        actions={
          <>
            <ListExportMenu list="conformities.list" query={exportQuery} />
            {canWrite && (
              <>
                <ImportButton target="conformities" />
                <NewButton
                  label={t('contracts.conformities.register')}
                  onClick={() => setForm({ conformity: null, contractId: null, period: null })}
                />
              </>
            )}
          </>
        }
      />

      <Card withBorder padding="md" mb="md" data-testid="missing">
        <Group justify="space-between" mb="xs">
          <Group gap="xs">
            <Title order={4}>{t('contracts.conformities.missingTitle')}</Title>
            {m && m.total > 0 && (
              <Badge color="orange" variant="filled">
                {m.total}
              </Badge>
            )}
          </Group>
          {m && m.total > m.rows.length && (
            <Text size="xs" c="dimmed">
              {t('contracts.conformities.missingMore', { shown: m.rows.length, total: m.total })}
            </Text>
          )}
        </Group>
        <Text size="sm" c="dimmed" mb="xs">
          {t('contracts.conformities.missingText')}
        </Text>
        {m && m.rows.length === 0 ? (
          <Text size="sm" c="teal.8">
            {t('contracts.conformities.noneMissing')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={700} mah={320} type="native">
            <RowsTable
              verticalSpacing={4}
              striped
              stickyHeader
              plain
              head={
                <>
                  <Table.Th>{t('contracts.conformities.period')}</Table.Th>
                  <Table.Th>{t('contracts.conformities.contract')}</Table.Th>
                  <Table.Th>{t('contracts.conformities.teacher')}</Table.Th>
                  <Table.Th ta="right">{t('contracts.contracts.expected')}</Table.Th>
                  <Table.Th>{t('contracts.contracts.status')}</Table.Th>
                  <Table.Th />
                </>
              }
              records={m?.rows ?? []}
              row={(r) => (
                <tr key={`${r.contractId}-${r.period}`}>
                  <td style={{ whiteSpace: 'nowrap' }}>{periodLabel(r.period)}</td>
                  <td>
                    <Link className={plainRows.link} style={{ fontWeight: 600 }} to={`${routes.contracts}?ficha=${r.contractId}`}>
                      {r.contractNumber}
                    </Link>
                  </td>
                  <td>{r.teacherName}</td>
                  <td className={plainRows.end} style={{ whiteSpace: 'nowrap' }}>
                    {money(r.expectedCentimos)}
                  </td>
                  <td>
                    <ContractStatusBadge status={r.status} size="sm" />
                  </td>
                  <td className={plainRows.end} style={canWrite ? undefined : { display: 'none' }}>
                    <Button
                      size="compact-xs"
                      leftSection={<IconCheck size={12} />}
                      aria-label={`${t('contracts.conformities.register')}: ${r.contractNumber} ${periodLabel(r.period)}`}
                      onClick={() => setForm({ conformity: null, contractId: r.contractId, period: r.period })}
                    >
                      {t('contracts.conformities.register')}
                    </Button>
                  </td>
                </tr>
              )}
            />
          </Table.ScrollContainer>
        )}
      </Card>

      <Title order={4} mb="xs">
        {t('contracts.conformities.list')}
      </Title>
      <ListFilters state={state} placeholder={t('contracts.conformities.searchPlaceholder')}>
        <CatalogChoiceFilter
          label={t('contracts.conformities.status')}
          values={conformityStatuses}
          prefix="contracts.conformityStatuses"
          {...filters.bind('status')}
          w={190}
        />
        <MonthPickerInput label={t('contracts.conformities.periodFrom')} {...month} {...filters.bind('from')} />
        <MonthPickerInput label={t('contracts.conformities.periodTo')} {...month} {...filters.bind('to')} />
      </ListFilters>
      {list.data && total > 0 && (
        <Text size="sm" mb="xs" data-testid="conformity-totals">
          {t('contracts.conformities.totals', {
            gross: money(list.data.totals.grossCentimos),
            retention: money(list.data.totals.retentionCentimos),
            net: money(list.data.totals.netCentimos),
          })}
        </Text>
      )}
      <ListTable<Conformity>
        list={listState}
        query={list}
        emptyHeight={220}
        rowStyle={(f) => (f.status === 'anulada' ? { opacity: 0.55, textDecoration: 'line-through' } : undefined)}
        columns={[
          {
            accessor: 'period',
            title: t('contracts.conformities.period'),
            sortable: true,
            noWrap: true,
            // Under the month, what was delivered in it (sessions · hours), or that no session is recorded.
            render: (f) => (
              <>
                <CellText>{periodLabel(f.period)}</CellText>
                {f.delivered.sessions === 0 ? (
                  <Badge color="yellow" variant="light" size="sm" tt="none">
                    {t('contracts.workshopLinks.delivered.none')}
                  </Badge>
                ) : (
                  <CellText size="xs" dimmed title={t('contracts.workshopLinks.delivered.column')}>
                    {t('contracts.workshopLinks.delivered.cell', { count: f.delivered.sessions, hours: hours(f.delivered.minutes) })}
                  </CellText>
                )}
              </>
            ),
          },
          {
            accessor: 'contract',
            title: t('contracts.conformities.contract'),
            sortable: true,
            render: (f) => (
              <>
                <Anchor
                  component={Link}
                  to={`${routes.contracts}?ficha=${f.contractId}`}
                  size="sm"
                  fw={600}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {f.contractNumber}
                </Anchor>
                <CellText size="xs" dimmed clamp title={f.teacherName}>
                  {f.teacherName}
                </CellText>
              </>
            ),
          },
          {
            accessor: 'conformityDate',
            title: t('contracts.conformities.conformityDate'),
            sortable: true,
            render: (f) => (
              <>
                {/* The date and the receipt each stay whole; the receipt goes below when the column is narrow. */}
                <CellText>
                  <span style={{ whiteSpace: 'nowrap' }}>{formatDate(f.conformityDate)}</span>
                  {f.receiptNumber && (
                    <>
                      {' '}
                      <CellText inline size="xs" dimmed nowrap>
                        · {t('contracts.conformities.receiptShort')} {f.receiptNumber}
                      </CellText>
                    </>
                  )}
                </CellText>
                <CellText size="xs" dimmed clamp title={f.givenBy}>
                  {f.givenBy}
                </CellText>
              </>
            ),
          },
          {
            accessor: 'gross',
            title: t('contracts.conformities.gross'),
            sortable: true,
            textAlign: 'right',
            noWrap: true,
            render: (f) => money(f.grossCentimos),
          },
          {
            accessor: 'retention',
            title: t('contracts.conformities.retention'),
            textAlign: 'right',
            noWrap: true,
            render: (f) => (f.suspended ? <CellText dimmed>{t('contracts.conformities.suspended')}</CellText> : money(f.retentionCentimos)),
          },
          {
            accessor: 'net',
            title: t('contracts.conformities.net'),
            textAlign: 'right',
            noWrap: true,
            render: (f) => <CellText strong>{money(f.netCentimos)}</CellText>,
          },
          {
            accessor: 'paymentDate',
            title: t('contracts.conformities.paymentDate'),
            sortable: true,
            render: (f) => (
              <>
                <ConformityStatusBadge status={f.status} />
                {f.paymentDate && (
                  // The date and the payment's reference each stay whole; the reference goes below when the column is narrow.
                  <CellText size="xs" dimmed>
                    <span style={{ whiteSpace: 'nowrap' }}>{formatDate(f.paymentDate)}</span>
                    {f.paymentReference ? (
                      <>
                        {' '}
                        <span style={{ whiteSpace: 'nowrap' }}>· {f.paymentReference}</span>
                      </>
                    ) : null}
                  </CellText>
                )}
                {f.voidReason && (
                  <CellText size="xs" dimmed>
                    {f.voidReason}
                  </CellText>
                )}
              </>
            ),
          },
          {
            accessor: 'actions',
            title: '',
            width: 116,
            render: (f) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <PapersButton prefix="conformities" id={f.id} name={`${f.contractNumber} ${periodLabel(f.period)}`} />
                {f.status === 'pendiente_pago' && canWrite && (
                  <>
                    <HoverTooltip label={t('contracts.conformities.pay')}>
                      <ActionIcon variant="filled" aria-label={t('contracts.conformities.pay')} onClick={() => setPaying(f)}>
                        <IconCash size={16} />
                      </ActionIcon>
                    </HoverTooltip>
                    <RowMenu label={`${t('contracts.conformities.actions')}: ${f.contractNumber} ${periodLabel(f.period)}`}>
                      <Menu.Item
                        leftSection={<IconEdit size={14} />}
                        onClick={() => setForm({ conformity: f, contractId: f.contractId, period: f.period })}
                      >
                        {t('contracts.conformities.editTitle')}
                      </Menu.Item>
                      <Menu.Item color="red" leftSection={<IconX size={14} />} onClick={() => setVoiding(f)}>
                        {t('contracts.conformities.void')}
                      </Menu.Item>
                    </RowMenu>
                  </>
                )}
              </Group>
            ),
          },
        ]}
        emptyState={<ListEmptyState filtered={state.filtered} texts="contracts.conformities" />}
      />
      {/* The dialogs (their forms, what they read) are built when they first open. */}
      <MountOnOpen opened={form !== null}>
        <ConformityFormModal
          opened={form !== null}
          onClose={() => setForm(null)}
          conformity={form?.conformity ?? null}
          presetContractId={form?.contractId ?? null}
          presetPeriod={form?.period ?? null}
        />
      </MountOnOpen>
      <MountOnOpen opened={paying !== null}>
        <PayModal conformity={paying} onClose={() => setPaying(null)} />
      </MountOnOpen>
      <MountOnOpen opened={voiding !== null}>
        <VoidModal conformity={voiding} onClose={() => setVoiding(null)} />
      </MountOnOpen>
    </>
  );
}
