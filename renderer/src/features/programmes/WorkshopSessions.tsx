import { Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import type { Workshop } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';
import { useCan } from '../../components/session';
import { AttendanceGrid } from './AttendanceGrid';

interface SessionValues {
  date: string | null;
  durationMinutes: number | string;
  topic: string;
}

const newSession = (): SessionValues => ({ date: todayIso(), durationMinutes: 120, topic: '' });

function NewSessionModal({
  workshop,
  opened,
  onClose,
  onCreated,
}: {
  workshop: Workshop;
  opened: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const create = useApiMutation('sessions.create');
  const { form, setFormError, saved, modal } = useRecordForm<SessionValues>({ opened, values: newSession });
  const save = (v: SessionValues) => {
    setFormError(null);
    create.mutate(
      { workshopId: workshop.id, date: v.date ?? '', durationMinutes: Number(v.durationMinutes), topic: v.topic },
      saved(
        (s) => t('programmes.sessions.created', { date: formatDate(s.date) }),
        (s) => {
          onCreated(s.id);
          onClose();
        },
      ),
    );
  };
  return (
    <FormModal {...modal(save)} onClose={onClose} title={t('programmes.sessions.newTitle')} saving={create.isPending} gap="sm">
      <DateField label={t('programmes.sessions.date')} withAsterisk {...form.getInputProps('date')} data-autofocus />
      <NumberInput
        label={t('programmes.sessions.duration')}
        withAsterisk
        min={15}
        max={600}
        step={15}
        allowDecimal={false}
        {...form.getInputProps('durationMinutes')}
      />
      <TextInput label={t('programmes.sessions.topic')} {...form.getInputProps('topic')} />
    </FormModal>
  );
}

/** A workshop's sessions, with a button to add one and to take (or view) its attendance. */
export function Sessions({ workshop, onTake }: { workshop: Workshop; onTake: (id: number) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const canCreate = useCan('sessions.create');
  const canTake = useCan('attendance.save');
  const list = useApiQuery('sessions.list', { workshopId: workshop.id });
  const rows = list.data ?? [];
  return (
    <Stack gap="sm">
      {canCreate && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)}>
            {t('programmes.sessions.new')}
          </Button>
        </Group>
      )}
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('programmes.sessions.empty')}
        </Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programmes.sessions.date')}</Table.Th>
              <Table.Th>{t('programmes.sessions.duration')}</Table.Th>
              <Table.Th>{t('programmes.sessions.topic')}</Table.Th>
              <Table.Th>{t('programmes.sessions.attendance')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{formatDate(s.date)}</Table.Td>
                <Table.Td>{s.durationMinutes}</Table.Td>
                <Table.Td>{s.topic}</Table.Td>
                <Table.Td>
                  {s.attendanceTaken ? (
                    t('programmes.sessions.taken', { present: s.present, marked: s.marked })
                  ) : (
                    <Text span c="dimmed" size="sm">
                      {t('programmes.sessions.notTaken')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-xs" variant="light" leftSection={<IconChecklist size={14} />} onClick={() => onTake(s.id)}>
                    {canTake ? t('programmes.sessions.take') : t('programmes.sessions.view')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NewSessionModal workshop={workshop} opened={open} onClose={() => setOpen(false)} onCreated={onTake} />
    </Stack>
  );
}

/** The attendance grid of one of the workshop's sessions (the latest unless one is chosen). */
export function Attendance({
  workshop,
  sessionId,
  onSession,
}: {
  workshop: Workshop;
  sessionId: number | null;
  onSession: (id: number) => void;
}) {
  const { t } = useTranslation();
  const list = useApiQuery('sessions.list', { workshopId: workshop.id });
  const sessions = list.data ?? [];
  const current = sessionId ?? sessions[0]?.id ?? null;
  if (list.data && sessions.length === 0) return <Text c="dimmed">{t('programmes.attendance.noSessions')}</Text>;
  return (
    <Stack gap="sm">
      <Select
        label={t('programmes.attendance.session')}
        placeholder={t('programmes.attendance.chooseSession')}
        data={sessions.map((s) => ({
          value: String(s.id),
          label: `${formatDate(s.date)}${s.topic ? ` — ${s.topic}` : ''}${s.attendanceTaken ? ' ✓' : ''}`,
        }))}
        value={current === null ? null : String(current)}
        onChange={(v) => v && onSession(Number(v))}
        allowDeselect={false}
        maw={360}
      />
      {current !== null && <AttendanceGrid key={current} sessionId={current} />}
    </Stack>
  );
}
