import { Button, type SelectProps } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { DataTableSortStatus } from 'mantine-datatable';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LazySelect } from './LazySelect';
import { useSearchParams } from 'react-router';
import { ClearFiltersButton, FilterBar, SearchBox, useListState, type ListState } from './ListPage';
import type { ViewList, ViewState } from '../../../shared/lists/schemas';
import { SavedViews, type ListView } from './SavedViews';

/* More pieces that list pages share, beside ListPage.tsx: their filters, the query's paging, the form dialog. */

/**
 * The filters of a list page beside its search box (useListState): their values, a
 * `bind(key)` for the control that sets each, whether any differs from its default, and
 * clearing them all. `initial`: values that differ from the defaults when the page opens
 * (a deep link such as ?estado=por_vencer); clearing goes back to the defaults.
 */
export function useFilters<F extends Record<string, unknown>>(defaults: F, initial: Partial<F> = {}) {
  const [values, setValues] = useState<F>(() => ({ ...defaults, ...initial }));
  const set = <K extends keyof F>(key: K, value: F[K]) => setValues((prev) => ({ ...prev, [key]: value }));
  return {
    values,
    set,
    bind: <K extends keyof F>(key: K) => ({ value: values[key], onChange: (value: F[K]) => set(key, value) }),
    changed: (Object.keys(defaults) as (keyof F)[]).some((k) => values[k] !== defaults[k]),
    clear: () => setValues(defaults),
    /** A saved view's filters: each of this list's filters takes the view's value, or its default. */
    restore: (saved: Record<string, unknown>) =>
      setValues(Object.fromEntries(Object.keys(defaults).map((k) => [k, k in saved ? saved[k] : defaults[k]])) as F),
  };
}

/**
 * A list's state (useListState) with its filters (useFilters): the page goes back to 1 when
 * one changes; `filtered` while the search or a filter is set; `clear` empties them all and
 * runs `onClear` (dropping the deep link's parameters, say).
 */
export function useFilteredList<T, F extends Record<string, unknown>>(opts: {
  /** The list's channel: its saved views are kept under it (components/SavedViews.tsx). */
  view: ViewList;
  filters: F;
  initial?: Partial<F>;
  sort: DataTableSortStatus<T>;
  pageSizeKey?: string;
  onClear?: () => void;
}) {
  const filters = useFilters(opts.filters, opts.initial);
  const list = useListState<T>({ sort: opts.sort, pageSizeKey: opts.pageSizeKey, filters: filters.values });
  return {
    list,
    filters,
    filtered: list.search !== '' || filters.changed,
    clear: () => {
      list.setSearch('');
      filters.clear();
      opts.onClear?.();
    },
    view: {
      list: opts.view,
      current: (): ViewState => ({
        search: list.search,
        filters: filters.values as ViewState['filters'],
        sort: { column: String(list.sortStatus.columnAccessor), direction: list.sortStatus.direction },
      }),
      restore: (state: ViewState) => {
        list.setSearch(state.search);
        filters.restore(state.filters);
        list.setSortStatus({ columnAccessor: state.sort.column, direction: state.sort.direction } as DataTableSortStatus<T>);
      },
    } satisfies ListView,
  };
}

/**
 * The filter bar of a list (useFilteredList): its search box (`placeholder` says what it
 * searches; it takes the room the filters leave, or `searchWidth`), the filters, and
 * "Quitar filtros" while any is set.
 */
export function ListFilters({
  state,
  placeholder,
  searchMinWidth = 220,
  searchWidth,
  children,
}: {
  state: { list: Pick<ListState<unknown>, 'search' | 'setSearch'>; filtered: boolean; clear: () => void; view: ListView };
  placeholder: string;
  searchMinWidth?: number;
  searchWidth?: number;
  children: ReactNode;
}) {
  return (
    <FilterBar>
      <SearchBox
        value={state.list.search}
        onChange={state.list.setSearch}
        placeholder={placeholder}
        w={searchWidth}
        style={searchWidth === undefined ? { flex: '2 1 0', minWidth: searchMinWidth } : undefined}
      />
      {children}
      <ClearFiltersButton active={state.filtered} onClear={state.clear} />
      <SavedViews view={state.view} />
    </FilterBar>
  );
}

/** Options of a closed list, each labelled from the catalog (`${prefix}.${value}`). */
export function useOptions(values: readonly string[], prefix: string) {
  const { t } = useTranslation();
  return values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
}

/** A list's filter by one of a few values: clearable, and "Todos" (or `placeholder`) while none is chosen. */
export function ChoiceFilter({ placeholder, ...props }: Omit<SelectProps, 'clearable'>) {
  const { t } = useTranslation();
  return <LazySelect placeholder={placeholder ?? t('common.all')} clearable {...props} />;
}

export type ActiveStatus = 'active' | 'inactive' | 'all';

const activeLabels: Record<ActiveStatus, string> = {
  active: 'common.activeOnly',
  inactive: 'common.inactiveOnly',
  all: 'common.activeAll',
};

/** "Estado": only the active records, only the inactive ones, or all of them (listed in `order`). */
export function ActiveFilter({
  value,
  onChange,
  order = ['active', 'inactive', 'all'],
  style,
  w,
}: {
  value: ActiveStatus;
  onChange: (value: ActiveStatus) => void;
  order?: readonly ActiveStatus[];
  style?: CSSProperties;
  w?: number;
}) {
  const { t } = useTranslation();
  return (
    <LazySelect
      label={t('common.status')}
      data={order.map((s) => ({ value: s, label: t(activeLabels[s]) }))}
      value={value}
      onChange={(v) => onChange((v ?? order[0]) as ActiveStatus)}
      allowDeselect={false}
      style={style}
      w={w}
    />
  );
}

/** What a paged list channel takes besides its filter: the sort column and direction, the page and its size (useListState). */
export function pageOf<S extends string>(list: { sortStatus: { direction: 'asc' | 'desc' }; page: number; pageSize: number }, sort: S) {
  return { sort, direction: list.sortStatus.direction, page: list.page, pageSize: list.pageSize };
}

/** The button at the top right of a list that creates a record. */
export function NewButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button leftSection={<IconPlus size={16} />} onClick={onClick}>
      {label}
    </Button>
  );
}

/**
 * A list page's form dialog: closed, or open for a new record (`record` null) or for one.
 * With `linked` (the address parameters that came with it), ?nuevo=1 opens it for a new
 * record when the page opens, and closing removes `nuevo` and those parameters.
 */
export function useFormDialog<T>(linked?: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const [opened, setOpened] = useState(linked !== undefined && params.get('nuevo') === '1');
  const [record, setRecord] = useState<T | null>(null);
  const open = (r: T | null) => {
    setRecord(r);
    setOpened(true);
  };
  const keys = linked ? ['nuevo', ...linked] : [];
  return {
    opened,
    record,
    openNew: () => open(null),
    openEdit: (r: T) => open(r),
    close: () => {
      setOpened(false);
      if (keys.some((k) => params.get(k)))
        setParams((p) => {
          for (const k of keys) p.delete(k);
          return p;
        });
    },
  };
}
