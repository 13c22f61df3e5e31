import { Anchor, Select } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { workshopReviewStatuses, type ContractWorkshopReview } from '../../../../../shared/contracts/schemas';
import { useApiQuery } from '../../../api';
import { routes } from '../../../app/routes';
import { ReviewList, type ChoiceField } from '../../../components/ReviewList';

const v = 'contracts.workshopLinks.reviews.';

/**
 * The workshops typed by hand in contracts before links existed that the update could not
 * recognise: each pending one is linked to a workshop of its establishment, or dismissed (the
 * contract keeps the typed text). The linked and dismissed ones stay listed.
 */
export function WorkshopReviewsPage() {
  const { t } = useTranslation();
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

  return (
    <ReviewList
      channels={{ list: 'contracts.workshopReviews', link: 'contracts.linkWorkshop', dismiss: 'contracts.dismissWorkshop' }}
      texts={v}
      statuses={workshopReviewStatuses}
      statusTexts={`${v}statuses.`}
      columns={columns}
      linkedColumn={{ accessor: 'workshopName', title: t(`${v}workshop`), render: (r) => r.workshopName ?? '' }}
      name={(r) => r.originalText}
      values={(r) => ({ number: r.contractNumber, text: r.originalText, establishment: r.establishmentName })}
      linkInput={(r, workshopId) => ({ id: r.id, workshopId })}
      linkField="workshopId"
      picker={(r, field) => <WorkshopSelect review={r} {...field} />}
    />
  );
}

/** The workshop of the contract's establishment the typed name was. */
function WorkshopSelect({ review, ...field }: ChoiceField & { review: ContractWorkshopReview | null }) {
  const { t } = useTranslation();
  const options = useApiQuery(
    'contracts.workshopOptions',
    { establishmentIds: review ? [review.establishmentId] : [] },
    { enabled: review !== null },
  );
  const data = (options.data ?? []).map((w) => ({
    value: String(w.id),
    label: w.active ? w.name : t('contracts.workshopLinks.inactive', { name: w.name }),
  }));
  return (
    <Select
      data-autofocus
      required
      searchable
      label={t('contracts.workshopLinks.label')}
      data={data}
      nothingFoundMessage={t('contracts.workshopLinks.noneHere')}
      {...field}
    />
  );
}
