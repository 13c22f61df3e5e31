import type { ViewList, ViewState } from '../../../shared/lists/schemas';

type FilterValue = ViewState['filters'][string];

/** SavedViews' ListView, spelled here so that this file stays free of the renderer's API (its unit test runs in Node). */
interface ListView {
  list: ViewList;
  current: () => ViewState;
  restore: (state: ViewState) => void;
}

/**
 * One filter of a page that keeps its filters in its own state (not useFilteredList), as a
 * saved view sees it: its value now, and how to set it from a saved value. A saved value this
 * filter does not take (a view saved before the filter changed, a choice that no longer
 * exists) sets it back to its default: an old view never breaks the page.
 */
export interface PlainFilter {
  value: FilterValue;
  restore: (saved: unknown) => void;
}

/** A text filter (a search by code, say): any text; '' by default. */
export function textFilter(value: string, set: (v: string) => void): PlainFilter {
  return { value, restore: (saved) => set(typeof saved === 'string' ? saved : '') };
}

/** A clearable choice: one of `options` (any text if none are given), or none (null, the default). */
export function choiceFilter<T extends string>(value: T | null, set: (v: T | null) => void, options?: readonly string[]): PlainFilter {
  return {
    value,
    restore: (saved) => set(typeof saved === 'string' && (!options || options.includes(saved)) ? (saved as T) : null),
  };
}

/** The values of a Select's options: the choices a saved value must be one of. */
export const valuesOf = (options: readonly { value: string }[]) => options.map((o) => o.value);

/** A choice that is always set (a status, open or closed…): one of `options`, else `fallback`. */
export function optionFilter<T extends string>(value: T, set: (v: T) => void, options: readonly T[], fallback: T): PlainFilter {
  return {
    value,
    restore: (saved) => set(typeof saved === 'string' && (options as readonly string[]).includes(saved) ? (saved as T) : fallback),
  };
}

/** A yes/no filter (a checkbox): false by default. */
export function flagFilter(value: boolean, set: (v: boolean) => void): PlainFilter {
  return { value, restore: (saved) => set(saved === true) };
}

/** A whole number (a year, say): `fallback` when the saved value is not one. */
export function numberFilter(value: number, set: (v: number) => void, fallback: number): PlainFilter {
  return { value, restore: (saved) => set(typeof saved === 'number' && Number.isInteger(saved) ? saved : fallback) };
}

/** The order of a list: its column and direction, which columns it takes, and how to set it. */
export interface PlainSort {
  column: string;
  direction: 'asc' | 'desc';
  columns: readonly string[];
  set: (column: string, direction: 'asc' | 'desc') => void;
}

/** The order of a list that has none to choose: a saved view keeps this one. */
const fixedSort = { column: 'default', direction: 'asc' } as const;

/**
 * The saved views (SavedViews) of a list page whose search and filters live in its own
 * useState: the view is the search (or ''), each filter by its short key, and the order (or a
 * fixed one). `restore` sets each filter the page knows from the view (the default when the
 * view lacks it or holds a value it does not take), ignores keys it does not know, and then
 * runs `onRestore` (back to page 1, or writing the address once for all the filters).
 */
export function plainListView(
  list: ViewList,
  filters: Record<string, PlainFilter>,
  opts: { search?: { value: string; set: (v: string) => void }; sort?: PlainSort; onRestore?: () => void } = {},
): ListView {
  const { search, sort, onRestore } = opts;
  return {
    list,
    current: () => ({
      search: search?.value ?? '',
      filters: Object.fromEntries(Object.entries(filters).map(([key, f]) => [key, f.value])),
      sort: sort ? { column: sort.column, direction: sort.direction } : { ...fixedSort },
    }),
    restore: (state) => {
      const saved: Record<string, unknown> = typeof state.filters === 'object' && state.filters !== null ? state.filters : {};
      search?.set(typeof state.search === 'string' ? state.search : '');
      for (const [key, f] of Object.entries(filters)) f.restore(Object.hasOwn(saved, key) ? saved[key] : undefined);
      if (sort && state.sort && sort.columns.includes(state.sort.column)) {
        sort.set(state.sort.column, state.sort.direction === 'desc' ? 'desc' : 'asc');
      }
      onRestore?.();
    },
  };
}
