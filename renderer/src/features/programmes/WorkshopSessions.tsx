import { Button, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import type { Workshop } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso, FormActions } from '../../components/fields';
import { useCan } from '../../components/session';
import { AttendanceGrid } from './AttendanceGrid';

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
  const [date, setDate] = useState<string | null>(todayIso());
  const [minutes, setMinutes] = useState<number | string>(120);
  const [topic, setTopic] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useApiMutation('sessions.create');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('programmes.sessions.newTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <DateField label={t('programmes.sessions.date')} withAsterisk value={date} onChange={setDate} error={errors.date} data-autofocus />
        <NumberInput
          label={t('programmes.sessions.duration')}
          withAsterisk
          min={15}
          max={600}
          step={15}
          allowDecimal={false}
          value={minutes}
          onChange={setMinutes}
          error={errors.durationMinutes}
        />
        <TextInput
          label={t('programmes.sessions.topic')}
          value={topic}
          onChange={(e) => setTopic(e.currentTarget.value)}
          error={errors.topic}
        />
        <FormActions
          onCancel={onClose}
          saving={create.isPending}
          onSave={() =>
            create.mutate(
              { workshopId: workshop.id, date: date ?? '', durationMinutes: Number(minutes), topic },
              {
                onSuccess: (s) => {
                  notifications.show({ color: 'teal', message: t('programmes.sessions.created', { date: formatDate(s.date) }) });
                  setErrors({});
                  onCreated(s.id);
                  onClose();
                },
                onError: (err) => setErrors({ ...err.error.fields }),
              },
            )
          }
        />
      </Stack>
    </Modal>
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
