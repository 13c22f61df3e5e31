import { Anchor, Button, Card, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Table, Tabs, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCertificate, IconChecklist, IconEdit, IconPlus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDate } from '../../../../shared/format';
import { ABSENCE_ALERT, hoursOf } from '../../../../shared/programmes/rules';
import type { Enrolment, Workshop } from '../../../../shared/programmes/schemas';
import { call, useApiMutation, useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { DateField, todayIso } from '../../components/fields';
import { useSaveFile } from '../../components/files';
import { PageHeader } from '../../components/PageHeader';
import { askPersonalDataReason } from '../privacy/PersonalDataReason';
import { AttendanceGrid } from './AttendanceGrid';
import { EnrolModal } from './EnrolModal';
import { StageModal } from './StageModal';
import { WorkshopFormModal } from './WorkshopFormModal';
import { Field, nameOf, StageBadge, useNumber, usePercent } from './ui';
import { useCan } from '../auth/session';

function Members({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const pct = usePercent();
  const num = useNumber();
  const [showClosed, setShowClosed] = useState(false);
  const [enrolOpen, setEnrolOpen] = useState(false);
  const [staging, setStaging] = useState<Enrolment | null>(null);
  const canEnrol = useCan('enrolments.create');
  const canStage = useCan('enrolments.setStage');
  const list = useApiQuery('enrolments.list', { workshopId: workshop.id, openOnly: !showClosed });
  const rows = list.data ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Switch label={t('programmes.enrolments.showClosed')} checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} />
        {canEnrol && (
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEnrolOpen(true)} disabled={!workshop.active}>
            {t('programmes.enrolments.enrol')}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <EmptyState title={t('programmes.enrolments.empty')} text={t('programmes.enrolments.participantsHint')} />
      ) : (
        <Table striped highlightOnHover verticalSpacing={6} data-testid="members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programmes.participants.codeShort')}</Table.Th>
              <Table.Th>{t('programmes.participants.name')}</Table.Th>
              <Table.Th>{t('programmes.enrolments.stage')}</Table.Th>
              <Table.Th>{t('programmes.enrolments.enrolledOn')}</Table.Th>
              <Table.Th ta="right">{t('programmes.enrolments.rate')}</Table.Th>
              <Table.Th ta="right">{t('programmes.enrolments.absences')}</Table.Th>
              <Table.Th ta="right">{t('programmes.enrolments.hours')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td fw={600}>{e.participantCode}</Table.Td>
                <Table.Td>{nameOf(e)}</Table.Td>
                <Table.Td>
                  <StageBadge stage={e.stage} />
                </Table.Td>
                <Table.Td>{formatDate(e.enrolledOn)}{e.endedOn ? ` – ${formatDate(e.endedOn)}` : ''}</Table.Td>
                <Table.Td ta="right">{pct(e.rate)} <Text span size="xs" c="dimmed">({e.present}/{e.sessions})</Text></Table.Td>
                <Table.Td ta="right" c={(e.consecutiveAbsences ?? 0) >= ABSENCE_ALERT ? 'red.8' : undefined} fw={(e.consecutiveAbsences ?? 0) >= ABSENCE_ALERT ? 700 : undefined}>
                  {e.consecutiveAbsences}
                </Table.Td>
                <Table.Td ta="right">{num(hoursOf(e.minutes ?? 0))}</Table.Td>
                <Table.Td ta="right">
                  {canStage && (e.stage === 'inscrito' || e.stage === 'activo') && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setStaging(e)} aria-label={`${t('programmes.enrolments.changeStage')}: ${e.participantCode}`}>
                      {t('programmes.enrolments.changeStage')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <EnrolModal opened={enrolOpen} onClose={() => setEnrolOpen(false)} group={{ kind: 'workshop', id: workshop.id, name: workshop.name, establishmentId: workshop.establishmentId }} />
      <StageModal enrolment={staging} onClose={() => setStaging(null)} />
    </Stack>
  );
}

function NewSessionModal({ workshop, opened, onClose, onCreated }: { workshop: Workshop; opened: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(todayIso());
  const [minutes, setMinutes] = useState<number | string>(120);
  const [topic, setTopic] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useApiMutation('sessions.create');
  return (
    <Modal opened={opened} onClose={onClose} title={t('programmes.sessions.newTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <DateField label={t('programmes.sessions.date')} withAsterisk value={date} onChange={setDate} error={errors.date} data-autofocus />
        <NumberInput label={t('programmes.sessions.duration')} withAsterisk min={15} max={600} step={15} allowDecimal={false} value={minutes} onChange={setMinutes} error={errors.durationMinutes} />
        <TextInput label={t('programmes.sessions.topic')} value={topic} onChange={(e) => setTopic(e.currentTarget.value)} error={errors.topic} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={create.isPending}
            onClick={() =>
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
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Sessions({ workshop, onTake }: { workshop: Workshop; onTake: (id: number) => void }) {
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
                <Table.Td>{s.attendanceTaken ? t('programmes.sessions.taken', { present: s.present, marked: s.marked }) : <Text span c="dimmed" size="sm">{t('programmes.sessions.notTaken')}</Text>}</Table.Td>
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

function Attendance({ workshop, sessionId, onSession }: { workshop: Workshop; sessionId: number | null; onSession: (id: number) => void }) {
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
        data={sessions.map((s) => ({ value: String(s.id), label: `${formatDate(s.date)}${s.topic ? ` — ${s.topic}` : ''}${s.attendanceTaken ? ' ✓' : ''}` }))}
        value={current === null ? null : String(current)}
        onChange={(v) => v && onSession(Number(v))}
        allowDeselect={false}
        maw={360}
      />
      {current !== null && <AttendanceGrid key={current} sessionId={current} />}
    </Stack>
  );
}

function Certificates({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const num = useNumber();
  const saveFile = useSaveFile();
  const [date, setDate] = useState<string | null>(todayIso());
  const canIssue = useCan('certificates.issue');
  const list = useApiQuery('certificates.candidates', { id: workshop.id });
  const rows = list.data ?? [];
  const completed = rows.filter((r) => r.stage === 'completado');
  const issue = async (participantIds: number[]) => {
    const reason = await askPersonalDataReason(t, t('programmes.export.reasonCertificates'));
    if (reason === null) return;
    await saveFile(() => call('certificates.issue', { workshopId: workshop.id, participantIds, date: date ?? '', reason }), { title: (r) => t('common.exported', { count: r.rows }) }).catch(
      () => undefined,
    );
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('programmes.certificates.hint')}
      </Text>
      {canIssue && (
        <Group align="flex-end">
          <DateField label={t('programmes.certificates.issueDate')} value={date} onChange={setDate} w={180} />
          <Button leftSection={<IconCertificate size={16} />} disabled={completed.length === 0} onClick={() => void issue([])}>
            {t('programmes.certificates.issueAll')} ({completed.length})
          </Button>
        </Group>
      )}
      {rows.length === 0 ? (
        <Text c="dimmed">{t('programmes.certificates.none')}</Text>
      ) : (
        <Table striped verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programmes.participants.codeShort')}</Table.Th>
              <Table.Th>{t('programmes.participants.name')}</Table.Th>
              <Table.Th>{t('programmes.enrolments.stage')}</Table.Th>
              <Table.Th ta="right">{t('programmes.enrolments.hours')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.enrolmentId}>
                <Table.Td fw={600}>{c.code}</Table.Td>
                <Table.Td>{nameOf(c)}</Table.Td>
                <Table.Td>
                  <StageBadge stage={c.stage} />
                </Table.Td>
                <Table.Td ta="right">{num(hoursOf(c.minutes))}</Table.Td>
                <Table.Td ta="right">
                  {canIssue && c.stage === 'completado' && (
                    <Button size="compact-xs" variant="light" leftSection={<IconCertificate size={14} />} onClick={() => void issue([c.participantId])} aria-label={`${t('programmes.certificates.issueOne')}: ${c.code}`}>
                      {t('programmes.certificates.issueOne')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** One workshop: its data, participants, sessions, the attendance grid and certificates. ?tab=asistencia&sesion=<id> deep-links. */
export function WorkshopPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const canEdit = useCan('workshops.update');
  const workshop = useApiQuery('workshops.get', { id: Number(id) });
  const tab = params.get('tab') ?? 'participantes';
  const sessionId = params.get('sesion') ? Number(params.get('sesion')) : null;
  const go = (next: string, session?: number) =>
    setParams((p) => {
      p.set('tab', next);
      if (session !== undefined) p.set('sesion', String(session));
      return p;
    });
  if (workshop.isError) return <ErrorState error={workshop.error} onRetry={() => void workshop.refetch()} />;
  const w = workshop.data;
  if (!w) return null;
  return (
    <>
      <Anchor component={Link} to={routes.workshops} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('programmes.workshops.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={w.name}
        subtitle={`${t(`programmes.programmes.${w.programme}`)} · ${w.establishmentName}`}
        actions={
          canEdit && (
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Card withBorder mb="md" padding="sm">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          <Field label={t('programmes.workshops.discipline')}>{w.discipline}</Field>
          <Field label={t('programmes.workshops.teachers')}>{w.teachers}</Field>
          <Field label={t('programmes.workshops.schedule')}>{w.schedule}</Field>
          <Field label={t('programmes.workshops.startDate')}>{`${formatDate(w.startDate)}${w.endDate ? ` – ${formatDate(w.endDate)}` : ''}`}</Field>
          <Field label={t('programmes.workshops.enrolled')}>{t('programmes.workshops.seats', { enrolled: w.enrolled, capacity: w.capacity })}</Field>
          <Field label={t('programmes.workshops.sessions')}>{String(w.sessions)}</Field>
        </SimpleGrid>
      </Card>
      <Tabs value={tab} onChange={(v) => v && go(v)} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="participantes">{t('programmes.workshops.tabMembers')}</Tabs.Tab>
          <Tabs.Tab value="sesiones">{t('programmes.workshops.tabSessions')}</Tabs.Tab>
          <Tabs.Tab value="asistencia">{t('programmes.workshops.tabAttendance')}</Tabs.Tab>
          <Tabs.Tab value="certificados">{t('programmes.workshops.tabCertificates')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="participantes">
          <Members workshop={w} />
        </Tabs.Panel>
        <Tabs.Panel value="sesiones">
          <Sessions workshop={w} onTake={(s) => go('asistencia', s)} />
        </Tabs.Panel>
        <Tabs.Panel value="asistencia">
          <Attendance workshop={w} sessionId={sessionId} onSession={(s) => go('asistencia', s)} />
        </Tabs.Panel>
        <Tabs.Panel value="certificados">
          <Certificates workshop={w} />
        </Tabs.Panel>
      </Tabs>
      <WorkshopFormModal opened={editing} onClose={() => setEditing(false)} workshop={w} />
    </>
  );
}
