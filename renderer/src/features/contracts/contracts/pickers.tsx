import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractStatus } from '../../../../../shared/contracts/rules';
import { useApiQuery } from '../../../api';

type PickerProps = Omit<SelectProps, 'data' | 'searchValue' | 'onSearchChange' | 'filter'> & { value?: string | null };

/**
 * A teacher chosen by typing part of the name or the DNI: the search runs in main (there may
 * be thousands), the chosen one stays listed.
 */
export function TeacherPicker(props: PickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const selectedId = props.value ? Number(props.value) : null;
  const results = useApiQuery('teachers.list', { search: debounced, status: 'active', pageSize: 50 }, { placeholderData: (p) => p });
  const selected = useApiQuery('teachers.get', { id: selectedId ?? 0 }, { enabled: selectedId !== null });
  const rows = results.data?.rows ?? [];
  const data = rows.map((r) => ({ value: String(r.id), label: `${r.fullName} — ${t('contracts.teachers.dni')} ${r.dni}` }));
  const s = selected.data?.teacher;
  if (s && !data.some((d) => d.value === String(s.id)))
    data.unshift({ value: String(s.id), label: `${s.fullName} — ${t('contracts.teachers.dni')} ${s.dni}` });
  return (
    <Select
      searchable
      placeholder={t('contracts.contracts.teacherPlaceholder')}
      nothingFoundMessage={t('contracts.teachers.noMatchTitle')}
      {...props}
      data={data}
      filter={({ options }) => options}
      onSearchChange={setSearch}
    />
  );
}

/** A contract chosen by number or teacher, among the signed ones (sign-offs need one). */
export function ContractPicker(props: PickerProps & { statuses?: ContractStatus[] }) {
  const { t } = useTranslation();
  const { statuses: _s, ...rest } = props;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const selectedId = props.value ? Number(props.value) : null;
  const results = useApiQuery(
    'contracts.list',
    { search: debounced, pageSize: 50, sort: 'number', direction: 'asc' },
    { placeholderData: (p) => p },
  );
  const selected = useApiQuery('contracts.get', { id: selectedId ?? 0 }, { enabled: selectedId !== null });
  const data = (results.data?.rows ?? [])
    .filter((c) => c.status !== 'borrador')
    .map((c) => ({ value: String(c.id), label: `${c.number} — ${c.teacherName}` }));
  const s = selected.data?.contract;
  if (s && !data.some((d) => d.value === String(s.id))) data.unshift({ value: String(s.id), label: `${s.number} — ${s.teacherName}` });
  return (
    <Select
      searchable
      placeholder={t('contracts.conformities.contractPlaceholder')}
      nothingFoundMessage={t('contracts.contracts.noMatchTitle')}
      {...rest}
      data={data}
      filter={({ options }) => options}
      onSearchChange={setSearch}
    />
  );
}

/**
 * The workshops of one establishment a contract covers, chosen by id; a closed workshop is
 * offered only when it is already chosen.
 */
export function WorkshopsPicker({
  establishmentId,
  value,
  ...props
}: Omit<MultiSelectProps, 'data' | 'value'> & { establishmentId: string | null; value?: string[] }) {
  const { t } = useTranslation();
  const id = establishmentId === null ? null : Number(establishmentId);
  const options = useApiQuery('contracts.workshopOptions', { establishmentIds: id === null ? [] : [id] }, { enabled: id !== null });
  const chosen = new Set(value ?? []);
  const data = (options.data ?? [])
    .filter((w) => w.active || chosen.has(String(w.id)))
    .map((w) => ({ value: String(w.id), label: w.active ? w.name : t('contracts.workshopLinks.inactive', { name: w.name }) }));
  const empty = id !== null && options.isSuccess && data.length === 0;
  return (
    <MultiSelect
      label={t('contracts.workshopLinks.label')}
      placeholder={
        chosen.size > 0
          ? undefined
          : id === null
            ? t('contracts.workshopLinks.chooseEstablishmentFirst')
            : empty
              ? t('contracts.workshopLinks.noneHere')
              : t('contracts.workshopLinks.placeholder')
      }
      searchable
      clearable
      disabled={id === null || empty}
      {...props}
      value={value ?? []}
      data={data}
    />
  );
}
