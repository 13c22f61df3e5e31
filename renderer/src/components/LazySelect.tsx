import { Select, type SelectProps } from '@mantine/core';
import { useState } from 'react';

/**
 * A Select whose list is put in the page from the first time the pointer or the focus reaches
 * it (Mantine keeps every closed list in the page, and positions each one as the page opens: a
 * list page with several filters paid for all of them on every visit). From then on it is kept,
 * as Mantine's own, so the keys work exactly as before (ArrowDown highlights the first option).
 */
export function LazySelect({ comboboxProps, onFocus, onMouseEnter, ...props }: SelectProps) {
  const [used, setUsed] = useState(false);
  return (
    <Select
      {...props}
      comboboxProps={{ ...comboboxProps, keepMounted: used }}
      onFocus={(e) => {
        setUsed(true);
        onFocus?.(e);
      }}
      onMouseEnter={(e) => {
        setUsed(true);
        onMouseEnter?.(e);
      }}
    />
  );
}
