import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import plainRows from './plainRows.module.css';

/**
 * A short table of records: `head`, the cells of its header row (Table.Th), if it has one;
 * a row (`row`, a Table.Tr) for each record. Any other Table prop goes to the table.
 * `plain`: the rows are plain tr and td elements (components/plainRows.module.css gives them
 * the table's look), for a table with dozens of rows that a page draws on every visit.
 */
export function RowsTable<T>({
  head,
  records,
  row,
  plain,
  ...props
}: TableProps & { head?: ReactNode; records: readonly T[]; row: (record: T, index: number) => ReactNode; plain?: boolean }) {
  const plainBody = [plainRows.body, props.striped && plainRows.striped, props.highlightOnHover && plainRows.hover]
    .filter(Boolean)
    .join(' ');
  return (
    <Table {...props}>
      {head !== undefined && (
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
      )}
      {plain ? <tbody className={plainBody}>{records.map(row)}</tbody> : <Table.Tbody>{records.map(row)}</Table.Tbody>}
    </Table>
  );
}
