import { DataTable, type DataTableProps } from 'mantine-datatable';

/**
 * A whole list (not paged) in the app's table: bordered, striped, the row under the pointer
 * lit, and `emptyHeight` of room for the empty state while there are no rows. Any other
 * DataTable prop goes through (`highlightOnHover={false}` turns the lighting off).
 */
export function PlainTable<T>({ records, emptyHeight = 220, ...props }: DataTableProps<T> & { records: T[]; emptyHeight?: number }) {
  return (
    <DataTable<T>
      withTableBorder
      borderRadius="sm"
      striped
      highlightOnHover
      minHeight={records.length === 0 ? emptyHeight : undefined}
      records={records}
      {...(props as DataTableProps<T>)}
    />
  );
}
