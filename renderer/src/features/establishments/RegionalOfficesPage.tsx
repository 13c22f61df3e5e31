import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RegionalOffice } from '../../../../shared/establishments/schemas';
import { useApiQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { routes } from '../../app/routes';
import { ListExportMenu } from '../../components/ExportMenu';
import { buttonColumn } from '../../components/buttonColumn';

export function RegionalOfficesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const exportQuery = {};
  const offices = useApiQuery('regionalOffices.list', exportQuery);
  if (offices.isError) return <ErrorState error={offices.error} onRetry={() => void offices.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('establishments.regionalOffices.title')}
        subtitle={t('establishments.regionalOffices.subtitle')}
        actions={<ListExportMenu list="regionalOffices.list" query={exportQuery} />}
      />
      <DataTable<RegionalOffice>
        withTableBorder
        borderRadius="sm"
        striped
        highlightOnHover
        fetching={offices.isPending}
        records={offices.data ?? []}
        noRecordsText={t('common.noRecords')}
        columns={[
          { accessor: 'code', title: t('establishments.regionalOffices.code'), width: 100 },
          { accessor: 'name', title: t('establishments.regionalOffices.name') },
          { accessor: 'seat', title: t('establishments.regionalOffices.seat') },
          { accessor: 'establishmentCount', title: t('establishments.regionalOffices.establishments'), textAlign: 'right' },
          { accessor: 'inProgrammeCount', title: t('establishments.regionalOffices.inProgramme'), textAlign: 'right' },
          buttonColumn((o) => ({
            disabled: o.establishmentCount === 0,
            onClick: () => void navigate(`${routes.establishments}?oficina=${o.id}`),
            children: t('establishments.regionalOffices.viewEstablishments'),
          })),
        ]}
      />
    </>
  );
}
