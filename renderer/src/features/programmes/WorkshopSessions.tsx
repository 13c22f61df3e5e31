import { Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import type { Session, Workshop } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';
import { useCan } from '../../components/session';
import { ImportButton } from '../../components/import/ImportButton';
import { AttendanceGrid } from './AttendanceGrid';

interface SessionValues {
  date: string | null;
  durationMinutes: number | string;
  topic: string;
  teacherId: string | null;
}

/** A new session: today, two hours, led by the workshop's only active teacher if it has one. */
const newSession = (w: Workshop): SessionValues => {
  const active = w.teacherLinks.filter((x) => x.active);
  return { date: todayIso(), durationMinutes: 120, topic: '', teacherId: active.length === 1 ? String(active[0]!.id) : null };
};

/** The workshop's teachers as options (an inactive one marked). */
function useTeacherOptions(w: Workshop) {
  const { t } = useTranslation();
  return w.teacherLinks.map((x) => ({
    value: String(x.id),
    label: x.active ? x.name : `${x.name} ${t('programmes.workshopTeachers.inactive')}`,
  }));
}

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
  const teachers = useTeacherOptions(workshop);
  const { form, setFormError, saved, modal } = useRecordForm<SessionValues>({ opened, values: () => newSession(workshop) });
  const save = (v: SessionValues) => {
    setFormError(null);
    create.mutate(
      {
        workshopId: workshop.id,
        date: v.date ?? '',
        durationMinutes: Number(v.durationMinutes),
        topic: v.topic,
        teacherId: v.teacherId === null ? null : Number(v.teacherId),
      },
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
      <Select
        label={t('programmes.workshopTeachers.leader')}
        placeholder={t('programmes.workshopTeachers.leaderPlaceholder')}
        description={teachers.length === 0 ? t('programmes.workshopTeachers.leaderNoTeachers') : undefined}
        data={teachers}
        clearable
        disabled={teachers.length === 0}
        {...form.getInputProps('teacherId')}
      />
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
              <Table.Th>{t('programmes.workshopTeachers.leader')}</Table.Th>
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
                  {s.teacherName ?? (
                    <Text span c="dimmed" size="sm">
                      {t('programmes.workshopTeachers.leaderNone')}
                    </Text>
                  )}
                </Table.Td>
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
  const canImport = useCan('attendance.save');
  const sessions = list.data ?? [];
  const current = sessionId ?? sessions[0]?.id ?? null;
  if (list.data && sessions.length === 0) return <Text c="dimmed">{t('programmes.attendance.noSessions')}</Text>;
  const session = sessions.find((s) => s.id === current) ?? null;
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="md">
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
          w={360}
        />
        {session && <SessionLeader key={session.id} workshop={workshop} session={session} />}
        {canImport && (
          <ImportButton
            target="attendance"
            label={t('import.attendance.button')}
            fixed={{ workshop: workshop.id }}
            hint={t('import.attendance.hint')}
          />
        )}
      </Group>
      {current !== null && <AttendanceGrid key={current} sessionId={current} />}
    </Stack>
  );
}

/**
 * Who led the session shown in the attendance tab: one of the workshop's teachers, saved as
 * soon as it is chosen (sessions.update); read-only for a role that may not edit sessions.
 */
function SessionLeader({ workshop, session }: { workshop: Workshop; session: Session }) {
  const { t } = useTranslation();
  const canEdit = useCan('sessions.update');
  const update = useApiMutation('sessions.update');
  const teachers = useTeacherOptions(workshop);
  const value = session.teacherId === null ? null : String(session.teacherId);
  // A teacher since removed from the workshop still reads as who led it.
  const data =
    value !== null && !teachers.some((o) => o.value === value) ? [{ value, label: session.teacherName ?? value }, ...teachers] : teachers;
  const change = (v: string | null) => {
    const teacherId = v === null ? null : Number(v);
    update.mutate(
      {
        id: session.id,
        version: session.version,
        date: session.date,
        durationMinutes: session.durationMinutes,
        topic: session.topic,
        teacherId,
      },
      {
        onSuccess: (s) =>
          notifications.show({
            color: 'teal',
            message:
              s.teacherName === null
                ? t('programmes.workshopTeachers.leaderCleared', { date: formatDate(s.date) })
                : t('programmes.workshopTeachers.leaderSaved', { date: formatDate(s.date), name: s.teacherName }),
          }),
        onError: (err) => notifications.show({ color: 'red', message: err.message }),
      },
    );
  };
  return (
    <Select
      label={t('programmes.workshopTeachers.leader')}
      placeholder={teachers.length === 0 ? t('programmes.workshopTeachers.leaderNoTeachers') : t('programmes.workshopTeachers.leaderNone')}
      data={data}
      value={value}
      onChange={change}
      clearable
      readOnly={!canEdit || update.isPending}
      disabled={teachers.length === 0 && value === null}
      w={320}
      data-testid="session-leader"
    />
  );
}
