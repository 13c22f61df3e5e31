import { ActionIcon, Button, Card, Group, Image, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useLocalStorage } from '@mantine/hooks';
import { IconPhoto, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { pageSizes } from '../../../../shared/ipc';
import { custodyStatuses, saleStatuses, techniques } from '../../../../shared/internarte/rules';
import { artworkSortColumns, type Artwork, type ArtworkFilter } from '../../../../shared/internarte/schemas';
import { call, useApiQuery } from '../../api';
import { ExportMenu } from '../../components/ExportMenu';
import { routes } from '../../app/routes';
import { EmptyState } from '../../components/EmptyState';
import { useEstablishmentOptions } from '../../components/fields';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/session';
import { accentFilter, useMoney } from '../instruments/ui';
import { ArtworkFormModal } from './ArtworkFormModal';
import { ConsentBadges, CustodyBadge, dimensionsCm, useSeesArtists } from './ui';

const filterStyle = { flex: '1 1 0', minWidth: 140 } as const;
type SortColumn = (typeof artworkSortColumns)[number];
const isSortColumn = (s: string): s is SortColumn => (artworkSortColumns as readonly string[]).includes(s);

/**
 * The artworks: server-side search, filters (establishment, technique, custody, sale,
 * consent), sorting and paging; a row opens the artwork's page.
 */
export function ArtworksPage() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const navigate = useNavigate();
  const seesNames = useSeesArtists();
  const canCreate = useCan('artworks.create');
  const canExport = useCan('artworks.export');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [establishmentId, setEstablishmentId] = useState<string | null>(null);
  const [technique, setTechnique] = useState<string | null>(null);
  const [custody, setCustody] = useState<string | null>(null);
  const [sale, setSale] = useState<string | null>(null);
  const [consent, setConsent] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useLocalStorage<number>({ key: 'arteinpe.artworks.pageSize', defaultValue: 25 });
  const [sortStatus, setSortStatus] = useState<DataTableSortStatus<Artwork>>({ columnAccessor: 'title', direction: 'asc' });
  const [formOpen, setFormOpen] = useState(false);
  const establishments = useEstablishmentOptions('all');

  const filter = useMemo<ArtworkFilter>(
    () => ({
      search: debounced,
      establishmentId: establishmentId === null ? null : Number(establishmentId),
      technique: technique as ArtworkFilter['technique'],
      custodyStatus: custody as ArtworkFilter['custodyStatus'],
      saleStatus: sale as ArtworkFilter['saleStatus'],
      consent: consent as ArtworkFilter['consent'],
    }),
    [debounced, establishmentId, technique, custody, sale, consent],
  );
  useEffect(() => setPage(1), [filter, pageSize]);
  const sort = isSortColumn(String(sortStatus.columnAccessor)) ? (sortStatus.columnAccessor as SortColumn) : 'title';
  const list = useApiQuery(
    'artworks.list',
    { ...filter, sort, direction: sortStatus.direction, page, pageSize: pageSizes.includes(pageSize as 25) ? pageSize : 25 },
    { placeholderData: (prev) => prev },
  );
  const filtersActive = search !== '' || establishmentId !== null || technique !== null || custody !== null || sale !== null || consent !== null;
  const clear = () => {
    setSearch('');
    setEstablishmentId(null);
    setTechnique(null);
    setCustody(null);
    setSale(null);
    setConsent(null);
  };
  const open = (a: Artwork) => void navigate(`${routes.artworks}/${a.id}`);

  return (
    <>
      <PageHeader
        title={t('internarte.artworks.title')}
        subtitle={t('internarte.artworks.subtitle')}
        actions={
          <>
            {canExport && (
              <ExportMenu
                disabled={(list.data?.total ?? 0) === 0}
                reasonFor={t('internarte.artworks.reasonFor')}
                onExport={(format, reason) => call('artworks.export', { filter, format, sort, direction: sortStatus.direction, reason })}
              />
            )}
            {canCreate && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setFormOpen(true)}>
                {t('internarte.artworks.new')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder padding="sm" mb="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            style={{ flex: '2 1 0', minWidth: 220 }}
            aria-label={t('common.search')}
            placeholder={t(seesNames ? 'internarte.artworks.searchPlaceholder' : 'internarte.artworks.searchPlaceholderNoNames')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            rightSection={
              search ? (
                <ActionIcon variant="subtle" size="sm" aria-label={t('common.clearFilters')} onClick={() => setSearch('')}>
                  <IconX size={14} />
                </ActionIcon>
              ) : null
            }
          />
          <Select label={t('internarte.checklist.columns.establishment')} placeholder={t('common.all')} clearable searchable filter={accentFilter} data={establishments} value={establishmentId} onChange={setEstablishmentId} style={{ ...filterStyle, flexGrow: 1.4 }} comboboxProps={{ width: 300 }} />
          <Select label={t('internarte.artworks.fields.technique')} placeholder={t('common.all')} clearable data={techniques.map((x) => ({ value: x, label: t(`internarte.techniques.${x}`) }))} value={technique} onChange={setTechnique} style={filterStyle} comboboxProps={{ width: 260 }} />
          <Select label={t('internarte.artworks.fields.custody')} placeholder={t('common.all')} clearable data={custodyStatuses.map((x) => ({ value: x, label: t(`internarte.custodyStatuses.${x}`) }))} value={custody} onChange={setCustody} style={filterStyle} />
          <Select label={t('internarte.artworks.fields.saleStatus')} placeholder={t('common.all')} clearable data={saleStatuses.map((x) => ({ value: x, label: t(`internarte.saleStatuses.${x}`) }))} value={sale} onChange={setSale} style={filterStyle} />
          <Select
            label={t('internarte.artworks.fields.consent')}
            placeholder={t('common.all')}
            clearable
            data={(['sin_consentimiento', 'exhibir', 'catalogo', 'foto', 'venta'] as const).map((x) => ({ value: x, label: t(`internarte.consentFilter.${x}`) }))}
            value={consent}
            onChange={setConsent}
            style={filterStyle}
            comboboxProps={{ width: 220 }}
          />
          {filtersActive && (
            <Button variant="subtle" onClick={clear}>
              {t('common.clearFilters')}
            </Button>
          )}
        </Group>
      </Card>
      <DataTable<Artwork>
        withTableBorder
        borderRadius="sm"
        striped
        highlightOnHover
        minHeight={list.data?.total === 0 ? 260 : undefined}
        records={list.data?.rows ?? []}
        fetching={list.isFetching && !list.data}
        totalRecords={list.data?.total ?? 0}
        page={page}
        onPageChange={setPage}
        recordsPerPage={pageSize}
        recordsPerPageOptions={[...pageSizes]}
        onRecordsPerPageChange={setPageSize}
        recordsPerPageLabel={t('common.perPage')}
        paginationText={({ from, to, totalRecords }) => t('common.pageOf', { from, to, total: totalRecords })}
        sortStatus={sortStatus}
        onSortStatusChange={setSortStatus}
        onRowClick={({ record }) => open(record)}
        emptyState={
          filtersActive ? (
            <EmptyState title={t('internarte.artworks.emptyFiltered')} text="" />
          ) : (
            <EmptyState
              title={t('internarte.artworks.title')}
              text={t('internarte.artworks.empty')}
              action={
                list.data && list.data.total === 0 && canCreate ? (
                  <Button mt="xs" style={{ pointerEvents: 'auto' }} leftSection={<IconPlus size={16} />} onClick={() => setFormOpen(true)}>
                    {t('internarte.artworks.new')}
                  </Button>
                ) : undefined
              }
            />
          )
        }
        columns={[
          {
            accessor: 'thumbnail',
            title: '',
            width: 56,
            render: (a) =>
              a.thumbnail ? (
                <Image src={a.thumbnail} alt="" w={40} h={40} fit="cover" radius="sm" />
              ) : (
                <IconPhoto size={22} color="var(--mantine-color-gray-5)" aria-hidden />
              ),
          },
          {
            accessor: 'title',
            title: t('internarte.artworks.fields.title'),
            sortable: true,
            width: 240,
            render: (a) => (
              <div>
                <Text size="sm" fw={600} fs="italic">
                  {a.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {a.artistLabel}
                </Text>
              </div>
            ),
          },
          { accessor: 'establishment', title: t('internarte.checklist.columns.establishment'), sortable: true, render: (a) => a.establishmentName },
          { accessor: 'technique', title: t('internarte.artworks.fields.technique'), sortable: true, render: (a) => t(`internarte.techniques.${a.technique}`) },
          { accessor: 'year', title: t('internarte.artworks.fields.year'), sortable: true, render: (a) => a.year ?? '—' },
          { accessor: 'dimensions', title: t('internarte.artworks.fields.dimensions'), noWrap: true, render: (a) => dimensionsCm(a.heightMm, a.widthMm, a.depthMm, i18n.language) },
          { accessor: 'custody', title: t('internarte.artworks.fields.custody'), sortable: true, render: (a) => <CustodyBadge status={a.custodyStatus} /> },
          { accessor: 'consent', title: t('internarte.artworks.fields.consent'), render: (a) => <ConsentBadges consent={a.consent} /> },
          {
            accessor: 'price',
            title: t('internarte.artworks.fields.price'),
            sortable: true,
            textAlign: 'right',
            noWrap: true,
            render: (a) => (a.priceCentimos === null ? '—' : money(a.priceCentimos)),
          },
        ]}
      />
      <ArtworkFormModal opened={formOpen} onClose={() => setFormOpen(false)} artwork={null} onSaved={(a) => open(a)} />
    </>
  );
}
