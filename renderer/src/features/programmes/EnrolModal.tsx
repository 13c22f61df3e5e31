import { Group, MultiSelect, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api';
import { DateField, todayIso } from '../../components/fields';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/useRecordForm';
import { partInput, PartSelect } from './parts';
import { nameOf } from './ui';

interface Values {
  participantIds: string[];
  date: string | null;
  /** The part from the list ("t:<id>", "v:<voice>") or null. */
  part: string | null;
}

const blank = (): Values => ({ participantIds: [], date: todayIso(), part: null });

/**
 * Enrol participants in a workshop or an ensemble: a type-ahead by code or name over the
 * establishment's active participants (searched in main), several at once.
 */
export function EnrolModal({
  opened,
  onClose,
  group,
}: {
  opened: boolean;
  onClose: () => void;
  group: { kind: 'workshop' | 'ensemble'; id: number; name: string; establishmentId: number };
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const [labels, setLabels] = useState<Map<string, string>>(new Map());
  const enrol = useApiMutation('enrolments.create');
  const { form, setFormError, saved, modal } = useRecordForm<Values>({
    opened,
    recordKey: group.id,
    values: blank,
    onOpen: () => setQuery(''),
  });
  const selected = form.values.participantIds;
  const hits = useApiQuery(
    'participants.search',
    { q: debounced.trim() || '-', establishmentId: group.establishmentId, activeOnly: true, limit: 15 },
    { enabled: debounced.trim().length > 0, placeholderData: (p) => p },
  );

  const data = useMemo(() => {
    const next = new Map(labels);
    for (const h of hits.data ?? []) next.set(String(h.id), `${h.code} — ${nameOf(h)}`);
    const ids = new Set([...selected, ...(debounced.trim() ? (hits.data ?? []).map((h) => String(h.id)) : [])]);
    return [...ids].map((id) => ({ value: id, label: next.get(id) ?? id }));
  }, [hits.data, labels, selected, debounced]);

  const save = (v: Values) => {
    setFormError(null);
    enrol.mutate(
      {
        workshopId: group.kind === 'workshop' ? group.id : null,
        ensembleId: group.kind === 'ensemble' ? group.id : null,
        participantIds: v.participantIds.map(Number),
        date: v.date ?? '',
        ...(group.kind === 'ensemble' ? partInput(v.part) : {}),
      },
      saved((r) => t('programmes.enrolments.created', { count: r.created }), onClose),
    );
  };

  return (
    <FormModal
      {...modal(save)}
      onClose={onClose}
      size={640}
      title={t('programmes.enrolments.enrolTitle', { name: group.name })}
      saving={enrol.isPending}
      saveDisabled={selected.length === 0}
      saveLabel={t('programmes.enrolments.enrol')}
      gap="sm"
    >
      <MultiSelect
        label={t('programmes.enrolments.participants')}
        description={t('programmes.enrolments.participantsHint')}
        data-autofocus
        searchable
        searchValue={query}
        onSearchChange={setQuery}
        filter={({ options }) => options}
        data={data}
        value={selected}
        onChange={(v) => {
          setLabels((prev) => {
            const next = new Map(prev);
            for (const d of data) next.set(d.value, d.label);
            return next;
          });
          form.setFieldValue('participantIds', v);
          setQuery('');
        }}
        nothingFoundMessage={debounced.trim() ? t('programmes.participants.noMatchTitle') : undefined}
        error={form.errors.participantIds}
        hidePickedOptions
        maxDropdownHeight={280}
      />
      <Group grow align="flex-start">
        <DateField label={t('programmes.enrolments.date')} withAsterisk {...form.getInputProps('date')} />
        {group.kind === 'ensemble' && (
          <PartSelect {...form.getInputProps('part')} error={form.errors.part ?? form.errors.partTypeId ?? form.errors.partVoice} />
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('programmes.participants.privacy')}
      </Text>
    </FormModal>
  );
}
