import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../../../../shared/inventory/custody-schemas';
import type { CustodianType } from '../../../../../shared/inventory/rules';
import { ensembleTypes } from '../../../../../shared/programmes/rules';
import { useApiQuery } from '../../../api';

/** An ensemble's detail is its kind as the programmes store it (banda_sinfonica): said in the user's language. */
const isEnsembleType = (d: string): d is (typeof ensembleTypes)[number] => (ensembleTypes as readonly string[]).includes(d);

type PickerProps = Omit<SelectProps, 'type' | 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter' | 'renderOption'>;

/**
 * Whom an instrument goes to: a teacher, an ensemble, a participant or a staff member of the
 * instrument's establishment, found by typing (main searches, `custody.candidates`; a
 * participant reads as the INPE code alone for a role without the personal-data permission).
 * Each option shows its label and, under it, its detail (a staff member's role, an
 * ensemble's kind). The value is the chosen one's id, as text.
 */
export function CustodianPicker({
  establishmentId,
  type,
  value,
  onChange,
  ...props
}: PickerProps & {
  establishmentId: number | null;
  type: CustodianType | null;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // The chosen one stays listed (and named) whatever is typed next.
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const shownChosen = chosen && value === String(chosen.id) && chosen.type === type ? chosen : null;
  // Once someone is chosen, the box shows their label: that is not a search.
  const typed = shownChosen && debounced === shownChosen.label ? '' : debounced;
  const enabled = establishmentId !== null && type !== null;
  const results = useApiQuery(
    'custody.candidates',
    { establishmentId: establishmentId ?? 0, type: type ?? 'docente', search: typed },
    {
      enabled,
      // While the next answer comes, the last one of the same establishment and type stays.
      placeholderData: (previous, query) => {
        const before = query?.queryKey[1] as { establishmentId: number; type: string } | undefined;
        return before?.establishmentId === establishmentId && before?.type === type ? previous : undefined;
      },
    },
  );
  const found = enabled ? (results.data ?? []) : [];
  const candidates = shownChosen && !found.some((c) => c.id === shownChosen.id) ? [shownChosen, ...found] : found;
  const byValue = new Map(candidates.map((c) => [String(c.id), c]));

  return (
    <Select
      searchable
      clearable
      placeholder={type === null ? t('inventory.custody.picker.chooseType') : t('inventory.custody.picker.placeholder')}
      nothingFoundMessage={enabled && results.data ? t('inventory.custody.picker.none') : undefined}
      maxDropdownHeight={280}
      // What the box offers is said under it, so that it lines up with the fields beside it.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...props}
      disabled={props.disabled || !enabled}
      data={candidates.map((c) => ({ value: String(c.id), label: c.label }))}
      value={value}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v) => {
        setChosen(v === null ? null : (byValue.get(v) ?? null));
        onChange(v);
      }}
      renderOption={({ option }) => {
        const c = byValue.get(option.value);
        const detail = c?.detail && c.type === 'elenco' && isEnsembleType(c.detail) ? t(`programmes.ensembleTypes.${c.detail}`) : c?.detail;
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {detail && (
              <Text size="xs" opacity={0.75}>
                {detail}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
