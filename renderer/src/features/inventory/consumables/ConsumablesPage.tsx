import { Badge, Button, Card, Checkbox, Group } from '@mantine/core';
import { IconArrowsExchange, IconPackage } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useLocalStorage } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { StockRow } from '../../../../../shared/inventory/consumable-schemas';
import { consumableCategories, type ConsumableCategory } from '../../../../../shared/inventory/rules';
import { pageSizes } from '../../../../../shared/ipc';
import { useApiQuery } from '../../../api';
import { EmptyState } from '../../../components/EmptyState';
import { ImportButton } from '../../../components/import/ImportButton';
import { ErrorState } from '../../../components/ErrorState';
import { usePagingLabels } from '../../../components/ListPage';
import { PageHeader } from '../../../components/PageHeader';
import { useEstablishmentOptions } from '../../../components/fields';
import { ItemFormModal, MinimumModal, MoveModal } from './ConsumableModals';
import { useCan } from '../../../components/session';
import { CellText } from '../../../components/cells';
import { LazySelect } from '../../../components/LazySelect';
import { MountOnOpen } from '../../../components/MountOnOpen';
import { RowAction } from '../../../components/RecordParts';
import { useCount } from '../../../components/numbers';
import { ListExportMenu } from '../../../components/ExportMenu';
import { SavedViews } from '../../../components/SavedViews';
import { choiceFilter, flagFilter, plainListView, valuesOf } from '../../../components/plainListView';

const collator = new Intl.Collator('es', { sensitivity: 'base' });

/**
 * Strings, reeds, drumheads… and the art workshops' clay, glazes, paints: stock per item and
 * establishment (filtered by category), entries (with their unit cost when bought) and
 * deliveries, minimums.
 */
export function ConsumablesPage() {
  const { t } = useTranslation();
  const number = useCount();
  const paging = usePagingLabels();
  const [params] = useSearchParams();
  const establishments = useEstablishmentOptions();
  const [establishmentId, setEstablishmentId] = useState<string | null>(null);
  const [category, setCategory] = useState<ConsumableCategory | null>(null);
  const [lowOnly, setLowOnly] = useState(params.get('bajo') === '1');
  const [moving, setMoving] = useState<{ itemId: number | null; establishmentId: number | null } | null>(null);
  const [minimumOf, setMinimumOf] = useState<StockRow | null>(null);
  const [newItem, setNewItem] = useState(false);
  const canCreate = useCan('consumables.createItem');
  const canMove = useCan('consumables.move');
  const canMinimum = useCan('consumables.setMinimum');
  // The import writes articles and entries: for who may create them.
  const canImport = useCan('import.run') && canCreate && canMove;
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useLocalStorage<number>({ key: 'arteinpe.consumables.pageSize', defaultValue: 50 });

  const exportQuery = { establishmentId: establishmentId === null ? null : Number(establishmentId), lowOnly, category };
  const stock = useApiQuery('consumables.stock', exportQuery, { placeholderData: (prev) => prev });
  const view = plainListView(
    'consumables.stock',
    {
      establishment: choiceFilter(establishmentId, setEstablishmentId, valuesOf(establishments)),
      category: choiceFilter(category, setCategory, consumableCategories),
      lowOnly: flagFilter(lowOnly, setLowOnly),
    },
    { onRestore: () => setPage(1) },
  );

  if (stock.isError) return <ErrorState error={stock.error} onRetry={() => void stock.refetch()} />;
  // By establishment, then item, in Spanish order (main sorts by raw name: "E.P. Virgen…" before "E.P. de…").
  const rows = [...(stock.data ?? [])].sort(
    (a, b) => collator.compare(a.establishmentName, b.establishmentName) || collator.compare(a.itemName, b.itemName),
  );
  const filtered = establishmentId !== null || lowOnly || category !== null;
  const lastPage = Math.max(1, Math.ceil(rows.length / pageSize));
  const shownPage = Math.min(page, lastPage);
  const shown = rows.slice((shownPage - 1) * pageSize, shownPage * pageSize);

  return (
    <>
      <PageHeader
        title={t('inventory.consumables.title')}
        subtitle={t('inventory.consumables.subtitle')}
        actions={
          <>
            <ListExportMenu list="consumables.stock" query={exportQuery} />
            {canCreate && (
              <Button variant="default" leftSection={<IconPackage size={16} />} onClick={() => setNewItem(true)}>
                {t('inventory.consumables.newItem')}
              </Button>
            )}
            {canMove && (
              <Button
                leftSection={<IconArrowsExchange size={16} />}
                onClick={() => setMoving({ itemId: null, establishmentId: establishmentId === null ? null : Number(establishmentId) })}
              >
                {t('inventory.consumables.move')}
              </Button>
            )}
            {canImport && <ImportButton target="consumables" />}
          </>
        }
      />

      <Card withBorder padding="sm" mb="sm">
        <Group gap="lg" align="flex-end" wrap="wrap">
          <LazySelect
            label={t('inventory.consumables.establishment')}
            placeholder={t('common.all')}
            data={establishments}
            value={establishmentId}
            onChange={(v) => {
              setEstablishmentId(v);
              setPage(1);
            }}
            searchable
            clearable
            w={300}
          />
          <LazySelect
            label={t('inventory.consumables.category')}
            placeholder={t('inventory.instruments.allF')}
            data={consumableCategories.map((c) => ({ value: c, label: t(`inventory.consumableCategories.${c}`) }))}
            value={category}
            onChange={(v) => {
              setCategory(v as ConsumableCategory | null);
              setPage(1);
            }}
            clearable
            w={200}
          />
          <Checkbox
            mb={8}
            label={t('inventory.consumables.lowOnly')}
            checked={lowOnly}
            onChange={(e) => {
              setLowOnly(e.currentTarget.checked);
              setPage(1);
            }}
          />
          {filtered && (
            <Button
              variant="subtle"
              onClick={() => {
                setEstablishmentId(null);
                setCategory(null);
                setLowOnly(false);
              }}
            >
              {t('common.clearFilters')}
            </Button>
          )}
          <SavedViews view={view} />
        </Group>
      </Card>

      <DataTable<StockRow>
        withTableBorder
        borderRadius="sm"
        striped
        highlightOnHover
        minHeight={rows.length === 0 ? 260 : undefined}
        fetching={stock.isPending}
        records={shown}
        totalRecords={rows.length}
        recordsPerPage={pageSize}
        page={shownPage}
        onPageChange={setPage}
        recordsPerPageOptions={[...pageSizes]}
        onRecordsPerPageChange={(n) => {
          setPageSize(n);
          setPage(1);
        }}
        {...paging}
        idAccessor={(r) => `${r.itemId}-${r.establishmentId}`}
        columns={[
          {
            accessor: 'itemName',
            title: t('inventory.consumables.item'),
            // Its category under the name, and a long name wraps: wider, the row's actions would leave the screen.
            render: (r) => (
              <>
                <CellText>{r.itemName}</CellText>
                <CellText size="xs" dimmed>
                  {t(`inventory.consumableCategories.${r.category}`)}
                </CellText>
              </>
            ),
          },
          { accessor: 'unit', title: t('inventory.consumables.unit'), width: 100 },
          { accessor: 'establishmentName', title: t('inventory.consumables.establishment'), noWrap: true },
          {
            accessor: 'stock',
            title: t('inventory.consumables.stock'),
            textAlign: 'right',
            width: 120,
            render: (r) => (
              <CellText strong={r.low} danger={r.low}>
                {number(r.stock)}
              </CellText>
            ),
          },
          {
            accessor: 'minimum',
            title: t('inventory.consumables.minimum'),
            textAlign: 'right',
            width: 100,
            render: (r) => (r.minimum === null ? <CellText dimmed>—</CellText> : number(r.minimum)),
          },
          {
            accessor: 'low',
            title: '',
            width: 140,
            render: (r) =>
              r.low ? (
                <Badge color="red" variant="filled" tt="none" style={{ overflow: 'visible' }}>
                  {t('inventory.consumables.low')}
                </Badge>
              ) : null,
          },
          {
            accessor: 'actions',
            title: t('common.actions'),
            textAlign: 'right',
            width: 170,
            render: (r) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {canMinimum && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-label={`${t('inventory.consumables.setMinimum')}: ${r.itemName} — ${r.establishmentName}`}
                    onClick={() => setMinimumOf(r)}
                  >
                    {t('inventory.consumables.setMinimum')}
                  </Button>
                )}
                {canMove && (
                  <RowAction
                    label={t('inventory.consumables.move')}
                    name={`${r.itemName} — ${r.establishmentName}`}
                    onClick={() => setMoving({ itemId: r.itemId, establishmentId: r.establishmentId })}
                  >
                    <IconArrowsExchange size={18} />
                  </RowAction>
                )}
              </Group>
            ),
          },
        ]}
        emptyState={
          filtered ? (
            <EmptyState title={t('inventory.consumables.noMatchTitle')} text={t('inventory.consumables.noMatchText')} />
          ) : (
            <EmptyState title={t('inventory.consumables.emptyTitle')} text={t('inventory.consumables.empty')} />
          )
        }
      />

      {/* The dialogs are built when they first open: the page does not pay for them on every visit. */}
      <MountOnOpen opened={moving !== null}>
        <MoveModal preset={moving} onClose={() => setMoving(null)} />
      </MountOnOpen>
      <MountOnOpen opened={minimumOf !== null}>
        <MinimumModal row={minimumOf} onClose={() => setMinimumOf(null)} />
      </MountOnOpen>
      <MountOnOpen opened={newItem}>
        <ItemFormModal opened={newItem} onClose={() => setNewItem(false)} category={category} />
      </MountOnOpen>
    </>
  );
}
