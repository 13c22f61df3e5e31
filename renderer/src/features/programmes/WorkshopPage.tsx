import { Card, SimpleGrid, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api';
import { routes } from '../../app/routes';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../components/session';
import { Certificates } from './WorkshopCertificates';
import { WorkshopFormModal } from './WorkshopFormModal';
import { Members } from './WorkshopMembers';
import { Attendance, Sessions } from './WorkshopSessions';
import { dateSpan } from './ui';
import { BackLink, EditButton, Field } from '../../components/RecordParts';
import { TeacherNames } from './workshopTeacherUi';

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
      <BackLink to={routes.workshops} label={t('programmes.workshops.back')} />
      <PageHeader
        title={w.name}
        subtitle={`${t(`programmes.programmes.${w.programme}`)} · ${w.establishmentName}`}
        actions={canEdit && <EditButton onClick={() => setEditing(true)} />}
      />
      <Card withBorder mb="md" padding="sm">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          <Field label={t('programmes.workshops.discipline')}>{w.discipline}</Field>
          <Field label={t('programmes.workshops.teachers')}>
            {w.teacherLinks.length === 0 && !w.teachers ? t('programmes.workshopTeachers.none') : <TeacherNames workshop={w} />}
          </Field>
          <Field label={t('programmes.workshops.schedule')}>{w.schedule}</Field>
          <Field label={t('programmes.workshops.startDate')}>{dateSpan(w.startDate, w.endDate)}</Field>
          <Field label={t('programmes.workshops.enrolled')}>
            {t('programmes.workshops.seats', { enrolled: w.enrolled, capacity: w.capacity })}
          </Field>
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
