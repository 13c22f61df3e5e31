import { Image, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { custodyStatuses, saleStatuses, techniques } from '../../../../shared/internarte/rules';
import { artworkSortColumns, ConsentFilter, type Artwork, type ArtworkFilter } from '../../../../shared/internarte/schemas';
import { call } from '../../api';
import { ExportMenu } from '../../components/ExportMenu';
import { ImportButton } from '../../components/import/ImportButton';
import { routes } from '../../app/routes';
import { EstablishmentFilter, ListEmptyState, ListTable } from '../../components/ListPage';
import { MountOnOpen } from '../../components/MountOnOpen';
import { ListFilters, NewButton, useFilteredList } from '../../components/ListTools';
import { CatalogChoiceFilter } from '../../components/CatalogChoiceFilter';
import { usePagedQuery } from '../../components/usePagedQuery';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../components/session';
import { useMoney } from '../../components/money';
import { ArtworkFormModal } from './ArtworkFormModal';
import { ConsentBadges, CustodyBadge, dimensionsCm, useSeesArtists } from './ui';

const filterStyle = { flex: '1 1 0', minWidth: 140 } as const;

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
  // The import writes artworks: for who may create them.
  const canImport = useCan('import.run') && canCreate;
  const state = useFilteredList<Artwork, Record<'establishmentId' | 'technique' | 'custody' | 'sale' | 'consent', string | null>>({
    view: 'artworks.list',
    filters: { establishmentId: null, technique: null, custody: null, sale: null, consent: null },
    sort: { columnAccessor: 'title', direction: 'asc' },
    pageSizeKey: 'arteinpe.artworks.pageSize',
  });
  const { list: listState, filters } = state;
  const { establishmentId, technique, custody, sale, consent } = filters.values;
  const debounced = listState.debouncedSearch;
  const [formOpen, setFormOpen] = useState(false);

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
  const { query: list, sort } = usePagedQuery('artworks.list', filter, listState, artworkSortColumns, 'title');
  const direction = listState.sortStatus.direction;
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
                onExport={(format, reason) => call('artworks.export', { filter, format, sort, direction, reason })}
              />
            )}
            {canImport && <ImportButton target="artworks" />}
            {canCreate && <NewButton label={t('internarte.artworks.new')} onClick={() => setFormOpen(true)} />}
          </>
        }
      />
      <ListFilters
        state={state}
        placeholder={t(seesNames ? 'internarte.artworks.searchPlaceholder' : 'internarte.artworks.searchPlaceholderNoNames')}
      >
        <EstablishmentFilter
          label={t('internarte.checklist.columns.establishment')}
          {...filters.bind('establishmentId')}
          style={{ ...filterStyle, flexGrow: 1.4 }}
          comboboxProps={{ width: 300 }}
        />
        <CatalogChoiceFilter
          label={t('internarte.artworks.fields.technique')}
          values={techniques}
          prefix="internarte.techniques"
          {...filters.bind('technique')}
          style={filterStyle}
          comboboxProps={{ width: 260 }}
        />
        <CatalogChoiceFilter
          label={t('internarte.artworks.fields.custody')}
          values={custodyStatuses}
          prefix="internarte.custodyStatuses"
          {...filters.bind('custody')}
          style={filterStyle}
        />
        <CatalogChoiceFilter
          label={t('internarte.artworks.fields.saleStatus')}
          values={saleStatuses}
          prefix="internarte.saleStatuses"
          {...filters.bind('sale')}
          style={filterStyle}
        />
        <CatalogChoiceFilter
          label={t('internarte.artworks.fields.consent')}
          values={ConsentFilter.options}
          prefix="internarte.consentFilter"
          {...filters.bind('consent')}
          style={filterStyle}
          comboboxProps={{ width: 220 }}
        />
      </ListFilters>
      <ListTable<Artwork>
        list={listState}
        query={list}
        onRowClick={open}
        emptyState={
          <ListEmptyState
            filtered={state.filtered}
            noMatch={{ title: t('internarte.artworks.emptyFiltered'), text: '' }}
            title={t('internarte.artworks.title')}
            text={t('internarte.artworks.empty')}
            newLabel={t('internarte.artworks.new')}
            onNew={list.data && list.data.total === 0 && canCreate ? () => setFormOpen(true) : undefined}
          />
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
          {
            accessor: 'establishment',
            title: t('internarte.checklist.columns.establishment'),
            sortable: true,
            render: (a) => a.establishmentName,
          },
          {
            accessor: 'technique',
            title: t('internarte.artworks.fields.technique'),
            sortable: true,
            render: (a) => t(`internarte.techniques.${a.technique}`),
          },
          { accessor: 'year', title: t('internarte.artworks.fields.year'), sortable: true, render: (a) => a.year ?? '—' },
          {
            accessor: 'dimensions',
            title: t('internarte.artworks.fields.dimensions'),
            noWrap: true,
            render: (a) => dimensionsCm(a.heightMm, a.widthMm, a.depthMm, i18n.language),
          },
          {
            accessor: 'custody',
            title: t('internarte.artworks.fields.custody'),
            sortable: true,
            render: (a) => <CustodyBadge status={a.custodyStatus} />,
          },
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
      <MountOnOpen opened={formOpen}>
        <ArtworkFormModal opened={formOpen} onClose={() => setFormOpen(false)} artwork={null} onSaved={(a) => open(a)} />
      </MountOnOpen>
    </>
  );
}
