import { CellText } from '../../../components/cells';
import { IconUser } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../../shared/format';
import type { Instrument } from '../../../../../shared/inventory/schemas';
import { ConditionBadge, custodianLabel, locationLabel, StatusBadge } from './ui';
import { useMoney } from '../../../components/money';
import { shownColumns } from '../../../components/ColumnPicker';
import { detailsColumn } from '../../../components/ListPage';

/**
 * The register's columns (without those the clerk hid) and their labels for the column
 * picker. With no column of its own, the custodian shows under the location.
 */
export function useInstrumentColumns({
  hidden,
  custodianInline,
  openRecord,
}: {
  hidden: string[];
  custodianInline: boolean;
  openRecord: (i: Instrument) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const columnLabels: Record<string, string> = {
    code: t('inventory.instruments.code'),
    type: t('inventory.instruments.type'),
    family: t('inventory.instruments.family'),
    brand: t('inventory.instruments.brandModel'),
    serialNumber: t('inventory.instruments.serialNumber'),
    establishment: t('inventory.instruments.establishment'),
    status: t('inventory.instruments.status'),
    condition: t('inventory.instruments.conditionShort'),
    custodian: t('inventory.instruments.custodian'),
    cost: t('inventory.instruments.value'),
    acquisitionDate: t('inventory.instruments.acquisitionDate'),
    funding: t('inventory.instruments.funding'),
    updatedAt: t('common.updatedAt'),
  };

  const dataColumns: DataTableColumn<Instrument>[] = [
    {
      accessor: 'code',
      sortable: true,
      noWrap: true,
      render: (i) => <CellText strong>{i.code}</CellText>,
    },
    { accessor: 'type', sortable: true, render: (i) => i.typeName },
    { accessor: 'family', render: (i) => t(`inventory.families.${i.family}`) },
    { accessor: 'brand', sortable: true, render: (i) => [i.brand, i.model].filter(Boolean).join(' ') },
    { accessor: 'serialNumber' },
    {
      accessor: 'establishment',
      sortable: true,
      render: (i) => (
        <>
          {locationLabel(i, t)}
          {custodianInline && i.custodianName && (
            <CellText size="xs" dimmed nowrap title={custodianLabel(i, t)}>
              <IconUser size={12} aria-hidden style={{ marginRight: 4, verticalAlign: -1 }} />
              {i.custodianName}
            </CellText>
          )}
        </>
      ),
    },
    { accessor: 'status', sortable: true, noWrap: true, render: (i) => <StatusBadge status={i.status} /> },
    { accessor: 'condition', sortable: true, noWrap: true, render: (i) => <ConditionBadge condition={i.condition} /> },
    { accessor: 'custodian', render: (i) => custodianLabel(i, t) },
    { accessor: 'cost', sortable: true, noWrap: true, textAlign: 'right', render: (i) => money(i.costCentimos) },
    { accessor: 'acquisitionDate', sortable: true, noWrap: true, render: (i) => formatDate(i.acquisitionDate) },
    { accessor: 'funding', render: (i) => t(`inventory.fundings.${i.funding}`) },
    { accessor: 'updatedAt', sortable: true, noWrap: true, render: (i) => formatDateTime(i.updatedAt) },
  ];
  const columns = shownColumns(dataColumns, columnLabels, hidden);
  columns.push({ ...detailsColumn<Instrument>(t('inventory.instruments.details'), (i) => i.code, openRecord), textAlign: 'right' });
  return { columnLabels, columns };
}
