import { Alert, Button, Divider, Drawer, Group, Select, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconArrowsExchange, IconEdit, IconPlus, IconShieldLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../../../shared/format';
import { participantStatuses, sexes, type ParticipantStatus, type Sex } from '../../../../shared/programmes/rules';
import { participantSortColumns, type Participant, type ParticipantFilter } from '../../../../shared/programmes/schemas';
import { call, useApiQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ExportMenu } from '../../components/ExportMenu';
import { useEstablishmentOptions } from '../../components/fields';
import { FilterBar, ListTable, SearchBox, useListState } from '../../components/ListPage';
import { PageHeader } from '../../components/PageHeader';
import { accentFilter } from '../../components/accentFilter';
import { CustodyModal } from './CustodyModal';
import { ParticipantFormModal } from './ParticipantFormModal';
import { Field, nameOf, ParticipantStatusBadge, StageBadge, usePercent, useOptions } from './ui';

const filterStyle = { flex: '1 1 0', minWidth: 140 } as const;

function ParticipantDrawer({
  id,
  onClose,
  onEdit,
  onCustody,
}: {
  id: number | null;
  onClose: () => void;
  onEdit: (p: Participant) => void;
  onCustody: (p: Participant) => void;
}) {
  const { t } = useTranslation();
  const pct = usePercent();
  const enabled = id !== null;
  const p = useApiQuery('participants.get', { id: id ?? 0 }, { enabled });
  const enrolments = useApiQuery('enrolments.list', { participantId: id ?? 0 }, { enabled });
  const history = useApiQuery('participants.history', { id: id ?? 0 }, { enabled });
  const instruments = useApiQuery('participants.instruments', { id: id ?? 0 }, { enabled });
  const d = p.data;
  return (
    <Drawer
      opened={enabled}
      onClose={onClose}
      position="right"
      size={620}
      title={t('programmes.participants.record')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {d && (
        <Stack gap="md" data-testid="participant-record">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Title order={3}>{nameOf(d)}</Title>
              <Text c="dimmed">{d.code}</Text>
            </Stack>
            <ParticipantStatusBadge status={d.status} />
          </Group>
          <SimpleGrid cols={2}>
            <Field label={t('programmes.common.establishment')}>{d.establishmentName}</Field>
            <Field label={t('programmes.participants.sex')}>{t(`programmes.sexes.${d.sex}`)}</Field>
            <Field label={t('programmes.participants.birthYear')}>{String(d.birthYear)}</Field>
            <Field label={t('programmes.participants.openEnrolments')}>{String(d.openEnrolments)}</Field>
          </SimpleGrid>
          <Group>
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => onEdit(d)}>
              {t('programmes.participants.edit')}
            </Button>
            <Button color="orange" variant="light" leftSection={<IconArrowsExchange size={16} />} onClick={() => onCustody(d)}>
              {t('programmes.participants.custodyChange')}
            </Button>
          </Group>
          <Divider label={t('programmes.participants.enrolments')} labelPosition="left" />
          {(enrolments.data ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('programmes.participants.noEnrolments')}
            </Text>
          ) : (
            <Table verticalSpacing={4} fz="sm">
              <Table.Tbody>
                {(enrolments.data ?? []).map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      {e.groupName}
                      {e.part ? ` (${e.part})` : ''}
                    </Table.Td>
                    <Table.Td>
                      <StageBadge stage={e.stage} />
                    </Table.Td>
                    <Table.Td>
                      {formatDate(e.enrolledOn)}
                      {e.endedOn ? ` – ${formatDate(e.endedOn)}` : ''}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {e.workshopId !== null ? pct(e.rate) : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Divider label={t('programmes.participants.instruments')} labelPosition="left" />
          <Stack gap={4} data-testid="participant-instruments">
            {instruments.data === null ? (
              <Text size="sm" c="dimmed">
                {t('programmes.participants.instrumentsUnavailable')}
              </Text>
            ) : (instruments.data ?? []).length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('programmes.participants.instrumentsNone')}
              </Text>
            ) : (
              (instruments.data ?? []).map((i) => (
                <Text size="sm" key={i.id}>
                  <b>{i.code}</b> — {i.typeName} · {i.establishmentName ?? ''}
                </Text>
              ))
            )}
            <Text size="xs" c="dimmed">
              {t('programmes.participants.instrumentsHint', { code: d.code })}
            </Text>
          </Stack>
          <Divider label={t('programmes.participants.history')} labelPosition="left" />
          <Timeline bulletSize={14} lineWidth={2} active={0}>
            {(history.data ?? []).map((m) => (
              <Timeline.Item key={m.id} title={`${t(`programmes.custodyKinds.${m.kind}`)} · ${formatDate(m.date)}`}>
                <Text size="sm" c="dimmed">
                  {[m.fromEstablishmentName, m.toEstablishmentName].filter(Boolean).join(' → ')}
                  {m.documentNumber ? ` · ${m.documentNumber}` : ''}
                  {m.enrolmentsEnded ? ` · ${t('programmes.participants.enrolmentsEnded', { count: m.enrolmentsEnded })}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </Drawer>
  );
}

/** Participants: the type-ahead search, filters and paging in main; a row opens the record. Deep link: ?ficha=<id>. */
export function ParticipantsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [establishment, setEstablishment] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [sex, setSex] = useState<string | null>(null);
  const listState = useListState<Participant>({
    sort: { columnAccessor: 'name', direction: 'asc' },
    filters: [establishment, status, sex],
  });
  const { search, setSearch, debouncedSearch: debounced, sortStatus, page, pageSize } = listState;
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Participant | null>(null);
  const [custody, setCustody] = useState<Participant | null>(null);
  const establishments = useEstablishmentOptions('all');
  const statusOptions = useOptions(participantStatuses, 'programmes.participantStatuses');
  const sexOptions = useOptions(sexes, 'programmes.sexes');
  const recordId = params.get('ficha') ? Number(params.get('ficha')) : null;

  const filter = useMemo<ParticipantFilter>(
    () => ({
      search: debounced,
      establishmentId: establishment ? Number(establishment) : null,
      status: status as ParticipantStatus | null,
      sex: sex as Sex | null,
    }),
    [debounced, establishment, status, sex],
  );
  const sort = listState.sortBy(participantSortColumns, 'name');
  const list = useApiQuery(
    'participants.list',
    { ...filter, sort, direction: sortStatus.direction, page, pageSize },
    { placeholderData: (p) => p },
  );
  const total = list.data?.total ?? 0;
  const filtersActive = search !== '' || establishment !== null || status !== null || sex !== null;
  const open = (p: Participant) =>
    setParams((x) => {
      x.set('ficha', String(p.id));
      return x;
    });

  return (
    <>
      <PageHeader
        title={t('programmes.participants.title')}
        subtitle={t('programmes.participants.subtitle')}
        actions={
          <>
            <ExportMenu
              disabled={total === 0}
              reasonFor={t('programmes.export.reasonParticipants')}
              onExport={(format, reason) => call('participants.export', { filter, format, reason })}
            />
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t('programmes.participants.new')}
            </Button>
          </>
        }
      />
      <Alert variant="light" color="gray" icon={<IconShieldLock size={18} />} mb="sm" p="xs">
        <Text size="sm">{t('programmes.participants.privacy')}</Text>
      </Alert>
      <FilterBar>
        <SearchBox
          value={search}
          onChange={setSearch}
          placeholder={t('programmes.participants.searchPlaceholder')}
          style={{ flex: '2 1 0', minWidth: 220 }}
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
          label={t('programmes.participants.status')}
          placeholder={t('programmes.common.allF')}
          clearable
          data={statusOptions}
          value={status}
          onChange={setStatus}
          style={filterStyle}
        />
        <Select
          label={t('programmes.participants.sex')}
          placeholder={t('programmes.common.all')}
          clearable
          data={sexOptions}
          value={sex}
          onChange={setSex}
          style={filterStyle}
        />
        {filtersActive && (
          <Button
            variant="subtle"
            onClick={() => {
              setSearch('');
              setEstablishment(null);
              setStatus(null);
              setSex(null);
            }}
          >
            {t('common.clearFilters')}
          </Button>
        )}
      </FilterBar>
      <ListTable<Participant>
        list={listState}
        query={list}
        emptyHeight={240}
        onRowClick={(record) => open(record)}
        columns={[
          {
            accessor: 'code',
            title: t('programmes.participants.codeShort'),
            sortable: true,
            noWrap: true,
            render: (p) => (
              <Text size="sm" fw={600}>
                {p.code}
              </Text>
            ),
          },
          { accessor: 'name', title: t('programmes.participants.name'), sortable: true, render: (p) => nameOf(p) },
          { accessor: 'sex', title: t('programmes.participants.sex'), render: (p) => t(`programmes.sexes.${p.sex}`) },
          { accessor: 'birthYear', title: t('programmes.participants.birthYear'), sortable: true },
          { accessor: 'establishment', title: t('programmes.common.establishment'), sortable: true, render: (p) => p.establishmentName },
          {
            accessor: 'status',
            title: t('programmes.participants.status'),
            sortable: true,
            render: (p) => <ParticipantStatusBadge status={p.status} />,
          },
          { accessor: 'openEnrolments', title: t('programmes.participants.openEnrolments'), textAlign: 'right' },
        ]}
        emptyState={
          filtersActive ? (
            <EmptyState title={t('programmes.participants.noMatchTitle')} text={t('programmes.participants.noMatchText')} />
          ) : (
            <EmptyState title={t('programmes.participants.emptyTitle')} text={t('programmes.participants.emptyText')} />
          )
        }
      />
      <ParticipantFormModal opened={formOpen} onClose={() => setFormOpen(false)} participant={editing} />
      <ParticipantDrawer
        id={recordId}
        onClose={() =>
          setParams((x) => {
            x.delete('ficha');
            return x;
          })
        }
        onEdit={(p) => {
          setEditing(p);
          setFormOpen(true);
        }}
        onCustody={setCustody}
      />
      <CustodyModal participant={custody} onClose={() => setCustody(null)} />
    </>
  );
}
