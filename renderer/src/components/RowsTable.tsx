import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A short table of records: `head`, the cells of its header row (Table.Th), if it has one;
 * a row (`row`, a Table.Tr) for each record. Any other Table prop goes to the table.
 */
export function RowsTable<T>({
  head,
  records,
  row,
  ...props
}: TableProps & { head?: ReactNode; records: readonly T[]; row: (record: T, index: number) => ReactNode }) {
  return (
    <Table {...props}>
      {head !== undefined && (
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
      )}
      <Table.Tbody>{records.map(row)}</Table.Tbody>
    </Table>
  );
}
