import { Button, type ButtonProps } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import type { MouseEventHandler, ReactNode } from 'react';

/** What a row's button says and does (any other Button prop: an icon, `disabled`, an `aria-label` naming the row). */
export type RowButtonProps = ButtonProps & { onClick: MouseEventHandler<HTMLButtonElement>; 'aria-label'?: string; children: ReactNode };

/** The last column of a table whose rows each have one thing to do: a small light button, at the right. */
export function buttonColumn<T>(button: (record: T) => RowButtonProps): DataTableColumn<T> {
  return {
    accessor: 'actions',
    title: '',
    textAlign: 'right',
    render: (record) => <Button size="compact-sm" variant="light" {...button(record)} />,
  };
}
