import { Button, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate } from '../../../../shared/format';
import { programmes, type Programme } from '../../../../shared/programmes/rules';
import { workshopSortColumns, type Workshop, type WorkshopFilter } from '../../../../shared/programmes/schemas';
import { call, useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { ExportMenu } from '../../components/ExportMenu';
import { useEstablishmentOptions } from '../../components/fields';
import { FilterBar, ListTable, SearchBox, useListState } from '../../components/ListPage';
import { PageHeader } from '../../components/PageHeader';
import { accentFilter } from '../../components/accentFilter';
import { WorkshopFormModal } from './WorkshopFormModal';
import { useOptions } from './ui';
import { useCan } from '../../components/session';

const filterStyle = { flex: '1 1 0', minWidth: 150 } as const;

/** The workshops: search, filters, sorting and paging in main; a row opens the workshop. */
export function WorkshopsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [programme, setProgramme] = useState<string | null>(null);
  const [establishment, setEstablishment] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('active');
  const listState = useListState<Workshop>({
    sort: { columnAccessor: 'name', direction: 'asc' },
    filters: [programme, establishment, status],
  });
  const { search, setSearch, debouncedSearch: debounced, sortStatus, page, pageSize } = listState;
  const [formOpen, setFormOpen] = useState(false);
  const canCreate = useCan('workshops.create');
  const canExport = useCan('workshops.export');
  const establishments = useEstablishmentOptions('all');
  const programmeOptions = useOptions(programmes, 'programmes.programmes');

  const filter = useMemo<WorkshopFilter>(
    () => ({
      search: debounced,
      programme: programme as Programme | null,
      establishmentId: establishment ? Number(establishment) : null,
      status: status as 'active',
    }),
    [debounced, programme, establishment, status],
  );
  const sort = listState.sortBy(workshopSortColumns, 'name');
  const list = useApiQuery(
    'workshops.list',
    { ...filter, sort, direction: sortStatus.direction, page, pageSize },
    { placeholderData: (p) => p },
  );
  const total = list.data?.total ?? 0;
  const filtersActive = search !== '' || programme !== null || establishment !== null || status !== 'active';

  return (
    <>
      <PageHeader
        title={t('programmes.workshops.title')}
        subtitle={t('programmes.workshops.subtitle')}
        actions={
          <>
            {canExport && <ExportMenu disabled={total === 0} onExport={(format) => call('workshops.export', { filter, format })} />}
            {canCreate && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setFormOpen(true)}>
                {t('programmes.workshops.new')}
              </Button>
            )}
          </>
        }
      />
      <FilterBar>
        <SearchBox
          value={search}
          onChange={setSearch}
          placeholder={t('programmes.workshops.searchPlaceholder')}
          style={{ flex: '2 1 0', minWidth: 200 }}
        />
        <Select
          label={t('programmes.workshops.programme')}
          placeholder={t('programmes.common.all')}
          clearable
          data={programmeOptions}
          value={programme}
          onChange={setProgramme}
          style={filterStyle}
        />
        <Select
          label={t('programmes.common.establishment')}
          placeholder={t('programmes.common.all')}
          clearable
          searchable
          filter={accentFilter}
          data={establishments}
          value={establishment}
          onChange={setEstablishment}
          style={{ ...filterStyle, flexGrow: 1.4 }}
        />
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
          <Button
            variant="subtle"
            onClick={() => {
              setSearch('');
              setProgramme(null);
              setEstablishment(null);
              setStatus('active');
            }}
          >
            {t('common.clearFilters')}
          </Button>
        )}
      </FilterBar>
      <ListTable<Workshop>
        list={listState}
        query={list}
        emptyHeight={240}
        onRowClick={(record) => void navigate(`${routes.workshops}/${record.id}`)}
        rowStyle={(w) => (w.active ? undefined : { opacity: 0.6 })}
        columns={[
          {
            accessor: 'name',
            title: t('programmes.workshops.name'),
            sortable: true,
            render: (w) => (
              <Text size="sm" fw={600}>
                {w.name}
              </Text>
            ),
          },
          {
            accessor: 'programme',
            title: t('programmes.workshops.programme'),
            sortable: true,
            render: (w) => t(`programmes.programmes.${w.programme}`),
          },
          { accessor: 'establishment', title: t('programmes.common.establishment'), sortable: true, render: (w) => w.establishmentName },
          { accessor: 'teachers', title: t('programmes.workshops.teachers') },
          {
            accessor: 'startDate',
            title: t('programmes.workshops.startDate'),
            sortable: true,
            noWrap: true,
            render: (w) => `${formatDate(w.startDate)}${w.endDate ? ` – ${formatDate(w.endDate)}` : ''}`,
          },
          {
            accessor: 'enrolled',
            title: t('programmes.workshops.enrolled'),
            sortable: true,
            textAlign: 'right',
            render: (w) => `${w.enrolled} / ${w.capacity}`,
          },
          { accessor: 'sessions', title: t('programmes.workshops.sessions'), textAlign: 'right' },
        ]}
        emptyState={
          filtersActive ? (
            <EmptyState title={t('programmes.workshops.noMatchTitle')} text={t('programmes.workshops.noMatchText')} />
          ) : (
            <EmptyState
              title={t('programmes.workshops.emptyTitle')}
              text={t('programmes.workshops.emptyText')}
              action={
                list.data && total === 0 && canCreate ? (
                  <Button mt="xs" style={{ pointerEvents: 'auto' }} leftSection={<IconPlus size={16} />} onClick={() => setFormOpen(true)}>
                    {t('programmes.workshops.new')}
                  </Button>
                ) : undefined
              }
            />
          )
        }
      />
      <WorkshopFormModal
        opened={formOpen}
        onClose={() => setFormOpen(false)}
        workshop={null}
        onSaved={(w) => void navigate(`${routes.workshops}/${w.id}`)}
      />
    </>
  );
}
