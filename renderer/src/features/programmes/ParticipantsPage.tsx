import { Alert, Button, Divider, Drawer, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconArrowsExchange, IconEdit, IconSchool, IconShieldLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { participantStatuses, sexes, type ParticipantStatus, type Sex } from '../../../../shared/programmes/rules';
import { participantSortColumns, type Participant, type ParticipantFilter } from '../../../../shared/programmes/schemas';
import { call, useApiQuery } from '../../api';
import { ExportMenu } from '../../components/ExportMenu';
import { MountOnOpen } from '../../components/MountOnOpen';
import { EstablishmentFilter, ListEmptyState, ListTable, useRecordParam } from '../../components/ListPage';
import { ListFilters, NewButton, useFilteredList, useFormDialog } from '../../components/ListTools';
import { CatalogChoiceFilter } from '../../components/CatalogChoiceFilter';
import { usePagedQuery } from '../../components/usePagedQuery';
import { PageHeader } from '../../components/PageHeader';
import { ImportButton } from '../../components/import/ImportButton';
import { CustodyModal } from './CustodyModal';
import { EnrolSelectionModal } from './EnrolSelectionModal';
import { SelectionBar } from '../../components/SelectionBar';
import { useCan } from '../../components/session';
import { ParticipantFormModal } from './ParticipantFormModal';
import { dateSpan, nameOf, ParticipantStatusBadge, StageBadge } from './ui';
import { Field } from '../../components/RecordParts';
import { HoldingsPanel } from '../../components/HoldingsPanel';
import { PapersPanel } from '../../components/PapersPanel';
import { usePercent } from '../../components/numbers';

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
                    <Table.Td>{dateSpan(e.enrolledOn, e.endedOn)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {e.workshopId !== null ? pct(e.rate) : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <div data-testid="participant-instruments">
            <HoldingsPanel custodianType="participante" custodianId={d.id} />
          </div>
          {/* The signed consent form, scanned (issue 16, item 4): personal data, as the rest of this drawer. */}
          <PapersPanel prefix="participants" id={d.id} />
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
  const state = useFilteredList<Participant, Record<'establishment' | 'status' | 'sex', string | null>>({
    view: 'participants.list',
    filters: { establishment: null, status: null, sex: null },
    sort: { columnAccessor: 'name', direction: 'asc' },
  });
  const { list: listState, filters } = state;
  const { establishment, status, sex } = filters.values;
  const debounced = listState.debouncedSearch;
  const form = useFormDialog<Participant>();
  const [custody, setCustody] = useState<Participant | null>(null);
  const [selected, setSelected] = useState<Participant[]>([]);
  const [enrolling, setEnrolling] = useState(false);
  const canEnrol = useCan('enrolments.create');
  const canCreate = useCan('participants.create');
  const { recordId, openRecord, closeRecord } = useRecordParam();

  const filter = useMemo<ParticipantFilter>(
    () => ({
      search: debounced,
      establishmentId: establishment ? Number(establishment) : null,
      status: status as ParticipantStatus | null,
      sex: sex as Sex | null,
    }),
    [debounced, establishment, status, sex],
  );
  const { query: list } = usePagedQuery('participants.list', filter, listState, participantSortColumns, 'name');
  const total = list.data?.total ?? 0;

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
            {canCreate && <ImportButton target="participants" />}
            <NewButton label={t('programmes.participants.new')} onClick={form.openNew} />
          </>
        }
      />
      <Alert variant="light" color="gray" icon={<IconShieldLock size={18} />} mb="sm" p="xs">
        <Text size="sm">{t('programmes.participants.privacy')}</Text>
      </Alert>
      <ListFilters state={state} placeholder={t('programmes.participants.searchPlaceholder')}>
        <EstablishmentFilter
          label={t('programmes.common.establishment')}
          {...filters.bind('establishment')}
          style={{ ...filterStyle, flexGrow: 1.4 }}
        />
        <CatalogChoiceFilter
          label={t('programmes.participants.status')}
          placeholder={t('programmes.common.allF')}
          values={participantStatuses}
          prefix="programmes.participantStatuses"
          {...filters.bind('status')}
          style={filterStyle}
        />
        <CatalogChoiceFilter
          label={t('programmes.participants.sex')}
          values={sexes}
          prefix="programmes.sexes"
          {...filters.bind('sex')}
          style={filterStyle}
        />
      </ListFilters>
      {selected.length > 0 && (
        <SelectionBar names={selected.map((p) => p.code)} onClear={() => setSelected([])}>
          <Button size="sm" leftSection={<IconSchool size={16} />} onClick={() => setEnrolling(true)}>
            {t('programmes.enrolments.enrolSelection')}
          </Button>
        </SelectionBar>
      )}
      <ListTable<Participant>
        list={listState}
        query={list}
        emptyHeight={240}
        selection={
          canEnrol
            ? {
                selected,
                onChange: setSelected,
                allLabel: t('common.selectAllRows'),
                rowLabel: (p) => t('programmes.participants.selectOne', { code: p.code }),
              }
            : undefined
        }
        onRowClick={(record) => openRecord(record.id)}
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
        emptyState={<ListEmptyState filtered={state.filtered} texts="programmes.participants" />}
      />
      <MountOnOpen opened={form.opened}>
        <ParticipantFormModal opened={form.opened} onClose={form.close} participant={form.record} />
      </MountOnOpen>
      <ParticipantDrawer id={recordId} onClose={closeRecord} onEdit={form.openEdit} onCustody={setCustody} />
      <MountOnOpen opened={custody !== null}>
        <CustodyModal participant={custody} onClose={() => setCustody(null)} />
      </MountOnOpen>
      <MountOnOpen opened={enrolling}>
        <EnrolSelectionModal
          participants={selected}
          opened={enrolling}
          onClose={() => setEnrolling(false)}
          onDone={() => setSelected([])}
        />
      </MountOnOpen>
    </>
  );
}
