import { Anchor, Text } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { teacherReviewStatuses, type TeacherReview } from '../../../../shared/programmes/schemas';
import { routes } from '../../app/routes';
import { BackLink } from '../../components/RecordParts';
import { ReviewList } from '../../components/ReviewList';
import { TeacherSelect } from './TeacherPicker';

const v = 'programmes.workshopTeachers.reviews.';

/**
 * The workshops' teacher names typed before teachers were records that the update could not
 * recognise: each pending one is linked to the teacher it was (who then gives the workshop),
 * or dismissed (the workshop keeps its typed text). The linked and dismissed ones stay listed.
 */
export function TeacherReviewsPage() {
  const { t } = useTranslation();
  const columns: DataTableColumn<TeacherReview>[] = [
    {
      accessor: 'originalText',
      title: t(`${v}originalText`),
      render: (r) => (
        <Text fw={600} size="sm">
          {r.originalText}
        </Text>
      ),
    },
    {
      accessor: 'workshopName',
      title: t(`${v}workshop`),
      render: (r) => (
        <Anchor component={Link} to={`${routes.workshops}/${r.workshopId}`} size="sm">
          {r.workshopName}
        </Anchor>
      ),
    },
    { accessor: 'establishmentName', title: t(`${v}establishment`) },
    {
      accessor: 'workshopText',
      title: t(`${v}workshopText`),
      render: (r) => (
        <Text size="sm" c="dimmed">
          {r.workshopText ?? ''}
        </Text>
      ),
    },
  ];

  return (
    <ReviewList
      before={<BackLink to={routes.workshops} label={t('programmes.workshops.back')} />}
      channels={{ list: 'workshops.teacherReviews', link: 'workshops.linkTeacher', dismiss: 'workshops.dismissTeacher' }}
      texts={v}
      statuses={teacherReviewStatuses}
      statusTexts={`${v}statuses.`}
      columns={columns}
      linkedColumn={{ accessor: 'teacherName', title: t(`${v}teacher`), render: (r) => r.teacherName ?? '' }}
      name={(r) => r.originalText}
      values={(r) => ({ text: r.originalText, workshop: r.workshopName, establishment: r.establishmentName })}
      linkInput={(r, teacherId) => ({ id: r.id, teacherId })}
      linkField="teacherId"
      // The teacher the typed name was.
      picker={(_r, field) => <TeacherSelect data-autofocus required label={t('programmes.workshopTeachers.pickOne')} {...field} />}
      linkedValues={(r) => ({ name: r.teacherName ?? '' })}
    />
  );
}
