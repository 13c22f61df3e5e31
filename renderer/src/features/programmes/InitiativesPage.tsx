import { Badge, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { initiativeMemberKinds, type Initiative } from '../../../../shared/programmes/initiative-schemas';
import { useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { ActiveFilter, NewButton, type ActiveStatus } from '../../components/ListTools';
import { PageHeader } from '../../components/PageHeader';
import { PlainTable } from '../../components/PlainTable';
import { SavedViews } from '../../components/SavedViews';
import { optionFilter, plainListView } from '../../components/plainListView';
import { useCan } from '../../components/session';
import { InitiativeFormModal } from './InitiativeFormModal';

const k = 'programmes.initiatives.';
const statuses: readonly ActiveStatus[] = ['active', 'inactive', 'all'];

/** "2019 – en curso", or "2019 – 2023". */
export function useYears() {
  const { t } = useTranslation();
  return (i: Pick<Initiative, 'startYear' | 'endYear'>) =>
    i.endYear === null ? t(`${k}ongoing`, { start: i.startYear }) : t(`${k}span`, { start: i.startYear, end: i.endYear });
}

/** The programme's initiatives: their years, partners and how many records of each kind they group. */
export function InitiativesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const years = useYears();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ActiveStatus>('active');
  const [creating, setCreating] = useState(false);
  const canCreate = useCan('initiatives.create');
  const list = useApiQuery('initiatives.list', { search, status });
  const view = plainListView(
    'initiatives.list',
    { status: optionFilter(status, setStatus, statuses, 'active') },
    { search: { value: search, set: setSearch } },
  );
  const open = (id: number) => void navigate(`${routes.initiatives}/${id}`);
  return (
    <>
      <PageHeader
        title={t(`${k}title`)}
        subtitle={t(`${k}subtitle`)}
        actions={canCreate && <NewButton label={t(`${k}new`)} onClick={() => setCreating(true)} />}
      />
      <Group gap="sm" align="flex-end" mb="sm">
        <TextInput label={t(`${k}search`)} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} />
        <ActiveFilter value={status} onChange={setStatus} w={200} />
        <SavedViews view={view} />
      </Group>
      <PlainTable<Initiative>
        records={list.data ?? []}
        fetching={list.isFetching && !list.data}
        onRowClick={({ record }) => open(record.id)}
        rowStyle={(i) => (i.active ? undefined : { opacity: 0.6 })}
        columns={[
          {
            accessor: 'name',
            title: t(`${k}name`),
            render: (i) => (
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={600}>
                  {i.name}
                </Text>
                {!i.active && (
                  <Badge size="xs" color="gray" variant="light" tt="none">
                    {t(`${k}inactive`)}
                  </Badge>
                )}
              </Group>
            ),
          },
          { accessor: 'startYear', title: t(`${k}years`), render: years },
          { accessor: 'partners', title: t(`${k}partners`), render: (i) => i.partners.map((p) => p.name).join(', ') },
          ...initiativeMemberKinds.map((kind) => ({
            accessor: `counts.${kind}`,
            title: t(`${k}kinds.${kind}`),
            textAlign: 'right' as const,
            render: (i: Initiative) => i.counts[kind],
          })),
        ]}
        emptyState={<EmptyState title={t(`${k}emptyTitle`)} text={t(`${k}emptyText`)} />}
      />
      <InitiativeFormModal opened={creating} onClose={() => setCreating(false)} initiative={null} onCreated={(i) => open(i.id)} />
    </>
  );
}
