import { Anchor, Group, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconLink, IconX } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/format';
import { teacherReviewStatuses, type TeacherReview } from '../../../../shared/programmes/schemas';
import { useApiMutation, useApiQuery, type ApiCallError } from '../../api';
import { routes } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { RowAction } from '../../components/RecordParts';
import { useCan } from '../../components/session';
import { useRecordForm } from '../../components/useRecordForm';
import { TeacherSelect } from './TeacherPicker';

type Status = (typeof teacherReviewStatuses)[number];
const v = 'programmes.workshopTeachers.reviews.';

/**
 * The workshops' teacher names typed before teachers were records that the update could not
 * recognise: each pending one is linked to the teacher it was (who then gives the workshop),
 * or dismissed (the workshop keeps its typed text). The linked and dismissed ones stay listed.
 */
export function TeacherReviewsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('pendiente');
  const canLink = useCan('workshops.linkTeacher');
  const canDismiss = useCan('workshops.dismissTeacher');
  const [linking, setLinking] = useState<TeacherReview | null>(null);
  const list = useApiQuery('workshops.teacherReviews', { status });
  const dismiss = useApiMutation('workshops.dismissTeacher');

  const failed = (err: ApiCallError) => notifications.show({ color: 'red', message: err.error.message });
  const confirmDismiss = (r: TeacherReview) =>
    modals.openConfirmModal({
      title: t(`${v}dismissTitle`),
      children: <Text size="sm">{t(`${v}dismissConfirm`, { text: r.originalText, workshop: r.workshopName })}</Text>,
      labels: { confirm: t(`${v}dismiss`), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        dismiss.mutate(
          { id: r.id },
          {
            onSuccess: () => notifications.show({ color: 'teal', message: t(`${v}dismissed`, { text: r.originalText }) }),
            onError: failed,
          },
        ),
    });

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
  if (status === 'pendiente') {
    if (canLink || canDismiss) {
      columns.push({
        accessor: 'actions',
        title: '',
        textAlign: 'right',
        noWrap: true,
        render: (r) => (
          <Group gap={2} justify="flex-end" wrap="nowrap">
            {canLink && (
              <RowAction label={t(`${v}link`)} name={r.originalText} onClick={() => setLinking(r)}>
                <IconLink size={18} />
              </RowAction>
            )}
            {canDismiss && (
              <RowAction label={t(`${v}dismiss`)} name={r.originalText} color="red" onClick={() => confirmDismiss(r)}>
                <IconX size={18} />
              </RowAction>
            )}
          </Group>
        ),
      });
    }
  } else {
    if (status === 'vinculado') columns.push({ accessor: 'teacherName', title: t(`${v}teacher`), render: (r) => r.teacherName ?? '' });
    columns.push(
      { accessor: 'resolvedAt', title: t(`${v}resolvedAt`), noWrap: true, render: (r) => formatDateTime(r.resolvedAt) },
      { accessor: 'resolvedBy', title: t(`${v}resolvedBy`), render: (r) => r.resolvedBy ?? '' },
    );
  }

  return (
    <>
      <Anchor component={Link} to={routes.workshops} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('programmes.workshops.back')}
        </Group>
      </Anchor>
      <PageHeader title={t(`${v}title`)} subtitle={t(`${v}subtitle`)} />
      <Tabs value={status} onChange={(s) => setStatus((s as Status | null) ?? 'pendiente')} mb="sm">
        <Tabs.List>
          {teacherReviewStatuses.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {t(`${v}statuses.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<TeacherReview>
          withTableBorder
          borderRadius="sm"
          striped
          highlightOnHover
          minHeight={(list.data ?? []).length === 0 ? 260 : undefined}
          fetching={list.isPending}
          records={list.data ?? []}
          idAccessor="id"
          columns={columns}
          emptyState={<EmptyState title={t(`${v}emptyTitle`)} text={t(`${v}emptyText`)} />}
        />
      )}
      <LinkModal review={linking} onClose={() => setLinking(null)} />
    </>
  );
}

/** "Vincular": the teacher the typed name was. */
function LinkModal({ review, onClose }: { review: TeacherReview | null; onClose: () => void }) {
  const { t } = useTranslation();
  const link = useApiMutation('workshops.linkTeacher');
  const rf = useRecordForm<{ teacherId: string | null }>({
    opened: review !== null,
    recordKey: review?.id,
    values: () => ({ teacherId: null }),
    validate: (values) => (values.teacherId === null ? { teacherId: t('errors.choose') } : {}),
  });
  const { form } = rf;
  const save = (values: { teacherId: string | null }) => {
    if (!review || values.teacherId === null) return;
    rf.setFormError(null);
    link.mutate(
      { id: review.id, teacherId: Number(values.teacherId) },
      rf.saved((r) => t(`${v}linked`, { text: review.originalText, name: r.teacherName ?? '' }), onClose),
    );
  };
  return (
    <FormModal
      {...rf.modal(save)}
      onClose={onClose}
      title={t(`${v}linkTitle`, { text: review?.originalText ?? '' })}
      size="md"
      saving={link.isPending}
      saveLabel={t(`${v}link`)}
      gap="sm"
      header={
        <Text size="sm">
          {t(`${v}linkText`, {
            text: review?.originalText ?? '',
            workshop: review?.workshopName ?? '',
            establishment: review?.establishmentName ?? '',
          })}
        </Text>
      }
    >
      <TeacherSelect
        data-autofocus
        required
        label={t('programmes.workshopTeachers.pickOne')}
        value={form.values.teacherId}
        onChange={(id) => form.setFieldValue('teacherId', id)}
        error={form.errors.teacherId}
      />
    </FormModal>
  );
}
