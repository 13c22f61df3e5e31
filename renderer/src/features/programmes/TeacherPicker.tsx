import { MultiSelect, Select, type MultiSelectProps, type OptionsFilter, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopTeacher } from '../../../../shared/programmes/schemas';
import { useApiQuery } from '../../api';

/**
 * Teacher records to choose from (issue 15): main searches the active teachers by name or DNI
 * (`workshops.teacherOptions`) and always answers those already chosen, so that they stay
 * named (an inactive one reads "(inactivo)"). Values are the teachers' ids, as text.
 */
function useTeacherOptions(chosen: string[], shown: string | null = null) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const ids = chosen.map(Number).filter((n) => Number.isInteger(n) && n > 0);
  // Once one is chosen a single box shows their name: that is not a search.
  const typed = shown !== null && debounced === shown ? '' : debounced;
  const results = useApiQuery('workshops.teacherOptions', { search: typed, ids }, { placeholderData: (previous) => previous });
  const label = (x: WorkshopTeacher) => (x.active ? x.name : `${x.name} ${t('programmes.workshopTeachers.inactive')}`);
  const data = (results.data ?? []).map((x) => ({ value: String(x.id), label: label(x) }));
  const all: OptionsFilter = ({ options }) => options;
  return {
    /** What both boxes are unless the caller says otherwise. */
    defaults: {
      searchable: true,
      clearable: true,
      placeholder: t('programmes.workshopTeachers.pickPlaceholder'),
      nothingFoundMessage: results.data !== undefined ? t('programmes.workshopTeachers.pickNothing') : undefined,
      maxDropdownHeight: 260,
    },
    /** The options main found: the box filters none itself. */
    found: { data, filter: all, searchValue: search, onSearchChange: setSearch },
  };
}

type MultiProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'>;

/** The teachers who give a workshop. */
export function TeacherMultiSelect({ value, onChange, ...props }: MultiProps & { value: string[]; onChange: (ids: string[]) => void }) {
  const o = useTeacherOptions(value);
  return <MultiSelect {...o.defaults} {...props} {...o.found} value={value} onChange={onChange} />;
}

type SingleProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'>;

/** One teacher (the one a typed name was). */
export function TeacherSelect({
  value,
  onChange,
  ...props
}: SingleProps & { value: string | null; onChange: (id: string | null) => void }) {
  const [shown, setShown] = useState<string | null>(null);
  const o = useTeacherOptions(value === null ? [] : [value], shown);
  return (
    <Select
      {...o.defaults}
      {...props}
      {...o.found}
      value={value}
      onChange={(id, option) => {
        setShown(id === null ? null : (option?.label ?? null));
        onChange(id);
      }}
    />
  );
}
