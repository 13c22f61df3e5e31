import { Group, Switch, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { IconEdit, IconFileDescription } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../shared/establishments/schemas';
import { useApiQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { MountOnOpen } from '../../components/MountOnOpen';
import { EstablishmentFilter, ListEmptyState, ListTable, useRecordParam } from '../../components/ListPage';
import { ListFilters, NewButton, useFilteredList, useFormDialog } from '../../components/ListTools';
import { PageHeader } from '../../components/PageHeader';
import { RowAction } from '../../components/RecordParts';
import { useCan } from '../../components/session';
import { StaffDrawer } from './StaffDrawer';
import { StaffFormModal } from './StaffFormModal';
import { CellBadge } from '../../components/cells';
import { ListExportMenu } from '../../components/ExportMenu';

/**
 * "Personal INPE": the staff of each establishment who may hold instruments (issue 15), by
 * establishment and name; a row opens the member's record with what they hold (?ficha=<id>).
 */
export function StaffPage() {
  const { t } = useTranslation();
  const state = useFilteredList<StaffMember, { establishment: string | null; inactive: boolean }>({
    view: 'staff.list',
    filters: { establishment: null, inactive: false },
    // main lists by establishment, then by name.
    sort: { columnAccessor: 'establishmentName', direction: 'asc' },
    pageSizeKey: 'arteinpe.staff.pageSize',
  });
  const { establishment, inactive } = state.filters.values;
  const exportQuery = {
    establishmentId: establishment === null ? null : Number(establishment),
    search: state.list.debouncedSearch,
    includeInactive: inactive,
  };
  const list = useApiQuery('staff.list', exportQuery, { placeholderData: keepPreviousData });
  const canCreate = useCan('staff.create');
  const canEdit = useCan('staff.update');
  const form = useFormDialog<StaffMember>();
  const { recordId, openRecord, closeRecord } = useRecordParam();
  // main answers the whole register (a few per establishment); the table shows it a page at a time.
  const { page, pageSize, setPage } = state.list;
  const rows = list.data ?? [];
  const lastPage = Math.max(1, Math.ceil(rows.length / pageSize));
  useEffect(() => {
    if (page > lastPage) setPage(lastPage); // fewer rows than before (one made inactive on the last page)
  }, [page, lastPage, setPage]);

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const shown = { rows: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize };

  const columns: DataTableColumn<StaffMember>[] = [
    {
      accessor: 'fullName',
      title: t('establishments.staff.fullName'),
      render: (m) => (
        <Text size="sm" fw={600}>
          {m.fullName}
        </Text>
      ),
    },
    { accessor: 'role', title: t('establishments.staff.role') },
    { accessor: 'establishmentName', title: t('establishments.staff.establishment') },
    {
      accessor: 'active',
      title: t('common.status'),
      width: 120,
      render: (m) => (
        <CellBadge color={m.active ? 'teal' : 'gray'} variant="dot">
          {t(m.active ? 'common.active' : 'common.inactive')}
        </CellBadge>
      ),
    },
    {
      accessor: 'actions',
      title: '',
      textAlign: 'right',
      width: 96,
      render: (m) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {canEdit && (
            <RowAction
              label={t('common.edit')}
              name={m.fullName}
              onClick={(e) => {
                e.stopPropagation();
                form.openEdit(m);
              }}
            >
              <IconEdit size={18} />
            </RowAction>
          )}
          <RowAction
            label={t('establishments.staff.details')}
            name={m.fullName}
            onClick={(e) => {
              e.stopPropagation();
              openRecord(m.id);
            }}
          >
            <IconFileDescription size={18} />
          </RowAction>
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('establishments.staff.title')}
        subtitle={t('establishments.staff.subtitle')}
        actions={
          <>
            <ListExportMenu list="staff.list" query={exportQuery} />
            {canCreate && <NewButton label={t('establishments.staff.new')} onClick={form.openNew} />}
          </>
        }
      />
      <ListFilters state={state} placeholder={t('establishments.staff.searchPlaceholder')}>
        <EstablishmentFilter
          label={t('establishments.staff.filterEstablishment')}
          {...state.filters.bind('establishment')}
          style={{ flex: '1 1 0', minWidth: 220 }}
        />
        <Switch
          label={t('establishments.staff.showInactive')}
          checked={inactive}
          onChange={(e) => state.filters.set('inactive', e.currentTarget.checked)}
          mb={8}
        />
      </ListFilters>
      <ListTable<StaffMember>
        list={state.list}
        query={{ data: list.data ? shown : undefined, isLoading: list.isPending }}
        columns={columns}
        emptyHeight={240}
        onRowClick={(m) => openRecord(m.id)}
        rowStyle={(m) => (m.active ? undefined : { opacity: 0.6 })}
        emptyState={<ListEmptyState filtered={state.filtered} onNew={canCreate ? form.openNew : undefined} texts="establishments.staff" />}
      />
      <MountOnOpen opened={form.opened}>
        <StaffFormModal opened={form.opened} onClose={form.close} member={form.record} establishmentId={establishment} />
      </MountOnOpen>
      <StaffDrawer id={recordId} onClose={closeRecord} onEdit={form.openEdit} />
    </>
  );
}
