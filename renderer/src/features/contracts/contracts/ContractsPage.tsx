import { Alert, NumberInput, Stack, Text } from '@mantine/core';
import { HoverTooltip } from '../../../components/HoverTooltip';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../../../../shared/format';
import {
  budgetLines,
  contractStatuses,
  modalities,
  type BudgetLine,
  type ContractStatus,
  type Modality,
} from '../../../../../shared/contracts/rules';
import { contractSortColumns, type Contract, type ContractFilter, type ContractWarning } from '../../../../../shared/contracts/schemas';
import { call } from '../../../api';
import { CellText } from '../../../components/cells';
import { ColumnPicker, shownColumns, useHiddenColumns } from '../../../components/ColumnPicker';
import { ExportMenu } from '../../../components/ExportMenu';
import { MountOnOpen } from '../../../components/MountOnOpen';
import { detailsColumn, EstablishmentFilter, ListEmptyState, ListTable, useRecordParam } from '../../../components/ListPage';
import { ListFilters, NewButton, useFilteredList, useFormDialog } from '../../../components/ListTools';
import { CatalogChoiceFilter } from '../../../components/CatalogChoiceFilter';
import { usePagedQuery } from '../../../components/usePagedQuery';
import { ImportButton } from '../../../components/import/ImportButton';
import { PageHeader } from '../../../components/PageHeader';
import { useCan } from '../../../components/session';
import { ContractStatusBadge } from '../ui';
import { useMoney } from '../../../components/money';
import { ContractDrawer, type LifecycleAction } from './ContractDrawer';
import { ContractFormModal } from './ContractFormModal';
import { ActivateModal, RenewModal, TerminateModal } from './LifecycleModals';

const filterStyle = { flex: '1 1 0', minWidth: 140 } as const;

/**
 * Contracts and service orders: who, which number, where, until when, for how much and in
 * which status (por vencer 30 days before the end). Filters and sorting run in main; the list
 * exports as shown. Deep links: ?ficha=<id>, ?estado=<status>, ?nuevo=1&docente=<id>.
 */
export function ContractsPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const [params, setParams] = useSearchParams();
  const state = useFilteredList<
    Contract,
    { status: string | null; modality: string | null; establishment: string | null; line: string | null; year: number | string }
  >({
    view: 'contracts.list',
    filters: { status: null, modality: null, establishment: null, line: null, year: '' },
    initial: { status: params.get('estado') },
    sort: { columnAccessor: 'endDate', direction: 'asc' },
    pageSizeKey: 'arteinpe.contracts.pageSize',
    onClear: () =>
      setParams((p) => {
        p.delete('estado');
        return p;
      }),
  });
  const { list: listState, filters } = state;
  const { status, modality, establishment, line, year } = filters.values;
  const { debouncedSearch: debounced, sortStatus } = listState;
  const [hidden, setHidden] = useHiddenColumns('arteinpe.contracts.hiddenColumns', ['modality', 'budgetLine', 'hoursPerWeek']);
  const form = useFormDialog<Contract>(['docente']);
  const [lifecycle, setLifecycle] = useState<{ action: Exclude<LifecycleAction, 'edit'>; contract: Contract } | null>(null);
  const [warnings, setWarnings] = useState<{ number: string; list: ContractWarning[] } | null>(null);
  const { recordId, openRecord, closeRecord } = useRecordParam();
  const presetTeacher = params.get('docente');
  const canWrite = useCan('contracts.create');

  const filter = useMemo<ContractFilter>(
    () => ({
      search: debounced,
      status: status as ContractStatus | null,
      modality: modality as Modality | null,
      establishmentId: establishment === null ? null : Number(establishment),
      budgetLine: line as BudgetLine | null,
      year: typeof year === 'number' && year >= 2000 && year <= 2100 ? year : null,
    }),
    [debounced, status, modality, establishment, line, year],
  );
  const { query: list, sort } = usePagedQuery('contracts.list', filter, listState, contractSortColumns, 'endDate');
  const total = list.data?.total ?? 0;
  const afterSave = (c: Contract, w: ContractWarning[]) => {
    setWarnings(w.length ? { number: c.number, list: w } : null);
    openRecord(c.id);
  };
  const onAction = (action: LifecycleAction, c: Contract) => {
    if (action === 'edit') form.openEdit(c);
    else setLifecycle({ action, contract: c });
  };

  const columnLabels: Record<string, string> = {
    number: t('contracts.contracts.number'),
    teacher: t('contracts.contracts.teacher'),
    modality: t('contracts.contracts.modality'),
    establishments: t('contracts.contracts.establishments'),
    startDate: t('contracts.contracts.startDate'),
    endDate: t('contracts.contracts.endDate'),
    amount: t('contracts.contracts.amount'),
    hoursPerWeek: t('contracts.contracts.hoursPerWeek'),
    budgetLine: t('contracts.contracts.budgetLine'),
    status: t('contracts.contracts.status'),
  };

  const dataColumns: DataTableColumn<Contract>[] = [
    {
      accessor: 'number',
      sortable: true,
      noWrap: true,
      render: (c) => (
        <div style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
          <CellText strong>{c.number}</CellText>
          {c.previousNumber && (
            <HoverTooltip label={`${t('contracts.contracts.previous')} ${c.previousNumber}`}>
              <IconRefresh size={14} aria-label={`${t('contracts.contracts.previous')} ${c.previousNumber}`} />
            </HoverTooltip>
          )}
          {c.overBudget && (
            <HoverTooltip label={t('contracts.contracts.overBudget')}>
              <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-label={t('contracts.contracts.overBudget')} />
            </HoverTooltip>
          )}
        </div>
      ),
    },
    {
      accessor: 'teacher',
      sortable: true,
      render: (c) => (
        <>
          <CellText>{c.teacherName}</CellText>
          <CellText size="xs" dimmed>
            {t(`contracts.modalitiesShort.${c.modality}`)}
          </CellText>
        </>
      ),
    },
    { accessor: 'modality', render: (c) => t(`contracts.modalities.${c.modality}`) },
    {
      accessor: 'establishments',
      render: (c) => (
        <>
          {c.establishments.map((e) => (
            <CellText
              key={e.establishmentId}
              title={e.linkedWorkshops.length > 0 ? `${e.name}: ${e.linkedWorkshops.map((w) => w.name).join(', ')}` : e.name}
            >
              {e.name}
            </CellText>
          ))}
        </>
      ),
    },
    { accessor: 'startDate', sortable: true, noWrap: true, render: (c) => formatDate(c.startDate) },
    {
      accessor: 'endDate',
      sortable: true,
      noWrap: true,
      render: (c) => (
        <>
          <CellText>{formatDate(c.endDate)}</CellText>
          {c.status === 'por_vencer' && (
            <Text size="xs" c="orange.8" fw={600}>
              {c.daysToEnd === 0 ? t('contracts.contracts.endsToday') : t('contracts.contracts.endsIn', { count: c.daysToEnd })}
            </Text>
          )}
        </>
      ),
    },
    {
      accessor: 'amount',
      sortable: true,
      noWrap: true,
      textAlign: 'right',
      render: (c) =>
        c.amountCentimos === 0 ? (
          <CellText dimmed>{t('contracts.contracts.noFee')}</CellText>
        ) : (
          <>
            <CellText>{money(c.amountCentimos)}</CellText>
            <CellText size="xs" dimmed>
              {c.amountType === 'mensual' ? t('contracts.amountTypes.mensual') : t('contracts.contracts.total')}
            </CellText>
          </>
        ),
    },
    { accessor: 'hoursPerWeek', textAlign: 'right' },
    { accessor: 'budgetLine', render: (c) => t(`contracts.budgetLines.${c.budgetLine}`) },
    { accessor: 'status', sortable: true, noWrap: true, render: (c) => <ContractStatusBadge status={c.status} /> },
  ];
  const columns = shownColumns(dataColumns, columnLabels, hidden);
  columns.push(
    detailsColumn<Contract>(
      t('contracts.contracts.details'),
      (c) => c.number,
      (c) => openRecord(c.id),
    ),
  );

  return (
    <>
      <PageHeader
        title={t('contracts.contracts.title')}
        subtitle={t('contracts.contracts.subtitle')}
        actions={
          <>
            <ColumnPicker labels={columnLabels} hidden={hidden} onChange={setHidden} />
            <ExportMenu
              disabled={total === 0}
              onExport={(format) => call('contracts.export', { filter, format, sort, direction: sortStatus.direction })}
            />
            {canWrite && <ImportButton target="contracts" />}
            {canWrite && <NewButton label={t('contracts.contracts.new')} onClick={form.openNew} />}
          </>
        }
      />
      {warnings && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle />}
          mb="sm"
          withCloseButton
          onClose={() => setWarnings(null)}
          title={`${t('contracts.contracts.warningsTitle')}: ${warnings.number}`}
        >
          <Stack gap={2}>
            {warnings.list.map((w) => (
              <Text size="sm" key={w.message}>
                {w.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <ListFilters state={state} placeholder={t('contracts.contracts.searchPlaceholder')}>
        <CatalogChoiceFilter
          label={t('contracts.contracts.status')}
          values={contractStatuses}
          prefix="contracts.statuses"
          {...filters.bind('status')}
          style={filterStyle}
        />
        <CatalogChoiceFilter
          label={t('contracts.contracts.modality')}
          values={modalities}
          prefix="contracts.modalities"
          {...filters.bind('modality')}
          comboboxProps={{ width: 240 }}
          style={filterStyle}
        />
        <EstablishmentFilter
          label={t('contracts.contracts.establishment')}
          {...filters.bind('establishment')}
          style={{ ...filterStyle, flexGrow: 1.4 }}
        />
        <CatalogChoiceFilter
          label={t('contracts.contracts.budgetLine')}
          values={budgetLines}
          prefix="contracts.budgetLines"
          {...filters.bind('line')}
          style={{ ...filterStyle, minWidth: 170 }}
        />
        <NumberInput
          hideControls
          label={t('contracts.contracts.year')}
          placeholder={t('common.all')}
          {...filters.bind('year')}
          min={2000}
          max={2100}
          allowDecimal={false}
          w={90}
        />
      </ListFilters>

      <ListTable<Contract>
        list={listState}
        query={list}
        onRowClick={(record) => openRecord(record.id)}
        rowStyle={(c) => (c.status === 'resuelto' ? { opacity: 0.65 } : undefined)}
        columns={columns}
        emptyState={
          <ListEmptyState
            filtered={state.filtered}
            texts="contracts.contracts"
            onNew={list.data && total === 0 && canWrite ? form.openNew : undefined}
          />
        }
      />
      {/* The dialogs (their forms, what they read) are built when they first open. */}
      <MountOnOpen opened={form.opened}>
        <ContractFormModal
          opened={form.opened}
          onClose={form.close}
          contract={form.record}
          presetTeacherId={presetTeacher}
          onSaved={afterSave}
        />
      </MountOnOpen>
      <ContractDrawer contractId={recordId} onClose={closeRecord} onAction={onAction} />
      <MountOnOpen opened={lifecycle?.action === 'activate'}>
        <ActivateModal
          contract={lifecycle?.action === 'activate' ? lifecycle.contract : null}
          onClose={() => setLifecycle(null)}
          onDone={afterSave}
        />
      </MountOnOpen>
      <MountOnOpen opened={lifecycle?.action === 'terminate'}>
        <TerminateModal
          contract={lifecycle?.action === 'terminate' ? lifecycle.contract : null}
          onClose={() => setLifecycle(null)}
          onDone={afterSave}
        />
      </MountOnOpen>
      <MountOnOpen opened={lifecycle?.action === 'renew'}>
        <RenewModal
          contract={lifecycle?.action === 'renew' ? lifecycle.contract : null}
          onClose={() => setLifecycle(null)}
          onDone={afterSave}
        />
      </MountOnOpen>
    </>
  );
}
