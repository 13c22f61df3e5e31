import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate } from '../../../../shared/format';
import { exhibitionSortColumns, type Exhibition } from '../../../../shared/internarte/schemas';
import { routes } from '../../app/routes';
import { FilterBar, ListEmptyState, ListTable, SearchBox, useListState } from '../../components/ListPage';
import { NewButton } from '../../components/ListTools';
import { usePagedQuery } from '../../components/usePagedQuery';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../components/session';
import { ExhibitionFormModal } from './ExhibitionFormModal';
import { ListExportMenu } from '../../components/ExportMenu';
import { SavedViews } from '../../components/SavedViews';
import { plainListView } from '../../components/plainListView';

/** The exhibitions, newest first; a row opens the exhibition's page. */
export function ExhibitionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useCan('exhibitions.create');
  const listState = useListState<Exhibition>({ sort: { columnAccessor: 'startsOn', direction: 'desc' } });
  const { search, setSearch, debouncedSearch } = listState;
  const [formOpen, setFormOpen] = useState(false);
  const {
    query: list,
    input: exportQuery,
    sort,
  } = usePagedQuery('exhibitions.list', { search: debouncedSearch }, listState, exhibitionSortColumns, 'startsOn');
  const open = (x: Exhibition) => void navigate(`${routes.exhibitions}/${x.id}`);
  const view = plainListView(
    'exhibitions.list',
    {},
    {
      search: { value: search, set: setSearch },
      sort: {
        column: sort,
        direction: listState.sortStatus.direction,
        columns: exhibitionSortColumns,
        set: (column, direction) => listState.setSortStatus({ columnAccessor: column, direction }),
      },
    },
  );

  return (
    <>
      <PageHeader
        title={t('internarte.exhibitions.title')}
        subtitle={t('internarte.exhibitions.subtitle')}
        actions={
          <>
            <ListExportMenu list="exhibitions.list" query={exportQuery} />
            {canCreate && <NewButton label={t('internarte.exhibitions.new')} onClick={() => setFormOpen(true)} />}
          </>
        }
      />
      <FilterBar>
        <SearchBox value={search} onChange={setSearch} placeholder={t('internarte.exhibitions.searchPlaceholder')} style={{ flex: 1 }} />
        <SavedViews view={view} />
      </FilterBar>
      <ListTable<Exhibition>
        list={listState}
        query={list}
        onRowClick={open}
        emptyState={
          <ListEmptyState
            title={t('internarte.exhibitions.title')}
            text={t('internarte.exhibitions.empty')}
            newLabel={t('internarte.exhibitions.new')}
            onNew={list.data && list.data.total === 0 && canCreate && !search ? () => setFormOpen(true) : undefined}
          />
        }
        columns={[
          {
            accessor: 'title',
            title: t('internarte.exhibitions.fields.title'),
            sortable: true,
            render: (x) => (
              <div>
                <Text size="sm" fw={600}>
                  {x.title}
                </Text>
                {x.subtitle && (
                  <Text size="xs" c="dimmed">
                    {x.subtitle}
                  </Text>
                )}
              </div>
            ),
          },
          { accessor: 'venue', title: t('internarte.exhibitions.fields.venue'), sortable: true, render: (x) => x.venue ?? '—' },
          {
            accessor: 'startsOn',
            title: t('internarte.exhibitions.fields.dates'),
            sortable: true,
            noWrap: true,
            render: (x) => `${formatDate(x.startsOn) || '—'} – ${formatDate(x.endsOn) || '—'}`,
          },
          {
            accessor: 'partners',
            title: t('internarte.exhibitions.fields.partners'),
            render: (x) => x.partners.map((p) => p.name).join(', ') || '—',
          },
          { accessor: 'workCount', title: t('internarte.exhibitions.fields.works'), textAlign: 'right', render: (x) => x.workCount },
          { accessor: 'openLoans', title: t('internarte.exhibitions.fields.openLoans'), textAlign: 'right', render: (x) => x.openLoans },
        ]}
      />
      <ExhibitionFormModal opened={formOpen} onClose={() => setFormOpen(false)} exhibition={null} onSaved={open} />
    </>
  );
}
