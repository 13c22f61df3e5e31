import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { RowsTable } from '../../components/RowsTable';
import { RecordedCell } from './ui';

/** A column of a ledger: its header, and what its cell shows of an entry. */
export interface LedgerColumn<T> {
  title: ReactNode;
  cell: (entry: T) => ReactNode;
}

/**
 * A work's ledger (its custody, its consents): a row an entry (named `rowTestId`), a cell for
 * each of `columns`, then who recorded the entry and when (RecordedCell, headed `recordedBy`).
 * `scrollMinWidth`: narrower than this, the table scrolls sideways. Any other Table prop goes
 * to the table.
 */
export function LedgerTable<T extends { id: number; recordedBy: string; recordedAt: string }>({
  entries,
  columns,
  recordedBy,
  rowTestId,
  scrollMinWidth,
  ...props
}: TableProps & {
  entries: readonly T[];
  columns: readonly LedgerColumn<T>[];
  recordedBy: string;
  rowTestId: string;
  scrollMinWidth?: number;
}) {
  const table = (
    <RowsTable
      {...props}
      head={
        <>
          {columns.map((c, i) => (
            <Table.Th key={i}>{c.title}</Table.Th>
          ))}
          <Table.Th>{recordedBy}</Table.Th>
        </>
      }
      records={entries}
      row={(entry) => (
        <Table.Tr key={entry.id} data-testid={rowTestId}>
          {columns.map((c, i) => (
            <Table.Td key={i}>{c.cell(entry)}</Table.Td>
          ))}
          <RecordedCell entry={entry} />
        </Table.Tr>
      )}
    />
  );
  return scrollMinWidth === undefined ? table : <Table.ScrollContainer minWidth={scrollMinWidth}>{table}</Table.ScrollContainer>;
}
