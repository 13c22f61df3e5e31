import { ActionIcon, Button, Card, Group, TextInput, type ComboboxProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileDescription, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type DataTableColumn, type DataTableRowClickHandler, type DataTableSortStatus } from 'mantine-datatable';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LazySelect } from './LazySelect';
import { useSearchParams } from 'react-router';
import { pageSizes, type Page } from '../../../shared/ipc';
import { accentFilter } from './accentFilter';
import { EmptyState } from './EmptyState';
import { PlainTable } from './PlainTable';
import { RowAction } from './RecordParts';
import { useEstablishmentOptions } from './fields';
import { isInteger, useStoredState } from './storedState';

/**
 * The pieces every server-side list page shares (establishments, instruments, teachers,
 * contracts, conformities, participants, workshops): the list's state (search box with its
 * debounce, page, page size, sort), the filter bar with its search box, and the table with
 * Spanish paging. A page keeps only what is its own: its filters, columns and actions.
 */

export interface ListState<T> {
  /** What is typed in the search box, and the same after the debounce (what is sent to main). */
  search: string;
  setSearch: (value: string) => void;
  debouncedSearch: string;
  page: number;
  setPage: (page: number) => void;
  /** Always one of the page sizes main accepts (shared/ipc.ts pageSizes). */
  pageSize: number;
  setPageSize: (size: number) => void;
  sortStatus: DataTableSortStatus<T>;
  setSortStatus: (status: DataTableSortStatus<T>) => void;
  /** The sort column to send: the table's, when main sorts by it, or the fallback. */
  sortBy<S extends string>(columns: readonly S[], fallback: S): S;
}

/**
 * A list's state. The page goes back to 1 whenever the search, the page size or one of
 * `filters` (the page's other filters, compared by value) changes. `pageSizeKey`: where
 * the chosen page size is remembered between sessions.
 */
export function useListState<T>(opts: {
  sort: DataTableSortStatus<T>;
  pageSizeKey?: string;
  filters?: unknown;
  initialSearch?: string;
}): ListState<T> {
  const [search, setSearch] = useState(opts.initialSearch ?? '');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [page, setPage] = useState(1);
  const [storedSize, setStoredSize] = useStoredState<number>(opts.pageSizeKey ?? 'arteinpe.list.pageSize', 25, isInteger);
  const [localSize, setLocalSize] = useState(25);
  const rawSize = opts.pageSizeKey ? storedSize : localSize;
  const pageSize = (pageSizes as readonly number[]).includes(rawSize) ? rawSize : 25;
  const setPageSize = opts.pageSizeKey ? setStoredSize : setLocalSize;
  const [sortStatus, setSortStatus] = useState<DataTableSortStatus<T>>(opts.sort);
  const filtersKey = JSON.stringify(opts.filters ?? null);
  useEffect(() => setPage(1), [debouncedSearch, filtersKey, pageSize]);
  return {
    search,
    setSearch,
    debouncedSearch,
    page,
    setPage,
    pageSize,
    setPageSize,
    sortStatus,
    setSortStatus,
    sortBy: (columns, fallback) => {
      const c = String(sortStatus.columnAccessor);
      return (columns as readonly string[]).includes(c) ? (c as typeof fallback) : fallback;
    },
  };
}

/** The search box of a list: a magnifier, the placeholder saying what it searches, and a clear button. */
export function SearchBox({
  value,
  onChange,
  placeholder,
  w,
  style,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  w?: number;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      aria-label={t('common.search')}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={w}
      style={style}
      rightSection={
        value ? (
          <ActionIcon variant="subtle" size="sm" aria-label={t('common.clearFilters')} onClick={() => onChange('')}>
            <IconX size={14} />
          </ActionIcon>
        ) : null
      }
    />
  );
}

/** The card above a list with its search box and filters, in one wrapping row. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Card withBorder padding="sm" mb="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        {children}
      </Group>
    </Card>
  );
}

/**
 * The paging of a paged table in the user's language: "Filas por página", "1–25 de 80", and
 * the names of the page buttons that a screen reader says ("Página anterior", "Página
 * siguiente"; mantine-datatable's own are English). Spread into a DataTable with `page`.
 */
export function usePagingLabels() {
  const { t } = useTranslation();
  return {
    recordsPerPageLabel: t('common.perPage'),
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) =>
      t('common.pageOf', { from, to, total: totalRecords }),
    getPaginationControlProps: (control: 'first' | 'last' | 'previous' | 'next') => ({ 'aria-label': t(`common.pagination.${control}`) }),
    noRecordsText: t('common.noRecords'),
  };
}

/** Optional row selection (a bar of actions over several records). */
export interface ListSelection<T> {
  selected: T[];
  onChange: (records: T[]) => void;
  /** Accessible names of the select-all and per-row checkboxes. */
  allLabel: string;
  rowLabel: (record: T) => string;
}

/**
 * Header titles wrap between words instead of being cut with an ellipsis ("Fecha de pa…"):
 * with the narrow headers a list fits the office screen (1366 px, navigation open).
 */
function wrappingTitles<T>(columns: DataTableColumn<T>[]): DataTableColumn<T>[] {
  return columns.map((c) =>
    typeof c.title === 'string' && c.title !== '' ? { ...c, title: <span style={{ whiteSpace: 'normal' }}>{c.title}</span> } : c,
  );
}

/**
 * A page of a server-side list in the app's table: striped, bordered, sorted and paged in
 * main, with the paging in the user's language. `query`: the list's useApiQuery.
 */
export function ListTable<T>({
  list,
  query,
  columns,
  emptyState,
  emptyHeight = 260,
  onRowClick,
  onRowDoubleClick,
  rowStyle,
  selection,
  pageLabels,
}: {
  list: ListState<T>;
  query: { data?: Page<T>; isLoading: boolean };
  columns: DataTableColumn<T>[];
  emptyState?: ReactNode;
  emptyHeight?: number;
  onRowClick?: (record: T) => void;
  onRowDoubleClick?: (record: T) => void;
  rowStyle?: (record: T) => CSSProperties | undefined;
  selection?: ListSelection<T>;
  /** Names of the previous and next page buttons, where a test or a screen reader needs them. */
  pageLabels?: { previous: string; next: string };
}) {
  const paging = usePagingLabels();
  const total = query.data?.total ?? 0;
  const click: DataTableRowClickHandler<T> | undefined = onRowClick ? ({ record }) => onRowClick(record) : undefined;
  const doubleClick: DataTableRowClickHandler<T> | undefined = onRowDoubleClick ? ({ record }) => onRowDoubleClick(record) : undefined;
  return (
    <PlainTable<T>
      records={query.data?.rows ?? []}
      minHeight={total === 0 ? emptyHeight : undefined}
      columns={wrappingTitles(columns)}
      // A table wider than its place (columns the user chose to show) says so with a visible scroll bar.
      scrollAreaProps={{ type: 'auto' }}
      fetching={query.isLoading}
      totalRecords={total}
      recordsPerPage={list.pageSize}
      page={list.page}
      onPageChange={list.setPage}
      recordsPerPageOptions={[...pageSizes]}
      onRecordsPerPageChange={list.setPageSize}
      {...paging}
      getPaginationControlProps={
        pageLabels
          ? (control) =>
              control === 'previous'
                ? { 'aria-label': pageLabels.previous }
                : control === 'next'
                  ? { 'aria-label': pageLabels.next }
                  : paging.getPaginationControlProps(control)
          : paging.getPaginationControlProps
      }
      sortStatus={list.sortStatus}
      onSortStatusChange={list.setSortStatus}
      selectedRecords={selection?.selected}
      onSelectedRecordsChange={selection?.onChange}
      allRecordsSelectionCheckboxProps={selection ? { 'aria-label': selection.allLabel } : undefined}
      getRecordSelectionCheckboxProps={selection ? (r) => ({ 'aria-label': selection.rowLabel(r) }) : undefined}
      onRowClick={click}
      onRowDoubleClick={doubleClick}
      rowStyle={rowStyle}
      emptyState={emptyState}
    />
  );
}

/** "Quitar filtros": shown only while a filter is set. */
export function ClearFiltersButton({ active, onClear }: { active: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  if (!active) return null;
  return (
    <Button variant="subtle" onClick={onClear}>
      {t('common.clearFilters')}
    </Button>
  );
}

/** The texts of an empty list under a catalog prefix (ListEmptyState's `texts`). */
function catalogTexts(t: TFunction, prefix: string) {
  const key = (name: string) => t(`${prefix}.${name}`);
  return {
    noMatch: { title: key('noMatchTitle'), text: key('noMatchText') },
    title: key('emptyTitle'),
    text: key('emptyText'),
    newLabel: key('new'),
  };
}

/**
 * What an empty list says: "nothing matches" while filters are set; otherwise that there is
 * nothing yet, with the button that creates the first record (`onNew`, when the user may).
 * `texts`: the catalog's prefix of noMatchTitle, noMatchText, emptyTitle, emptyText and new.
 */
export function ListEmptyState(
  props: {
    /** Whether filters are set; `noMatch` is what the list says then. */
    filtered?: boolean;
    onNew?: () => void;
  } & ({ texts: string } | { noMatch?: { title: string; text: string }; title: string; text: string; newLabel?: string }),
) {
  const { t } = useTranslation();
  const { filtered, onNew } = props;
  const x = 'texts' in props ? catalogTexts(t, props.texts) : props;
  if (filtered && x.noMatch) return <EmptyState title={x.noMatch.title} text={x.noMatch.text} />;
  return (
    <EmptyState
      title={x.title}
      text={x.text}
      action={
        onNew && x.newLabel ? (
          <Button mt="xs" style={{ pointerEvents: 'auto' }} leftSection={<IconPlus size={16} />} onClick={onNew}>
            {x.newLabel}
          </Button>
        ) : undefined
      }
    />
  );
}

/** The last column of a list whose rows open a record: a "details" button named after the row. */
export function detailsColumn<T>(label: string, name: (record: T) => string, onOpen: (record: T) => void): DataTableColumn<T> {
  return {
    accessor: 'actions',
    title: '',
    width: 52,
    render: (r) => (
      <RowAction
        label={label}
        name={name(r)}
        onClick={(e) => {
          e.stopPropagation();
          onOpen(r);
        }}
      >
        <IconFileDescription size={18} />
      </RowAction>
    ),
  };
}

/** The record a list shows in its drawer, kept in the address (`?ficha=<id>`) so that links can open it. */
export function useRecordParam(key = 'ficha') {
  const [params, setParams] = useSearchParams();
  const raw = params.get(key);
  return {
    recordId: raw ? Number(raw) : null,
    openRecord: (id: number) =>
      setParams((p) => {
        p.set(key, String(id));
        return p;
      }),
    closeRecord: () =>
      setParams((p) => {
        p.delete(key);
        return p;
      }),
  };
}

/** A list's filter by establishment (every one, active or not), searchable without accents. */
export function EstablishmentFilter({
  label,
  value,
  onChange,
  style,
  comboboxProps = { width: 300, position: 'bottom-start' },
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  style?: CSSProperties;
  comboboxProps?: ComboboxProps;
}) {
  const { t } = useTranslation();
  const establishments = useEstablishmentOptions('all');
  return (
    <LazySelect
      label={label}
      placeholder={t('common.all')}
      clearable
      searchable
      filter={accentFilter}
      data={establishments}
      value={value}
      onChange={onChange}
      comboboxProps={comboboxProps}
      style={style}
    />
  );
}
