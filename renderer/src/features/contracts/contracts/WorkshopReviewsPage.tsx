import { Anchor, Group, Select, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconLink, IconX } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../../shared/format';
import { workshopReviewStatuses, type ContractWorkshopReview } from '../../../../../shared/contracts/schemas';
import { useApiMutation, useApiQuery, type ApiCallError } from '../../../api';
import { routes } from '../../../app/routes';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FormModal } from '../../../components/FormModal';
import { PageHeader } from '../../../components/PageHeader';
import { RowAction } from '../../../components/RecordParts';
import { useCan } from '../../../components/session';
import { useRecordForm } from '../../../components/useRecordForm';

type Status = (typeof workshopReviewStatuses)[number];

const v = 'contracts.workshopLinks.reviews.';

/**
 * The workshops typed by hand in contracts before links existed that the update could not
 * recognise: each pending one is linked to a workshop of its establishment, or dismissed (the
 * contract keeps the typed text). The linked and dismissed ones stay listed.
 */
export function WorkshopReviewsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('pendiente');
  const canLink = useCan('contracts.linkWorkshop');
  const canDismiss = useCan('contracts.dismissWorkshop');
  const [linking, setLinking] = useState<ContractWorkshopReview | null>(null);
  const list = useApiQuery('contracts.workshopReviews', { status });
  const dismiss = useApiMutation('contracts.dismissWorkshop');

  const failed = (err: ApiCallError) => notifications.show({ color: 'red', message: err.error.message });
  const confirmDismiss = (r: ContractWorkshopReview) =>
    modals.openConfirmModal({
      title: t(`${v}dismissTitle`),
      children: <Text size="sm">{t(`${v}dismissConfirm`, { number: r.contractNumber, text: r.originalText })}</Text>,
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

  const columns: DataTableColumn<ContractWorkshopReview>[] = [
    {
      accessor: 'contractNumber',
      title: t(`${v}contract`),
      noWrap: true,
      render: (r) => (
        <Anchor component={Link} to={`${routes.contracts}?ficha=${r.contractId}`} fw={600} size="sm">
          {r.contractNumber}
        </Anchor>
      ),
    },
    { accessor: 'teacherName', title: t(`${v}teacher`) },
    { accessor: 'establishmentName', title: t(`${v}establishment`) },
    { accessor: 'originalText', title: t(`${v}originalText`) },
  ];
  if (status === 'pendiente') {
    if (canLink || canDismiss)
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
  } else {
    if (status === 'vinculado') columns.push({ accessor: 'workshopName', title: t(`${v}workshop`), render: (r) => r.workshopName ?? '' });
    columns.push(
      { accessor: 'resolvedAt', title: t(`${v}resolvedAt`), noWrap: true, render: (r) => formatDateTime(r.resolvedAt) },
      { accessor: 'resolvedBy', title: t(`${v}resolvedBy`), render: (r) => r.resolvedBy ?? '' },
    );
  }

  return (
    <>
      <PageHeader title={t(`${v}title`)} subtitle={t(`${v}subtitle`)} />
      <Tabs value={status} onChange={(s) => setStatus((s as Status | null) ?? 'pendiente')} mb="sm">
        <Tabs.List>
          {workshopReviewStatuses.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {t(`${v}statuses.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<ContractWorkshopReview>
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

/** "Vincular": the workshop of the contract's establishment the typed name was. */
function LinkModal({ review, onClose }: { review: ContractWorkshopReview | null; onClose: () => void }) {
  const { t } = useTranslation();
  const link = useApiMutation('contracts.linkWorkshop');
  const options = useApiQuery(
    'contracts.workshopOptions',
    { establishmentIds: review ? [review.establishmentId] : [] },
    { enabled: review !== null },
  );
  const rf = useRecordForm<{ workshopId: string | null }>({
    opened: review !== null,
    recordKey: review?.id,
    values: () => ({ workshopId: null }),
    validate: (values) => (values.workshopId === null ? { workshopId: t('errors.choose') } : {}),
  });
  const { form } = rf;
  const save = (values: { workshopId: string | null }) => {
    if (!review || values.workshopId === null) return;
    rf.setFormError(null);
    link.mutate(
      { id: review.id, workshopId: Number(values.workshopId) },
      rf.saved(t(`${v}linked`, { number: review.contractNumber }), onClose),
    );
  };
  const data = (options.data ?? []).map((w) => ({
    value: String(w.id),
    label: w.active ? w.name : t('contracts.workshopLinks.inactive', { name: w.name }),
  }));
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
            number: review?.contractNumber ?? '',
            text: review?.originalText ?? '',
            establishment: review?.establishmentName ?? '',
          })}
        </Text>
      }
    >
      <Select
        data-autofocus
        required
        searchable
        label={t('contracts.workshopLinks.label')}
        data={data}
        nothingFoundMessage={t('contracts.workshopLinks.noneHere')}
        {...form.getInputProps('workshopId')}
      />
    </FormModal>
  );
}
