import { Button, Text } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Workshop } from '../../../../shared/programmes/schemas';
import { useApiQuery } from '../../api';
import { useCan } from '../../components/session';
import { unlinkedTeachersPath } from './workshopTeacherPaths';

/**
 * A workshop's teachers: the teacher records by name; and, while some name typed before
 * records existed is still "sin vincular" (or none was linked), that text as it was typed.
 */
export function TeacherNames({ workshop, size = 'sm' }: { workshop: Workshop; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const names = workshop.teacherLinks.map((x) => (x.active ? x.name : `${x.name} ${t('programmes.workshopTeachers.inactive')}`));
  const typed = workshop.teachers && (workshop.pendingTeachers > 0 || names.length === 0) ? workshop.teachers : null;
  return (
    <>
      {names.length > 0 && (
        <Text span size={size}>
          {names.join(', ')}
        </Text>
      )}
      {typed && (
        <Text span size={size} c="dimmed" fs="italic" title={t('programmes.workshopTeachers.typed')}>
          {names.length > 0 ? ' · ' : ''}«{typed}»
          {workshop.pendingTeachers > 0 && ` (${t('programmes.workshopTeachers.pending', { count: workshop.pendingTeachers })})`}
        </Text>
      )}
    </>
  );
}

/** "N docentes sin vincular": on the workshops' page, to the review list (only while some are pending). */
export function UnlinkedTeachersButton() {
  const allowed = useCan('workshops.teacherReviews');
  return allowed ? <UnlinkedCount /> : null;
}

function UnlinkedCount() {
  const { t } = useTranslation();
  const pending = useApiQuery('workshops.teacherReviews', { status: 'pendiente' });
  const count = pending.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <Button component={Link} to={unlinkedTeachersPath} variant="light" color="orange" leftSection={<IconLinkOff size={16} />}>
      {t('programmes.workshopTeachers.reviews.open', { count })}
    </Button>
  );
}
