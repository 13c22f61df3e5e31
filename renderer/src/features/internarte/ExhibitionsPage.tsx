import { ActionIcon, Button, Card, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate } from '../../../../shared/format';
import { pageSizes } from '../../../../shared/ipc';
import { exhibitionSortColumns, type Exhibition } from '../../../../shared/internarte/schemas';
import { useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/session';
import { ExhibitionFormModal } from './ExhibitionFormModal';

type SortColumn = (typeof exhibitionSortColumns)[number];
const isSortColumn = (s: string): s is SortColumn => (exhibitionSortColumns as readonly string[]).includes(s);

/** The exhibitions, newest first; a row opens the exhibition's page. */
export function ExhibitionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useCan('exhibitions.create');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [sortStatus, setSortStatus] = useState<DataTableSortStatus<Exhibition>>({ columnAccessor: 'startsOn', direction: 'desc' });
  const [formOpen, setFormOpen] = useState(false);
  useEffect(() => setPage(1), [debounced, pageSize]);
  const sort = isSortColumn(String(sortStatus.columnAccessor)) ? (sortStatus.columnAccessor as SortColumn) : 'startsOn';
  const list = useApiQuery('exhibitions.list', { search: debounced, sort, direction: sortStatus.direction, page, pageSize }, { placeholderData: (prev) => prev });
  const open = (x: Exhibition) => void navigate(`${routes.exhibitions}/${x.id}`);

  return (
    <>
      <PageHeader
        title={t('internarte.exhibitions.title')}
        subtitle={t('internarte.exhibitions.subtitle')}
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setFormOpen(true)}>
              {t('internarte.exhibitions.new')}
            </Button>
          )
        }
      />
      <Card withBorder padding="sm" mb="sm">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('internarte.exhibitions.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          rightSection={
            search ? (
              <ActionIcon variant="subtle" size="sm" aria-label={t('common.clearFilters')} onClick={() => setSearch('')}>
                <IconX size={14} />
              </ActionIcon>
            ) : null
          }
        />
      </Card>
      <DataTable<Exhibition>
        withTableBorder
        borderRadius="sm"
        striped
        highlightOnHover
        minHeight={list.data?.total === 0 ? 260 : undefined}
        records={list.data?.rows ?? []}
        fetching={list.isFetching && !list.data}
        totalRecords={list.data?.total ?? 0}
        page={page}
        onPageChange={setPage}
        recordsPerPage={pageSize}
        recordsPerPageOptions={[...pageSizes]}
        onRecordsPerPageChange={setPageSize}
        recordsPerPageLabel={t('common.perPage')}
        paginationText={({ from, to, totalRecords }) => t('common.pageOf', { from, to, total: totalRecords })}
        sortStatus={sortStatus}
        onSortStatusChange={setSortStatus}
        onRowClick={({ record }) => open(record)}
        emptyState={
          <EmptyState
            title={t('internarte.exhibitions.title')}
            text={t('internarte.exhibitions.empty')}
            action={
              list.data && list.data.total === 0 && canCreate && !search ? (
                <Button mt="xs" style={{ pointerEvents: 'auto' }} leftSection={<IconPlus size={16} />} onClick={() => setFormOpen(true)}>
                  {t('internarte.exhibitions.new')}
                </Button>
              ) : undefined
            }
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
          { accessor: 'startsOn', title: t('internarte.exhibitions.fields.dates'), sortable: true, noWrap: true, render: (x) => `${formatDate(x.startsOn) || '—'} – ${formatDate(x.endsOn) || '—'}` },
          { accessor: 'partners', title: t('internarte.exhibitions.fields.partners'), render: (x) => x.partners.map((p) => p.name).join(', ') || '—' },
          { accessor: 'workCount', title: t('internarte.exhibitions.fields.works'), textAlign: 'right', render: (x) => x.workCount },
          { accessor: 'openLoans', title: t('internarte.exhibitions.fields.openLoans'), textAlign: 'right', render: (x) => x.openLoans },
        ]}
      />
      <ExhibitionFormModal opened={formOpen} onClose={() => setFormOpen(false)} exhibition={null} onSaved={open} />
    </>
  );
}
