import type { SelectProps } from '@mantine/core';
import { ChoiceFilter, useOptions } from './ListTools';

/**
 * A list's filter by one of a closed list's `values` (ChoiceFilter), each labelled from the
 * catalog (`${prefix}.${value}`, useOptions).
 */
export function CatalogChoiceFilter({
  values,
  prefix,
  ...props
}: Omit<SelectProps, 'clearable' | 'data'> & { values: readonly string[]; prefix: string }) {
  const options = useOptions(values, prefix);
  return <ChoiceFilter data={options} {...props} />;
}
