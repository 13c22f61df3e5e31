import { Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { programmes, type Programme } from '../../../../shared/programmes/rules';
import { workshopSortColumns, type Workshop, type WorkshopFilter } from '../../../../shared/programmes/schemas';
import { call } from '../../api';
import { routes } from '../../app/routes';
import { ExportMenu } from '../../components/ExportMenu';
import { MountOnOpen } from '../../components/MountOnOpen';
import { EstablishmentFilter, ListEmptyState, ListTable } from '../../components/ListPage';
import { ActiveFilter, ListFilters, NewButton, useFilteredList, type ActiveStatus } from '../../components/ListTools';
import { CatalogChoiceFilter } from '../../components/CatalogChoiceFilter';
import { usePagedQuery } from '../../components/usePagedQuery';
import { PageHeader } from '../../components/PageHeader';
import { WorkshopFormModal } from './WorkshopFormModal';
import { dateSpan } from './ui';
import { useCan } from '../../components/session';
import { TeacherNames, UnlinkedTeachersButton } from './workshopTeacherUi';

const filterStyle = { flex: '1 1 0', minWidth: 150 } as const;

/** The workshops: search, filters, sorting and paging in main; a row opens the workshop. */
export function WorkshopsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useFilteredList<Workshop, { programme: string | null; establishment: string | null; status: ActiveStatus }>({
    view: 'workshops.list',
    filters: { programme: null, establishment: null, status: 'active' },
    sort: { columnAccessor: 'name', direction: 'asc' },
  });
  const { list: listState, filters } = state;
  const { programme, establishment, status } = filters.values;
  const debounced = listState.debouncedSearch;
  const [formOpen, setFormOpen] = useState(false);
  const canCreate = useCan('workshops.create');
  const canExport = useCan('workshops.export');

  const filter = useMemo<WorkshopFilter>(
    () => ({
      search: debounced,
      programme: programme as Programme | null,
      establishmentId: establishment ? Number(establishment) : null,
      status,
    }),
    [debounced, programme, establishment, status],
  );
  const { query: list } = usePagedQuery('workshops.list', filter, listState, workshopSortColumns, 'name');
  const total = list.data?.total ?? 0;
  const openNew = () => setFormOpen(true);

  return (
    <>
      <PageHeader
        title={t('programmes.workshops.title')}
        subtitle={t('programmes.workshops.subtitle')}
        actions={
          <>
            <UnlinkedTeachersButton />
            {canExport && <ExportMenu disabled={total === 0} onExport={(format) => call('workshops.export', { filter, format })} />}
            {canCreate && <NewButton label={t('programmes.workshops.new')} onClick={openNew} />}
          </>
        }
      />
      <ListFilters state={state} placeholder={t('programmes.workshops.searchPlaceholder')} searchMinWidth={200}>
        <CatalogChoiceFilter
          label={t('programmes.workshops.programme')}
          values={programmes}
          prefix="programmes.programmes"
          {...filters.bind('programme')}
          style={filterStyle}
        />
        <EstablishmentFilter
          label={t('programmes.common.establishment')}
          {...filters.bind('establishment')}
          style={{ ...filterStyle, flexGrow: 1.4 }}
        />
        <ActiveFilter {...filters.bind('status')} style={filterStyle} />
      </ListFilters>
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
          { accessor: 'teachers', title: t('programmes.workshops.teachers'), render: (w) => <TeacherNames workshop={w} /> },
          {
            accessor: 'startDate',
            title: t('programmes.workshops.startDate'),
            sortable: true,
            noWrap: true,
            render: (w) => dateSpan(w.startDate, w.endDate),
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
          <ListEmptyState
            filtered={state.filtered}
            texts="programmes.workshops"
            onNew={list.data && total === 0 && canCreate ? openNew : undefined}
          />
        }
      />
      <MountOnOpen opened={formOpen}>
        <WorkshopFormModal
          opened={formOpen}
          onClose={() => setFormOpen(false)}
          workshop={null}
          onSaved={(w) => void navigate(`${routes.workshops}/${w.id}`)}
        />
      </MountOnOpen>
    </>
  );
}
