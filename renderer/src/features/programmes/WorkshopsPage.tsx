import { ActionIcon, Button, Card, Group, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate } from '../../../../shared/format';
import { pageSizes } from '../../../../shared/ipc';
import { programmes, type Programme } from '../../../../shared/programmes/rules';
import { workshopSortColumns, type Workshop, type WorkshopFilter } from '../../../../shared/programmes/schemas';
import { call, useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { ExportMenu } from '../../components/ExportMenu';
import { useEstablishmentOptions } from '../../components/fields';
import { PageHeader } from '../../components/PageHeader';
import { accentFilter } from '../instruments/ui';
import { WorkshopFormModal } from './WorkshopFormModal';
import { useOptions } from './ui';

type Sort = (typeof workshopSortColumns)[number];
const filterStyle = { flex: '1 1 0', minWidth: 150 } as const;

/** The workshops: search, filters, sorting and paging in main; a row opens the workshop. */
export function WorkshopsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [programme, setProgramme] = useState<string | null>(null);
  const [establishment, setEstablishment] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('active');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [sortStatus, setSortStatus] = useState<DataTableSortStatus<Workshop>>({ columnAccessor: 'name', direction: 'asc' });
  const [formOpen, setFormOpen] = useState(false);
  const establishments = useEstablishmentOptions('all');
  const programmeOptions = useOptions(programmes, 'programmes.programmes');

  const filter = useMemo<WorkshopFilter>(
    () => ({ search: debounced, programme: programme as Programme | null, establishmentId: establishment ? Number(establishment) : null, status: status as 'active' }),
    [debounced, programme, establishment, status],
  );
  useEffect(() => setPage(1), [filter, pageSize]);
  const sort = (workshopSortColumns as readonly string[]).includes(String(sortStatus.columnAccessor)) ? (sortStatus.columnAccessor as Sort) : 'name';
  const list = useApiQuery('workshops.list', { ...filter, sort, direction: sortStatus.direction, page, pageSize }, { placeholderData: (p) => p });
  const total = list.data?.total ?? 0;
  const filtersActive = search !== '' || programme !== null || establishment !== null || status !== 'active';

  return (
    <>
      <PageHeader
        title={t('programmes.workshops.title')}
        subtitle={t('programmes.workshops.subtitle')}
        actions={
          <>
            <ExportMenu disabled={total === 0} onExport={(format) => call('workshops.export', { filter, format })} />
            <Button leftSection={<IconPlus size={16} />} onClick={() => setFormOpen(true)}>
              {t('programmes.workshops.new')}
            </Button>
          </>
        }
      />
      <Card withBorder padding="sm" mb="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            style={{ flex: '2 1 0', minWidth: 200 }}
            aria-label={t('common.search')}
            placeholder={t('programmes.workshops.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            rightSection={search ? <ActionIcon variant="subtle" size="sm" aria-label={t('common.clearFilters')} onClick={() => setSearch('')}><IconX size={14} /></ActionIcon> : null}
          />
          <Select label={t('programmes.workshops.programme')} placeholder={t('programmes.common.all')} clearable data={programmeOptions} value={programme} onChange={setProgramme} style={filterStyle} />
          <Select label={t('programmes.common.establishment')} placeholder={t('programmes.common.all')} clearable searchable filter={accentFilter} data={establishments} value={establishment} onChange={setEstablishment} style={{ ...filterStyle, flexGrow: 1.4 }} />
          <Select
            label={t('common.status')}
            data={[
              { value: 'active', label: t('common.activeOnly') },
              { value: 'inactive', label: t('common.inactiveOnly') },
              { value: 'all', label: t('common.activeAll') },
            ]}
            value={status}
            onChange={(v) => setStatus(v ?? 'active')}
            allowDeselect={false}
            style={filterStyle}
          />
          {filtersActive && (
            <Button variant="subtle" onClick={() => { setSearch(''); setProgramme(null); setEstablishment(null); setStatus('active'); }}>
              {t('common.clearFilters')}
            </Button>
          )}
        </Group>
      </Card>
      <DataTable<Workshop>
        withTableBorder
        borderRadius="sm"
        striped
        highlightOnHover
        minHeight={total === 0 ? 240 : undefined}
        records={list.data?.rows ?? []}
        fetching={list.isFetching && !list.data}
        totalRecords={total}
        recordsPerPage={pageSize}
        page={page}
        onPageChange={setPage}
        recordsPerPageOptions={[...pageSizes]}
        onRecordsPerPageChange={setPageSize}
        recordsPerPageLabel={t('common.perPage')}
        paginationText={({ from, to, totalRecords }) => t('common.pageOf', { from, to, total: totalRecords })}
        sortStatus={sortStatus}
        onSortStatusChange={setSortStatus}
        onRowClick={({ record }) => void navigate(`${routes.workshops}/${record.id}`)}
        rowStyle={(w) => (w.active ? undefined : { opacity: 0.6 })}
        columns={[
          { accessor: 'name', title: t('programmes.workshops.name'), sortable: true, render: (w) => <Text size="sm" fw={600}>{w.name}</Text> },
          { accessor: 'programme', title: t('programmes.workshops.programme'), sortable: true, render: (w) => t(`programmes.programmes.${w.programme}`) },
          { accessor: 'establishment', title: t('programmes.common.establishment'), sortable: true, render: (w) => w.establishmentName },
          { accessor: 'teachers', title: t('programmes.workshops.teachers') },
          { accessor: 'startDate', title: t('programmes.workshops.startDate'), sortable: true, noWrap: true, render: (w) => `${formatDate(w.startDate)}${w.endDate ? ` – ${formatDate(w.endDate)}` : ''}` },
          { accessor: 'enrolled', title: t('programmes.workshops.enrolled'), sortable: true, textAlign: 'right', render: (w) => `${w.enrolled} / ${w.capacity}` },
          { accessor: 'sessions', title: t('programmes.workshops.sessions'), textAlign: 'right' },
        ]}
        emptyState={
          filtersActive ? (
            <EmptyState title={t('programmes.workshops.noMatchTitle')} text={t('programmes.workshops.noMatchText')} />
          ) : (
            <EmptyState
              title={t('programmes.workshops.emptyTitle')}
              text={t('programmes.workshops.emptyText')}
              action={list.data && total === 0 ? <Button mt="xs" style={{ pointerEvents: 'auto' }} leftSection={<IconPlus size={16} />} onClick={() => setFormOpen(true)}>{t('programmes.workshops.new')}</Button> : undefined}
            />
          )
        }
      />
      <WorkshopFormModal opened={formOpen} onClose={() => setFormOpen(false)} workshop={null} onSaved={(w) => void navigate(`${routes.workshops}/${w.id}`)} />
    </>
  );
}
