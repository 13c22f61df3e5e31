import { Anchor } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reviewStatuses, type CustodianReview } from '../../../../../shared/inventory/custody-schemas';
import { ReviewList } from '../../../components/ReviewList';
import { instrumentRecordPath } from '../paths';
import { CustodianPicker } from './CustodianPicker';

const v = 'inventory.custody.reviews.';

/**
 * The custodians typed by hand before links existed that the update could not recognise:
 * each pending one is linked to a person of the instrument's establishment, or dismissed
 * (the instrument keeps the typed name). The linked and dismissed ones stay listed.
 */
export function ReviewsPage() {
  const { t } = useTranslation();
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

  return (
    <ReviewList
      channels={{ list: 'custody.reviews', link: 'custody.link', dismiss: 'custody.dismiss' }}
      texts={v}
      statuses={reviewStatuses}
      statusTexts="inventory.custody.reviewStatuses."
      columns={columns}
      name={(r) => r.code}
      values={(r) => ({ code: r.code, text: r.originalText, establishment: r.establishmentName ?? '' })}
      linkInput={(r, custodianId) => ({ id: r.id, custodianId })}
      linkField="custodianId"
      // The person (or ensemble) of the instrument's establishment the typed custodian was.
      picker={(r, field) => (
        <CustodianPicker
          data-autofocus
          required
          label={t('inventory.movement.custodian')}
          establishmentId={r?.establishmentId ?? null}
          type={r?.custodianType ?? null}
          {...field}
          description={r && r.establishmentId === null ? t('inventory.custody.picker.noEstablishment') : undefined}
        />
      )}
    />
  );
}
