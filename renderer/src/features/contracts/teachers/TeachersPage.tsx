import { Badge, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { disciplines, type Discipline } from '../../../../../shared/contracts/rules';
import { teacherSortColumns, type Teacher, type TeacherFilter } from '../../../../../shared/contracts/schemas';
import { detailsColumn, EstablishmentFilter, ListEmptyState, ListTable, useRecordParam } from '../../../components/ListPage';
import { MountOnOpen } from '../../../components/MountOnOpen';
import { ActiveFilter, ListFilters, NewButton, useFilteredList, useFormDialog, type ActiveStatus } from '../../../components/ListTools';
import { CatalogChoiceFilter } from '../../../components/CatalogChoiceFilter';
import { usePagedQuery } from '../../../components/usePagedQuery';
import { ImportButton } from '../../../components/import/ImportButton';
import { PageHeader } from '../../../components/PageHeader';
import { useCan } from '../../../components/session';
import { TeacherDrawer } from './TeacherDrawer';
import { TeacherFormModal } from './TeacherFormModal';
import { ListExportMenu } from '../../../components/ExportMenu';

const filterStyle = { flex: '1 1 0', minWidth: 160 } as const;

/**
 * Teachers and instructors: search by name, DNI, RUC or specialty; filter by discipline and
 * by the establishment where they may enter today. A row opens the record (?ficha=<id>).
 */
export function TeachersPage() {
  const { t } = useTranslation();
  const state = useFilteredList<Teacher, { discipline: string | null; establishment: string | null; status: ActiveStatus }>({
    view: 'teachers.list',
    filters: { discipline: null, establishment: null, status: 'active' },
    sort: { columnAccessor: 'name', direction: 'asc' },
    pageSizeKey: 'arteinpe.teachers.pageSize',
  });
  const { list: listState, filters } = state;
  const { discipline, establishment, status } = filters.values;
  const debounced = listState.debouncedSearch;
  const form = useFormDialog<Teacher>([]);
  const { recordId, openRecord: open, closeRecord } = useRecordParam();
  const canWrite = useCan('teachers.create');

  const filter = useMemo<TeacherFilter>(
    () => ({
      search: debounced,
      discipline: discipline as Discipline | null,
      establishmentId: establishment === null ? null : Number(establishment),
      status,
    }),
    [debounced, discipline, establishment, status],
  );
  const { query: list, input: exportQuery } = usePagedQuery('teachers.list', filter, listState, teacherSortColumns, 'name');
  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('contracts.teachers.title')}
        subtitle={t('contracts.teachers.subtitle')}
        actions={
          <>
            <ListExportMenu list="teachers.list" query={exportQuery} />
            {canWrite && (
              <>
                <ImportButton target="teachers" />
                <NewButton label={t('contracts.teachers.new')} onClick={form.openNew} />
              </>
            )}
          </>
        }
      />
      <ListFilters state={state} placeholder={t('contracts.teachers.searchPlaceholder')}>
        <CatalogChoiceFilter
          label={t('contracts.teachers.disciplines')}
          placeholder={t('contracts.teachers.allDisciplines')}
          values={disciplines}
          prefix="contracts.disciplines"
          {...filters.bind('discipline')}
          style={filterStyle}
        />
        <EstablishmentFilter
          label={t('contracts.teachers.authorisedEstablishment')}
          {...filters.bind('establishment')}
          style={{ ...filterStyle, flexGrow: 1.4 }}
        />
        <ActiveFilter {...filters.bind('status')} style={filterStyle} />
      </ListFilters>

      <ListTable<Teacher>
        list={listState}
        query={list}
        onRowClick={(record) => open(record.id)}
        rowStyle={(r) => (r.active ? undefined : { opacity: 0.6 })}
        columns={[
          {
            accessor: 'name',
            title: t('contracts.teachers.name'),
            sortable: true,
            width: 260,
            render: (r) => (
              <>
                <Text size="sm" fw={600}>
                  {r.fullName}
                </Text>
                {r.specialties.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {r.specialties.join(', ')}
                  </Text>
                )}
              </>
            ),
          },
          { accessor: 'dni', title: t('contracts.teachers.dni'), sortable: true, noWrap: true },
          { accessor: 'ruc', title: t('contracts.teachers.ruc'), noWrap: true, render: (r) => r.ruc ?? '—' },
          {
            accessor: 'disciplines',
            title: t('contracts.teachers.disciplines'),
            render: (r) => (
              <Group gap={4}>
                {r.disciplines.map((d) => (
                  <Badge key={d} size="sm" variant="light" tt="none">
                    {t(`contracts.disciplines.${d}`)}
                  </Badge>
                ))}
              </Group>
            ),
          },
          {
            accessor: 'authorisedAt',
            title: t('contracts.teachers.authorisedAt'),
            render: (r) =>
              r.authorisedAt.length ? (
                r.authorisedAt.join(', ')
              ) : (
                <Text size="sm" c="orange.8">
                  {t('contracts.teachers.noAuthorisation')}
                </Text>
              ),
          },
          { accessor: 'contractsInForce', title: t('contracts.teachers.contractsInForce'), textAlign: 'right', width: 160 },
          detailsColumn<Teacher>(
            t('contracts.teachers.details'),
            (r) => r.fullName,
            (r) => open(r.id),
          ),
        ]}
        emptyState={
          <ListEmptyState
            filtered={state.filtered}
            texts="contracts.teachers"
            onNew={list.data && total === 0 && canWrite ? form.openNew : undefined}
          />
        }
      />
      <MountOnOpen opened={form.opened}>
        <TeacherFormModal opened={form.opened} onClose={form.close} teacher={form.record} />
      </MountOnOpen>
      <TeacherDrawer teacherId={recordId} onClose={closeRecord} onEdit={form.openEdit} />
    </>
  );
}
