import { ActionIcon, Badge, Button, Card, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarPlus, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import type { ProgrammeEvent } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { DateField, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';
import { PageHeader } from '../../components/PageHeader';
import { PlainTable } from '../../components/PlainTable';
import { useRecordParam } from '../../components/ListPage';
import { NewButton } from '../../components/ListTools';
import { EventFormModal } from './EventFormModal';
import { useNumber } from '../../components/numbers';
import { useCan } from '../../components/session';
import { ListExportMenu } from '../../components/ExportMenu';
import { SavedViews } from '../../components/SavedViews';
import { choiceFilter, plainListView, valuesOf } from '../../components/plainListView';
import { MountOnOpen } from '../../components/MountOnOpen';

interface SeasonValues {
  name: string;
  startDate: string | null;
  endDate: string | null;
}

/** This year's season as it usually runs: March to just before Christmas. */
const usualSeason = (): SeasonValues => {
  const year = new Date().getFullYear();
  return { name: '', startDate: `${year}-03-01`, endDate: `${year}-12-20` };
};

function SeasonModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('seasons.create');
  const { form, setFormError, saved, modal } = useRecordForm<SeasonValues>({ opened, values: usualSeason });
  const save = (v: SeasonValues) => {
    setFormError(null);
    create.mutate(
      { name: v.name, startDate: v.startDate ?? '', endDate: v.endDate ?? '' },
      saved(
        (s) => t('programmes.seasons.created', { name: s.name }),
        (s) => {
          onCreated(s.id);
          onClose();
        },
      ),
    );
  };
  return (
    <FormModal {...modal(save)} onClose={onClose} title={t('programmes.seasons.newTitle')} saving={create.isPending} gap="sm">
      <TextInput
        label={t('programmes.seasons.name')}
        withAsterisk
        placeholder={t('programmes.seasons.namePlaceholder')}
        {...form.getInputProps('name')}
        data-autofocus
      />
      <Group grow>
        <DateField label={t('programmes.seasons.startDate')} {...form.getInputProps('startDate')} />
        <DateField label={t('programmes.seasons.endDate')} {...form.getInputProps('endDate')} />
      </Group>
    </FormModal>
  );
}

const where = (e: ProgrammeEvent) => e.establishmentName ?? e.venueName ?? '';

/** A month of the season, weeks from Monday, each event in its day. */
function Calendar({ events, onOpen }: { events: ProgrammeEvent[]; onOpen: (e: ProgrammeEvent) => void }) {
  const { t } = useTranslation();
  const today = todayIso();
  const initial = (events.find((e) => e.date >= today) ?? events[events.length - 1])?.date ?? today;
  const [month, setMonth] = useState(initial.slice(0, 7));
  useEffect(() => setMonth(initial.slice(0, 7)), [initial]);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells = Array.from({ length: Math.ceil((offset + days) / 7) * 7 }, (_, i) =>
    i < offset || i >= offset + days ? null : i - offset + 1,
  );
  const shift = (n: number) => {
    const d = new Date(Date.UTC(y, m - 1 + n, 1));
    setMonth(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  };
  const weekdays = t('programmes.events.weekdays').split(' ');
  const inMonth = events.filter((e) => e.date.startsWith(month));
  return (
    <Card withBorder padding="sm" data-testid="season-calendar">
      <Group justify="space-between" mb="xs">
        <ActionIcon variant="default" aria-label={t('programmes.events.previousMonth')} onClick={() => shift(-1)}>
          <IconChevronLeft size={16} />
        </ActionIcon>
        <Text fw={700} tt="capitalize">
          {t(`programmes.months.m${m}`)} {y}
        </Text>
        <ActionIcon variant="default" aria-label={t('programmes.events.nextMonth')} onClick={() => shift(1)}>
          <IconChevronRight size={16} />
        </ActionIcon>
      </Group>
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
        {weekdays.map((d, i) => (
          <Text key={i} size="xs" c="dimmed" ta="center" fw={600}>
            {d}
          </Text>
        ))}
        {cells.map((day, i) => {
          const iso = day ? `${month}-${String(day).padStart(2, '0')}` : '';
          const evs = day ? inMonth.filter((e) => e.date === iso) : [];
          return (
            <Paper key={i} withBorder={day !== null} p={4} mih={78} bg={iso === today ? 'var(--mantine-primary-color-light)' : undefined}>
              {day && (
                <Stack gap={2}>
                  <Text size="xs" c="dimmed">
                    {day}
                  </Text>
                  {evs.map((e) => (
                    <Badge
                      key={e.id}
                      size="sm"
                      variant="light"
                      tt="none"
                      fullWidth
                      style={{ cursor: 'pointer', justifyContent: 'flex-start' }}
                      onClick={() => onOpen(e)}
                      title={`${e.title} — ${where(e)}`}
                    >
                      {e.time ? `${e.time} ` : ''}
                      {e.title}
                    </Badge>
                  ))}
                </Stack>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
      {inMonth.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('programmes.events.noEventsMonth')}
        </Text>
      )}
    </Card>
  );
}

/** The season: its events as a list or a calendar, each with its audiences. */
export function EventsPage() {
  const { t } = useTranslation();
  const num = useNumber();
  const seasons = useApiQuery('seasons.list', {});
  const [chosenSeason, setSeasonId] = useState<string | null>(null);
  const [view, setView] = useState('lista');
  const [seasonOpen, setSeasonOpen] = useState(false);
  const [editing, setEditing] = useState<ProgrammeEvent | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const canSeason = useCan('seasons.create');
  const canCreate = useCan('events.create');
  // Until the clerk picks one, the latest season; its events are asked for once the seasons are known.
  const latest = seasons.data?.[0];
  const seasonId = chosenSeason ?? (latest ? String(latest.id) : null);
  const season = (seasons.data ?? []).find((s) => String(s.id) === seasonId) ?? null;
  const exportQuery = { seasonId: seasonId === 'none' || seasonId === null ? null : Number(seasonId) };
  const list = useApiQuery('events.list', exportQuery, { enabled: seasons.data !== undefined });
  const events = useMemo(() => list.data ?? [], [list.data]);
  const seasonOptions = [
    ...(seasons.data ?? []).map((s) => ({ value: String(s.id), label: s.name })),
    { value: 'none', label: t('programmes.common.all') },
  ];
  // A view keeps the season shown; one no longer there gives the latest again.
  const savedView = plainListView('events.list', { season: choiceFilter(seasonId, setSeasonId, valuesOf(seasonOptions)) });
  const open = (e: ProgrammeEvent | null) => {
    setEditing(e);
    setFormOpen(true);
  };
  // A link to one event (?ficha=<id>, from the global search) opens its form once it is read, whatever the season shown.
  const { recordId, closeRecord } = useRecordParam();
  const linked = useApiQuery('events.get', { id: recordId ?? 0 }, { enabled: recordId !== null });
  useEffect(() => {
    if (recordId === null || !linked.data || linked.data.id !== recordId) return;
    setEditing(linked.data);
    setFormOpen(true);
    closeRecord();
  }, [recordId, linked.data, closeRecord]);
  return (
    <>
      <PageHeader
        title={t('programmes.events.title')}
        subtitle={t('programmes.events.subtitle')}
        actions={
          <>
            <ListExportMenu list="events.list" query={exportQuery} />
            {canSeason && (
              <Button variant="default" leftSection={<IconCalendarPlus size={16} />} onClick={() => setSeasonOpen(true)}>
                {t('programmes.seasons.new')}
              </Button>
            )}
            {canCreate && <NewButton label={t('programmes.events.new')} onClick={() => open(null)} />}
          </>
        }
      />
      <Group mb="sm" justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Select
            label={t('programmes.seasons.season')}
            data={seasonOptions}
            value={seasonId}
            onChange={setSeasonId}
            allowDeselect={false}
            w={380}
          />
          {season && (
            <Text size="sm" c="dimmed" mb={6}>
              {formatDate(season.startDate)} – {formatDate(season.endDate)} ·{' '}
              {t('programmes.events.seasonSummary', { events: season.events, audience: season.audience })}
            </Text>
          )}
          <SavedViews view={savedView} />
        </Group>
        <SegmentedControl
          data={[
            { value: 'lista', label: t('programmes.events.list') },
            { value: 'calendario', label: t('programmes.events.calendar') },
          ]}
          value={view}
          onChange={setView}
        />
      </Group>
      {view === 'calendario' ? (
        <Calendar events={events} onOpen={open} />
      ) : (
        <PlainTable<ProgrammeEvent>
          records={events}
          onRowClick={({ record }) => open(record)}
          columns={[
            {
              accessor: 'date',
              title: t('programmes.events.date'),
              noWrap: true,
              render: (e) => `${formatDate(e.date)}${e.time ? ` ${e.time}` : ''}`,
            },
            { accessor: 'type', title: t('programmes.events.type'), render: (e) => t(`programmes.eventTypes.${e.type}`) },
            {
              accessor: 'title',
              title: t('programmes.events.titleField'),
              render: (e) => (
                <Text size="sm" fw={600}>
                  {e.title}
                </Text>
              ),
            },
            { accessor: 'where', title: t('programmes.events.where'), render: where },
            { accessor: 'partners', title: t('programmes.events.partners'), render: (e) => e.partners.map((p) => p.name).join(', ') },
            { accessor: 'ensembles', title: t('programmes.events.ensembles'), render: (e) => e.ensembles.map((g) => g.name).join(', ') },
            {
              accessor: 'totalAudience',
              title: t('programmes.events.audienceTotal'),
              textAlign: 'right',
              render: (e) => num(e.totalAudience),
            },
          ]}
          emptyState={<EmptyState title={t('programmes.events.emptyTitle')} text={t('programmes.events.emptyText')} />}
        />
      )}
      <SeasonModal opened={seasonOpen} onClose={() => setSeasonOpen(false)} onCreated={(id) => setSeasonId(String(id))} />
      <MountOnOpen opened={formOpen}>
        <EventFormModal opened={formOpen} onClose={() => setFormOpen(false)} event={editing} seasonId={season?.id ?? null} />
      </MountOnOpen>
    </>
  );
}
