import { Anchor, Group, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconLink, IconX } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../../shared/format';
import { reviewStatuses, type CustodianReview } from '../../../../../shared/inventory/custody-schemas';
import { useApiMutation, useApiQuery, type ApiCallError } from '../../../api';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FormModal } from '../../../components/FormModal';
import { PageHeader } from '../../../components/PageHeader';
import { RowAction } from '../../../components/RecordParts';
import { useCan } from '../../../components/session';
import { useRecordForm } from '../../../components/useRecordForm';
import { instrumentRecordPath } from '../paths';
import { CustodianPicker } from './CustodianPicker';

type Status = (typeof reviewStatuses)[number];

/**
 * The custodians typed by hand before links existed that the update could not recognise:
 * each pending one is linked to a person of the instrument's establishment, or dismissed
 * (the instrument keeps the typed name). The linked and dismissed ones stay listed.
 */
export function ReviewsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('pendiente');
  const canLink = useCan('custody.link');
  const canDismiss = useCan('custody.dismiss');
  const [linking, setLinking] = useState<CustodianReview | null>(null);
  const list = useApiQuery('custody.reviews', { status });
  const dismiss = useApiMutation('custody.dismiss');
  const v = 'inventory.custody.reviews.';

  const failed = (err: ApiCallError) => notifications.show({ color: 'red', message: err.error.message });
  const confirmDismiss = (r: CustodianReview) =>
    modals.openConfirmModal({
      title: t(`${v}dismissTitle`),
      children: <Text size="sm">{t(`${v}dismissConfirm`, { code: r.code, text: r.originalText })}</Text>,
      labels: { confirm: t(`${v}dismiss`), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        dismiss.mutate(
          { id: r.id },
          { onSuccess: () => notifications.show({ color: 'teal', message: t(`${v}dismissed`, { code: r.code }) }), onError: failed },
        ),
    });

  const pending = status === 'pendiente';
  const columns: DataTableColumn<CustodianReview>[] = [
    {
      accessor: 'code',
      title: t(`${v}instrument`),
      noWrap: true,
      render: (r) => (
        <Anchor component={Link} to={instrumentRecordPath(r.instrumentId)} fw={600} size="sm">
          {r.code}
        </Anchor>
      ),
    },
    { accessor: 'establishmentName', title: t(`${v}establishment`), render: (r) => r.establishmentName ?? '' },
    { accessor: 'custodianType', title: t(`${v}custodianType`), render: (r) => t(`inventory.custodianTypes.${r.custodianType}`) },
    { accessor: 'originalText', title: t(`${v}originalText`) },
  ];
  if (pending) {
    if (canLink || canDismiss) {
      columns.push({
        accessor: 'actions',
        title: '',
        textAlign: 'right',
        noWrap: true,
        render: (r) => (
          <Group gap={2} justify="flex-end" wrap="nowrap">
            {canLink && (
              <RowAction label={t(`${v}link`)} name={r.code} onClick={() => setLinking(r)}>
                <IconLink size={18} />
              </RowAction>
            )}
            {canDismiss && (
              <RowAction label={t(`${v}dismiss`)} name={r.code} color="red" onClick={() => confirmDismiss(r)}>
                <IconX size={18} />
              </RowAction>
            )}
          </Group>
        ),
      });
    }
  } else {
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
          {reviewStatuses.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {t(`inventory.custody.reviewStatuses.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<CustodianReview>
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

/** "Vincular": the person (or ensemble) of the instrument's establishment the typed custodian was. */
function LinkModal({ review, onClose }: { review: CustodianReview | null; onClose: () => void }) {
  const { t } = useTranslation();
  const link = useApiMutation('custody.link');
  const rf = useRecordForm<{ custodianId: string | null }>({
    opened: review !== null,
    recordKey: review?.id,
    values: () => ({ custodianId: null }),
    validate: (values) => (values.custodianId === null ? { custodianId: t('errors.choose') } : {}),
  });
  const { form } = rf;
  const v = 'inventory.custody.reviews.';
  const save = (values: { custodianId: string | null }) => {
    if (!review || values.custodianId === null) return;
    rf.setFormError(null);
    link.mutate({ id: review.id, custodianId: Number(values.custodianId) }, rf.saved(t(`${v}linked`, { code: review.code }), onClose));
  };
  return (
    <FormModal
      {...rf.modal(save)}
      onClose={onClose}
      title={t(`${v}linkTitle`, { code: review?.code ?? '' })}
      size="md"
      saving={link.isPending}
      saveLabel={t(`${v}link`)}
      gap="sm"
      header={
        <Text size="sm">{t(`${v}linkText`, { text: review?.originalText ?? '', establishment: review?.establishmentName ?? '' })}</Text>
      }
    >
      <CustodianPicker
        data-autofocus
        required
        label={t('inventory.movement.custodian')}
        establishmentId={review?.establishmentId ?? null}
        type={review?.custodianType ?? null}
        value={form.values.custodianId}
        onChange={(id) => form.setFieldValue('custodianId', id)}
        error={form.errors.custodianId}
        description={review && review.establishmentId === null ? t('inventory.custody.picker.noEstablishment') : undefined}
      />
    </FormModal>
  );
}
