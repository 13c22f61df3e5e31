import { ActionIcon, Button } from '@mantine/core';
import { IconFileImport, IconSettings } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { conditions, statuses, type Condition, type Family, type Status } from '../../../../../shared/inventory/rules';
import { instrumentSortColumns, type Instrument, type InstrumentFilter } from '../../../../../shared/inventory/schemas';
import { call, useApiQuery } from '../../../api';
import { ColumnPicker, useHiddenColumns } from '../../../components/ColumnPicker';
import { ExportMenu } from '../../../components/ExportMenu';
import { useSaveFile } from '../../../components/files';
import { ImportWizard } from '../../../components/import/ImportWizard';
import { ListEmptyState, ListTable, useRecordParam } from '../../../components/ListPage';
import { ChoiceFilter, ListFilters, NewButton, useFilteredList, useFormDialog } from '../../../components/ListTools';
import { CatalogChoiceFilter } from '../../../components/CatalogChoiceFilter';
import { usePagedQuery } from '../../../components/usePagedQuery';
import { PageHeader } from '../../../components/PageHeader';
import { CodeFormatModal } from './CodeFormatModal';
import { InstrumentDrawer } from './InstrumentDrawer';
import { InstrumentFormModal } from './InstrumentFormModal';
import { MovementModal } from './MovementModal';
import { useEstablishmentOptions } from '../../../components/fields';
import { useInstrumentColumns } from './instrumentColumns';
import { SelectionBar } from './SelectionBar';
import { familyOptions, typeOptions } from './ui';
import { accentFilter } from '../../../components/accentFilter';
import { useCan } from '../../../components/session';
import { MountOnOpen } from '../../../components/MountOnOpen';
import { HoverTooltip } from '../../../components/HoverTooltip';

/** Filters share the row: they grow with the window and wrap only when it is narrow. */
const filterStyle = { flex: '1 1 0', minWidth: 130 } as const;

/**
 * The instrument register: server-side search, filters, sorting and paging; a selection
 * that takes one movement at once (dispatch twenty violins); a row opens the record.
 * Deep links: ?tipo=<typeId>, ?ubicacion=<establishmentId|central>, ?ficha=<id>, ?nuevo=1.
 */
export function InstrumentsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();

  const state = useFilteredList<Instrument, Record<'typeId' | 'family' | 'location' | 'status' | 'condition', string | null>>({
    view: 'instruments.list',
    filters: { typeId: null, family: null, location: null, status: null, condition: null },
    initial: { typeId: params.get('tipo'), location: params.get('ubicacion') },
    sort: { columnAccessor: 'code', direction: 'asc' },
    pageSizeKey: 'arteinpe.instruments.pageSize',
    onClear: () =>
      setParams((p) => {
        p.delete('tipo');
        p.delete('ubicacion');
        return p;
      }),
  });
  const { list: listState, filters } = state;
  const { typeId, family, location, status, condition } = filters.values;
  const { debouncedSearch, sortStatus } = listState;
  const [hidden, setHidden] = useHiddenColumns('arteinpe.instruments.hiddenColumns', [
    'serialNumber',
    'family',
    'custodian',
    'acquisitionDate',
    'funding',
    'updatedAt',
  ]);
  // With no column of its own, the custodian shows under the location: where it is, and who holds it.
  const custodianInline = hidden.includes('custodian');
  const [selected, setSelected] = useState<Instrument[]>([]);
  const [moveTargets, setMoveTargets] = useState<Instrument[] | null>(null);
  const form = useFormDialog<Instrument>([]);
  const [importOpen, setImportOpen] = useState(false);
  const [formatOpen, setFormatOpen] = useState(false);
  const saveFile = useSaveFile();
  const printLabels = (symbology: 'qr' | 'code128') =>
    void saveFile(() => call('inventory.labels', { instrumentIds: selected.map((i) => i.id), symbology })).catch(() => undefined);
  const { recordId, openRecord: openId, closeRecord } = useRecordParam();
  // What the role may do (shared/auth/permissions.ts, enforced again in main): the rest is not shown.
  const canCreate = useCan('instruments.create');
  const canMove = useCan('instruments.move');
  const canLabel = useCan('inventory.labels');
  const canExport = useCan('instruments.export');
  const canImport = useCan('import.run');
  const canSettings = useCan('inventory.setSettings');
  const canSelect = canMove || canLabel;

  const filter = useMemo<InstrumentFilter>(
    () => ({
      search: debouncedSearch,
      typeId: typeId === null ? null : Number(typeId),
      family: family as Family | null,
      establishmentId: location === null ? null : location === 'central' ? 'central' : Number(location),
      status: status as Status | null,
      condition: condition as Condition | null,
    }),
    [debouncedSearch, typeId, family, location, status, condition],
  );

  const types = useApiQuery('instrumentTypes.list', {});
  const establishments = useEstablishmentOptions('all');
  const { query: list, sort } = usePagedQuery('instruments.list', filter, listState, instrumentSortColumns, 'code');

  // A selection outlives paging and filtering; keep its rows as fresh as the list.
  useEffect(() => {
    const rows = list.data?.rows;
    if (!rows) return;
    setSelected((prev) => {
      let changed = false;
      const next = prev.map((p) => {
        const fresh = rows.find((r) => r.id === p.id);
        if (fresh && fresh.version !== p.version) {
          changed = true;
          return fresh;
        }
        return p;
      });
      return changed ? next : prev;
    });
  }, [list.data]);

  const openRecord = (i: Instrument) => openId(i.id);

  const { columnLabels, columns } = useInstrumentColumns({ hidden, custodianInline, openRecord });

  const total = list.data?.total ?? 0;
  const allTypes = types.data ?? [];
  const typeFilterData = typeOptions(allTypes, t, (ty) => family === null || ty.family === family);
  // The musical instruments' families, then the art equipment's (kilns, wheels, easels, tools).
  const familyData = useMemo(() => familyOptions(t), [t]);

  return (
    <>
      <PageHeader
        title={t('inventory.instruments.title')}
        subtitle={t('inventory.instruments.subtitle')}
        actions={
          <>
            <ColumnPicker labels={columnLabels} hidden={hidden} onChange={setHidden} />
            {canSettings && (
              <HoverTooltip label={t('inventory.settings.title')}>
                <ActionIcon variant="default" size="lg" aria-label={t('inventory.settings.title')} onClick={() => setFormatOpen(true)}>
                  <IconSettings size={18} />
                </ActionIcon>
              </HoverTooltip>
            )}
            {canImport && (
              <HoverTooltip label={t('import.buttonHint')}>
                <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImportOpen(true)}>
                  {t('import.button')}
                </Button>
              </HoverTooltip>
            )}
            {canExport && (
              <ExportMenu
                disabled={total === 0}
                reasonFor={t('inventory.export.reasonFor')}
                onExport={(format, reason) => call('instruments.export', { filter, format, sort, direction: sortStatus.direction, reason })}
              />
            )}
            {canCreate && <NewButton label={t('inventory.instruments.new')} onClick={form.openNew} />}
          </>
        }
      />

      <ListFilters state={state} placeholder={t('inventory.instruments.searchPlaceholder')} searchMinWidth={200}>
        <ChoiceFilter
          label={t('inventory.instruments.family')}
          placeholder={t('inventory.instruments.allF')}
          data={familyData}
          value={family}
          onChange={(v) => {
            filters.set('family', v);
            if (v && typeId && allTypes.find((ty) => String(ty.id) === typeId)?.family !== v) filters.set('typeId', null);
          }}
          comboboxProps={{ width: 260, position: 'bottom-start' }}
          style={{ ...filterStyle, flexGrow: 1.3 }}
        />
        <ChoiceFilter
          label={t('inventory.instruments.type')}
          searchable
          filter={accentFilter}
          data={typeFilterData}
          {...filters.bind('typeId')}
          style={filterStyle}
          maxDropdownHeight={320}
        />
        <ChoiceFilter
          label={t('inventory.instruments.establishment')}
          placeholder={t('inventory.instruments.allF')}
          searchable
          filter={accentFilter}
          data={[{ value: 'central', label: t('inventory.instruments.central') }, ...establishments]}
          {...filters.bind('location')}
          comboboxProps={{ width: 300, position: 'bottom-start' }}
          style={{ ...filterStyle, flexGrow: 1.3 }}
        />
        <CatalogChoiceFilter
          label={t('inventory.instruments.status')}
          placeholder={t('inventory.instruments.allF')}
          values={statuses}
          prefix="inventory.statuses"
          {...filters.bind('status')}
          style={filterStyle}
        />
        <CatalogChoiceFilter
          label={t('inventory.instruments.conditionShort')}
          values={conditions}
          prefix="inventory.conditions"
          {...filters.bind('condition')}
          style={filterStyle}
        />
      </ListFilters>

      {selected.length > 0 && (
        <SelectionBar
          selected={selected}
          onClear={() => setSelected([])}
          canLabel={canLabel}
          canMove={canMove}
          onLabels={printLabels}
          onMove={() => setMoveTargets(selected)}
        />
      )}

      <ListTable<Instrument>
        list={listState}
        query={list}
        columns={columns}
        pageLabels={{ previous: t('inventory.instruments.previousPage'), next: t('inventory.instruments.nextPage') }}
        selection={
          canSelect
            ? {
                selected,
                onChange: setSelected,
                allLabel: t('inventory.instruments.selectAllPage'),
                rowLabel: (i) => t('inventory.instruments.selectOne', { code: i.code }),
              }
            : undefined
        }
        onRowClick={openRecord}
        rowStyle={(i) => (i.status === 'de_baja' || i.status === 'extraviado' ? { opacity: 0.6 } : undefined)}
        emptyState={
          <ListEmptyState
            filtered={state.filtered}
            texts="inventory.instruments"
            onNew={list.data && total === 0 && canCreate ? form.openNew : undefined}
          />
        }
      />

      {/* The dialogs are built when they first open: the page does not pay for them on every visit. */}
      <MountOnOpen opened={form.opened}>
        <InstrumentFormModal opened={form.opened} onClose={form.close} instrument={form.record} />
      </MountOnOpen>
      <MountOnOpen opened={importOpen}>
        <ImportWizard opened={importOpen} onClose={() => setImportOpen(false)} target="instruments" />
      </MountOnOpen>
      <MountOnOpen opened={formatOpen}>
        <CodeFormatModal opened={formatOpen} onClose={() => setFormatOpen(false)} />
      </MountOnOpen>
      <InstrumentDrawer instrumentId={recordId} onClose={closeRecord} onMove={(i) => setMoveTargets([i])} onEdit={form.openEdit} />
      <MountOnOpen opened={moveTargets !== null}>
        <MovementModal
          opened={moveTargets !== null}
          onClose={() => setMoveTargets(null)}
          instruments={moveTargets ?? []}
          onDone={() => {
            if (moveTargets && moveTargets.length > 1) setSelected([]);
          }}
          onRemove={(codes) => {
            setMoveTargets((prev) => (prev ?? []).filter((i) => !codes.includes(i.code)));
            setSelected((prev) => prev.filter((i) => !codes.includes(i.code)));
          }}
        />
      </MountOnOpen>
    </>
  );
}
