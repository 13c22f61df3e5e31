import { Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconUsersGroup } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../../../shared/format';
import { establishmentSortColumns, populations, type Establishment, type Population } from '../../../../shared/establishments/schemas';
import { call, useApiMutation, useApiQuery } from '../../api';
import { ColumnPicker, shownColumns, useHiddenColumns } from '../../components/ColumnPicker';
import { ExportMenu } from '../../components/ExportMenu';
import { ImportButton } from '../../components/import/ImportButton';
import { ListEmptyState, ListTable } from '../../components/ListPage';
import {
  ActiveFilter,
  ChoiceFilter,
  ListFilters,
  NewButton,
  useFilteredList,
  useFormDialog,
  type ActiveStatus,
} from '../../components/ListTools';
import { CatalogChoiceFilter } from '../../components/CatalogChoiceFilter';
import { usePagedQuery } from '../../components/usePagedQuery';
import { PageHeader } from '../../components/PageHeader';
import { EstablishmentFormModal } from './EstablishmentFormModal';
import { PopulationDrawer } from './PopulationDrawer';
import { useCan } from '../../components/session';
import { ActiveToggleAction, RemoveAction, RowAction } from '../../components/RecordParts';
import { CellBadge, CellText } from '../../components/cells';
import { MountOnOpen } from '../../components/MountOnOpen';

export function EstablishmentsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();

  const state = useFilteredList<
    Establishment,
    { regionalOfficeId: string | null; population: string | null; programme: string | null; status: ActiveStatus }
  >({
    view: 'establishments.list',
    filters: { regionalOfficeId: null, population: null, programme: null, status: 'all' },
    initial: { regionalOfficeId: params.get('oficina') },
    sort: { columnAccessor: 'name', direction: 'asc' },
    pageSizeKey: 'arteinpe.establishments.pageSize',
    onClear: () => setParams({}),
  });
  const { list: listState, filters } = state;
  const { regionalOfficeId, population, programme, status } = filters.values;
  const debouncedSearch = listState.debouncedSearch;
  const [hidden, setHidden] = useHiddenColumns('arteinpe.establishments.hiddenColumns', ['loanDays', 'updatedAt']);
  const form = useFormDialog<Establishment>([]);

  const filter = useMemo(
    () => ({
      search: debouncedSearch,
      regionalOfficeId: regionalOfficeId === null ? null : Number(regionalOfficeId),
      population: population as Population | null,
      inProgramme: programme === null ? null : programme === 'yes',
      status,
    }),
    [debouncedSearch, regionalOfficeId, population, programme, status],
  );

  const offices = useApiQuery('regionalOffices.list', {});
  const { query: list, sort } = usePagedQuery('establishments.list', filter, listState, establishmentSortColumns, 'name');
  const setActive = useApiMutation('establishments.setActive');
  // Everyone reads the establishments; only the administrador changes them (main enforces it).
  const canWrite = useCan('establishments.create');
  // The population counts: the programme's coordinators, the administrador and the read-only role.
  const canPopulation = useCan('population.list');
  const [counted, setCounted] = useState<Establishment | null>(null);
  const remove = useApiMutation('establishments.delete');

  const openEdit = form.openEdit;

  const failed = (err: Error) => notifications.show({ color: 'red', message: err.message, autoClose: 10000 });

  const toggleActive = (e: Establishment) =>
    setActive.mutate(
      { id: e.id, version: e.version, active: !e.active },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'teal',
            message: t(saved.active ? 'establishments.reactivated' : 'establishments.deactivated', { name: saved.name }),
          }),
        onError: failed,
      },
    );

  const confirmDelete = (e: Establishment) =>
    modals.openConfirmModal({
      title: t('establishments.deleteTitle'),
      children: <Text size="sm">{t('establishments.deleteConfirm', { name: e.name })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(
          { id: e.id },
          {
            onSuccess: () => notifications.show({ color: 'teal', message: t('establishments.deleted', { name: e.name }) }),
            onError: failed,
          },
        ),
    });

  const columnLabels: Record<string, string> = {
    code: t('establishments.code'),
    name: t('establishments.name'),
    regionalOffice: t('establishments.regionalOffice'),
    population: t('establishments.population'),
    city: t('establishments.city'),
    inProgramme: t('establishments.inProgramme'),
    loanDays: t('establishments.loanDaysColumn'),
    active: t('common.status'),
    updatedAt: t('common.updatedAt'),
  };

  const dataColumns: DataTableColumn<Establishment>[] = [
    { accessor: 'code', sortable: true, width: 130 },
    { accessor: 'name', sortable: true },
    { accessor: 'regionalOffice', sortable: true, render: (e) => e.regionalOfficeName },
    { accessor: 'population', sortable: true, render: (e) => t(`establishments.populations.${e.population}`) },
    { accessor: 'city', sortable: true },
    {
      accessor: 'inProgramme',
      sortable: true,
      render: (e) =>
        e.inProgramme ? <CellBadge variant="light">{t('common.yes')}</CellBadge> : <CellText dimmed>{t('common.no')}</CellText>,
    },
    {
      accessor: 'loanDays',
      textAlign: 'right',
      noWrap: true,
      render: (e) => (e.loanDays === null ? '' : t('establishments.loanDaysValue', { count: e.loanDays })),
    },
    {
      accessor: 'active',
      sortable: true,
      noWrap: true,
      width: 120,
      render: (e) =>
        e.active ? (
          <CellBadge color="teal" variant="dot">
            {t('common.active')}
          </CellBadge>
        ) : (
          <CellBadge color="gray" variant="dot">
            {t('common.inactive')}
          </CellBadge>
        ),
    },
    { accessor: 'updatedAt', sortable: true, render: (e) => formatDateTime(e.updatedAt) },
  ];
  const columns = shownColumns(dataColumns, columnLabels, hidden);

  if (canWrite || canPopulation)
    columns.push({
      accessor: 'actions',
      title: t('common.actions'),
      textAlign: 'right',
      width: canWrite ? 165 : 70,
      render: (e) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {canPopulation && (
            <RowAction label={t('establishments.headcount.open')} name={e.name} onClick={() => setCounted(e)}>
              <IconUsersGroup size={18} />
            </RowAction>
          )}
          {canWrite && establishmentActions(e)}
        </Group>
      ),
    });

  function establishmentActions(e: Establishment) {
    return (
      <>
        <RowAction label={t('common.edit')} name={e.name} onClick={() => openEdit(e)}>
          <IconEdit size={18} />
        </RowAction>
        <ActiveToggleAction
          active={e.active}
          labels={{ deactivate: t('establishments.deactivate'), reactivate: t('establishments.reactivate') }}
          name={e.name}
          onClick={() => toggleActive(e)}
        />
        <RemoveAction label={t('common.delete')} name={e.name} onClick={() => confirmDelete(e)} size={18} />
      </>
    );
  }

  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('establishments.title')}
        subtitle={t('establishments.subtitle')}
        actions={
          <>
            <ColumnPicker labels={columnLabels} hidden={hidden} onChange={setHidden} />
            <ExportMenu
              disabled={total === 0}
              onExport={(format) => call('establishments.export', { filter, format, sort, direction: listState.sortStatus.direction })}
            />
            {canWrite && <ImportButton target="establishments" />}
            {canWrite && <NewButton label={t('establishments.new')} onClick={form.openNew} />}
          </>
        }
      />

      <ListFilters state={state} placeholder={t('establishments.searchPlaceholder')} searchWidth={290}>
        <ChoiceFilter
          label={t('establishments.filterRegion')}
          data={(offices.data ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
          {...filters.bind('regionalOfficeId')}
          w={170}
        />
        <CatalogChoiceFilter
          label={t('establishments.filterPopulation')}
          values={populations}
          prefix="establishments.populations"
          {...filters.bind('population')}
          w={140}
        />
        <ChoiceFilter
          label={t('establishments.filterProgramme')}
          data={[
            { value: 'yes', label: t('establishments.inProgrammeOnly') },
            { value: 'no', label: t('establishments.notInProgramme') },
          ]}
          {...filters.bind('programme')}
          w={180}
        />
        <ActiveFilter {...filters.bind('status')} order={['all', 'active', 'inactive']} w={180} />
      </ListFilters>

      <ListTable<Establishment>
        list={listState}
        query={list}
        columns={columns}
        onRowDoubleClick={canWrite ? openEdit : undefined}
        rowStyle={(e) => (e.active ? undefined : { opacity: 0.6 })}
        emptyState={<ListEmptyState filtered={state.filtered} texts="establishments" />}
      />

      {/* The dialog and the drawer are built when they first open: the page does not pay for them on every visit. */}
      <MountOnOpen opened={form.opened}>
        <EstablishmentFormModal opened={form.opened} onClose={form.close} establishment={form.record} />
      </MountOnOpen>
      <MountOnOpen opened={counted !== null}>
        <PopulationDrawer establishment={counted} onClose={() => setCounted(null)} />
      </MountOnOpen>
    </>
  );
}
